import { and, asc, eq, gte, inArray, lt, max, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { conferenceParticipants, conferences, organisations, roleAssignments, tenants, users } from "@/db/schema";
import { rolesGranting } from "../auth/permissions";
import type { Actor } from "../auth/policy";
import { startOfDayInstant } from "../schemas/calendar-days";

/**
 * The coordination's annual plan for Fallrekonstruktionen: how many took place or are planned
 * against the programme's target, and whom to invite next so that everyone takes part in turn
 * (people never or longest not invited first).
 */
export async function reconstructionPlanning(db: Database, actor: Actor, year: number) {
  const from = startOfDayInstant(`${year}-01-01`);
  const to = startOfDayInstant(`${year + 1}-01-01`);
  const [tenant] = await db.select({ target: tenants.reconstructionTarget }).from(tenants).where(eq(tenants.id, actor.tenantId));
  const held = await db
    .select({ status: conferences.status, count: sql<number>`count(*)::int` })
    .from(conferences)
    .where(
      and(
        eq(conferences.tenantId, actor.tenantId),
        eq(conferences.type, "fallrekonstruktion"),
        gte(conferences.scheduledAt, from),
        lt(conferences.scheduledAt, to),
      ),
    )
    .groupBy(conferences.status);
  const finished = held.find((h) => h.status === "finished")?.count ?? 0;
  const planned = held.filter((h) => h.status !== "finished").reduce((sum, h) => sum + h.count, 0);

  const lastInvited = db
    .select({ userId: conferenceParticipants.userId, lastAt: max(conferences.scheduledAt).as("last_at") })
    .from(conferenceParticipants)
    .innerJoin(conferences, eq(conferences.id, conferenceParticipants.conferenceId))
    .where(and(eq(conferences.tenantId, actor.tenantId), eq(conferences.type, "fallrekonstruktion")))
    .groupBy(conferenceParticipants.userId)
    .as("last_invited");
  const eligible = db
    .selectDistinct({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.tenantId, actor.tenantId), inArray(roleAssignments.role, [...rolesGranting("conferences.take_part")])));
  const rotation = await db
    .select({ userId: users.id, displayName: users.displayName, organisationName: organisations.name, lastInvitedAt: lastInvited.lastAt })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(lastInvited, eq(lastInvited.userId, users.id))
    .where(and(eq(users.tenantId, actor.tenantId), eq(users.isActive, true), inArray(users.id, eligible)))
    .orderBy(sql`${lastInvited.lastAt} asc nulls first`, asc(users.displayName))
    .limit(12);
  return {
    year,
    target: tenant?.target ?? 12,
    finished,
    planned,
    rotation: rotation.map((r) => ({
      ...r,
      organisationName: r.organisationName ?? null,
      lastInvitedAt: r.lastInvitedAt ? new Date(r.lastInvitedAt) : null,
    })),
  };
}
