import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadConference } from "@/components/conferences/room/load-conference";
import { LiveRoom } from "@/components/conferences/room/live-room";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("conferences.room");
  return { title: t("view.live") };
}

export default async function LivePage({ params }: { params: Promise<{ conferenceId: string }> }) {
  const { conferenceId } = await params;
  const { actor } = await loadConference(conferenceId);
  return <LiveRoom conferenceId={conferenceId} selfId={actor.userId} />;
}
