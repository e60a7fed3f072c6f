import { randomBytes } from "node:crypto";
import type { Database } from "@/db";
import { bodies, kommunen, organisations, roleAssignments, tenants, users } from "@/db/schema";
import type { Actor, RoleGrant } from "../auth/policy";
import type { Role } from "../schemas/roles";
import type { Context } from "../trpc/context";
import { createCaller } from "../app-router";

const suffix = () => randomBytes(4).toString("hex");

export async function createTenant(db: Database, name = `Kreis ${suffix()}`) {
  const [tenant] = await db
    .insert(tenants)
    .values({ name, slug: `t-${suffix()}` })
    .returning();
  const [kommune] = await db
    .insert(kommunen)
    .values({ tenantId: tenant!.id, name: `Kommune ${suffix()}` })
    .returning();
  const [organisation] = await db
    .insert(organisations)
    .values({ tenantId: tenant!.id, name: `Träger ${suffix()}`, kind: "wohlfahrtsverband" })
    .returning();
  const [body] = await db
    .insert(bodies)
    .values({ tenantId: tenant!.id, name: `Lenkungsgruppe ${suffix()}`, kind: "lenkungsgruppe" })
    .returning();
  return { tenant: tenant!, kommune: kommune!, organisation: organisation!, body: body! };
}

/**
 * A user with the given role grants (and, if given, the organisation they work for); returns the
 * actor a session for them would resolve to.
 */
export async function createActor(
  db: Database,
  tenantId: string,
  grants: (Role | (Partial<RoleGrant> & { role: Role }))[],
  options: { passwordHash?: string; username?: string; organisationId?: string; email?: string } = {},
): Promise<Actor & { username: string }> {
  const username = options.username ?? `user-${suffix()}`;
  const [user] = await db
    .insert(users)
    .values({
      tenantId,
      username,
      displayName: `Person ${username}`,
      passwordHash: options.passwordHash ?? null,
      organisationId: options.organisationId ?? null,
      email: options.email ?? null,
    })
    .returning();
  const normalised = grants.map((g) =>
    typeof g === "string" ? { role: g, kommuneId: null, bodyId: null } : { kommuneId: null, bodyId: null, ...g },
  );
  await db.insert(roleAssignments).values(normalised.map((g) => ({ ...g, tenantId, userId: user!.id })));
  return {
    userId: user!.id,
    tenantId,
    displayName: user!.displayName,
    organisationId: options.organisationId ?? null,
    grants: normalised,
    username,
  };
}

export function callerFor(db: Database, actor: Actor | null) {
  const context: Context = { db, actor, request: { address: "127.0.0.1", userAgent: "vitest" } };
  return createCaller(context);
}
