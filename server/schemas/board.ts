import { z } from "zod";
import { idSchema } from "./common";

/** Lanes are free-form keys of the board's layout, such as an actor perspective or "ideen". */
const laneSchema = z.string().min(1).max(40).regex(/^[a-z0-9-]+$/, "validation.invalidRoom");
const cardTextSchema = z.string().trim().min(1, "validation.required").max(500, "validation.textTooLong").regex(/^[^\u0000]*$/, "validation.controlCharacters");
/** Fractional-indexing keys: cards sort by plain string comparison, no floats. */
const orderKeySchema = z.string().min(1).max(64).regex(/^[0-9A-Za-z]+$/);

export const boardOperationSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("card.add"), cardId: idSchema, lane: laneSchema, text: cardTextSchema, orderKey: orderKeySchema }).strict(),
  z.object({ kind: z.literal("card.edit"), cardId: idSchema, text: cardTextSchema }).strict(),
  z.object({ kind: z.literal("card.move"), cardId: idSchema, lane: laneSchema, orderKey: orderKeySchema }).strict(),
  z.object({ kind: z.literal("card.delete"), cardId: idSchema }).strict(),
]);
export type BoardOperation = z.infer<typeof boardOperationSchema>;

export const boardJoinSchema = z.object({ conferenceId: idSchema, afterSeq: z.number().int().min(0).default(0) }).strict();
export const boardOpRequestSchema = z
  .object({ conferenceId: idSchema, clientOpId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/), op: boardOperationSchema })
  .strict();
export type BoardOpRequest = z.infer<typeof boardOpRequestSchema>;

export interface BoardCard {
  id: string;
  lane: string;
  text: string;
  orderKey: string;
  authorUserId: string;
  updatedSeq: number;
}

/** An operation as the server accepted it: numbered, attributed, in the meeting's order. */
export interface AppliedOperation {
  conferenceId: string;
  seq: number;
  clientOpId: string;
  actorUserId: string;
  op: BoardOperation;
}

export type BoardJoinAck =
  | { ok: true; mode: "snapshot"; seq: number; cards: BoardCard[] }
  | { ok: true; mode: "operations"; seq: number; operations: AppliedOperation[] }
  | { ok: false; message: string };

export type BoardOpAck = { ok: true; seq: number } | { ok: false; message: string };
