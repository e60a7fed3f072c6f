import { expect } from "vitest";
import { TRPCError } from "@trpc/server";
import { type z } from "zod";

import { offers, organisations } from "@/db/schema";

import type { saveGoalAgreementSchema } from "../schemas/plans";
import { createTestDatabase } from "../test/database";
import { createActor, createTenant } from "../test/factories";

export type AgreementInput = z.input<typeof saveGoalAgreementSchema>;

/** The refusal of a call that must fail; a success fails the test. */
export async function refusalOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    return error as TRPCError;
  }
  throw new Error("the call was expected to be refused");
}

/** Two tenants, case managers and the coordination, an organisation no consent covers, and offers at home and abroad. */
export async function setUpPlans() {
  const handle = await createTestDatabase();
  const home = await createTenant(handle.db);
  const foreign = await createTenant(handle.db);
  const cm = await createActor(handle.db, home.tenant.id, ["case_manager"]);
  const otherCm = await createActor(handle.db, home.tenant.id, ["case_manager"]);
  const coordinator = await createActor(handle.db, home.tenant.id, ["coordinator"]);
  const [uncovered] = await handle.db
    .insert(organisations)
    .values({ tenantId: home.tenant.id, name: "Jobcenter Testkreis", kind: "jobcenter" })
    .returning();
  const uncoveredOrganisationId = uncovered!.id;
  const [offer] = await handle.db
    .insert(offers)
    .values({ tenantId: home.tenant.id, providerOrganisationId: home.organisation.id, title: "Wohnungslotsen", lifeAreas: ["housing"] })
    .returning();
  const offerId = offer!.id;
  const [foreignOffer] = await handle.db
    .insert(offers)
    .values({ tenantId: foreign.tenant.id, title: "Fremdes Angebot", lifeAreas: ["housing"] })
    .returning();
  const foreignOfferId = foreignOffer!.id;
  return { handle, home, foreign, cm, otherCm, coordinator, uncoveredOrganisationId, offerId, foreignOfferId };
}
