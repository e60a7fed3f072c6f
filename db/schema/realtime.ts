import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenancy";
import { users } from "./users";

/**
 * Each running socket server, with its last heartbeat: connections of a process that stopped beating
 * (killed hard) stop counting after a short time and are then removed by the others.
 */
export const realtimeProcesses = pgTable("realtime_processes", {
  id: uuid("id").primaryKey(),
  beatAt: timestamp("beat_at", { withTimezone: true }).notNull().defaultNow(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Who is in which live room (a meeting's board, a presence room) on which process: presence lists and
 * the participant limit are read from here, the same for every process, without asking the others.
 */
export const presenceConnections = pgTable(
  "presence_connections",
  {
    socketId: text("socket_id").notNull(),
    /** The socket.io room: `board:<conference id>` or `presence:<tenant id>:<name>`. */
    room: text("room").notNull(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** As the socket's session named the person: shown in presence lists as it was at connecting. */
    displayName: text("display_name").notNull(),
    processId: uuid("process_id")
      .notNull()
      .references(() => realtimeProcesses.id, { onDelete: "cascade" }),
    connectedAt: timestamp("connected_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.socketId, t.room] }), index("presence_connections_room_idx").on(t.room, t.userId)],
);
