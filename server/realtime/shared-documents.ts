import { and, asc, eq, gte, lte } from "drizzle-orm";
import * as Y from "yjs";
import { getDb, type Database, type Executor } from "@/db";
import { prosemirrorJSONToYDoc } from "y-prosemirror";
import { bodySessions, sharedDocuments, sharedDocumentUpdates, themeFormulations } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { requireParticipation } from "../conferences/conferences";
import { AppError } from "../errors";
import { emptyRichTextDoc, richTextSchema, validateRichText, type RichTextDoc, type RichTextNode } from "../rich-text/validate";
import {
  addressOf,
  decodeBase64,
  docAwarenessSchema,
  docJoinSchema,
  docUpdateSchema,
  documentAddressId,
  encodeBase64,
  maxDocumentUpdateBytes,
  type DocumentAddress,
} from "../schemas/shared-documents";
import { mayWriteMinutes, requireSession } from "../sessions/policy";
import { RateLimiterMemory } from "rate-limiter-flexible";
import type { guarded, KimServer, KimSocket } from "./socket-server";

/** The XML fragment tiptap's Collaboration extension edits. */
export const documentField = "default";
/**
 * Updates are merged into `state` after `compactEvery` of them, so loading a document stays cheap.
 * Typing sends a merged update every ~100 ms; `updatesPerSecond` per connection leaves room for
 * several editors on one page and stops a runaway client.
 */
export const sharedDocumentSettings = { compactEvery: 200, updatesPerSecond: 40 };
/** Stored bytes per document before further changes are refused (counted from the stored updates). */
const maxDocumentBytes = 1024 * 1024;
const cachedDocuments = 100;

type DocumentRow = typeof sharedDocuments.$inferSelect;

/**
 * The documents this process has open, each with the id of the last stored update it contains.
 * The database stays the truth: every write first catches the cache up under the row lock.
 */
interface CachedDocument {
  doc: Y.Doc;
  lastUpdateId: number;
  rowsSinceCompaction: number;
  bytes: number;
}
const cache = new Map<string, CachedDocument>();

function remember(documentId: string, entry: CachedDocument) {
  cache.delete(documentId);
  cache.set(documentId, entry);
  while (cache.size > cachedDocuments) cache.delete(cache.keys().next().value!);
}

function room(address: DocumentAddress) {
  return `doc:${documentAddressId(address)}`;
}

function formulationIdOf(key: string): string | null {
  return key.startsWith("formulation:") ? key.slice("formulation:".length) : null;
}

function ownerCondition(address: DocumentAddress) {
  return "sessionId" in address
    ? and(eq(sharedDocuments.sessionId, address.sessionId), eq(sharedDocuments.key, address.key))
    : and(eq(sharedDocuments.conferenceId, address.conferenceId), eq(sharedDocuments.key, address.key));
}

/**
 * Whether the actor may open the document at all: a conference's documents are for its
 * participants, a session's minutes for whoever may see the session. Unknown and foreign both
 * answer NOT_FOUND.
 */
export async function requireDocumentAccess(db: Executor, actor: Actor, address: DocumentAddress): Promise<void> {
  if ("sessionId" in address) await requireSession(db, actor, address.sessionId, "view");
  else await requireParticipation(db, actor, address.conferenceId);
}

/**
 * The minutes start from what was kept before they were edited together (or from nothing), so
 * text stored in the session row is not lost when the shared document is first opened.
 */
async function initialMinutesState(db: Executor, sessionId: string): Promise<Uint8Array | null> {
  const [session] = await db.select({ minutes: bodySessions.minutes }).from(bodySessions).where(eq(bodySessions.id, sessionId));
  if (!session?.minutes) return null;
  const { doc } = validateRichText(session.minutes);
  return Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(richTextSchema(), doc, documentField));
}

/**
 * The document behind an address, for someone who may open it. Notes and minutes are created on
 * first use; a formulation's document exists from its start. With `lock`, the document row stays
 * locked until the transaction ends, which orders all writes; whether it is still writable is read
 * after the lock, so a finalisation or approval that committed meanwhile is seen.
 */
