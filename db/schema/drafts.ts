import { pgTable, text, uniqueIndex, uuid, customType } from "drizzle-orm/pg-core";
import { id, updatedAt } from "./columns";
import { users } from "./users";
import { cases } from "./cases";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * Unfinished case forms, kept on the server (never in the browser's storage) and encrypted like the
 * identity, since a draft may hold anything the case manager typed.
 */
export const formDrafts = pgTable(
  "form_drafts",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    formKey: text("form_key").notNull(),
    ciphertext: bytea("ciphertext").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("form_drafts_case_user_form_idx").on(t.caseId, t.userId, t.formKey)],
);
