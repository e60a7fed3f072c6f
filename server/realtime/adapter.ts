import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import type { Server } from "socket.io";
import { logger } from "../config/logger";

export interface RealtimeAdapterHandle {
  kind: "postgres" | "in-memory";
  /** Ends the adapter's database connections; call after `io.close()`. */
  close: () => Promise<void>;
}

/** Payloads over PostgreSQL's NOTIFY limit travel through this table; the adapter deletes old rows. */
const attachmentsTable = "socket_io_attachments";

/**
 * Lets several server processes on one PostgreSQL database serve the same meeting: every broadcast
 * (board operations, presence) also goes to the other processes by LISTEN/NOTIFY, and
 * `fetchSockets()` asks them too (presence and the participant limit do not: they read the database). Embedded PGlite belongs to exactly one process, so there the
 * default in-memory adapter is complete. Call before the HTTP server accepts connections.
 */
export async function attachRealtimeAdapter(io: Server, databaseUrl = process.env.DATABASE_URL): Promise<RealtimeAdapterHandle> {
  if (!databaseUrl) {
    logger.info({ adapter: "in-memory" }, "socket.io adapter: in-memory (single process)");
    return { kind: "in-memory", close: async () => {} };
  }
  // postgres.js cannot LISTEN on behalf of the adapter; it needs node-postgres. One connection stays
  // checked out for LISTEN, the others publish.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, application_name: "kim-realtime-adapter" });
  pool.on("error", (error) => logger.error({ err: error }, "realtime adapter: idle database connection failed"));
  // The LISTEN connection is never returned to the pool, so the pool's own error listener is not on
  // it: without this one, a dropped connection would crash the process instead of reconnecting.
  pool.on("connect", (client) => client.on("error", (error) => logger.warn({ err: error }, "realtime adapter: database connection lost")));
  try {
    // The migrations create the table; a database without them (a bare test database) gets it here.
    // Asked first, because the application's role may not create tables at all.
    const { rows } = await pool.query<{ found: string | null }>(`SELECT to_regclass('${attachmentsTable}')::text AS found`);
    if (!rows[0]?.found) {
      await pool.query(`CREATE TABLE IF NOT EXISTS ${attachmentsTable} (
        id bigserial UNIQUE,
        created_at timestamptz DEFAULT now(),
        payload bytea
      )`);
    }
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  io.adapter(
    createAdapter(pool, {
      tableName: attachmentsTable,
      errorHandler: (error) => logger.error({ err: error }, "realtime adapter failed"),
    }),
  );
  logger.info({ adapter: "postgres" }, "socket.io adapter: PostgreSQL (several processes can serve one meeting)");
  return {
    kind: "postgres",
    close: async () => {
      // io.close() has released the LISTEN connection and sent the other processes a last NOTIFY
      // that this one leaves; let it go out, or they keep waiting for this process's answers to
      // fetchSockets() (presence, joins) until its heartbeat times out.
      const deadline = Date.now() + 1000;
      while ((pool.waitingCount > 0 || pool.idleCount < pool.totalCount) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await Promise.race([pool.end(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    },
  };
}