async function resolveDocument(db: Executor, actor: Actor, address: DocumentAddress, options: { lock: boolean }) {
  await requireDocumentAccess(db, actor, address);
  const formulationId = formulationIdOf(address.key);
  if ("sessionId" in address) {
    const [existing] = await db.select({ id: sharedDocuments.id }).from(sharedDocuments).where(ownerCondition(address));
    if (!existing) {
      await db
        .insert(sharedDocuments)
        .values({ sessionId: address.sessionId, key: address.key, state: await initialMinutesState(db, address.sessionId) })
        .onConflictDoNothing();
    }
  } else if (!formulationId) {
    await db.insert(sharedDocuments).values({ conferenceId: address.conferenceId, key: address.key }).onConflictDoNothing();
  }
  const query = db.select().from(sharedDocuments).where(ownerCondition(address));
  const [document] = options.lock ? await query.for("update") : await query;
  if (!document) throw new AppError("NOT_FOUND", "errors.notFound");
  let writable = true;
  if ("sessionId" in address) {
    writable = await mayWriteMinutes(db, actor, address.sessionId);
  } else if (formulationId) {
    const [formulation] = await db
      .select({ status: themeFormulations.status })
      .from(themeFormulations)
      .where(
        and(
          eq(themeFormulations.id, formulationId),
          eq(themeFormulations.conferenceId, address.conferenceId),
          eq(themeFormulations.documentId, document.id),
        ),
      );
    if (!formulation) throw new AppError("NOT_FOUND", "errors.notFound");
    writable = formulation.status === "drafting";
  }
  return { document, writable };
}

/** Creates the document of a new formulation inside the caller's transaction. */
export async function createSharedDocument(db: Executor, conferenceId: string, key: string): Promise<DocumentRow> {
  const [document] = await db.insert(sharedDocuments).values({ conferenceId, key }).returning();
  return document!;
}

/** Builds a document from the database alone: the compacted state, then every later update in order. */
export async function loadSharedDocument(db: Executor, document: Pick<DocumentRow, "id" | "state">): Promise<CachedDocument> {
  const doc = new Y.Doc();
  let bytes = 0;
  if (document.state) {
    Y.applyUpdate(doc, document.state);
    bytes += document.state.byteLength;
  }
  const rows = await db
    .select({ id: sharedDocumentUpdates.id, update: sharedDocumentUpdates.update })
    .from(sharedDocumentUpdates)
    .where(eq(sharedDocumentUpdates.documentId, document.id))
    .orderBy(asc(sharedDocumentUpdates.id));
  for (const row of rows) {
    Y.applyUpdate(doc, row.update);
    bytes += row.update.byteLength;
  }
  return { doc, lastUpdateId: rows.at(-1)?.id ?? -1, rowsSinceCompaction: rows.length, bytes };
}

/**
 * The cached document brought up to the database's state; call it while holding the row lock.
 * When the last update the cache knows has been compacted away (here or by another instance),
 * the compacted state is applied again: Yjs ignores what a document already contains.
 */
async function catchUp(db: Executor, document: DocumentRow): Promise<CachedDocument> {
  const entry = cache.get(document.id);
  if (!entry) {
    const loaded = await loadSharedDocument(db, document);
    remember(document.id, loaded);
    return loaded;
  }
  const rows = await db
    .select({ id: sharedDocumentUpdates.id, update: sharedDocumentUpdates.update })
    .from(sharedDocumentUpdates)
    .where(and(eq(sharedDocumentUpdates.documentId, document.id), gte(sharedDocumentUpdates.id, Math.max(entry.lastUpdateId, 0))))
    .orderBy(asc(sharedDocumentUpdates.id));
  if (rows[0]?.id !== entry.lastUpdateId) {
    if (document.state) Y.applyUpdate(entry.doc, document.state);
    entry.rowsSinceCompaction = 0;
    entry.bytes = document.state?.byteLength ?? 0;
  }
  for (const row of rows) {
    if (row.id <= entry.lastUpdateId) continue;
    Y.applyUpdate(entry.doc, row.update);
    entry.lastUpdateId = row.id;
    entry.rowsSinceCompaction += 1;
    entry.bytes += row.update.byteLength;
  }
  remember(document.id, entry);
  return entry;
}

