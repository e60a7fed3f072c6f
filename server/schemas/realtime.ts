import { z } from "zod";
import type { AppliedOperation, BoardJoinAck, BoardOpAck, boardJoinSchema, boardOpRequestSchema } from "./board";

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
}

export interface ClientToServerEvents {
  "presence:join": (payload: z.input<typeof presenceJoinSchema>, ack: (result: Ack) => void) => void;
  "presence:leave": (payload: z.input<typeof presenceJoinSchema>, ack: (result: Ack) => void) => void;
  "board:join": (payload: z.input<typeof boardJoinSchema>, ack: (result: BoardJoinAck) => void) => void;
  "board:op": (payload: z.input<typeof boardOpRequestSchema>, ack: (result: BoardOpAck) => void) => void;
}
