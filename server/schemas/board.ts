import { z } from "zod";
import { lifeAreas, type LifeArea } from "./case-kinds";
import { monthKey, todayInBerlin, type MonthKey } from "./calendar-days";
import { idSchema, isWellFormedText, hasNoBidiControls } from "./common";

/** Lanes are free-form keys of the board's layout, such as an actor perspective or "ideen". */
const laneSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9-]+$/, "validation.invalidRoom");
const cardTextSchema = z
  .string()
  .trim()
  .min(1, "validation.required")
  .max(500, "validation.textTooLong")
  .regex(/^[^\u0000]*$/, "validation.controlCharacters")
  .refine(isWellFormedText, "validation.brokenCharacter");
const clusterTitleSchema = z
  .string()
  .trim()
  .min(1, "validation.required")
  .max(120, "validation.textTooLong")
  .regex(/^[^\u0000]*$/, "validation.controlCharacters")
  .refine(isWellFormedText, "validation.brokenCharacter")
  .refine(hasNoBidiControls, "validation.bidiControls");
/** Fractional-indexing keys: cards sort by plain string comparison, no floats. */
const orderKeySchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[0-9A-Za-z]+$/);
/** A reconstruction column: an organisation's id or the client's own view. */
const perspectiveSchema = z.union([idSchema, z.literal("klient")]);
/**
 * The month a timeline card stands at, as an `<input type="month">` gives it. A reconstruction
 * looks back, so a month after the current one is refused (by the service, on the server's clock).
 */
export const cardMonthSchema = z.string().regex(/^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$/, "conferences.timeline.monthFormat");

/** Whether a month lies after the current month in Berlin (lexical order is calendar order for `YYYY-MM`). */
export function isFutureMonth(month: MonthKey, now: Date | number = Date.now()): boolean {
  return month > monthKey(todayInBerlin(now));
}

/** What "follow me" points everyone at: a phase, case, lane, cluster or card. */
const focusSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^(phase|case|lane|cluster|card):[a-z0-9-]+$/);

/** Operations a participant may send. Moderator-only kinds are checked on the server. */
export const boardOperationSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("card.add"),
      cardId: idSchema,
      lane: laneSchema,
      text: cardTextSchema,
      orderKey: orderKeySchema,
      caseId: idSchema.nullable().default(null),
      perspective: perspectiveSchema.nullable().default(null),
      /** The life area a case card is about: it reaches only those whose consent covers that area. */
      lifeArea: z.enum(lifeAreas, "validation.choose").nullable().optional(),
      /** Timeline cards: the month the card stands at; absent or null for an undated card. */
      month: cardMonthSchema.nullable().optional(),
    })
    .strict(),
  z.object({ kind: z.literal("card.edit"), cardId: idSchema, text: cardTextSchema }).strict(),
  z.object({ kind: z.literal("card.move"), cardId: idSchema, lane: laneSchema, orderKey: orderKeySchema }).strict(),
  z.object({ kind: z.literal("card.delete"), cardId: idSchema }).strict(),
  z.object({ kind: z.literal("card.tag"), cardId: idSchema, caseId: idSchema.nullable() }).strict(),
  z.object({ kind: z.literal("card.month"), cardId: idSchema, month: cardMonthSchema.nullable() }).strict(),
  z.object({ kind: z.literal("card.solution"), cardId: idSchema, isSolution: z.boolean() }).strict(),
  z.object({ kind: z.literal("card.cluster"), cardId: idSchema, clusterId: idSchema.nullable() }).strict(),
  z.object({ kind: z.literal("cluster.add"), clusterId: idSchema, title: clusterTitleSchema, orderKey: orderKeySchema }).strict(),
  z.object({ kind: z.literal("cluster.rename"), clusterId: idSchema, title: clusterTitleSchema }).strict(),
  z.object({ kind: z.literal("cluster.delete"), clusterId: idSchema }).strict(),
  z.object({ kind: z.literal("vote.set"), targetId: idSchema, dots: z.number().int().min(0).max(20) }).strict(),
  z.object({ kind: z.literal("phase.set"), index: z.number().int().min(0).max(40) }).strict(),
  z
    .object({
      kind: z.literal("timer.start"),
      seconds: z
        .number()
        .int()
        .min(10)
        .max(4 * 60 * 60),
    })
    .strict(),
  z.object({ kind: z.literal("timer.stop") }).strict(),
  z.object({ kind: z.literal("board.lock"), locked: z.boolean() }).strict(),
  z.object({ kind: z.literal("board.anonymous"), anonymous: z.boolean() }).strict(),
  z.object({ kind: z.literal("cards.reveal") }).strict(),
  z.object({ kind: z.literal("focus.set"), target: focusSchema.nullable() }).strict(),
  z.object({ kind: z.literal("hand.raise") }).strict(),
  z.object({ kind: z.literal("hand.lower"), userId: idSchema }).strict(),
  z.object({ kind: z.literal("ready.set"), caseId: idSchema, ready: z.boolean() }).strict(),
  z.object({ kind: z.literal("case.activate"), caseId: idSchema.nullable() }).strict(),
]);
export type BoardOperation = z.infer<typeof boardOperationSchema>;
export type BoardOperationKind = BoardOperation["kind"];

