import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { prosemirrorJSONToYDoc } from "y-prosemirror";
import type { Executor } from "@/db";
import { bodySessions, sharedDocuments } from "@/db/schema";
import { AppError } from "../errors";
import { richTextSchema, validateRichText } from "../rich-text/validate";
import type { DocumentAccess } from "../shared-documents/access";
import { ownerCondition } from "../shared-documents/storage";
import { documentField } from "../shared-documents/structure";
import { mayWriteMinutes, requireSession } from "./policy";

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

/** A session's minutes are for whoever may see the session; the coordination writes them until approval. */
export const minutesDocumentAccess: DocumentAccess = {
  async require(db, actor, address) {
    if (!("sessionId" in address)) throw new AppError("NOT_FOUND", "errors.notFound");
    await requireSession(db, actor, address.sessionId, "view");
  },
  async createIfMissing(db, address) {
    if (!("sessionId" in address)) return;
    const [existing] = await db.select({ id: sharedDocuments.id }).from(sharedDocuments).where(ownerCondition(address));
    if (!existing) {
      await db
        .insert(sharedDocuments)
        .values({ sessionId: address.sessionId, key: address.key, state: await initialMinutesState(db, address.sessionId) })
        .onConflictDoNothing();
    }
  },
  async isWritable(db, actor, address) {
    return "sessionId" in address && (await mayWriteMinutes(db, actor, address.sessionId));
  },
};
