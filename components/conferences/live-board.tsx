"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "../trpc/client";
import { ConferenceBoard } from "./board";

/**
 * The board fed from the same conference query as the details above it, so that when a consent
 * changes the summaries, the work packages and the board are refreshed together.
 */
export function LiveBoard({ conferenceId, selfId, projector = false }: { conferenceId: string; selfId: string; projector?: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const details = useQuery(trpc.conferences.get.queryOptions({ conferenceId }));
  // Everything on the page that may show the case again: the summaries and the work packages too.
  const onResync = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.conferences.get.queryKey({ conferenceId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.workPackages.pathKey() });
  }, [queryClient, trpc, conferenceId]);
  const data = details.data;
  if (!data) return null;
  return (
    <ConferenceBoard
      conferenceId={conferenceId}
      type={data.conference.type}
      selfId={selfId}
      isModerator={data.viewer.abilities.moderate}
      phases={data.conference.phases}
      voteBudget={data.conference.voteBudget}
      participants={data.participants}
      cases={data.cases.map((c) => ({ caseId: c.caseId, pseudonym: c.pseudonym, released: c.released }))}
      projector={projector}
      onResync={onResync}
    />
  );
}
