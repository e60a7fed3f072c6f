import { and, asc, eq, gte } from "drizzle-orm";
import * as Y from "yjs";
import { type Executor } from "@/db";
import { sharedDocuments, sharedDocumentUpdates } from "@/db/schema";
import { AppError } from "../errors";
import { type DocumentAddress } from "../schemas/shared-documents";

/**
 * Updates are merged into `state` after `compactEvery` of them, so loading a document stays cheap.
 * Typing sends a merged update every ~100 ms; `updatesPerSecond` per connection leaves room for
 * several editors on one page and stops a runaway client.
 */
export const sharedDocumentSettings = { compactEvery: 200, updatesPerSecond: 40 };
/** Stored bytes per document before further changes are refused (counted from the stored updates). */
export const maxDocumentBytes = 1024 * 1024;
/** What one writer may add between two compactions: a quarter, so the others always have room. */
export const maxBytesPerWriter = maxDocumentBytes / 4;
const cachedDocuments = 100;

export type DocumentRow = typeof sharedDocuments.$inferSelect;

/**
 * The documents this process has open, each with the id of the last stored update it contains.
 * The database stays the truth: every write first catches the cache up under the row lock.
 */
export interface CachedDocument {
  doc: Y.Doc;
  lastUpdateId: number;
  rowsSinceCompaction: number;
  bytes: number;
  /** Stored bytes per writer since the last compaction: no one may fill the document alone. */
  bytesByAuthor: Map<string, number>;
}

/** Counts one stored update towards the document and its writer. */
export function countStoredUpdate(entry: CachedDocument, actorUserId: string | null, bytes: number) {
  entry.rowsSinceCompaction += 1;
  entry.bytes += bytes;
  if (actorUserId) entry.bytesByAuthor.set(actorUserId, (entry.bytesByAuthor.get(actorUserId) ?? 0) + bytes);
}
export const cache = new Map<string, CachedDocument>();

function remember(documentId: string, entry: CachedDocument) {
  cache.delete(documentId);
  cache.set(documentId, entry);
  while (cache.size > cachedDocuments) cache.delete(cache.keys().next().value!);
}

export function ownerCondition(address: DocumentAddress) {
  return "sessionId" in address
    ? and(eq(sharedDocuments.sessionId, address.sessionId), eq(sharedDocuments.key, address.key))
    : and(eq(sharedDocuments.conferenceId, address.conferenceId), eq(sharedDocuments.key, address.key));
}

/** Creates the document of a new formulation inside the caller's transaction. */
export async function createSharedDocument(db: Executor, conferenceId: string, key: string): Promise<DocumentRow> {
  const [document] = await db.insert(sharedDocuments).values({ conferenceId, key }).returning();
  return document!;
}

/** Builds a document from the database alone: the compacted state, then every later update in order. */
export async function loadSharedDocument(db: Executor, document: Pick<DocumentRow, "id" | "state">): Promise<CachedDocument> {
  const doc = new Y.Doc();
  if (document.state) Y.applyUpdate(doc, document.state);
  const entry: CachedDocument = {
    doc,
    lastUpdateId: -1,
    rowsSinceCompaction: 0,
    bytes: document.state?.byteLength ?? 0,
    bytesByAuthor: new Map(),
  };
  const rows = await db
    .select({ id: sharedDocumentUpdates.id, update: sharedDocumentUpdates.update, actorUserId: sharedDocumentUpdates.actorUserId })
    .from(sharedDocumentUpdates)
    .where(eq(sharedDocumentUpdates.documentId, document.id))
    .orderBy(asc(sharedDocumentUpdates.id));
  for (const row of rows) {
    Y.applyUpdate(doc, row.update);
    countStoredUpdate(entry, row.actorUserId, row.update.byteLength);
    entry.lastUpdateId = row.id;
  }
  return entry;
}

/**
 * The cached document brought up to the database's state; call it while holding the row lock.
 * When the last update the cache knows has been compacted away (here or by another instance),
 * the compacted state is applied again: Yjs ignores what a document already contains.
 */
export async function catchUp(db: Executor, document: DocumentRow): Promise<CachedDocument> {
  const entry = cache.get(document.id);
  if (!entry) {
    const loaded = await loadSharedDocument(db, document);
    remember(document.id, loaded);
    return loaded;
  }
  const rows = await db
    .select({ id: sharedDocumentUpdates.id, update: sharedDocumentUpdates.update, actorUserId: sharedDocumentUpdates.actorUserId })
    .from(sharedDocumentUpdates)
    .where(and(eq(sharedDocumentUpdates.documentId, document.id), gte(sharedDocumentUpdates.id, Math.max(entry.lastUpdateId, 0))))
    .orderBy(asc(sharedDocumentUpdates.id));
  if (rows[0]?.id !== entry.lastUpdateId) {
    if (document.state) Y.applyUpdate(entry.doc, document.state);
    entry.rowsSinceCompaction = 0;
    entry.bytes = document.state?.byteLength ?? 0;
    entry.bytesByAuthor.clear();
  }
  for (const row of rows) {
    if (row.id <= entry.lastUpdateId) continue;
    Y.applyUpdate(entry.doc, row.update);
    entry.lastUpdateId = row.id;
    countStoredUpdate(entry, row.actorUserId, row.update.byteLength);
  }
  remember(document.id, entry);
  return entry;
}

/** The document row of a key, locked until the transaction ends (finalisation freezes under it). */
export async function lockSharedDocument(tx: Executor, documentId: string): Promise<DocumentRow> {
  const [document] = await tx.select().from(sharedDocuments).where(eq(sharedDocuments.id, documentId)).for("update");
  if (!document) throw new AppError("NOT_FOUND", "errors.notFound");
  return document;
}

/** The document row of an address locked until the transaction ends, or null if never opened. */
export async function lockSharedDocumentAt(tx: Executor, address: DocumentAddress): Promise<DocumentRow | null> {
  const [document] = await tx.select().from(sharedDocuments).where(ownerCondition(address)).for("update");
  return document ?? null;
}
