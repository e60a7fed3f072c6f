import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConferenceFormulations } from "@/components/conferences/formulations";
import { loadConference } from "@/components/conferences/room/load-conference";
import { RoomHeading } from "@/components/conferences/room/room-heading";
import { SharedNotes } from "@/components/conferences/shared-notes";
import { FollowUpItems, WorkPackages } from "@/components/work-packages/work-packages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("conferences.room");
  return { title: t("view.nachbereitung") };
}

/** After the meeting: the protocol, the work packages and the themes formulated together. */
export default async function FollowUpPage({ params }: { params: Promise<{ conferenceId: string }> }) {
  const { conferenceId } = await params;
  const { details } = await loadConference(conferenceId);
  return (
    <>
      <RoomHeading conferenceId={conferenceId} title={details.conference.title} type={details.conference.type} current="nachbereitung" />
      <FollowUpItems conferenceId={conferenceId} />
      <WorkPackages conferenceId={conferenceId} type={details.conference.type} />
      {details.conference.type !== "fallkonferenz" && <ConferenceFormulations conferenceId={conferenceId} />}
      <SharedNotes conferenceId={conferenceId} />
    </>
  );
}
