import { and, eq, lte } from "drizzle-orm";
import * as Y from "yjs";
import { type Database } from "@/db";
import { sharedDocuments, sharedDocumentUpdates } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import { addressOf, encodeBase64, maxDocumentUpdateBytes, type DocumentAddress } from "../schemas/shared-documents";
import { documentPlainText } from "./rich-text";
import { checkUpdateStructure, isEditorShaped } from "./structure";
import { cache, catchUp, countStoredUpdate, maxBytesPerWriter, maxDocumentBytes, sharedDocumentSettings } from "./storage";
import { resolveDocument, type DocumentAccess } from "./access";

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
  access: DocumentAccess,
): Promise<AppliedDocumentUpdate> {
  if (input.update.byteLength > maxDocumentUpdateBytes) throw new AppError("INVALID_INPUT", "formulations.documents.updateTooLarge");
  checkUpdateStructure(input.update);
  let documentId: string | null = null;
  try {
    return await db.transaction(async (tx) => {
      const { document, writable } = await resolveDocument(tx, actor, addressOf(input), access, { lock: true });
      documentId = document.id;
      if (!writable) throw new AppError("CONFLICT", "formulations.documents.readOnly");
      const entry = await catchUp(tx, document);
      let changed = false;
      const onUpdate = () => {
        changed = true;
      };
      const before = access.checkText ? documentPlainText(entry.doc) : "";
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
      if (access.checkText) await access.checkText(tx, addressOf(input), { before, after: documentPlainText(entry.doc) });
      // One writer cannot use up the room the others need to go on writing.
      if ((entry.bytesByAuthor.get(actor.userId) ?? 0) + input.update.byteLength > maxBytesPerWriter)
        throw new AppError("CONFLICT", "formulations.documents.writerShareUsed");
      let compactNow = entry.rowsSinceCompaction + 1 >= sharedDocumentSettings.compactEvery;
      if (entry.bytes + input.update.byteLength > maxDocumentBytes) {
        // The running sum still counts deleted text; only what the document really holds counts,
        // so deleting from a full document is always possible.
        if (Y.encodeStateAsUpdate(entry.doc).byteLength > maxDocumentBytes)
          throw new AppError("CONFLICT", "formulations.documents.documentTooLarge");
        compactNow = true;
      }
      const [row] = await tx
        .insert(sharedDocumentUpdates)
        .values({ documentId: document.id, update: input.update, actorUserId: actor.userId })
        .returning({ id: sharedDocumentUpdates.id });
      entry.lastUpdateId = row!.id;
      countStoredUpdate(entry, actor.userId, input.update.byteLength);
      if (compactNow) {
        const state = Y.encodeStateAsUpdate(entry.doc);
        await tx.update(sharedDocuments).set({ state, updatedAt: new Date() }).where(eq(sharedDocuments.id, document.id));
        await tx
          .delete(sharedDocumentUpdates)
          .where(and(eq(sharedDocumentUpdates.documentId, document.id), lte(sharedDocumentUpdates.id, entry.lastUpdateId)));
        entry.rowsSinceCompaction = 0;
        entry.bytes = state.byteLength;
        entry.bytesByAuthor.clear();
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
export async function getSharedDocumentForJoin(db: Database, actor: Actor, address: DocumentAddress, access: DocumentAccess) {
  return db.transaction(async (tx) => {
    const { document, writable } = await resolveDocument(tx, actor, address, access, { lock: true });
    const entry = await catchUp(tx, document);
    return { update: encodeBase64(Y.encodeStateAsUpdate(entry.doc)), readOnly: !writable };
  });
}
