import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BeamerWall } from "@/components/conferences/room/beamer-wall";
import { qrCodeOf, shortCodeOf } from "@/components/conferences/room/join-link";
import { loadConference } from "@/components/conferences/room/load-conference";
import { siteUrl } from "@/components/shell/site-url";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("conferences.projector");
  return { title: t("title") };
}

/** The read-only wall for the room's projector, with the way in for participants' phones. */
export default async function BeamerPage({ params }: { params: Promise<{ conferenceId: string }> }) {
  const { conferenceId } = await params;
  const { actor } = await loadConference(conferenceId);
  const joinUrl = `${await siteUrl()}/m/${shortCodeOf(conferenceId)}`;
  return <BeamerWall conferenceId={conferenceId} selfId={actor.userId} joinUrl={joinUrl} joinQr={qrCodeOf(joinUrl)} />;
}