const allowedAttributeNames = (() => {
  const names = new Set<string>();
  for (const type of Object.values(richTextSchema().nodes)) for (const name of Object.keys(type.spec.attrs ?? {})) names.add(name);
  return names;
})();

function isPrimitive(value: unknown) {
  return (
    value === null ||
    typeof value === "boolean" ||
    (typeof value === "number" && Number.isFinite(value)) ||
    (typeof value === "string" && value.length <= 200)
  );
}

/**
 * Refuses an update that could not come from the editor: other shared types than the document's
 * XML fragment, element names outside the schema, unknown attributes or marks, embedded binaries
 * or sub-documents. Names introduced by an update are always spelled out in it, so checking the
 * decoded update is enough; the full schema check runs again whenever the text is read.
 */
export function checkUpdateStructure(update: Uint8Array): void {
  const schema = richTextSchema();
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    throw new AppError("INVALID_INPUT", "formulations.documents.invalidUpdate");
  }
  const refuse = (): never => {
    throw new AppError("INVALID_INPUT", "formulations.documents.invalidUpdate");
  };
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (typeof struct.parent === "string" && struct.parent !== documentField) refuse();
    if (struct.parentSub !== null && !allowedAttributeNames.has(struct.parentSub)) refuse();
    const content = struct.content;
    if (content instanceof Y.ContentType) {
      const type = content.type;
      if (type instanceof Y.XmlElement) {
        if (!Object.hasOwn(schema.nodes, type.nodeName) || type.nodeName === "doc" || type.nodeName === "text") refuse();
      } else if (!(type instanceof Y.XmlText)) refuse();
    } else if (content instanceof Y.ContentFormat) {
      const markName = content.key.replace(/--.*$/, "");
      if (!Object.hasOwn(schema.marks, markName)) refuse();
      const value = content.value as unknown;
      if (value !== null) {
        if (typeof value !== "object" || Array.isArray(value)) refuse();
        const declared = schema.marks[markName]!.spec.attrs ?? {};
        for (const [name, attr] of Object.entries(value as object)) if (!Object.hasOwn(declared, name) || !isPrimitive(attr)) refuse();
      }
    } else if (content instanceof Y.ContentAny) {
      if (!content.arr.every(isPrimitive)) refuse();
    } else if (!(content instanceof Y.ContentString || content instanceof Y.ContentDeleted)) {
      refuse();
    }
  }
}

/**
 * The shape y-prosemirror gives a document: elements of the schema at the top, inside them only
 * elements and text, text carrying only strings. An update may merge into something else (a bare
 * string in an element, text at the top), which would break every editor showing it.
 */
function isEditorShaped(doc: Y.Doc): boolean {
  const schema = richTextSchema();
  const isElement = (item: unknown): item is Y.XmlElement =>
    item instanceof Y.XmlElement && Object.hasOwn(schema.nodes, item.nodeName) && item.nodeName !== "doc" && item.nodeName !== "text";
  const stack: unknown[] = [...doc.getXmlFragment(documentField).toArray()];
  if (!stack.every(isElement)) return false;
  while (stack.length > 0) {
    const element = stack.pop() as Y.XmlElement;
    for (const name of Object.keys(element.getAttributes())) if (!allowedAttributeNames.has(name)) return false;
    for (const child of element.toArray()) {
      if (isElement(child)) stack.push(child);
      else if (!(child instanceof Y.XmlText) || !child.toDelta().every((d: { insert: unknown }) => typeof d.insert === "string"))
        return false;
    }
  }
  return [...doc.share.keys()].every((name) => name === documentField);
}

export interface AppliedDocumentUpdate {
  /** False when the document already contained everything in the update (a resend). */
  changed: boolean;
}

