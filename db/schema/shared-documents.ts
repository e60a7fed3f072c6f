import { sql } from "drizzle-orm";
import { bigserial, check, customType, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { conferences } from "./conferences";
import { bodySessions } from "./sessions";
import { users } from "./users";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * A document several people edit at once (Yjs). Every update is stored before it is relayed;
 * `state` is the merged document, compacted from the updates from time to time. It belongs to
 * exactly one conference (notes, formulations) or one body session (minutes).
 */
export const sharedDocuments = pgTable(
  "shared_documents",
  {
    id: id(),
    conferenceId: uuid("conference_id").references(() => conferences.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id").references(() => bodySessions.id, { onDelete: "cascade" }),
    /** "notes" or "formulation:<id>" in a conference, "minutes" in a session. */
    key: text("key").notNull(),
    state: bytea("state"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("shared_documents_key_idx").on(t.conferenceId, t.key),
    uniqueIndex("shared_documents_session_key_idx").on(t.sessionId, t.key),
    check("shared_documents_one_owner", sql`num_nonnulls(${t.conferenceId}, ${t.sessionId}) = 1`),
  ],
);

export const sharedDocumentUpdates = pgTable(
  "shared_document_updates",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => sharedDocuments.id, { onDelete: "cascade" }),
    update: bytea("update").notNull(),
    actorUserId: uuid("actor_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("shared_document_updates_document_idx").on(t.documentId, t.id)],
);
