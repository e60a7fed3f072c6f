import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { LiveBoard } from "@/components/conferences/live-board";
import { requireActor, requirePageAccess } from "@/components/shell/current-actor";
import { getServerCaller } from "@/components/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("conferences");
  return { title: t("title") };
}

/** The read-only wall for the room's projector: large, live, following the moderator. */
export default async function ProjectorPage({ params }: { params: Promise<{ conferenceId: string }> }) {
  await requirePageAccess("conferences.view");
  const { conferenceId } = await params;
  const caller = await getServerCaller();
  const actor = await requireActor();
  const t = await getTranslations("conferences.projector");
  const details = await caller.conferences.get({ conferenceId }).catch((error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  });
  return (
    <>
      <h1>{t("title", { title: details.conference.title })}</h1>
      <LiveBoard conferenceId={conferenceId} selfId={actor.userId} projector />
    </>
  );
}
