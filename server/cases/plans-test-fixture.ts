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

/** A goal agreement with three goals in mixed order of priority, for the case. */
export function agreementInput(
  caseId: string,
  overrides: Partial<AgreementInput> = {},
): AgreementInput & { goals: AgreementInput["goals"] } {
  return {
    caseId,
    agreedOn: "2026-03-02",
    nextReviewOn: "2026-06-01",
    participants: "Jobcenter (Fallmanagement)",
    isAgreed: true,
    goals: [
      {
        priority: 2,
        lifeArea: "education_work",
        title: "Deutschkurs B1 abgeschlossen",
        measurable: "Zertifikat B1 liegt vor",
        dueOn: "2026-12-31",
        steps: [{ action: "Anmeldung beim Kursträger", responsible: "Klientin", dueOn: "2026-03-31" }],
        nextStep: "Kursangebote vergleichen",
      },
      {
        priority: 1,
        lifeArea: "housing",
        title: "Eigene Wohnung gefunden",
        explanation: "Die Unterkunft ist zu eng für die Familie.",
        measurable: "Mietvertrag unterschrieben",
        dueOn: "2026-09-30",
        steps: [
          { action: "Wohnberechtigungsschein beantragen", responsible: "Case Management", dueOn: "2026-04-15" },
          { action: "Wohnungsanzeigen prüfen", responsible: "Klientin", dueOn: null },
        ],
        nextStep: "Antrag WBS ausfüllen",
      },
      { priority: 3, title: "Hausarztpraxis gefunden", dueOn: "2026-05-31" },
    ],
    ...overrides,
  };
}
