import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConferenceDetails } from "@/components/conferences/conference-details";
import { GuestInvitations } from "@/components/conferences/guest-invitations";
import { loadConference } from "@/components/conferences/room/load-conference";
import { RoomHeading } from "@/components/conferences/room/room-heading";
import { FollowUpItems } from "@/components/work-packages/work-packages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("conferences.room");
  return { title: t("view.vorbereitung") };
}

/** Before the meeting: what earlier meetings left open, date, people, guests, cases and the consent check. */
export default async function PreparationPage({ params }: { params: Promise<{ conferenceId: string }> }) {
  const { conferenceId } = await params;
  const { details } = await loadConference(conferenceId);
  return (
    <>
      <RoomHeading conferenceId={conferenceId} title={details.conference.title} type={details.conference.type} current="vorbereitung" />
      <FollowUpItems conferenceId={conferenceId} />
      <ConferenceDetails conferenceId={conferenceId} />
      {details.viewer.abilities.inviteGuests && <GuestInvitations conferenceId={conferenceId} />}
    </>
  );
}
