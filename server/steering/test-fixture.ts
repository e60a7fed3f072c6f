import { randomUUID } from "node:crypto";
import { bodies } from "@/db/schema";
import { createTestDatabase } from "../test/database";
import { createActor, createTenant } from "../test/factories";

import { doc } from "../test/theme-factories";

export { doc };

/** Two tenants, a working group in each, and people in the steering roles. */
export async function setUpSteering() {
  const handle = await createTestDatabase();
  const tenant = await createTenant(handle.db);
  const other = await createTenant(handle.db);
  const [group, otherGroup] = await handle.db
    .insert(bodies)
    .values([
      { tenantId: tenant.tenant.id, name: `AG Wohnen ${randomUUID().slice(0, 4)}`, kind: "arbeitsgruppe", parentBodyId: tenant.body.id },
      { tenantId: tenant.tenant.id, name: `FG Sprache ${randomUUID().slice(0, 4)}`, kind: "fachgruppe", parentBodyId: tenant.body.id },
    ])
    .returning();
  const groupId = group!.id;
  const otherGroupId = otherGroup!.id;
  const coordinator = await createActor(handle.db, tenant.tenant.id, ["coordinator"]);
  const steeringMember = await createActor(handle.db, tenant.tenant.id, [{ role: "body_member", bodyId: tenant.body.id }]);
  const groupMember = await createActor(handle.db, tenant.tenant.id, [{ role: "body_member", bodyId: groupId }]);
  const otherGroupMember = await createActor(handle.db, tenant.tenant.id, [{ role: "body_member", bodyId: otherGroupId }]);
  const caseManager = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
  const foreignCoordinator = await createActor(handle.db, other.tenant.id, ["coordinator"]);
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
