import { and, asc, eq, inArray, isNotNull, isNull, or } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { bodies, bodyExternalMembers, organisations, roleAssignments, sessionAttendance, users } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { can, type Actor } from "../auth/policy";
import { AppError } from "../errors";
import type { AddExternalMemberInput } from "../schemas/sessions";
import { mayManageSessions, requireBody, visibleBodyIds } from "./policy";

/** Users who hold a `body_member` grant for one of these bodies, with their organisation. */
export async function userMembersOf(db: Executor, tenantId: string, bodyIds: string[]) {
  if (bodyIds.length === 0) return [];
  return db
    .selectDistinct({ bodyId: roleAssignments.bodyId, userId: users.id, name: users.displayName, organisationName: organisations.name })
    .from(roleAssignments)
    .innerJoin(users, and(eq(users.id, roleAssignments.userId), eq(users.tenantId, tenantId), eq(users.isActive, true)))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(roleAssignments.tenantId, tenantId),
        eq(roleAssignments.role, "body_member"),
        isNotNull(roleAssignments.bodyId),
        inArray(roleAssignments.bodyId, bodyIds),
      ),
    )
    .orderBy(asc(users.displayName));
}

/** Tenant users by id with their organisation, e.g. former members on an old attendance list. */
export async function usersByIds(db: Executor, tenantId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({ userId: users.id, name: users.displayName, organisationName: organisations.name })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.tenantId, tenantId), inArray(users.id, userIds)))
    .orderBy(asc(users.displayName));
}

/** The bodies' current external members, and with `alsoIds` those who left but are listed somewhere. */
export async function externalMembersOf(db: Executor, bodyIds: string[], alsoIds: string[] = []) {
  if (bodyIds.length === 0) return [];
  const current = alsoIds.length
    ? or(isNull(bodyExternalMembers.removedAt), inArray(bodyExternalMembers.id, alsoIds))
    : isNull(bodyExternalMembers.removedAt);
  return db
    .select()
    .from(bodyExternalMembers)
    .where(and(inArray(bodyExternalMembers.bodyId, bodyIds), current))
    .orderBy(asc(bodyExternalMembers.name));
}

/**
 * The bodies the actor may see, each with its members. Administrators see every body (they set
 * them up); others see what `visibleBodyIds` allows.
 */
export async function listBodiesWithMembers(db: Database, actor: Actor) {
  const all = await db
    .select({ id: bodies.id, name: bodies.name, kind: bodies.kind, parentBodyId: bodies.parentBodyId })
    .from(bodies)
    .where(eq(bodies.tenantId, actor.tenantId))
    .orderBy(asc(bodies.name));
  const visible = can(actor, "bodies.manage", { tenantId: actor.tenantId }) ? "all" : visibleBodyIds(actor, all);
  const shown = visible === "all" ? all : all.filter((b) => visible.has(b.id));
  const ids = shown.map((b) => b.id);
  const [members, externals] = await Promise.all([userMembersOf(db, actor.tenantId, ids), externalMembersOf(db, ids)]);
  return {
    canManage: mayManageSessions(actor),
    bodies: shown.map((body) => ({
      ...body,
      members: members
        .filter((m) => m.bodyId === body.id)
        .map(({ userId, name, organisationName }) => ({ userId, name, organisationName })),
      externalMembers: externals
        .filter((m) => m.bodyId === body.id)
        .map(({ id, name, organisationName, function: role }) => ({ id, name, organisationName, function: role })),
    })),
  };
}

export async function addExternalMember(db: Database, actor: Actor, input: AddExternalMemberInput) {
  await requireBody(db, actor, input.bodyId, "manage");
  return db.transaction(async (tx) => {
    const [member] = await tx.insert(bodyExternalMembers).values(input).returning();
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "bodies.external_member_added",
      target: { type: "body", id: input.bodyId },
      details: { externalMemberId: member!.id },
    });
    return member!;
  });
}

export async function removeExternalMember(db: Database, actor: Actor, externalMemberId: string) {
  if (!mayManageSessions(actor)) throw new AppError("FORBIDDEN", "errors.forbidden");
  const [member] = await db
    .select({ id: bodyExternalMembers.id, bodyId: bodyExternalMembers.bodyId })
    .from(bodyExternalMembers)
    .innerJoin(bodies, and(eq(bodies.id, bodyExternalMembers.bodyId), eq(bodies.tenantId, actor.tenantId)))
    .where(and(eq(bodyExternalMembers.id, externalMemberId), isNull(bodyExternalMembers.removedAt)));
  if (!member) throw new AppError("NOT_FOUND", "errors.notFound");
  return db.transaction(async (tx) => {
    // Attendance lists of past sessions must stay complete: who is on one leaves the body but
    // keeps their name there. Anyone else is deleted.
    const [attended] = await tx
      .select({ id: sessionAttendance.id })
      .from(sessionAttendance)
      .where(eq(sessionAttendance.externalMemberId, member.id))
      .limit(1);
    if (attended) await tx.update(bodyExternalMembers).set({ removedAt: new Date() }).where(eq(bodyExternalMembers.id, member.id));
    else await tx.delete(bodyExternalMembers).where(eq(bodyExternalMembers.id, member.id));
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "bodies.external_member_removed",
      target: { type: "body", id: member.bodyId },
      details: { externalMemberId: member.id, keptOnAttendanceLists: Boolean(attended) },
    });
    return { keptOnAttendanceLists: Boolean(attended) };
  });
}
