import { redirect } from "next/navigation";
import { loadConference } from "@/components/conferences/room/load-conference";
import { defaultRoomView } from "@/components/conferences/room/room-views";

/** A conference opens where it stands: planning before, the wall while it runs, the follow-up after. */
export default async function ConferencePage({ params }: { params: Promise<{ conferenceId: string }> }) {
  const { conferenceId } = await params;
  const { details } = await loadConference(conferenceId);
  redirect(`/conferences/${conferenceId}/${defaultRoomView(details.conference.status)}`);
}
