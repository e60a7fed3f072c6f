"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { confirmGuestSchema } from "@/server/schemas/guests";
import { FormField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { useZodForm } from "../forms/use-zod-form";

/**
 * The guest confirms name, organisation and the confidentiality notice; this signs them in through
 * the "guest-link" provider. The start page then sends them to their conference.
 */
export function GuestConfirmForm({ token, name, organisationName }: { token: string; name: string; organisationName: string }) {
  const t = useTranslations("guests");
  const router = useRouter();
  const form = useZodForm(confirmGuestSchema, { defaultValues: { token, name, organisationName } });
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const confidentialityError = form.formState.errors.confidentiality?.message;

  const onSubmit = form.handleSubmit(
    async (data) => {
      setError(null);
      setSubmitting(true);
      const response = await signIn("guest-link", {
        token: data.token,
        name: data.name,
        organisationName: data.organisationName,
        confidentiality: "true",
        redirect: false,
      });
      if (!response || response.error) {
        setSubmitting(false);
        const messages: Record<string, string> = { RateLimited: "errors.rateLimited", OtherDevice: "errors.otherDevice" };
        setError(t(messages[response?.error ?? ""] ?? "errors.confirmFailed"));
        return;
      }
      router.replace("/");
      router.refresh();
    },
    () => setError(null),
  );

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="card wide">
      <p>{t("public.intro")}</p>
      <FormStatus error={error} />
      <FormField form={form} name="name" id="guest-name" label={t("public.name")}>
        {(control) => <input {...control} autoComplete="name" maxLength={120} required />}
      </FormField>
      <FormField
        form={form}
        name="organisationName"
        id="guest-organisation"
        label={t("public.organisation")}
        hint={t("public.organisationHint")}
      >
        {(control) => <input {...control} autoComplete="organization" maxLength={120} />}
      </FormField>
      <section aria-labelledby="guest-confidentiality-title">
        <h2 id="guest-confidentiality-title">{t("public.confidentialityHeading")}</h2>
        <p id="guest-confidentiality-text">{t("public.confidentialityText")}</p>
        <div className={confidentialityError ? "field field-invalid" : "field"}>
          {confidentialityError && (
            <p className="field-error" id="guest-confidentiality-error">
              {confidentialityError}
            </p>
          )}
          <label className="inline-choice" htmlFor="guest-confidentiality">
            <input
              id="guest-confidentiality"
              {...form.register("confidentiality")}
              type="checkbox"
              required
              aria-describedby={["guest-confidentiality-text", confidentialityError ? "guest-confidentiality-error" : ""]
                .filter(Boolean)
                .join(" ")}
              aria-invalid={confidentialityError ? true : undefined}
            />
            {t("public.confidentiality")}
          </label>
        </div>
      </section>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={submitting}>
          {submitting ? t("public.submitting") : t("public.submit")}
        </button>
      </div>
    </form>
  );
}
