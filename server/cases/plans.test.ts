import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { ZodError, type z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents, cases, gapReports, goalAgreements, goals, offers, organisations, referrals } from "@/db/schema";
import type { Actor } from "../auth/policy";
import type { saveGoalAgreementSchema } from "../schemas/plans";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";

type AgreementInput = z.input<typeof saveGoalAgreementSchema>;

/** The refusal of a call that must fail; a success fails the test. */
async function refusalOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    return error as TRPCError;
  }
  throw new Error("the call was expected to be refused");
}

describe("goal agreement, help plan and linking", () => {
  let handle: DatabaseHandle;
  let home: Awaited<ReturnType<typeof createTenant>>;
  let foreign: Awaited<ReturnType<typeof createTenant>>;
  let cm: Actor;
  let otherCm: Actor;
  let coordinator: Actor;
  let uncoveredOrganisationId: string;
  let offerId: string;
  let foreignOfferId: string;
  let personCounter = 0;

  /** A new case of `cm` in the home Kommune; each with another person, since one person has one open case. */
  async function createCase(withReleaseFor: string[] = []) {
    personCounter += 1;
    const created = await callerFor(handle.db, cm).cases.create({
      accessChannel: "walk_in",
      kommuneId: home.kommune.id,
      identity: { lastName: `Yilmaz${personCounter}`, firstName: "Aylin", birthDate: "1990-01-01", street: "Lindenweg 12" },
    });
    const consentIds: string[] = [];
    if (withReleaseFor.length) {
      const consent = await callerFor(handle.db, cm).cases.addConsent({
        caseId: created.id,
        kind: "confidentiality_release",
        organisationIds: withReleaseFor,
        grantedOn: "2026-01-01",
      });
      consentIds.push(consent.id);
    }
    return { ...created, consentIds };
  }

  function agreementInput(caseId: string, overrides: Partial<AgreementInput> = {}): AgreementInput & { goals: AgreementInput["goals"] } {
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

  beforeAll(async () => {
    handle = await createTestDatabase();
    home = await createTenant(handle.db);
    foreign = await createTenant(handle.db);
    cm = await createActor(handle.db, home.tenant.id, ["case_manager"]);
    otherCm = await createActor(handle.db, home.tenant.id, ["case_manager"]);
    coordinator = await createActor(handle.db, home.tenant.id, ["coordinator"]);
    const [uncovered] = await handle.db
      .insert(organisations)
      .values({ tenantId: home.tenant.id, name: "Jobcenter Testkreis", kind: "jobcenter" })
      .returning();
    uncoveredOrganisationId = uncovered!.id;
    const [offer] = await handle.db
      .insert(offers)
      .values({ tenantId: home.tenant.id, providerOrganisationId: home.organisation.id, title: "Wohnungslotsen", lifeAreas: ["housing"] })
      .returning();
    offerId = offer!.id;
    const [foreignOffer] = await handle.db
      .insert(offers)
      .values({ tenantId: foreign.tenant.id, title: "Fremdes Angebot", lifeAreas: ["housing"] })
      .returning();
    foreignOfferId = foreignOffer!.id;
  });
  afterAll(() => handle.close());

  it("saves an agreement with three goals in priority order, reads it back and sets the case's next review", async () => {
    const created = await createCase();
    const caller = callerFor(handle.db, cm);
    const saved = await caller.cases.plans.saveAgreement(agreementInput(created.id));
    expect(saved.nextReviewOn).toBe("2026-06-01");

    const file = await caller.cases.plans.file({ caseId: created.id });
    expect(file.agreements).toHaveLength(1);
    const [agreement] = file.agreements;
    expect(agreement).toMatchObject({ id: saved.agreementId, agreedOn: "2026-03-02", nextReviewOn: "2026-06-01", isAgreed: true });
    expect(agreement!.goals.map((goal) => [goal.priority, goal.title])).toEqual([
      [1, "Eigene Wohnung gefunden"],
      [2, "Deutschkurs B1 abgeschlossen"],
      [3, "Hausarztpraxis gefunden"],
    ]);
    expect(agreement!.goals[0]).toMatchObject({
      lifeArea: "housing",
      explanation: "Die Unterkunft ist zu eng für die Familie.",
      measurable: "Mietvertrag unterschrieben",
      dueOn: "2026-09-30",
      nextStep: "Antrag WBS ausfüllen",
      steps: [
        { action: "Wohnberechtigungsschein beantragen", responsible: "Case Management", dueOn: "2026-04-15" },
        { action: "Wohnungsanzeigen prüfen", responsible: "Klientin", dueOn: null },
      ],
    });
    const [caseRow] = await handle.db.select().from(cases).where(eq(cases.id, created.id));
    expect(caseRow!.nextReviewOn).toBe("2026-06-01");
  });

  it("edits an agreement: goals keep their ids while swapping ranks, a dropped goal is removed", async () => {
    const created = await createCase();
    const caller = callerFor(handle.db, cm);
    const { agreementId } = await caller.cases.plans.saveAgreement(agreementInput(created.id));
    const before = (await caller.cases.plans.file({ caseId: created.id })).agreements[0]!.goals;
    const [housing, language] = before;
    await caller.cases.plans.saveAgreement({
      caseId: created.id,
      agreementId,
      agreedOn: "2026-03-02",
      nextReviewOn: "2026-05-15",
      isAgreed: false,
      deviations: "Die Klientin möchte zuerst den Sprachkurs.",
      goals: [
        { id: language!.id, priority: 1, title: language!.title, dueOn: "2026-12-31" },
        { id: housing!.id, priority: 2, title: housing!.title, dueOn: "2026-10-31" },
      ],
    });
    const after = (await caller.cases.plans.file({ caseId: created.id })).agreements[0]!;
    expect(after).toMatchObject({ id: agreementId, isAgreed: false, deviations: "Die Klientin möchte zuerst den Sprachkurs." });
    expect(after.goals.map((goal) => [goal.id, goal.priority])).toEqual([
      [language!.id, 1],
      [housing!.id, 2],
    ]);
    const [caseRow] = await handle.db.select().from(cases).where(eq(cases.id, created.id));
    expect(caseRow!.nextReviewOn).toBe("2026-05-15");
  });

  it("rejects a fourth goal, a duplicate rank, an early review date and a missing deviation, and stores nothing", async () => {
    const created = await createCase();
    const caller = callerFor(handle.db, cm);
    const base = agreementInput(created.id);
    const fourth = { ...base, goals: [...base.goals, { priority: 3, title: "Viertes Ziel", dueOn: "2026-12-01" }] };
    const duplicate = { ...base, goals: [base.goals[0]!, { ...base.goals[1]!, priority: 2 }] };
    const rankFour = { ...base, goals: [{ ...base.goals[0]!, priority: 4 }] };
    const earlyReview = { ...base, nextReviewOn: "2026-03-01" };
    const noDeviation = { ...base, isAgreed: false };
    for (const input of [fourth, duplicate, rankFour, earlyReview, noDeviation]) {
      await expect(caller.cases.plans.saveAgreement(input as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    const error = await refusalOf(caller.cases.plans.saveAgreement(duplicate as never));
    expect(error.cause).toBeInstanceOf(ZodError);
    expect((error.cause as ZodError).issues).toContainEqual(
      expect.objectContaining({ message: "plans.validation.duplicatePriority", path: ["goals", 1, "priority"] }),
    );
    expect(await handle.db.select().from(goalAgreements).where(eq(goalAgreements.caseId, created.id))).toEqual([]);
    const [caseRow] = await handle.db.select().from(cases).where(eq(cases.id, created.id));
    expect(caseRow!.nextReviewOn).toBeNull();
  });

  it("refuses extra keys at every level with BAD_REQUEST", async () => {
    const created = await createCase([home.organisation.id]);
    const caller = callerFor(handle.db, cm);
    const base = agreementInput(created.id);
    await expect(caller.cases.plans.saveAgreement({ ...base, tenantId: foreign.tenant.id } as never)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      caller.cases.plans.saveAgreement({ ...base, goals: [{ ...base.goals[0]!, caseId: created.id, attainment: "fully" }] } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller.cases.plans.createReferral({
        caseId: created.id,
        organisationId: home.organisation.id,
        cmRole: "broker",
        mode: "referral",
        referredOn: "2026-03-05",
        consentOverride: true,
      } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller.cases.plans.saveMeasure({ caseId: created.id, task: "Beratung", gapReportId: created.id } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await handle.db.select().from(referrals).where(eq(referrals.caseId, created.id))).toEqual([]);
  });

  it("records the attainment per goal", async () => {
    const created = await createCase();
    const caller = callerFor(handle.db, cm);
    const { agreementId } = await caller.cases.plans.saveAgreement(agreementInput(created.id));
    const [first, second] = (await caller.cases.plans.file({ caseId: created.id })).agreements[0]!.goals;
    await expect(
      caller.cases.plans.reviewGoals({
        caseId: created.id,
        agreementId,
        reviewedOn: "2026-03-01",
        goals: [{ goalId: first!.id, attainment: "fully" }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Die Überprüfung kann nicht vor dem Datum der Vereinbarung liegen." });
    await caller.cases.plans.reviewGoals({
      caseId: created.id,
      agreementId,
      reviewedOn: "2026-06-01",
      goals: [
        { goalId: first!.id, attainment: "partly", attainmentNote: "Besichtigungen laufen" },
        { goalId: second!.id, attainment: "fully" },
      ],
    });
    const agreement = (await caller.cases.plans.file({ caseId: created.id })).agreements[0]!;
    expect(agreement.reviewedOn).toBe("2026-06-01");
    expect(agreement.goals.map((goal) => [goal.attainment, goal.attainmentNote])).toEqual([
      ["partly", "Besichtigungen laufen"],
      ["fully", ""],
      [null, ""],
    ]);
    // A goal of another case is unknown here.
    const otherCase = await createCase();
    await caller.cases.plans.saveAgreement(agreementInput(otherCase.id));
    const foreignGoal = (await caller.cases.plans.file({ caseId: otherCase.id })).agreements[0]!.goals[0]!;
    await expect(
      caller.cases.plans.reviewGoals({
        caseId: created.id,
        agreementId,
        reviewedOn: "2026-06-01",
        goals: [{ goalId: foreignGoal.id, attainment: "hardly" }],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a referral without a Schweigepflichtentbindung, allows it with one, and refuses updates once revoked", async () => {
    const created = await createCase([home.organisation.id]);
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
    const created = await createCase();
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
    const created = await createCase();
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
    const created = await createCase();
    const caller = callerFor(handle.db, cm);
    await expect(
      caller.cases.plans.saveMeasure({
        caseId: created.id,
        task: "Begleitung zum Amt",
        isMissingOffer: true,
        missingOfferDescription: `Frau Yilmaz${personCounter} braucht eine Dolmetscherin`,
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

  it("answers NOT_FOUND to another case manager, and keeps the coordination out of the content", async () => {
    const created = await createCase([home.organisation.id]);
    const { agreementId } = await callerFor(handle.db, cm).cases.plans.saveAgreement(agreementInput(created.id));
    const other = callerFor(handle.db, otherCm);
    await expect(other.cases.plans.file({ caseId: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.cases.plans.saveAgreement({ ...agreementInput(created.id), agreementId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      other.cases.plans.createReferral({
        caseId: created.id,
        organisationId: home.organisation.id,
        cmRole: "broker",
        mode: "referral",
        referredOn: "2026-03-05",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.cases.plans.saveMeasure({ caseId: created.id, task: "Beratung" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(handle.db, coordinator).cases.plans.file({ caseId: created.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const foreignCm = await createActor(handle.db, foreign.tenant.id, ["case_manager"]);
    await expect(callerFor(handle.db, foreignCm).cases.plans.file({ caseId: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      await handle.db
        .select()
        .from(goals)
        .where(and(eq(goals.caseId, created.id), eq(goals.priority, 1))),
    ).toHaveLength(1);
  });

  it("writes one audit row per change, refusals included, without personal text", async () => {
    const created = await createCase([home.organisation.id]);
    const caller = callerFor(handle.db, cm);
    await caller.cases.plans.saveAgreement(agreementInput(created.id));
    await caller.cases.plans.saveMeasure({
      caseId: created.id,
      task: "Ehrenamtliche Begleitung",
      isMissingOffer: true,
      missingOfferDescription: "Mobilitätshilfe im ländlichen Raum",
      missingOfferLifeArea: "housing",
    });
    await caller.cases.plans.createReferral({
      caseId: created.id,
      organisationId: home.organisation.id,
      cmRole: "advocacy",
      mode: "referral",
      referredOn: "2026-03-05",
    });
    await caller.cases.plans
      .createReferral({
        caseId: created.id,
        organisationId: uncoveredOrganisationId,
        cmRole: "advocacy",
        mode: "referral",
        referredOn: "2026-03-05",
      })
      .catch(() => undefined);
    const rows = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, home.tenant.id), eq(auditEvents.targetId, created.id)))
      .orderBy(auditEvents.id);
    expect(rows.map((row) => [row.action, row.outcome])).toEqual([
      ["cases.case_created", "success"],
      ["cases.consent_added", "success"],
      ["cases.goals_saved", "success"],
      ["cases.gap_reported", "success"],
      ["cases.measure_saved", "success"],
      ["cases.referral_saved", "success"],
      ["cases.referral_refused", "failure"],
    ]);
    expect(rows.every((row) => row.actorUserId === cm.userId)).toBe(true);
    const details = JSON.stringify(rows.map((row) => row.details));
    expect(details).not.toContain("Mobilitätshilfe");
    expect(details).not.toContain("Eigene Wohnung");
  });
});
