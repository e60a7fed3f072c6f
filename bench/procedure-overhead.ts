/**
 * What the tRPC layer (permission middleware, fresh actor load, error mapping) costs per call:
 * `users.list` through the router against the same service called directly (the baseline), both
 * on in-memory PGlite. Usage: npm run bench:procedures
 */
import { openDatabase } from "@/db";
import { loadActor } from "@/server/auth/load-actor";
import { createActor, createTenant, callerFor } from "@/server/test/factories";
import { listUsers } from "@/server/users/users";

// Audit rows are sealed with a key kept outside the database; a bench run makes its own.
process.env.AUDIT_CHAIN_KEY ??= Buffer.alloc(32, 3).toString("base64");

const iterations = Number(process.env.BENCH_ITERATIONS ?? 2000);
const handle = await openDatabase({ driver: "pglite", dataDir: undefined });
const { tenant } = await createTenant(handle.db);
const admin = await createActor(handle.db, tenant.id, ["admin"]);
for (let i = 0; i < 20; i++) await createActor(handle.db, tenant.id, ["case_manager"]);

async function measure(label: string, run: () => Promise<unknown>) {
  for (let i = 0; i < 100; i++) await run();
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await run();
  const perCall = (performance.now() - started) / iterations;
  console.log(`${label.padEnd(52)} ${(perCall * 1000).toFixed(0).padStart(6)} µs/call  ${(1000 / perCall).toFixed(0).padStart(6)} calls/s`);
  return perCall;
}

const session = { userId: admin.userId, sessionVersion: 1 };
const baseline = await measure("baseline: load actor + listUsers service", async () => {
  const actor = await loadActor(handle.db, session);
  return listUsers(handle.db, actor!);
});
const routed = await measure("tRPC caller: load actor + users.list procedure", async () => {
  const actor = await loadActor(handle.db, session);
  return callerFor(handle.db, actor).users.list();
});
console.log(`ratio procedure / baseline: ${(routed / baseline).toFixed(2)} (${iterations} calls each)`);
await handle.close();
