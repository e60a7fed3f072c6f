import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db";
import { auditEvents, kommunen, organisations } from "@/db/schema";

import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";

export type Caller = ReturnType<typeof callerFor>;
export type OfferInput = Parameters<Caller["offers"]["create"]>[0];

export async function auditRowsFor(handle: DatabaseHandle, targetId: string) {
  return handle.db
    .select({
      action: auditEvents.action,
      tenantId: auditEvents.tenantId,
      actorUserId: auditEvents.actorUserId,
      targetType: auditEvents.targetType,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .where(eq(auditEvents.targetId, targetId))
    .orderBy(auditEvents.id);
}

export async function trpcErrorOf(promise: Promise<unknown>) {
  return promise.then(
    () => ({ code: "OK", message: "", cause: undefined as unknown }),
    (error: { code: string; message: string; cause?: unknown }) => error,
  );
}

/** A tenant with a second Kommune and organisation, its coordinator and a case manager, and a foreign tenant. */
export async function setUpOffers() {
  const handle = await createTestDatabase();
  const tenant = await createTenant(handle.db);
  const [kommune] = await handle.db.insert(kommunen).values({ tenantId: tenant.tenant.id, name: "Nordheim" }).returning();
  const otherKommuneId = kommune!.id;
  const [organisation] = await handle.db
    .insert(organisations)
    .values({ tenantId: tenant.tenant.id, name: "Sprachschule Nordheim", kind: "sprachkurstraeger" })
    .returning();
  const otherOrganisationId = organisation!.id;
  const coordinator = await createActor(handle.db, tenant.tenant.id, ["coordinator"]);
  const caseManager = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
  const foreign = await createTenant(handle.db);
  const foreignCoordinator = await createActor(handle.db, foreign.tenant.id, ["coordinator"]);
  return { handle, tenant, otherKommuneId, otherOrganisationId, coordinator, caseManager, foreign, foreignCoordinator };
}
