import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { tenants } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { seesExactCounts, type CountView } from "./shown-count";

/** The schema's default, for a tenant row that is not there. */
const defaultMinimumGroupSize = 5;

/** The tenant's minimum group size k (set by the admin, 2 to 50). */
export async function minimumGroupSizeOf(db: Executor, tenantId: string): Promise<number> {
  const [tenant] = await db.select({ k: tenants.minimumGroupSize }).from(tenants).where(eq(tenants.id, tenantId));
  return tenant?.k ?? defaultMinimumGroupSize;
}

/** How counts are shown to this actor: exact for the coordination, otherwise "fewer than k" below k. */
export async function countViewFor(db: Executor, actor: Actor): Promise<CountView> {
  return { exact: seesExactCounts(actor), minimumGroupSize: await minimumGroupSizeOf(db, actor.tenantId) };
}
