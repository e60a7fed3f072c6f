import { and, eq } from "drizzle-orm";
import { ZodError } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents, cases, goalAgreements, goals, referrals } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { callerFor, createActor, createTenant } from "../test/factories";
import { createCase } from "../test/case-factories";
import { setUpPlans, refusalOf, agreementInput } from "./plans-test-fixture";

describe("goal agreement and help plan", () => {
  let handle: DatabaseHandle;
  let home: Awaited<ReturnType<typeof createTenant>>;
  let foreign: Awaited<ReturnType<typeof createTenant>>;
  let cm: Actor;
  let otherCm: Actor;
  let coordinator: Actor;
  let uncoveredOrganisationId: string;

  beforeAll(async () => {
    ({ handle, home, foreign, cm, otherCm, coordinator, uncoveredOrganisationId } = await setUpPlans());
  });
  afterAll(() => handle.close());

  it("saves an agreement with three goals in priority order, reads it back and sets the case's next review", async () => {
    const created = await createCase(handle.db, { manager: cm, kommuneId: home.kommune.id });
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
    const created = await createCase(handle.db, { manager: cm, kommuneId: home.kommune.id });
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
    const created = await createCase(handle.db, { manager: cm, kommuneId: home.kommune.id });
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
    const created = await createCase(handle.db, { manager: cm, kommuneId: home.kommune.id, consentFor: [home.organisation.id] });
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
    const created = await createCase(handle.db, { manager: cm, kommuneId: home.kommune.id });
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
    const otherCase = await createCase(handle.db, { manager: cm, kommuneId: home.kommune.id });
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

  it("answers NOT_FOUND to another case manager, and keeps the coordination out of the content", async () => {
    const created = await createCase(handle.db, { manager: cm, kommuneId: home.kommune.id, consentFor: [home.organisation.id] });
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
    const created = await createCase(handle.db, { manager: cm, kommuneId: home.kommune.id, consentFor: [home.organisation.id] });
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

  it("refuses a gap report naming the legal adviser in another spelling, and stores the measure only without it", async () => {
    const created = await createCase(handle.db, {
      manager: cm,
      kommuneId: home.kommune.id,
      consentFor: [home.organisation.id],
      identity: { legalAdviser: "Rechtsanwalt Dr. Größmann" },
    });
    const caller = callerFor(handle.db, cm);
    await caller.cases.plans.saveAgreement(agreementInput(created.id));
    const gap = (missingOfferDescription: string) =>
      caller.cases.plans.saveMeasure({
        caseId: created.id,
        task: "Begleitung",
        isMissingOffer: true,
        missingOfferDescription,
        missingOfferLifeArea: "housing",
      });
    await expect(gap("Herr Groessmann findet keinen Dolmetscher")).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message:
        "Die Beschreibung enthält identifizierende Angaben aus dem Aktendeckblatt: Rechtsberatung / gesetzliche Betreuung. Sie geht an die Koordination; bitte entfernen oder umschreiben.",
    });
    await expect(gap("Kein Dolmetscher für Termine beim Anwalt")).resolves.toBeDefined();
  });
});
