"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "../../trpc/client";
import { CaseSummary } from "../case-summary";

/** The case the moderator put in turn, with its Falldarstellung as released to this viewer. */
export function CaseInTurn({ conferenceId, activeCaseId }: { conferenceId: string; activeCaseId: string | null }) {
  const t = useTranslations("conferences");
  const trpc = useTRPC();
  const details = useQuery(trpc.conferences.get.queryOptions({ conferenceId }));
  const inTurn = details.data?.cases.find((c) => c.caseId === activeCaseId);
  if (!inTurn) return null;
  return (
    <section aria-labelledby="case-in-turn-title" className="room-case">
      <h2 id="case-in-turn-title">{t("room.caseInTurn", { pseudonym: inTurn.pseudonym })}</h2>
      {inTurn.released && inTurn.summary ? (
        <CaseSummary caseId={`turn-${inTurn.caseId}`} summary={inTurn.summary} headingLevel={3} />
      ) : (
        <p className="muted">{t("details.notReleasedHint")}</p>
      )}
    </section>
  );
}
