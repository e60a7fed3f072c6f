import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { gapReports, referrals } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { callerFor, createTenant } from "../test/factories";
import { createCase } from "../test/case-factories";
import { setUpPlans, refusalOf, agreementInput } from "./plans-test-fixture";

describe("referrals, measures and gap reports", () => {
  let handle: DatabaseHandle;
  let home: Awaited<ReturnType<typeof createTenant>>;
  let foreign: Awaited<ReturnType<typeof createTenant>>;
  let cm: Actor;
  let uncoveredOrganisationId: string;
  let offerId: string;
  let foreignOfferId: string;

  beforeAll(async () => {
    ({ handle, home, foreign, cm, uncoveredOrganisationId, offerId, foreignOfferId } = await setUpPlans());
  });
  afterAll(() => handle.close());

  it("refuses a referral without a Schweigepflichtentbindung, allows it with one, and refuses updates once revoked", async () => {
    const created = await createCase(handle.db, { manager: cm, kommuneId: home.kommune.id, consentFor: [home.organisation.id] });
    const caller = callerFor(handle.db, cm);
    const referral = {
      caseId: created.id,
      cmRole: "broker",
      mode: "warm_handover",
      referredOn: "2026-03-05",
      note: "Termin vereinbart",
    } as const;

    await expect(caller.cases.plans.createReferral({ ...referral, organisationId: uncoveredOrganisationId })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("keine gültige Schweigepflichtentbindung"),
    });
    const file = await caller.cases.plans.file({ caseId: created.id });
    expect(file.organisations.find((o) => o.id === uncoveredOrganisationId)?.isCoveredByConsent).toBe(false);
    expect(file.organisations.find((o) => o.id === home.organisation.id)?.isCoveredByConsent).toBe(true);

    const made = await caller.cases.plans.createReferral({ ...referral, organisationId: home.organisation.id });
    expect(made).toMatchObject({ organisationId: home.organisation.id, status: "planned", cmRole: "broker", mode: "warm_handover" });
    await caller.cases.plans.updateReferral({ caseId: created.id, referralId: made.id, status: "accepted" });

    await caller.cases.revokeConsent({ caseId: created.id, consentId: created.consentIds[0]! });
    await expect(
      caller.cases.plans.updateReferral({ caseId: created.id, referralId: made.id, status: "in_progress" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Schweigepflichtentbindung für diese Organisation fehlt"),
    });
    await expect(caller.cases.plans.createReferral({ ...referral, organisationId: home.organisation.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const [row] = await handle.db.select().from(referrals).where(eq(referrals.id, made.id));
    expect(row!.status).toBe("accepted");
    const after = await caller.cases.plans.file({ caseId: created.id });
    expect(after.referrals).toEqual([expect.objectContaining({ id: made.id, isCoveredByConsent: false })]);
  });

  it("refuses an expired consent and organisations of another tenant like unknown ones", async () => {
    const created = await createCase(handle.db, { manager: cm, kommuneId: home.kommune.id });
    const caller = callerFor(handle.db, cm);
    await caller.cases.addConsent({
      caseId: created.id,
      kind: "confidentiality_release",
      organisationIds: [home.organisation.id],
      grantedOn: "2025-01-01",
      validUntil: "2025-12-31",
    });
    const referral = { caseId: created.id, cmRole: "support", mode: "tandem", referredOn: "2026-03-05" } as const;
    await expect(caller.cases.plans.createReferral({ ...referral, organisationId: home.organisation.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const unknown = await refusalOf(
      caller.cases.plans.createReferral({ ...referral, organisationId: "00000000-0000-4000-8000-000000000000" }),
    );
    const foreignOne = await refusalOf(caller.cases.plans.createReferral({ ...referral, organisationId: foreign.organisation.id }));
    expect(foreignOne).toMatchObject({ code: "BAD_REQUEST", message: "Diese Organisation gibt es in Ihrem Programm nicht." });
    expect({ code: foreignOne.code, message: foreignOne.message }).toEqual({ code: unknown.code, message: unknown.message });
  });

  it("plans measures with an offer or an organisation and refuses foreign or unknown references", async () => {
    const created = await createCase(handle.db, { manager: cm, kommuneId: home.kommune.id });
    const caller = callerFor(handle.db, cm);
    await caller.cases.plans.saveAgreement(agreementInput(created.id));
    const goal = (await caller.cases.plans.file({ caseId: created.id })).agreements[0]!.goals[0]!;
    const measure = await caller.cases.plans.saveMeasure({
      caseId: created.id,
      goalId: goal.id,
      offerId,
      role: "Begleitung bei Besichtigungen",
      task: "Wohnungssuche begleiten",
      responsibility: "Wohnungslotsen",
      timeframe: "bis September",
    });
    await caller.cases.plans.saveMeasure({
      caseId: created.id,
      measureId: measure.id,
      goalId: goal.id,
      providerOrganisationId: home.organisation.id,
      task: "Wohnungssuche begleiten",
    });
    const file = await caller.cases.plans.file({ caseId: created.id });
    expect(file.offers.map((offer) => offer.id)).toEqual([offerId]);
    expect(file.measures).toEqual([
      expect.objectContaining({
        id: measure.id,
        goalId: goal.id,
        offerId: null,
        providerOrganisationId: home.organisation.id,
        providerName: home.organisation.name,
      }),
    ]);

    for (const bad of [{ offerId: foreignOfferId }, { offerId: "00000000-0000-4000-8000-000000000000" }]) {
      await expect(caller.cases.plans.saveMeasure({ caseId: created.id, task: "Beratung", ...bad })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "Dieses Angebot gibt es in Ihrem Programm nicht.",
      });
    }
    await expect(
      caller.cases.plans.saveMeasure({ caseId: created.id, task: "Beratung", providerOrganisationId: foreign.organisation.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Diese Organisation gibt es in Ihrem Programm nicht." });
    await expect(
      caller.cases.plans.saveMeasure({ caseId: created.id, task: "Beratung", offerId, providerOrganisationId: home.organisation.id }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    await caller.cases.plans.removeMeasure({ caseId: created.id, measureId: measure.id });
    expect((await caller.cases.plans.file({ caseId: created.id })).measures).toEqual([]);
  });

  it("reports a missing offer as a gap without case id or identity, and refuses a description naming the person", async () => {
    const lastName = `Yilmaz${randomBytes(3).toString("hex")}`;
    const created = await createCase(handle.db, { manager: cm, kommuneId: home.kommune.id, identity: { lastName } });
    const caller = callerFor(handle.db, cm);
    await expect(
      caller.cases.plans.saveMeasure({
        caseId: created.id,
        task: "Begleitung zum Amt",
        isMissingOffer: true,
        missingOfferDescription: `Frau ${lastName} braucht eine Dolmetscherin`,
        missingOfferLifeArea: "health",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Name") });
    await expect(
      caller.cases.plans.saveMeasure({ caseId: created.id, task: "Begleitung zum Amt", isMissingOffer: true }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const measure = await caller.cases.plans.saveMeasure({
      caseId: created.id,
      task: "Begleitung zur Fachärztin durch Ehrenamtliche",
      isMissingOffer: true,
      missingOfferDescription: "Sprachmittlung für Arztbesuche auf Farsi",
      missingOfferLifeArea: "health",
    });
    const rows = await handle.db.select().from(gapReports).where(eq(gapReports.measureId, measure.id));
    expect(rows).toHaveLength(1);
    const gap = rows[0]!;
    expect(gap).toMatchObject({
      tenantId: home.tenant.id,
      kommuneId: home.kommune.id,
      lifeArea: "health",
      description: "Sprachmittlung für Arztbesuche auf Farsi",
      reportedByUserId: cm.userId,
    });
    expect(Object.keys(gap)).not.toContain("caseId");
    const serialised = JSON.stringify(gap);
    expect(serialised).not.toContain(created.id);
    expect(serialised).not.toContain(created.pseudonym);
    expect(serialised).not.toContain("Yilmaz");

    // Editing the measure updates the same report instead of adding another.
    await caller.cases.plans.saveMeasure({
      caseId: created.id,
      measureId: measure.id,
      task: "Begleitung zur Fachärztin durch Ehrenamtliche",
      isMissingOffer: true,
      missingOfferDescription: "Sprachmittlung für Arztbesuche auf Farsi und Dari",
      missingOfferLifeArea: "health",
    });
    const again = await handle.db.select().from(gapReports).where(eq(gapReports.measureId, measure.id));
    expect(again.map((row) => row.description)).toEqual(["Sprachmittlung für Arztbesuche auf Farsi und Dari"]);
    const file = await caller.cases.plans.file({ caseId: created.id });
    expect(file.measures[0]!.gap).toEqual({ lifeArea: "health", description: "Sprachmittlung für Arztbesuche auf Farsi und Dari" });
  });
});
