import { date, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { tenants } from "./tenancy";
import { users } from "./users";

/** The monthly pseudonymised documentation of one case manager, once submitted. */
export const monthlyReports = pgTable(
  "monthly_reports",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    month: date("month").notNull(),
    figures: jsonb("figures").$type<Record<string, unknown>>().notNull(),
    note: text("note").notNull().default(""),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("monthly_reports_user_month_idx").on(t.userId, t.month)],
);