/** Kinds only a moderator may send. */
export const moderatorOperationKinds: ReadonlySet<BoardOperationKind> = new Set([
  "card.solution",
  "phase.set",
  "timer.start",
  "timer.stop",
  "board.lock",
  "board.anonymous",
  "cards.reveal",
  "focus.set",
  "case.activate",
  "cluster.delete",
]);

type CardOperationKind = "card.add" | "card.edit" | "card.move" | "card.tag" | "card.month" | "card.solution" | "card.cluster";

/**
 * An operation as stored and replayed. The server adds what only it may decide: the card as it is
 * after the operation (so every viewer's copy can be redacted from it), the timer's end on its own
 * clock, the cards a reveal uncovers, the perspective a ready check is given for.
 */
export type ServerOperation =
  | { kind: CardOperationKind; cardId: string; card: BoardCard }
  | Exclude<BoardOperation, { kind: CardOperationKind | "card.delete" | "timer.start" | "cards.reveal" | "ready.set" }>
  /** `hidden`: the card was written anonymously, so who deleted it stays as hidden as who wrote it. */
  | { kind: "card.delete"; cardId: string; hidden?: boolean }
  | { kind: "timer.start"; seconds: number; endsAt: string }
  | { kind: "cards.reveal"; cards: BoardCard[] }
  | { kind: "ready.set"; caseId: string; ready: boolean; perspective: string };

export const boardTypingSchema = z.object({ conferenceId: idSchema }).strict();
export const boardJoinSchema = z.object({ conferenceId: idSchema, afterSeq: z.number().int().min(0).default(0) }).strict();
export const boardOpRequestSchema = z
  .object({
    conferenceId: idSchema,
    clientOpId: z
      .string()
      .min(8)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/),
    op: boardOperationSchema,
  })
  .strict();
export type BoardOpRequest = z.infer<typeof boardOpRequestSchema>;
export type BoardOpInput = z.input<typeof boardOpRequestSchema>;

export interface BoardCard {
  id: string;
  lane: string;
  /** Empty while the card is hidden (anonymous writing) or its case is not released to the viewer. */
  text: string;
  orderKey: string;
  /** Empty while the card is hidden from the viewer. */
  authorUserId: string;
  caseId: string | null;
  /** The life area of a case card; absent or null for a card about the case as a whole. */
  lifeArea?: LifeArea | null;
  perspective: string | null;
  /** Timeline month (`YYYY-MM`); absent or null for an undated card, and null while its text is withheld from the viewer. */
  month?: MonthKey | null;
  clusterId: string | null;
  isHidden: boolean;
  isSolution: boolean;
  /** The viewer's organisation is not covered by the consent of the card's case. */
  restricted: boolean;
  updatedSeq: number;
  /** What the viewer may do with the card, set by the server where it differs per viewer; absent on a card broadcast to the whole room (see `abilitiesOn`). */
  abilities?: CardAbilities;
}

/** A viewer's abilities on one card (server/conferences/policy.ts); phase and lock are checked separately. */
export interface CardAbilities {
  edit: boolean;
  move: boolean;
  delete: boolean;
  /** Point the card at a case on the agenda. */
  tag: boolean;
}

export interface BoardCluster {
  title: string;
  orderKey: string;
}

/** The board's state beside its cards; the same reducer keeps it on the server and every client. */
export interface BoardMeta {
  phaseIndex: number;
  locked: boolean;
  anonymous: boolean;
  timer: { seconds: number; endsAt: string } | null;
  focus: string | null;
  /** Speakers' list: user ids in the order hands were raised. */
  hands: string[];
  clusters: Record<string, BoardCluster>;
  /** Dots per person per target (cluster or card). */
  votes: Record<string, Record<string, number>>;
  /** Per case, the perspectives (organisation ids, "klient") that have given their view. */
  ready: Record<string, string[]>;
  activeCaseId: string | null;
}

export const emptyBoardMeta: BoardMeta = {
  phaseIndex: 0,
  locked: false,
  anonymous: false,
  timer: null,
  focus: null,
  hands: [],
  clusters: {},
  votes: {},
  ready: {},
  activeCaseId: null,
};

export interface BoardState {
  cards: Map<string, BoardCard>;
  meta: BoardMeta;
}

/** An operation as the server accepted it: numbered, attributed, in the meeting's order. */
export interface AppliedOperation {
  conferenceId: string;
  seq: number;
  clientOpId: string;
  /** Empty when the operation would reveal the author of a hidden card. */
  actorUserId: string;
  op: ServerOperation;
}

export type BoardJoinAck =
  | { ok: true; mode: "snapshot"; seq: number; cards: BoardCard[]; meta: BoardMeta }
  | { ok: true; mode: "operations"; seq: number; operations: AppliedOperation[] }
  | { ok: false; message: string };

/** `code` tells a refusal for rate (retry later) from a refusal of the operation itself. */
export type BoardOpAck = { ok: true; seq: number } | { ok: false; message: string; code?: string };
