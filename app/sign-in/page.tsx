import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { actorFromCookies } from "@/server/auth/session";
import { getEnv } from "@/server/config/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  if (await actorFromCookies(await cookies())) redirect("/");
  const t = await getTranslations();
  const env = getEnv();
  const { error } = await searchParams;
  const oidcName = env.OIDC_ISSUER ? env.OIDC_NAME : null;
  return (
    <main id="main" className="sign-in">
      <div className="sign-in-card">
        <p className="brand">{t("app.name")}</p>
        <p className="brand-tagline">{t("app.tagline")}</p>
        <h1>{t("signIn.title")}</h1>
        <p>{t("signIn.intro")}</p>
        <SignInForm oidcName={oidcName} initialError={error ?? null} />
      </div>
    </main>
  );
}
