import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { InvitedScreeningForm } from "@/components/cases/invited-screening-form";
import { TRPCReactProvider } from "@/components/trpc/client";
import { findInvitationForScreening } from "@/server/cases/screening-invitations";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invitations.public");
  // A personal link: search engines must not keep it.
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** Public, no session: the token is the only authorisation, and a dead link looks like any other. */
export default async function ScreeningInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations();
  const format = await getFormatter();
  const invitation = await findInvitationForScreening(await getDb(), token);
  return (
    <main id="main" className="app-main">
      <p className="brand">{t("app.name")}</p>
      <h1>{t("invitations.public.title")}</h1>
      {invitation ? (
        <>
          <p>{t("invitations.public.invitation", { tenant: invitation.tenantName, organisation: invitation.organisationName })}</p>
          <p>
            <strong>
              {t("invitations.public.validUntil", {
                date: format.dateTime(invitation.expiresAt, { dateStyle: "long", timeStyle: "short" }),
              })}
            </strong>
          </p>
          <p className="muted">{t("invitations.public.intro")}</p>
          <TRPCReactProvider>
            <InvitedScreeningForm token={token} />
          </TRPCReactProvider>
        </>
      ) : (
        <p className="notice">{t("invitations.errors.invalidLink")}</p>
      )}
    </main>
  );
}
