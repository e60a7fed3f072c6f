import { pgEnum, pgTable, text, uuid, uniqueIndex, type AnyPgColumn, index, timestamp } from "drizzle-orm/pg-core";
import { bodyKinds } from "../../server/schemas/tenancy-kinds";
import { createdAt, id, updatedAt } from "./columns";
import { tenants } from "./tenancy";

export const bodyKind = pgEnum("body_kind", bodyKinds);

/** A steering or working body (Gremium); the steering path builds on it. */
export const bodies = pgTable(
  "bodies",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    name: text("name").notNull(),
    kind: bodyKind("kind").notNull(),
    parentBodyId: uuid("parent_body_id").references((): AnyPgColumn => bodies.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("bodies_tenant_name_idx").on(t.tenantId, t.name)],
);

/** A body's member from outside the platform (no account): named, with their organisation. */
export const bodyExternalMembers = pgTable(
  "body_external_members",
  {
    id: id(),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => bodies.id),
    name: text("name").notNull(),
    organisationName: text("organisation_name").notNull().default(""),
    function: text("function").notNull().default(""),
    /** Set when they leave the body; they stay on the attendance lists of sessions they attended. */
    removedAt: timestamp("removed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("body_external_members_body_idx").on(t.bodyId)],
);
