import { z } from "zod";
import type { AppliedOperation, BoardJoinAck, BoardOpAck, boardJoinSchema, boardOpRequestSchema, boardTypingSchema } from "./board";
import type {
  DocApplied,
  DocAwareness,
  DocJoinAck,
  DocUpdateAck,
  docAwarenessSchema,
  docJoinSchema,
  docUpdateSchema,
} from "./shared-documents";

/** A presence room: a page or meeting people are looking at together. */
export const presenceRoomSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9:-]+$/, "validation.invalidRoom");

export const presenceJoinSchema = z.object({ room: presenceRoomSchema }).strict();

export interface PresencePerson {
  userId: string;
  displayName: string;
}

export interface PresenceUpdate {
  room: string;
  people: PresencePerson[];
}

export type Ack = { ok: true } | { ok: false; message: string };

/** Both directions of the socket protocol, typed in one place. */
export interface ServerToClientEvents {
  "presence:update": (update: PresenceUpdate) => void;
  "session:revoked": () => void;
  "board:applied": (applied: AppliedOperation) => void;
  "doc:applied": (applied: DocApplied) => void;
  "doc:awareness": (state: DocAwareness) => void;
  /** What the participant may see has changed (e.g. a consent was revoked): join again. */
  "board:resync": (payload: { conferenceId: string }) => void;
  /** Who has the board open right now. */
  "board:presence": (payload: { conferenceId: string; people: PresencePerson[] }) => void;
  /** Someone is writing a card (shown for a few seconds). */
  "board:typing": (payload: { conferenceId: string; userId: string }) => void;
}

export interface ClientToServerEvents {
  "presence:join": (payload: z.input<typeof presenceJoinSchema>, ack: (result: Ack) => void) => void;
  "presence:leave": (payload: z.input<typeof presenceJoinSchema>, ack: (result: Ack) => void) => void;
  "board:join": (payload: z.input<typeof boardJoinSchema>, ack: (result: BoardJoinAck) => void) => void;
  "board:op": (payload: z.input<typeof boardOpRequestSchema>, ack: (result: BoardOpAck) => void) => void;
  "board:typing": (payload: z.input<typeof boardTypingSchema>, ack?: (result: Ack) => void) => void;
  "doc:join": (payload: z.input<typeof docJoinSchema>, ack: (result: DocJoinAck) => void) => void;
  "doc:update": (payload: z.input<typeof docUpdateSchema>, ack: (result: DocUpdateAck) => void) => void;
  "doc:awareness": (payload: z.input<typeof docAwarenessSchema>, ack?: (result: Ack) => void) => void;
}
