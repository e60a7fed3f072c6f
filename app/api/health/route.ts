import { sql } from "drizzle-orm";
import { getDatabaseHandle } from "@/db";

export const dynamic = "force-dynamic";

export async function GET() {
  const started = performance.now();
  try {
    const { db, driver } = await getDatabaseHandle();
    await db.execute(sql`select 1`);
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    return Response.json({ status: "ok", database: { reachable: true, driver, latencyMs } });
  } catch {
    return Response.json({ status: "error", database: { reachable: false } }, { status: 503 });
  }
}
