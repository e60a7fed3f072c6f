import { count, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { bodies, kommunen, organisations, users } from "@/db/schema";

/** Key figures of a tenant for the start page; plain counts, nothing about clients. */
export async function getTenantOverview(db: Database, tenantId: string) {
  const countOf = async (table: typeof kommunen | typeof organisations | typeof users | typeof bodies) => {
    const [row] = await db.select({ n: count() }).from(table).where(eq(table.tenantId, tenantId));
    return row?.n ?? 0;
  };
  const [kommunenCount, organisationsCount, usersCount, bodiesCount] = await Promise.all([
    countOf(kommunen),
    countOf(organisations),
    countOf(users),
    countOf(bodies),
  ]);
  return { kommunen: kommunenCount, organisations: organisationsCount, users: usersCount, bodies: bodiesCount };
}
