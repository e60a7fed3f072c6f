"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { submitScreeningSchema } from "@/server/schemas/screening-invitations";
import { FormField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { errorsByPath, useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";
import { ScreeningFields, withoutEmptyProblems } from "./screening-fields";

/** The Screening form a network actor fills through an invitation link, without an account. */
export function InvitedScreeningForm({ token }: { token: string }) {
  const t = useTranslations("invitations.public");
  const tIdentity = useTranslations("cases.identityFields");
  const trpc = useTRPC();
  const form = useZodForm(submitScreeningSchema, {
    defaultValues: { token, identity: { lastName: "", firstName: "", birthDate: "" }, referrer: { name: "", contact: "" } },
  });
  const submit = useMutation(trpc.cases.invitations.submit.mutationOptions({ onError: (error) => setServerErrors(form, error) }));
  const alert = useFormAlert(form, submit.error);
  const errors = errorsByPath(form.formState.errors);
  const confirmation = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (submit.isSuccess) confirmation.current?.focus();
  }, [submit.isSuccess]);

  const onSubmit = form.handleSubmit((values) => submit.mutate({ ...values, screening: withoutEmptyProblems(values.screening) }));

  if (submit.isSuccess) {
    // Nothing about the case is shown: the referrer learns neither its pseudonym nor who works it.
    return (
      <section aria-labelledby="screening-submitted" className="card">
        <h2 id="screening-submitted" ref={confirmation} tabIndex={-1}>
          {t("submittedTitle")}
        </h2>
        <p>{t("submitted")}</p>
      </section>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="card wide">
      <FormStatus error={alert} />
      <fieldset>
        <legend>{t("person")}</legend>
        <FormField form={form} name="identity.lastName" id="invited-last-name" label={tIdentity("lastName")}>
          {(control) => <input {...control} autoComplete="off" required />}
        </FormField>
        <FormField form={form} name="identity.firstName" id="invited-first-name" label={tIdentity("firstName")}>
          {(control) => <input {...control} autoComplete="off" required />}
        </FormField>
        <FormField form={form} name="identity.birthDate" id="invited-birth-date" label={tIdentity("birthDate")}>
          {(control) => <input {...control} type="date" required />}
        </FormField>
      </fieldset>
      <fieldset>
        <legend>{t("screening")}</legend>
        <ScreeningFields errors={errors} register={(name) => form.register(name as "screening")} />
      </fieldset>
      <fieldset>
        <legend>{t("referrer")}</legend>
        <FormField form={form} name="referrer.name" id="invited-referrer-name" label={t("referrerName")}>
          {(control) => <input {...control} autoComplete="name" required />}
        </FormField>
        <FormField
          form={form}
          name="referrer.contact"
          id="invited-referrer-contact"
          label={t("referrerContact")}
          hint={t("referrerContactHint")}
        >
          {(control) => <input {...control} autoComplete="off" required />}
        </FormField>
      </fieldset>
      <div className={errors.consent ? "field field-invalid" : "field"}>
        {errors.consent && (
          <p className="field-error" id="invited-consent-error">
            {errors.consent}
          </p>
        )}
        <label className="inline-choice" htmlFor="invited-consent">
          <input
            id="invited-consent"
            {...form.register("consent")}
            type="checkbox"
            required
            aria-describedby={errors.consent ? "invited-consent-error" : undefined}
            aria-invalid={errors.consent ? true : undefined}
          />
          {t("consent")}
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={submit.isPending}>
          {t("submit")}
        </button>
      </div>
    </form>
  );
}
