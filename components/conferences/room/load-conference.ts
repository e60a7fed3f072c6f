import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireActor, requirePageAccess } from "@/components/shell/current-actor";
import { getServerCaller } from "@/components/trpc/server";

/**
 * The conference behind every view of the room, once per request. Unknown, foreign and
 * not-invited conferences all look the same: a 404.
 */
export const loadConference = cache(async (conferenceId: string) => {
  await requirePageAccess("conferences.view");
  const actor = await requireActor();
  const caller = await getServerCaller();
  const details = await caller.conferences.get({ conferenceId }).catch((error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  });
  return { actor, details };
});
