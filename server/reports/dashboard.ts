import { and, avg, count, eq, isNotNull, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { cases, closures, gapReports, kommunen, screenings, waitingListEntries } from "@/db/schema";
import { canSomewhere, type Actor } from "../auth/policy";
import { AppError } from "../errors";

/**
 * Tenant-wide figures for the coordination: only counts and averages over pseudonymised cases,
 * nothing that points to a person.
 */
export async function getCoordinationDashboard(db: Database, actor: Actor) {
  if (!canSomewhere(actor, "cases.coordinate")) throw new AppError("FORBIDDEN", "errors.forbidden");
  const tenant = eq(cases.tenantId, actor.tenantId);
  const byStatus = await db.select({ status: cases.status, n: count() }).from(cases).where(tenant).groupBy(cases.status);
  const byKommune = await db
    .select({ kommune: kommunen.name, n: count() })
    .from(cases)
    .leftJoin(kommunen, eq(kommunen.id, cases.kommuneId))
    .where(and(tenant, sql`${cases.status} in ('intake', 'active')`))
    .groupBy(kommunen.name);
  const byLifeArea = await db
    .select({ area: sql<string>`jsonb_object_keys(${screenings.problemsByArea})`.as("area"), n: count() })
    .from(screenings)
    .innerJoin(cases, eq(cases.id, screenings.caseId))
    .where(tenant)
    .groupBy(sql`1`);
  const byClosingType = await db
    .select({ closingType: closures.closingType, n: count() })
    .from(closures)
    .innerJoin(cases, eq(cases.id, closures.caseId))
    .where(tenant)
    .groupBy(closures.closingType);
  const [duration] = await db
    .select({ days: avg(sql<number>`${cases.closedOn} - ${cases.admittedOn}`) })
    .from(cases)
    .where(and(tenant, isNotNull(cases.closedOn), isNotNull(cases.admittedOn)));
  const [waiting] = await db
    .select({ n: count() })
    .from(waitingListEntries)
    .where(and(eq(waitingListEntries.tenantId, actor.tenantId), eq(waitingListEntries.status, "waiting")));
  const [gaps] = await db.select({ n: count() }).from(gapReports).where(eq(gapReports.tenantId, actor.tenantId));
  return {
    byStatus: byStatus.map((row) => ({ status: row.status, count: row.n })),
    byKommune: byKommune.map((row) => ({ kommune: row.kommune, count: row.n })).sort((a, b) => b.count - a.count),
    byLifeArea: byLifeArea.map((row) => ({ lifeArea: row.area, count: row.n })).sort((a, b) => b.count - a.count),
    byClosingType: byClosingType.map((row) => ({ closingType: row.closingType, count: row.n })),
    averageDurationDays: duration?.days == null ? null : Math.round(Number(duration.days)),
    waitingList: waiting?.n ?? 0,
    gapReports: gaps?.n ?? 0,
  };
}
