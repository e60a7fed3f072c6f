import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { getFormatter, getTranslations } from "next-intl/server";
import { GuestConfirmForm } from "@/components/conferences/guest-confirm-form";
import { getDb } from "@/db";
import { clientAddressHeader } from "@/server/auth-options";
import { guestDeviceCookieName } from "@/server/conferences/guest-device";
import { findGuestLink } from "@/server/conferences/guests";

export const dynamic = "force-dynamic";

const invalidMessages = {
  invalid: "guests.errors.invalidLink",
  rateLimited: "guests.errors.rateLimited",
  otherDevice: "guests.errors.otherDevice",
} as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("guests.public");
  // A personal link: search engines must not keep it.
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * Public, no session: the token is the only authorisation. Before the confirmation the guest sees
 * only the conference's title, type and date; a dead link looks like any other.
 */
export default async function GuestLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations();
  const format = await getFormatter();
  const address = (await headers()).get(clientAddressHeader) ?? "unknown";
  const device = (await cookies()).get(guestDeviceCookieName())?.value ?? null;
  const link = await findGuestLink(await getDb(), token, address, device);
  return (
    <main id="main" className="app-main">
      <p className="brand">{t("app.name")}</p>
      <h1>{t("guests.public.title")}</h1>
      {link.status === "open" ? (
        <>
          <p>{t("guests.public.invitation")}</p>
          <dl className="card">
            <dt>{t("guests.public.conferenceTitle")}</dt>
            <dd>{link.conference.title}</dd>
            <dt>{t("guests.public.conferenceType")}</dt>
            <dd>{t(`conferences.types.${link.conference.type}`)}</dd>
            <dt>{t("guests.public.conferenceDate")}</dt>
            <dd>{format.dateTime(link.conference.scheduledAt, { dateStyle: "full", timeStyle: "short" })}</dd>
          </dl>
          <GuestConfirmForm token={token} name={link.name} organisationName={link.organisationName} />
        </>
      ) : (
        <p className="notice">{t(invalidMessages[link.status])}</p>
      )}
    </main>
  );
}
