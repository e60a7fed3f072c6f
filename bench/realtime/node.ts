/**
 * One server process of the realtime bench, started by bench/realtime.ts with its environment:
 * - BENCH_MODE=board: the application's socket.io server (sessions, policies, the board service)
 *   with the PostgreSQL adapter, exactly as server/index.ts attaches it;
 * - BENCH_MODE=floor: the floor of a durable board: a socket.io server with the same adapter that
 *   commits each operation with one INSERT (synchronous_commit on) and then broadcasts it.
 * Prints `listening <port>` once it accepts connections.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import postgres from "postgres";
import { Server } from "socket.io";

process.env.LOG_LEVEL ??= "warn";
const databaseUrl = process.env.DATABASE_URL!;
const { attachRealtimeAdapter } = await import("@/server/realtime/adapter");

const httpServer = createServer();
let close: () => Promise<void>;

if (process.env.BENCH_MODE === "board") {
  const { attachSocketServer } = await import("@/server/realtime/socket-server");
  const { getDatabaseHandle } = await import("@/db");
  const handle = await getDatabaseHandle();
  const io = attachSocketServer(httpServer);
  const adapter = await attachRealtimeAdapter(io, databaseUrl);
  close = async () => {
    await io.close();
    await adapter.close();
    await handle.close();
  };
} else {
  const sql = postgres(databaseUrl, { max: 10, onnotice: () => {}, connection: { synchronous_commit: "on" } });
  const io = new Server(httpServer, { path: "/socket.io", serveClient: false });
  const adapter = await attachRealtimeAdapter(io, databaseUrl);
  io.on("connection", (socket) => {
    socket.on("floor:join", async (room: string, ack: () => void) => {
      await socket.join(room);
      ack();
    });
    socket.on("floor:op", async (payload: { room: string; clientOpId: string; text: string }, ack: (reply: object) => void) => {
      await sql`INSERT INTO bench_floor (room, client_op_id, payload) VALUES (${payload.room}, ${payload.clientOpId}, ${sql.json({ text: payload.text })})`;
      io.to(payload.room).emit("board:applied", { clientOpId: payload.clientOpId });
      ack({ ok: true });
    });
  });
  close = async () => {
    await io.close();
    await adapter.close();
    await sql.end();
  };
}

httpServer.listen(0, "127.0.0.1", () => {
  console.log(`listening ${(httpServer.address() as AddressInfo).port}`);
});
process.once("SIGTERM", () => {
  void close().finally(() => process.exit(0));
});
