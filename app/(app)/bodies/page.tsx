import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BodiesOverview } from "@/components/bodies/bodies-overview";
import { actorMay, requirePageAccess } from "@/components/shell/current-actor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sessions");
  return { title: t("bodies.title") };
}

/** The bodies with their members and sessions. */
export default async function BodiesPage() {
  await requirePageAccess("bodies.read");
  const t = await getTranslations("sessions");
  const canViewSessions = await actorMay("sessions.view");
  return (
    <>
      <h1>{t("bodies.title")}</h1>
      <p>{t("bodies.intro")}</p>
      {canViewSessions && (
        <p>
          <Link href="/bodies/polls">{t("polls.link")}</Link>
        </p>
      )}
      <BodiesOverview canViewSessions={canViewSessions} />
    </>
  );
}
