"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { confirmGuestSchema } from "@/server/schemas/guests";
import { focusFirstInvalid, useSchemaErrors } from "../cases/plan-form-errors";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";

/**
 * The guest confirms name, organisation and the confidentiality notice; this signs them in through
 * the "guest-link" provider. The start page then sends them to their conference.
 */
export function GuestConfirmForm({ token, name, organisationName }: { token: string; name: string; organisationName: string }) {
  const t = useTranslations("guests");
  const router = useRouter();
  const { check } = useSchemaErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = check(confirmGuestSchema, {
      token,
      name: String(form.get("name") ?? ""),
      organisationName: String(form.get("organisationName") ?? ""),
      confidentiality: form.get("confidentiality") === "on",
    });
    setError(null);
    if (result.errors) {
      setErrors(result.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setSubmitting(true);
    const { data } = result;
    const response = await signIn("guest-link", {
      token: data.token,
      name: data.name,
      organisationName: data.organisationName,
      confidentiality: "true",
      redirect: false,
    });
    if (!response || response.error) {
      setSubmitting(false);
      setError(t(response?.error === "RateLimited" ? "errors.rateLimited" : "errors.confirmFailed"));
      return;
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <form ref={formRef} onSubmit={(event) => void onSubmit(event)} noValidate className="card wide">
      <p>{t("public.intro")}</p>
      <FormStatus error={error} />
      <Field id="guest-name" label={t("public.name")} error={errors.name}>
        {(d) => <input id="guest-name" name="name" defaultValue={name} autoComplete="name" maxLength={120} required {...d} />}
      </Field>
      <Field id="guest-organisation" label={t("public.organisation")} hint={t("public.organisationHint")} error={errors.organisationName}>
        {(d) => (
          <input
            id="guest-organisation"
            name="organisationName"
            defaultValue={organisationName}
            autoComplete="organization"
            maxLength={120}
            {...d}
          />
        )}
      </Field>
      <section aria-labelledby="guest-confidentiality-title">
        <h2 id="guest-confidentiality-title">{t("public.confidentialityHeading")}</h2>
        <p id="guest-confidentiality-text">{t("public.confidentialityText")}</p>
        <div className={errors.confidentiality ? "field field-invalid" : "field"}>
          {errors.confidentiality && (
            <p className="field-error" id="guest-confidentiality-error">
              {errors.confidentiality}
            </p>
          )}
          <label className="inline-choice" htmlFor="guest-confidentiality">
            <input
              id="guest-confidentiality"
              name="confidentiality"
              type="checkbox"
              required
              aria-describedby={["guest-confidentiality-text", errors.confidentiality ? "guest-confidentiality-error" : ""]
                .filter(Boolean)
                .join(" ")}
              aria-invalid={errors.confidentiality ? true : undefined}
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
