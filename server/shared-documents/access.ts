import { AppError } from "../errors";
import type { Executor } from "@/db";
import { sharedDocuments } from "@/db/schema";
import type { Actor } from "../auth/policy";
import type { DocumentAddress } from "../schemas/shared-documents";
import { ownerCondition, type DocumentRow } from "./storage";

/**
 * Who may open and write one kind of document. Each domain gives its own (a conference's notes and
 * formulations, a session's minutes); the socket binding picks it by address, so this folder
 * imports no domain.
 */
export interface DocumentAccess {
  /** Refuses whoever may not open the document at all; unknown and foreign both answer NOT_FOUND. */
  require(db: Executor, actor: Actor, address: DocumentAddress): Promise<void>;
  /** Creates the document on first use, for the kinds that start that way. */
  createIfMissing(db: Executor, address: DocumentAddress): Promise<void>;
  /** Whether the actor may still write; asked after the row lock. */
  isWritable(db: Executor, actor: Actor, address: DocumentAddress, document: DocumentRow): Promise<boolean>;
  /**
   * Refuses a change whose plain text must not be stored (e.g. a name from a case file). Gets the
   * text before the change too, so what was there already does not block every later keystroke.
   */
  checkText?(db: Executor, address: DocumentAddress, text: { before: string; after: string }): Promise<void>;
}

/**
 * The document behind an address, for someone who may open it. Notes and minutes are created on
 * first use; a formulation's document exists from its start. With `lock`, the document row stays
 * locked until the transaction ends, which orders all writes; whether it is still writable is read
 * after the lock, so a finalisation or approval that committed meanwhile is seen.
 */
export async function resolveDocument(
  db: Executor,
  actor: Actor,
  address: DocumentAddress,
  access: DocumentAccess,
  options: { lock: boolean },
) {
  await access.require(db, actor, address);
  await access.createIfMissing(db, address);
  const query = db.select().from(sharedDocuments).where(ownerCondition(address));
  const [document] = options.lock ? await query.for("update") : await query;
  if (!document) throw new AppError("NOT_FOUND", "errors.notFound");
  const writable = await access.isWritable(db, actor, address, document);
  return { document, writable };
}
