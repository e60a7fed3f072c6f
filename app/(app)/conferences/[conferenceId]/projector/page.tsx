import { redirect } from "next/navigation";

/** The projector's old address leads to the beamer. */
export default async function ProjectorPage({ params }: { params: Promise<{ conferenceId: string }> }) {
  const { conferenceId } = await params;
  redirect(`/conferences/${conferenceId}/beamer`);
}
