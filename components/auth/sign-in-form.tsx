"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { signInSchema } from "@/server/schemas/users";
import { FormField } from "../forms/form-field";
import { useZodForm } from "../forms/use-zod-form";

const knownErrors = ["CredentialsSignin", "RateLimited", "NoAccount", "SessionExpired"];

export function SignInForm({ oidcName, initialError }: { oidcName: string | null; initialError: string | null }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  // The schema the credentials provider parses on the server.
  const form = useZodForm(signInSchema, { defaultValues: { username: "", password: "" } });
  const [submitting, setSubmitting] = useState(false);

  const errorText = (code: string) => t(`errors.${knownErrors.includes(code) ? code : "default"}`);

  const onSubmit = form.handleSubmit(async ({ username, password }) => {
    setSubmitting(true);
    setError(null);
    const result = await signIn("credentials", { username, password, redirect: false });
    setSubmitting(false);
    if (!result || result.error) {
      setError(result?.error ?? "default");
      return;
    }
    router.replace("/");
    router.refresh();
  });

  return (
    <>
      <form onSubmit={(event) => void onSubmit(event)} noValidate aria-describedby={error ? "sign-in-error" : undefined}>
        <div role="alert" id="sign-in-error" className={error ? "form-error" : undefined}>
          {error ? errorText(error) : null}
        </div>
        <FormField form={form} name="username" id="username" label={t("username")}>
          {(control) => <input {...control} autoComplete="username" autoCapitalize="none" required />}
        </FormField>
        <FormField form={form} name="password" id="password" label={t("password")}>
          {(control) => <input {...control} type="password" autoComplete="current-password" required />}
        </FormField>
        <button type="submit" className="button-primary" disabled={submitting}>
          {submitting ? t("submitting") : t("submit")}
        </button>
      </form>
      {oidcName && (
        <>
          <p className="divider">{t("or")}</p>
          <button type="button" className="button-secondary" onClick={() => void signIn("oidc", { callbackUrl: "/" })}>
            {t("oidc", { name: oidcName })}
          </button>
        </>
      )}
    </>
  );
}
