import type { Executor } from "@/db";
import { rejectIdentityLeaks } from "../cases/identity-leaks";
import { listAttachedCases } from "./conference-views";

/** The refusals of the board's texts, each on the field the person typed into. */
export const cardRefusal = { message: "conferences.board.cardContainsIdentity", field: "text" };
export const clusterTitleRefusal = { message: "conferences.board.clusterTitleContainsIdentity", field: "title" };

/**
 * Text written in a conference is seen by every participant and kept in the protocol: it must not
 * carry a value of the Aktendeckblatt of any case on the agenda (names also of relatives and
 * reference persons, birth date, address, phone, file numbers, in any spelling or script).
 */
export async function rejectAgendaIdentity(
  db: Executor,
  conferenceId: string,
  texts: readonly string[],
  refusal: { message: string; field?: string },
  /** Text already stored: only what the change adds is refused. */
  previous: readonly string[] = [],
): Promise<void> {
  const attached = await listAttachedCases(db, conferenceId);
  await rejectIdentityLeaks(
    db,
    attached.map((c) => c.caseId),
    texts,
    refusal,
    previous,
  );
}
