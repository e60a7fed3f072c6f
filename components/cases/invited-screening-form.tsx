"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, type FormEvent } from "react";
import type { SubmitScreeningInput } from "@/server/schemas/screening-invitations";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { useTRPC } from "../trpc/client";
import { nestedFieldErrors } from "./create-case-form";
import { ScreeningFields, screeningFromForm } from "./screening-fields";

/** The Screening form a network actor fills through an invitation link, without an account. */
export function InvitedScreeningForm({ token }: { token: string }) {
  const t = useTranslations("invitations.public");
  const tIdentity = useTranslations("cases.identityFields");
  const trpc = useTRPC();
  const submit = useMutation(trpc.cases.invitations.submit.mutationOptions());
  const errors = nestedFieldErrors(submit.error);
  const confirmation = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (submit.isSuccess) confirmation.current?.focus();
  }, [submit.isSuccess]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      token,
      identity: {
        lastName: String(form.get("lastName") ?? ""),
        firstName: String(form.get("firstName") ?? ""),
        birthDate: String(form.get("birthDate") ?? ""),
      },
      screening: screeningFromForm(form),
      referrer: { name: String(form.get("referrerName") ?? ""), contact: String(form.get("referrerContact") ?? "") },
      // An unchecked box is sent as false so that the server names the missing consent at the field.
      consent: form.get("consent") === "on",
    };
    submit.mutate(input as SubmitScreeningInput);
  }

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
      <FormStatus error={submit.error?.message} />
      <fieldset>
        <legend>{t("person")}</legend>
        <Field id="invited-last-name" label={tIdentity("lastName")} error={errors["identity.lastName"]}>
          {(d) => <input id="invited-last-name" name="lastName" autoComplete="off" required {...d} />}
        </Field>
        <Field id="invited-first-name" label={tIdentity("firstName")} error={errors["identity.firstName"]}>
          {(d) => <input id="invited-first-name" name="firstName" autoComplete="off" required {...d} />}
        </Field>
        <Field id="invited-birth-date" label={tIdentity("birthDate")} error={errors["identity.birthDate"]}>
          {(d) => <input id="invited-birth-date" name="birthDate" type="date" required {...d} />}
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t("screening")}</legend>
        <ScreeningFields errors={errors} />
      </fieldset>
      <fieldset>
        <legend>{t("referrer")}</legend>
        <Field id="invited-referrer-name" label={t("referrerName")} error={errors["referrer.name"]}>
          {(d) => <input id="invited-referrer-name" name="referrerName" autoComplete="name" required {...d} />}
        </Field>
        <Field
          id="invited-referrer-contact"
          label={t("referrerContact")}
          hint={t("referrerContactHint")}
          error={errors["referrer.contact"]}
        >
          {(d) => <input id="invited-referrer-contact" name="referrerContact" autoComplete="off" required {...d} />}
        </Field>
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
            name="consent"
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
