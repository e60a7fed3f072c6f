import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents, organisations, referrals } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { createCase } from "../test/case-factories";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { agreementInput } from "./plans-test-fixture";

describe("referrals within the life areas a Schweigepflichtentbindung names", () => {
  let handle: DatabaseHandle;
  let cm: Actor;
  let housingOnlyOrganisationId: string;
  let wholeCaseOrganisationId: string;
  let caseId: string;
  let housingMeasureId: string;
  let educationMeasureId: string;

  const referral = (organisationId: string, measureId: string | null, consentOverrideReason: string | null = null) => ({
    caseId,
    organisationId,
    measureId,
    cmRole: "broker" as const,
    mode: "warm_handover" as const,
    referredOn: "2026-03-05",
    consentOverrideReason,
  });

  beforeAll(async () => {
    handle = await createTestDatabase();
    const tenant = await createTenant(handle.db);
    housingOnlyOrganisationId = tenant.organisation.id;
    const [other] = await handle.db
      .insert(organisations)
      .values({ tenantId: tenant.tenant.id, name: "Jobcenter Ganzer Fall", kind: "jobcenter" })
      .returning();
    wholeCaseOrganisationId = other!.id;
    cm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    const caller = callerFor(handle.db, cm);
    caseId = (await createCase(handle.db, { manager: cm })).id;
    await caller.cases.addConsent({
      caseId,
      kind: "confidentiality_release",
      organisationIds: [housingOnlyOrganisationId],
      lifeAreas: ["housing"],
      grantedOn: "2026-01-05",
    });
    // No life area named: the consent covers the whole case, as consents recorded before areas were asked.
    await caller.cases.addConsent({
      caseId,
      kind: "confidentiality_release",
      organisationIds: [wholeCaseOrganisationId],
      grantedOn: "2026-01-05",
    });
    await caller.cases.plans.saveAgreement(agreementInput(caseId));
    const goals = (await caller.cases.plans.file({ caseId })).agreements[0]!.goals;
    const goalIn = (lifeArea: string) => goals.find((g) => g.lifeArea === lifeArea)!.id;
    housingMeasureId = (await caller.cases.plans.saveMeasure({ caseId, goalId: goalIn("housing"), task: "Wohnungssuche begleiten" })).id;
    educationMeasureId = (await caller.cases.plans.saveMeasure({ caseId, goalId: goalIn("education_work"), task: "Kursplatz suchen" })).id;
  });
  afterAll(() => handle.close());

  it("refers for a measure in a covered life area and refuses one outside it with the area's name", async () => {
    const caller = callerFor(handle.db, cm);
    await expect(caller.cases.plans.createReferral(referral(housingOnlyOrganisationId, housingMeasureId))).resolves.toMatchObject({
      measureId: housingMeasureId,
    });
    await expect(caller.cases.plans.createReferral(referral(housingOnlyOrganisationId, educationMeasureId))).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "Vermittlung nicht möglich: Die Schweigepflichtentbindung für diese Organisation umfasst den Lebensbereich „Bildung / Sprache / Ausbildung / Arbeit“ nicht. Bitte erfassen Sie zuerst eine Schweigepflichtentbindung, die diesen Lebensbereich für diese Organisation einschließt.",
    });
    const refused = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "cases.referral_refused"), eq(auditEvents.targetId, caseId)));
    expect(refused.map((row) => row.details)).toEqual([{ organisationId: housingOnlyOrganisationId, lifeArea: "education_work" }]);
    const stored = await handle.db.select().from(referrals).where(eq(referrals.caseId, caseId));
    expect(stored.map((row) => row.measureId)).toEqual([housingMeasureId]);
  });

  it("treats a consent without life areas as covering every area, and a referral without a measure as tied to none", async () => {
    const caller = callerFor(handle.db, cm);
    await expect(caller.cases.plans.createReferral(referral(wholeCaseOrganisationId, educationMeasureId))).resolves.toBeDefined();
    await expect(caller.cases.plans.createReferral(referral(housingOnlyOrganisationId, null))).resolves.toBeDefined();
  });

  it("lets break-glass refer outside the consented areas, with the reason on the record", async () => {
    const withOverride = { ...cm, grants: [...cm.grants, { role: "consent_override" as const, kommuneId: null, bodyId: null }] };
    const reason = "Akute Gefährdung, der Kursträger muss heute noch eingebunden werden";
    const made = await callerFor(handle.db, withOverride).cases.plans.createReferral(
      referral(housingOnlyOrganisationId, educationMeasureId, reason),
    );
    expect(made.consentOverrideReason).toBe(reason);
    await expect(
      callerFor(handle.db, cm).cases.plans.updateReferral({ caseId, referralId: made.id, status: "accepted" }),
    ).resolves.toMatchObject({ status: "accepted" });
  });
});
