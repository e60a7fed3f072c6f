import { notFound, redirect } from "next/navigation";
import { matchesShortCode } from "@/components/conferences/room/join-link";
import { requirePageAccess } from "@/components/shell/current-actor";
import { getServerCaller } from "@/components/trpc/server";

/** The short link from the beamer: among the conferences this person may open, the one it names. */
export default async function ShortLinkPage({ params }: { params: Promise<{ code: string }> }) {
  await requirePageAccess("conferences.view");
  const { code } = await params;
  const caller = await getServerCaller();
  const conference = (await caller.conferences.list()).find((c) => matchesShortCode(c.id, code));
  if (!conference) notFound();
  redirect(`/conferences/${conference.id}`);
}