/**
 * Stores one update from a participant: checks the document is writable, applies the update to
 * the server's copy (so a broken or incomplete update is refused instead of stored), and writes it
 * before the caller acknowledges or relays it. Every `compactEvery` updates the document is
 * merged into its state in the same transaction.
 */
export async function applySharedDocumentUpdate(
  db: Database,
  actor: Actor,
  input: DocumentAddress & { update: Uint8Array },
): Promise<AppliedDocumentUpdate> {
  if (input.update.byteLength > maxDocumentUpdateBytes) throw new AppError("INVALID_INPUT", "formulations.documents.updateTooLarge");
  checkUpdateStructure(input.update);
  let documentId: string | null = null;
  try {
    return await db.transaction(async (tx) => {
      const { document, writable } = await resolveDocument(tx, actor, addressOf(input), { lock: true });
      documentId = document.id;
      if (!writable) throw new AppError("CONFLICT", "formulations.documents.readOnly");
      const entry = await catchUp(tx, document);
      let changed = false;
      const onUpdate = () => {
        changed = true;
      };
      entry.doc.on("update", onUpdate);
      try {
        Y.applyUpdate(entry.doc, input.update, "remote");
      } catch {
        throw new AppError("INVALID_INPUT", "formulations.documents.invalidUpdate");
      } finally {
        entry.doc.off("update", onUpdate);
      }
      // Missing predecessors: this copy lacks something the sender has; it must sync again.
      if (entry.doc.store.pendingStructs || entry.doc.store.pendingDs) throw new AppError("CONFLICT", "formulations.documents.outOfSync");
      if (!changed) return { changed: false };
      if (!isEditorShaped(entry.doc)) throw new AppError("INVALID_INPUT", "formulations.documents.invalidUpdate");
      if (entry.bytes + input.update.byteLength > maxDocumentBytes)
        throw new AppError("CONFLICT", "formulations.documents.documentTooLarge");
      const [row] = await tx
        .insert(sharedDocumentUpdates)
        .values({ documentId: document.id, update: input.update, actorUserId: actor.userId })
        .returning({ id: sharedDocumentUpdates.id });
      entry.lastUpdateId = row!.id;
      entry.rowsSinceCompaction += 1;
      entry.bytes += input.update.byteLength;
      if (entry.rowsSinceCompaction >= sharedDocumentSettings.compactEvery) {
        const state = Y.encodeStateAsUpdate(entry.doc);
        await tx.update(sharedDocuments).set({ state, updatedAt: new Date() }).where(eq(sharedDocuments.id, document.id));
        await tx
          .delete(sharedDocumentUpdates)
          .where(and(eq(sharedDocumentUpdates.documentId, document.id), lte(sharedDocumentUpdates.id, entry.lastUpdateId)));
        entry.rowsSinceCompaction = 0;
        entry.bytes = state.byteLength;
      } else {
        await tx.update(sharedDocuments).set({ updatedAt: new Date() }).where(eq(sharedDocuments.id, document.id));
      }
      return { changed: true };
    });
  } catch (error) {
    // The cached copy may hold what the rollback undid: rebuild it from the database next time.
    if (documentId) cache.delete(documentId);
    throw error;
  }
}

/** The whole document for a participant who joins or re-joins, read under the row lock. */
export async function getSharedDocumentForJoin(db: Database, actor: Actor, address: DocumentAddress) {
  return db.transaction(async (tx) => {
    const { document, writable } = await resolveDocument(tx, actor, address, { lock: true });
    const entry = await catchUp(tx, document);
    return { update: encodeBase64(Y.encodeStateAsUpdate(entry.doc)), readOnly: !writable };
  });
}

/** The document row of a key, locked until the transaction ends (finalisation freezes under it). */
export async function lockSharedDocument(tx: Executor, documentId: string): Promise<DocumentRow> {
  const [document] = await tx.select().from(sharedDocuments).where(eq(sharedDocuments.id, documentId)).for("update");
  if (!document) throw new AppError("NOT_FOUND", "errors.notFound");
  return document;
}

/**
 * The XML fragment as ProseMirror JSON, refusing anything that is neither an element nor text.
 * Formats become marks the way y-prosemirror writes them ("bold", or "bold--<hash>" for marks that
 * may overlap).
 */
