import { pgEnum, pgTable, text, uuid, uniqueIndex, type AnyPgColumn } from "drizzle-orm/pg-core";
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
