import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { conferenceCases } from "@/db/schema";
import { getIdentityKeys } from "../cases/identity-keys";
import { AppError } from "../errors";
import type { AppliedOperation, BoardCard, BoardMeta, BoardOperation, ServerOperation } from "../schemas/board";

/**
 * The id a case has in one meeting: a keyed hash of meeting and case, shaped as a UUID. Everything a
 * conference sends to the browser names its cases by it and every input is mapped back on the
 * server, so the case file's id never reaches the room and the same case cannot be linked across
 * meetings by its id (as its meeting pseudonym cannot be by its name).
 */
export function meetingCaseId(conferenceId: string, caseId: string): string {
  const digest = createHmac("sha256", getIdentityKeys().blindIndex).update(`meeting-case-id\0${conferenceId}\0${caseId}`).digest();
  // Version 4 and RFC 4122 variant bits, so it passes every UUID check an id passes.
  digest[6] = (digest[6]! & 0x0f) | 0x40;
  digest[8] = (digest[8]! & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function meetingCaseIdOrNull(conferenceId: string, caseId: string | null): string | null {
  return caseId ? meetingCaseId(conferenceId, caseId) : null;
}

/** The cases on a meeting's agenda: meeting id → case id. */
export async function agendaCaseIds(db: Executor, conferenceId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ caseId: conferenceCases.caseId })
    .from(conferenceCases)
    .where(eq(conferenceCases.conferenceId, conferenceId));
  return new Map(rows.map((row) => [meetingCaseId(conferenceId, row.caseId), row.caseId]));
}

/** Maps a meeting id back to its case; throws for an id that is not on the agenda. */
export type AgendaCaseResolver = (meetingId: string, field?: string) => string;

/**
 * Maps a meeting id back to its case; an id that is not on the agenda is refused as such (a case
 * file's own id included).
 */
export function caseResolverOver(byMeetingId: ReadonlyMap<string, string>): AgendaCaseResolver {
  return (meetingId, field = "caseId") => {
    const caseId = byMeetingId.get(meetingId);
    if (!caseId) throw new AppError("INVALID_INPUT", "conferences.board.caseNotOnAgenda", field);
    return caseId;
  };
}

export async function agendaCaseResolver(db: Executor, conferenceId: string): Promise<AgendaCaseResolver> {
  return caseResolverOver(await agendaCaseIds(db, conferenceId));
}

/** A board operation from the browser with its meeting case ids replaced by the case ids. */
export function operationWithCaseIds(resolve: AgendaCaseResolver, op: BoardOperation): BoardOperation {
  switch (op.kind) {
    case "card.add":
    case "card.tag":
    case "case.activate":
      return op.caseId ? ({ ...op, caseId: resolve(op.caseId) } as BoardOperation) : op;
    case "ready.set":
      return { ...op, caseId: resolve(op.caseId) };
    case "focus.set":
      return op.target?.startsWith("case:") ? { ...op, target: `case:${resolve(op.target.slice("case:".length), "target")}` } : op;
    default:
      return op;
  }
}

/** A card as the browser gets it: its case by the meeting id. */
export function meetingCard(conferenceId: string, card: BoardCard): BoardCard {
  return card.caseId ? { ...card, caseId: meetingCaseId(conferenceId, card.caseId) } : card;
}

/** The board's meta as the browser gets it: ready checks, the active case and a case in focus by meeting id. */
export function meetingMeta(conferenceId: string, meta: BoardMeta): BoardMeta {
  return {
    ...meta,
    ready: Object.fromEntries(Object.entries(meta.ready ?? {}).map(([caseId, given]) => [meetingCaseId(conferenceId, caseId), given])),
    activeCaseId: meetingCaseIdOrNull(conferenceId, meta.activeCaseId ?? null),
    focus: meetingFocus(conferenceId, meta.focus ?? null),
  };
}

function meetingFocus(conferenceId: string, focus: string | null): string | null {
  return focus?.startsWith("case:") ? `case:${meetingCaseId(conferenceId, focus.slice("case:".length))}` : focus;
}

/** An accepted operation as the browser gets it. */
export function meetingOperation(applied: AppliedOperation): AppliedOperation {
  const { conferenceId, op } = applied;
  let view: ServerOperation = op;
  if ("card" in op) view = { ...op, card: meetingCard(conferenceId, op.card) };
  else if (op.kind === "cards.reveal") view = { ...op, cards: op.cards.map((card) => meetingCard(conferenceId, card)) };
  else if (op.kind === "ready.set") view = { ...op, caseId: meetingCaseId(conferenceId, op.caseId) };
  else if (op.kind === "case.activate") view = { ...op, caseId: meetingCaseIdOrNull(conferenceId, op.caseId) };
  else if (op.kind === "focus.set") view = { ...op, target: meetingFocus(conferenceId, op.target) };
  return { ...applied, op: view };
}