function fragmentToJson(fragment: Y.XmlFragment): RichTextDoc {
  const convert = (item: unknown): RichTextNode[] => {
    if (item instanceof Y.XmlText) {
      return item.toDelta().map((delta: { insert: unknown; attributes?: Record<string, Record<string, unknown> | null> }) => {
        if (typeof delta.insert !== "string") throw new AppError("INVALID_INPUT", "formulations.richText.invalid");
        const marks = Object.entries(delta.attributes ?? {}).map(([name, attrs]) => ({
          type: name.replace(/--.*$/, ""),
          ...(attrs && Object.keys(attrs).length > 0 ? { attrs } : {}),
        }));
        return { type: "text", text: delta.insert, ...(marks.length > 0 ? { marks } : {}) };
      });
    }
    if (item instanceof Y.XmlElement) {
      const attrs = item.getAttributes() as Record<string, unknown>;
      const content = item.toArray().flatMap(convert);
      return [{ type: item.nodeName, ...(Object.keys(attrs).length > 0 ? { attrs } : {}), ...(content.length > 0 ? { content } : {}) }];
    }
    throw new AppError("INVALID_INPUT", "formulations.richText.invalid");
  };
  return { type: "doc", content: fragment.toArray().flatMap(convert) };
}

/** A document's content, validated against the editor's schema; an empty document when it is blank. */
export function documentToRichText(doc: Y.Doc): { doc: RichTextDoc; text: string } {
  const json = fragmentToJson(doc.getXmlFragment(documentField));
  if (!json.content?.length) return { doc: emptyRichTextDoc, text: "" };
  return validateRichText(json);
}

/** Read-only access by address, without the cache: for finalisation, approval and the protocol. */
async function readByAddress(db: Executor, address: DocumentAddress): Promise<Y.Doc | null> {
  const [document] = await db.select().from(sharedDocuments).where(ownerCondition(address));
  return document ? (await loadSharedDocument(db, document)).doc : null;
}

/** The document row of an address locked until the transaction ends, or null if never opened. */
export async function lockSharedDocumentAt(tx: Executor, address: DocumentAddress): Promise<DocumentRow | null> {
  const [document] = await tx.select().from(sharedDocuments).where(ownerCondition(address)).for("update");
  return document ?? null;
}

/**
 * The shared document's content as validated ProseMirror JSON, for the protocol. The caller checks
 * that the reader may see the conference or session. A document that fails the schema check (possible only
 * through a merge the editors would repair themselves) is returned as its plain text.
 */
export async function readSharedDocumentJson(db: Executor, address: DocumentAddress): Promise<RichTextDoc> {
  return (await readSharedDocumentJsonIfOpened(db, address)) ?? emptyRichTextDoc;
}

/** Like `readSharedDocumentJson`, but null when nobody has opened the document yet. */
export async function readSharedDocumentJsonIfOpened(db: Executor, address: DocumentAddress): Promise<RichTextDoc | null> {
  const doc = await readByAddress(db, address);
  if (!doc) return null;
  try {
    return documentToRichText(doc).doc;
  } catch {
    const lines = plainTextOf(doc);
    if (lines.length === 0) return emptyRichTextDoc;
    return {
      type: "doc",
      content: lines.map((line) => (line ? { type: "paragraph", content: [{ type: "text", text: line }] } : { type: "paragraph" })),
    };
  }
}

/** The shared document as plain text, one line per paragraph or list item. */
export async function readSharedDocumentText(db: Executor, address: DocumentAddress): Promise<string> {
  const doc = await readByAddress(db, address);
  if (!doc) return "";
  try {
    return documentToRichText(doc).text;
  } catch {
    return plainTextOf(doc).join("\n").trim();
  }
}

