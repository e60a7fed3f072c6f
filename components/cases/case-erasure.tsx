"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { eraseCaseSchema } from "@/server/schemas/cases";
import { FormField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";

/**
 * The coordination erases a closed case on the person's request (Art. 17 GDPR). Typing the
 * pseudonym again is the confirmation step, checked by the server too.
 */
export function CaseErasure({ caseId, pseudonym }: { caseId: string; pseudonym: string }) {
  const t = useTranslations("cases.erasure");
  const trpc = useTRPC();
  const router = useRouter();
  const form = useZodForm(eraseCaseSchema, { defaultValues: { caseId, confirmation: "" } });
  const erase = useMutation(
    trpc.cases.erase.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const onSubmit = form.handleSubmit((values) => erase.mutate(values));
  // A wrong pseudonym is said at the field; the form's alert would only repeat it.
  const alert = useFormAlert(form, erase.error, { hideWhenFieldsNamed: true });

  return (
    <section aria-labelledby="erasure-title" className="card wide">
      <h2 id="erasure-title">{t("title")}</h2>
      <p>{t("intro")}</p>
      <form onSubmit={onSubmit} noValidate>
        <FormStatus error={alert} success={erase.isSuccess ? t("done") : null} />
        <FormField form={form} name="confirmation" id="erasure-confirmation" label={t("confirmation", { pseudonym })}>
          {(control) => <input {...control} autoComplete="off" spellCheck={false} />}
        </FormField>
        <button type="submit" className="button-primary" disabled={erase.isPending}>
          {t("submit")}
        </button>
      </form>
    </section>
  );
}
