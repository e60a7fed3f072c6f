import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { sharedDocuments, themeFormulations } from "@/db/schema";
import { AppError } from "../errors";
import type { DocumentAccess } from "../shared-documents/access";
import { rejectAgendaIdentity } from "./agenda-identity";
import { requireParticipation } from "./conferences";

function formulationIdOf(key: string): string | null {
  return key.startsWith("formulation:") ? key.slice("formulation:".length) : null;
}

/**
 * A conference's documents are for its participants. The notes are created on first use and stay
 * writable; a formulation's document exists from its start and is writable while it is drafted.
 */
export const conferenceDocumentAccess: DocumentAccess = {
  async require(db, actor, address) {
    if (!("conferenceId" in address)) throw new AppError("NOT_FOUND", "errors.notFound");
    await requireParticipation(db, actor, address.conferenceId);
  },
  async createIfMissing(db, address) {
    if (!("conferenceId" in address) || formulationIdOf(address.key)) return;
    await db.insert(sharedDocuments).values({ conferenceId: address.conferenceId, key: address.key }).onConflictDoNothing();
  },
  async isWritable(db: Executor, _actor, address, document) {
    const formulationId = formulationIdOf(address.key);
    if (!("conferenceId" in address) || !formulationId) return true;
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
    return formulation.status === "drafting";
  },
  async checkText(db, address, { before, after }) {
    if (!("conferenceId" in address)) return;
    await rejectAgendaIdentity(db, address.conferenceId, [after], { message: "formulations.documents.containsIdentity" }, [before]);
  },
};