function plainTextOf(doc: Y.Doc): string[] {
  const lines: string[] = [];
  const walk = (item: unknown) => {
    if (item instanceof Y.XmlText)
      lines.push(
        item
          .toDelta()
          .map((d: { insert: unknown }) => (typeof d.insert === "string" ? d.insert : ""))
          .join(""),
      );
    else if (item instanceof Y.XmlElement) item.toArray().forEach(walk);
  };
  doc.getXmlFragment(documentField).toArray().forEach(walk);
  return lines.map((line) => line.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ""));
}

let updateRate = { points: 0, limiter: new RateLimiterMemory({ points: 1, duration: 1 }) };
function updateLimiter(): RateLimiterMemory {
  const points = sharedDocumentSettings.updatesPerSecond;
  if (updateRate.points !== points)
    updateRate = { points, limiter: new RateLimiterMemory({ keyPrefix: "doc-update", points, duration: 1 }) };
  return updateRate.limiter;
}
const maxQueuedUpdates = 100;
const awarenessRate = new RateLimiterMemory({ keyPrefix: "doc-awareness", points: 10, duration: 1 });

async function within(limiter: RateLimiterMemory, socketId: string): Promise<boolean> {
  return limiter.consume(socketId).then(
    () => true,
    () => false,
  );
}

/** Either permission opens a document; which one counts is checked per address in `resolveDocument`. */
const documentPermissions = ["conferences.take_part", "sessions.view"] as const;

/** The shared-document events of one connection; the same checks as everywhere run per event. */
export function registerSharedDocumentEvents(io: KimServer, socket: KimSocket, guard: typeof guarded): void {
  socket.on(
    "doc:join",
    guard(socket, documentPermissions, docJoinSchema, async (actor, address) => {
      const db = await getDb();
      await requireDocumentAccess(db, actor, address);
      // Joined before reading: an update committed in between arrives twice, which Yjs ignores.
      await socket.join(room(address));
      try {
        return await getSharedDocumentForJoin(db, actor, address);
      } catch (error) {
        await socket.leave(room(address));
        throw error;
      }
    }),
  );
  const handleUpdate = guard(socket, documentPermissions, docUpdateSchema, async (actor, payload) => {
    // Too fast, or missing predecessors: nothing is stored and the client syncs again shortly,
    // sending everything the server lacks. Refusing outright would cost the client its changes.
    if (!(await within(updateLimiter(), socket.id))) return { stored: false };
    const db = await getDb();
    const address = addressOf(payload);
    let bytes: Uint8Array;
    try {
      bytes = decodeBase64(payload.update);
    } catch {
      throw new AppError("INVALID_INPUT", "formulations.documents.invalidUpdate");
    }
    try {
      const { changed } = await applySharedDocumentUpdate(db, actor, { ...address, update: bytes });
      // Stored above; only now do the others get it.
      if (changed) socket.to(room(address)).emit("doc:applied", { ...address, update: payload.update });
      return { stored: true };
    } catch (error) {
      if (error instanceof AppError && error.message === "formulations.documents.outOfSync") return { stored: false };
      throw error;
    }
  });
  // socket.io runs handlers side by side; a connection's updates must be stored in the order sent,
  // because each builds on the ones before it.
  let queue: Promise<unknown> = Promise.resolve();
  let queued = 0;
  socket.on("doc:update", (payload, ack) => {
    // A client that runs far ahead of what is stored is flooding, not typing.
    if (++queued > maxQueuedUpdates) {
      socket.disconnect(true);
      return;
    }
    queue = queue
      .then(() => handleUpdate(payload, ack))
      .catch(() => undefined)
      .finally(() => (queued -= 1));
  });
  socket.on(
    "doc:awareness",
    guard(socket, documentPermissions, docAwarenessSchema, async (actor, payload) => {
      if (!(await within(awarenessRate, socket.id))) return;
      const address = addressOf(payload);
      // Only who has joined the document may say they are writing in it; nothing is stored.
      if (!socket.rooms.has(room(address))) throw new AppError("NOT_FOUND", "errors.notFound");
      const db = await getDb();
      await requireDocumentAccess(db, actor, address);
      socket
        .to(room(address))
        .emit("doc:awareness", { ...address, userId: actor.userId, displayName: actor.displayName, typing: payload.typing });
    }),
  );
}
