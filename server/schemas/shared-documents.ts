import { z } from "zod";
import { idSchema } from "./common";

/** One Yjs update may carry at most this much: a paste of a few pages, not a flood. */
export const maxDocumentUpdateBytes = 32 * 1024;

/** "notes" for a conference's shared protocol notes, "formulation:<id>" for a theme's wording. */
export const conferenceDocumentKeySchema = z
  .string()
  .max(60)
  .regex(/^(notes|formulation:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/, "validation.invalidRoom");
/** A body session has one shared document: its minutes. */
export const sessionDocumentKeySchema = z.literal("minutes");
export type ConferenceDocumentKey = z.infer<typeof conferenceDocumentKeySchema>;
export type SharedDocumentKey = ConferenceDocumentKey | z.infer<typeof sessionDocumentKeySchema>;

export function formulationDocumentKey(formulationId: string): ConferenceDocumentKey {
  return `formulation:${formulationId}`;
}

const base64UpdateSchema = z
  .string()
  .min(4)
  .max(Math.ceil(maxDocumentUpdateBytes / 3) * 4)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/);

/** Where a document lives: a conference (notes, formulations) or a body session (minutes). */
const conferenceAddress = { conferenceId: idSchema, key: conferenceDocumentKeySchema };
const sessionAddress = { sessionId: idSchema, key: sessionDocumentKeySchema };

function addressed<T extends z.ZodRawShape>(extra: T) {
  return z.union([z.object({ ...conferenceAddress, ...extra }).strict(), z.object({ ...sessionAddress, ...extra }).strict()]);
}

export const docJoinSchema = addressed({});
export const docUpdateSchema = addressed({ update: base64UpdateSchema });
/** "Who is writing": only a flag; the server adds who it is, so nobody can speak for someone else. */
export const docAwarenessSchema = addressed({ typing: z.boolean() });

export type DocumentAddress = { conferenceId: string; key: ConferenceDocumentKey } | { sessionId: string; key: "minutes" };

/** One string per document, for rooms and for matching events to open documents. */
export function documentAddressId(address: DocumentAddress): string {
  return "sessionId" in address ? `session:${address.sessionId}:${address.key}` : `conference:${address.conferenceId}:${address.key}`;
}

/** The address behind `documentAddressId`. */
export function documentAddressFromId(id: string): DocumentAddress {
  const [owner, ownerId, ...key] = id.split(":");
  return owner === "session"
    ? { sessionId: ownerId!, key: "minutes" }
    : { conferenceId: ownerId!, key: key.join(":") as ConferenceDocumentKey };
}

/** Only the address fields, e.g. to send along with an event. */
export function addressOf(address: DocumentAddress): DocumentAddress {
  return "sessionId" in address
    ? { sessionId: address.sessionId, key: address.key }
    : { conferenceId: address.conferenceId, key: address.key };
}

export type DocJoinAck = { ok: true; update: string; readOnly: boolean } | { ok: false; message: string };
/**
 * `stored: false`: not stored for now (too fast, or the server lacks an earlier change); the
 * client joins again and resends. `ok: false`: refused for good; the client reloads the text.
 */
export type DocUpdateAck = { ok: true; stored: boolean } | { ok: false; message: string };

/** An update another participant wrote, relayed after it was stored. */
export type DocApplied = DocumentAddress & { update: string };

export type DocAwareness = DocumentAddress & { userId: string; displayName: string; typing: boolean };

/** Base64 with the functions both Node and browsers have, for binary updates inside JSON events. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
