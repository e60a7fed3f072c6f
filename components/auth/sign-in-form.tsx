"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "../forms/field";

const knownErrors = ["CredentialsSignin", "RateLimited", "NoAccount", "SessionExpired"];

export function SignInForm({ oidcName, initialError }: { oidcName: string | null; initialError: string | null }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const [submitting, setSubmitting] = useState(false);

  const errorText = (code: string) => t(`errors.${knownErrors.includes(code) ? code : "default"}`);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const nextMissing = { username: !username, password: !password };
    setMissing(nextMissing);
    if (nextMissing.username || nextMissing.password) return;
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
  }

  return (
    <>
      <form onSubmit={onSubmit} noValidate aria-describedby={error ? "sign-in-error" : undefined}>
        <div role="alert" id="sign-in-error" className={error ? "form-error" : undefined}>
          {error ? errorText(error) : null}
        </div>
        <Field id="username" label={t("username")} error={missing.username ? t("errors.required") : undefined}>
          {(described) => <input id="username" name="username" autoComplete="username" autoCapitalize="none" required {...described} />}
        </Field>
        <Field id="password" label={t("password")} error={missing.password ? t("errors.required") : undefined}>
          {(described) => <input id="password" name="password" type="password" autoComplete="current-password" required {...described} />}
        </Field>
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
