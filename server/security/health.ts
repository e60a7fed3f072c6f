import { sql } from "drizzle-orm";
import { getDatabaseHandle } from "@/db";
import { logger } from "../config/logger";

/**
 * The answer of `/api/health`: "ok" or "not ok" and nothing else, because anyone may ask. Versions,
 * the database driver or timings would tell an attacker what to try; operators read them in the log.
 */
export async function healthResponse(): Promise<Response> {
  try {
    const { db } = await getDatabaseHandle();
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    logger.error({ err: error }, "health check: database unreachable");
    return Response.json({ status: "error" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
