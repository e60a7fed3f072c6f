import { z } from "zod";
import { idSchema } from "./common";

/** One Yjs update may carry at most this much: a paste of a few pages, not a flood. */
export const maxDocumentUpdateBytes = 32 * 1024;

/** "notes" for a conference's shared protocol notes, "formulation:<id>" for a theme's wording. */
export const sharedDocumentKeySchema = z
  .string()
  .max(60)
  .regex(/^(notes|formulation:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/, "validation.invalidRoom");
export type SharedDocumentKey = z.infer<typeof sharedDocumentKeySchema>;

export function formulationDocumentKey(formulationId: string): SharedDocumentKey {
  return `formulation:${formulationId}`;
}

const base64UpdateSchema = z
  .string()
  .min(4)
  .max(Math.ceil(maxDocumentUpdateBytes / 3) * 4)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/);

export const docJoinSchema = z.object({ conferenceId: idSchema, key: sharedDocumentKeySchema }).strict();
export const docUpdateSchema = z.object({ conferenceId: idSchema, key: sharedDocumentKeySchema, update: base64UpdateSchema }).strict();
/** "Who is writing": only a flag; the server adds who it is, so nobody can speak for someone else. */
export const docAwarenessSchema = z.object({ conferenceId: idSchema, key: sharedDocumentKeySchema, typing: z.boolean() }).strict();

export type DocJoinAck = { ok: true; update: string; readOnly: boolean } | { ok: false; message: string };
/**
 * `stored: false`: not stored for now (too fast, or the server lacks an earlier change); the
 * client joins again and resends. `ok: false`: refused for good; the client reloads the text.
 */
export type DocUpdateAck = { ok: true; stored: boolean } | { ok: false; message: string };

/** An update another participant wrote, relayed after it was stored. */
export interface DocApplied {
  conferenceId: string;
  key: string;
  update: string;
}

export interface DocAwareness {
  conferenceId: string;
  key: string;
  userId: string;
  displayName: string;
  typing: boolean;
}

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
