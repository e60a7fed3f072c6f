import { announceAccessChanged } from "../events/notices";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { roleAssignments, users } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { hashPassword } from "../auth/password";
import type { Actor } from "../auth/policy";
import { requireBodyInTenant } from "../bodies/bodies";
import { AppError, violatedUniqueConstraint } from "../errors";
import type { CreateUserInput, RoleGrantInput, SetUserActiveInput, SetUserPasswordInput, UpdateUserInput } from "../schemas/users";
import { requireKommuneInTenant } from "../tenancy/kommunen";
import { requireOrganisationInTenant } from "../tenancy/organisations";
import { assertCanManageUsers, keepsUserManagement } from "./policy";

/** Users of the actor's tenant with their roles; never password hashes. */
export async function listUsers(db: Database, actor: Actor) {
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      email: users.email,
      organisationId: users.organisationId,
      isActive: users.isActive,
      lastSignInAt: users.lastSignInAt,
      caseloadKey: users.caseloadKey,
    })
    .from(users)
    // Conference guests are managed by their conference's moderator, not in user administration.
    .where(and(eq(users.tenantId, actor.tenantId), eq(users.isGuest, false)))
    .orderBy(asc(users.displayName));
  const grants = rows.length
    ? await db
        .select()
        .from(roleAssignments)
        .where(
          inArray(
            roleAssignments.userId,
            rows.map((row) => row.id),
          ),
        )
    : [];
  return rows.map((row) => ({
    ...row,
    grants: grants.filter((grant) => grant.userId === row.id).map(({ role, kommuneId, bodyId }) => ({ role, kommuneId, bodyId })),
  }));
}

async function validateReferences(db: Database, tenantId: string, input: { organisationId: string | null; grants: RoleGrantInput[] }) {
  if (input.organisationId) await requireOrganisationInTenant(db, tenantId, input.organisationId);
  for (const grant of input.grants) {
    if (grant.kommuneId) await requireKommuneInTenant(db, tenantId, grant.kommuneId);
    if (grant.bodyId) await requireBodyInTenant(db, tenantId, grant.bodyId, "grants");
  }
}

async function replaceGrants(tx: Executor, tenantId: string, userId: string, grants: RoleGrantInput[]) {
  await tx.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
  await tx.insert(roleAssignments).values(grants.map((grant) => ({ ...grant, tenantId, userId })));
}

function rethrowDuplicateUser(error: unknown): never {
  const constraint = violatedUniqueConstraint(error);
  if (constraint === "users_email_idx") throw new AppError("CONFLICT", "errors.duplicateEmail", "email");
  if (constraint !== null) throw new AppError("CONFLICT", "errors.duplicateUsername", "username");
  throw error;
}

export async function createUser(db: Database, actor: Actor, input: CreateUserInput) {
  assertCanManageUsers(actor);
  await validateReferences(db, actor.tenantId, input);
  const passwordHash = await hashPassword(input.password);
  return db
    .transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({
          tenantId: actor.tenantId,
          username: input.username,
          displayName: input.displayName,
          email: input.email,
          organisationId: input.organisationId,
          passwordHash,
        })
        .returning({ id: users.id, username: users.username, displayName: users.displayName });
      await replaceGrants(tx, actor.tenantId, user!.id, input.grants);
      await recordAuditEvent(tx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: "users.user_created",
        target: { type: "user", id: user!.id },
        details: { username: input.username, roles: input.grants.map((grant) => grant.role) },
      });
      return user!;
    })
    .catch(rethrowDuplicateUser);
}

/** Changing roles bumps the session version, so open sessions pick up the new rights at once. */
export async function updateUser(db: Database, actor: Actor, input: UpdateUserInput) {
  assertCanManageUsers(actor);
  await validateReferences(db, actor.tenantId, input);
  if (input.id === actor.userId && !keepsUserManagement(actor, input.grants)) {
    throw new AppError("INVALID_INPUT", "errors.cannotRemoveOwnAdmin", "grants");
  }
  const updated = await db
    .transaction(async (tx) => {
      const [user] = await tx
        .update(users)
        .set({
          displayName: input.displayName,
          email: input.email,
          organisationId: input.organisationId,
          caseloadKey: input.caseloadKey,
          sessionVersion: sql`${users.sessionVersion} + 1`,
        })
        .where(and(eq(users.id, input.id), eq(users.tenantId, actor.tenantId)))
        .returning({ id: users.id });
      if (!user) throw new AppError("NOT_FOUND", "errors.notFound");
      await replaceGrants(tx, actor.tenantId, user.id, input.grants);
      await recordAuditEvent(tx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: "users.roles_changed",
        target: { type: "user", id: user.id },
        details: { roles: input.grants.map((grant) => grant.role) },
      });
      return user;
    })
    .catch(rethrowDuplicateUser);
  announceAccessChanged(updated.id);
  return updated;
}

export async function setUserActive(db: Database, actor: Actor, input: SetUserActiveInput) {
  assertCanManageUsers(actor);
  if (input.id === actor.userId && !input.isActive) {
    throw new AppError("INVALID_INPUT", "errors.cannotDeactivateSelf");
  }
  const changed = await db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ isActive: input.isActive, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, input.id), eq(users.tenantId, actor.tenantId)))
      .returning({ id: users.id, isActive: users.isActive });
    if (!user) throw new AppError("NOT_FOUND", "errors.notFound");
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: input.isActive ? "users.user_reactivated" : "users.user_deactivated",
      target: { type: "user", id: user.id },
    });
    return user;
  });
  announceAccessChanged(changed.id);
  return changed;
}

export async function setUserPassword(db: Database, actor: Actor, input: SetUserPasswordInput) {
  assertCanManageUsers(actor);
  const passwordHash = await hashPassword(input.password);
  const changed = await db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, input.id), eq(users.tenantId, actor.tenantId)))
      .returning({ id: users.id });
    if (!user) throw new AppError("NOT_FOUND", "errors.notFound");
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "users.password_set",
      target: { type: "user", id: user.id },
    });
    return { id: user.id };
  });
  // Whoever knew the old password may still hold a live connection: it ends now.
  announceAccessChanged(changed.id);
  return changed;
}
