import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { LiveBoard } from "@/components/conferences/live-board";
import { ConferenceDetails } from "@/components/conferences/conference-details";
import { ConferenceFormulations } from "@/components/conferences/formulations";
import { SharedNotes } from "@/components/conferences/shared-notes";
import { GuestInvitations } from "@/components/conferences/guest-invitations";
import { FollowUpItems, WorkPackages } from "@/components/work-packages/work-packages";
import { requireActor, requirePageAccess } from "@/components/shell/current-actor";
import { getServerCaller } from "@/components/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("conferences");
  return { title: t("title") };
}

export default async function ConferencePage({ params }: { params: Promise<{ conferenceId: string }> }) {
  await requirePageAccess("conferences.view");
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
      <FollowUpItems conferenceId={conferenceId} />
      <ConferenceDetails conferenceId={conferenceId} />
      <WorkPackages conferenceId={conferenceId} type={details.conference.type} />
      {details.viewer.abilities.inviteGuests && <GuestInvitations conferenceId={conferenceId} />}
      <LiveBoard conferenceId={conferenceId} selfId={actor.userId} />
      {details.conference.type !== "fallkonferenz" && <ConferenceFormulations conferenceId={conferenceId} />}
      <SharedNotes conferenceId={conferenceId} />
    </>
  );
}
