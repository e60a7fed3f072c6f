import { randomUUID } from "node:crypto";
import type { DatabaseHandle } from "@/db";
import { bodies } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { createTestDatabase } from "../test/database";
import { createActor, createTenant } from "../test/factories";

export const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

export async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? "UNKNOWN";
  }
}

/** Two tenants, a working group in each, and people in the steering roles. */
export async function setUpSteering() {
  let handle: DatabaseHandle;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  let other: Awaited<ReturnType<typeof createTenant>>;
  let groupId: string;
  let otherGroupId: string;
  let coordinator: Actor;
  let steeringMember: Actor;
  let groupMember: Actor;
  let otherGroupMember: Actor;
  let caseManager: Actor;
  let foreignCoordinator: Actor;
  handle = await createTestDatabase();
  tenant = await createTenant(handle.db);
  other = await createTenant(handle.db);
  const [group, otherGroup] = await handle.db
    .insert(bodies)
    .values([
      { tenantId: tenant.tenant.id, name: `AG Wohnen ${randomUUID().slice(0, 4)}`, kind: "arbeitsgruppe", parentBodyId: tenant.body.id },
      { tenantId: tenant.tenant.id, name: `FG Sprache ${randomUUID().slice(0, 4)}`, kind: "fachgruppe", parentBodyId: tenant.body.id },
    ])
    .returning();
  groupId = group!.id;
  otherGroupId = otherGroup!.id;
  coordinator = await createActor(handle.db, tenant.tenant.id, ["coordinator"]);
  steeringMember = await createActor(handle.db, tenant.tenant.id, [{ role: "body_member", bodyId: tenant.body.id }]);
  groupMember = await createActor(handle.db, tenant.tenant.id, [{ role: "body_member", bodyId: groupId }]);
  otherGroupMember = await createActor(handle.db, tenant.tenant.id, [{ role: "body_member", bodyId: otherGroupId }]);
  caseManager = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
  foreignCoordinator = await createActor(handle.db, other.tenant.id, ["coordinator"]);
  return {
    handle,
    tenant,
    other,
    groupId,
    otherGroupId,
    coordinator,
    steeringMember,
    groupMember,
    otherGroupMember,
    caseManager,
    foreignCoordinator,
  };
}
