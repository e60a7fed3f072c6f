import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ConferenceBoard } from "@/components/conferences/board";
import { ConferenceDetails } from "@/components/conferences/conference-details";
import { AccessDenied } from "@/components/shell/access-denied";
import { actorMay, requireActor } from "@/components/shell/current-actor";
import { getServerCaller } from "@/components/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("conferences");
  return { title: t("title") };
}

export default async function ConferencePage({ params }: { params: Promise<{ conferenceId: string }> }) {
  if (!(await actorMay("conferences.view"))) return <AccessDenied />;
  const { conferenceId } = await params;
  const caller = await getServerCaller();
  const actor = await requireActor();
  // Unknown, foreign and not-invited conferences all look the same: a 404.
  const details = await caller.conferences.get({ conferenceId }).catch((error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  });
  return (
    <>
      <h1>{details.conference.title}</h1>
      <ConferenceDetails conferenceId={conferenceId} />
      <ConferenceBoard conferenceId={conferenceId} type={details.conference.type} selfId={actor.userId} />
    </>
  );
}
