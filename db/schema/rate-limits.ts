import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Counters of rate limits that must hold across server processes (sign-in attempts): kept in the
 * database rather than in one process's memory.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull(),
  expire: timestamp("expire", { withTimezone: true }),
});
