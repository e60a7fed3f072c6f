import { bigserial, customType, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenancy";
import { users } from "./users";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * Append-only: database triggers refuse UPDATE, DELETE and TRUNCATE and chain every row to the
 * previous one of its tenant by a SHA-256 digest (see the custom migration).
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id").references(() => tenants.id),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    action: text("action").notNull(),
    outcome: text("outcome").notNull().default("success"),
    targetType: text("target_type"),
    targetId: text("target_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    previousDigest: bytea("previous_digest"),
    digest: bytea("digest"),
    /**
     * HMAC-SHA-256 over the row and the previous row's mac, keyed with AUDIT_CHAIN_KEY, which the
     * database never holds: an administrator who rewrites rows and recomputes the digests above
     * cannot recompute this. Rows written before the key existed have none.
     */
    mac: bytea("mac"),
  },
  (t) => [index("audit_events_tenant_created_idx").on(t.tenantId, t.createdAt)],
);
