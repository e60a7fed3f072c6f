"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";
import { useTRPC } from "../../trpc/client";
import type { BoardProps } from "../board-view";

/**
 * The board's facts from the same conference query as the other views, so that when a consent
 * changes the summaries, the work packages and the board are refreshed together.
 */
export function useConferenceBoardProps(conferenceId: string, selfId: string, projector = false) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const details = useQuery(trpc.conferences.get.queryOptions({ conferenceId }));
  // Everything that may show the case again: the summaries and the work packages too.
  const onResync = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.conferences.get.queryKey({ conferenceId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.workPackages.pathKey() });
  }, [queryClient, trpc, conferenceId]);
  const data = details.data;
  // One props object per answer of the query, so the wall's stable parts stay stable.
  const props = useMemo<BoardProps | null>(
    () =>
      data
        ? {
            conferenceId,
            type: data.conference.type,
            selfId,
            isModerator: data.viewer.abilities.moderate,
            phases: data.conference.phases,
            voteBudget: data.conference.voteBudget,
            participants: data.participants,
            cases: data.cases.map((c) => ({ caseId: c.caseId, pseudonym: c.pseudonym, released: c.released })),
            projector,
            onResync,
          }
        : null,
    [data, conferenceId, selfId, projector, onResync],
  );
  if (!data || !props) return { error: details.error?.message ?? null, props: null, title: null };
  return { error: null, props, title: data.conference.title, status: data.conference.status };
}

/** What a view of the room shows until its conference is there, or why it is not. */
export function RoomPending({ error }: { error: string | null }) {
  const t = useTranslations("conferences.room");
  if (error)
    return (
      <p role="alert" className="form-error">
        {error}
      </p>
    );
  return <p role="status">{t("loading")}</p>;
}
