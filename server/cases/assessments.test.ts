import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { assessments, auditEvents, cases } from "@/db/schema";
import type { Actor } from "../auth/policy";
import type { SaveAssessmentFormValues } from "../schemas/assessments";
import { callerFor } from "../test/factories";
import { createCase } from "../test/case-factories";
import { compareAssessments, listAssessments, saveAssessment } from "./assessments";
import { setUpAssessments, fieldErrorsOf } from "./assessments-test-fixture";

describe("assessments", () => {
  let handle: DatabaseHandle;
  let cm: Actor;
  let otherCm: Actor;
  let coordinator: Actor;
  let foreignCm: Actor;

  const legalStatus = (caseId: string, overrides: Partial<SaveAssessmentFormValues> = {}): SaveAssessmentFormValues => ({
    caseId,
    lifeArea: "legal_status",
    isReassessment: false,
    assessedOn: "2026-01-12",
    participants: "Klientin, CM",
    answers: { current_situation: "Duldung läuft im März aus." },
    resources: "Gute Kontakte zur Beratungsstelle",
    wishes: "Sicherer Aufenthalt",
    residenceStatus: "duldung_60a",
    scales: {
      residence_situation: { rating: 2, remark: "Sehr unsicher" },
      legal_help_use: { rating: 5, remark: "" },
    },
    ...overrides,
  });

  beforeAll(async () => {
    ({ handle, cm, otherCm, coordinator, foreignCm } = await setUpAssessments());
  });
  afterAll(() => handle.close());

  it("saves a first assessment, lists it and edits it in place while it is the latest", async () => {
    const caseId = (await createCase(handle.db, { manager: cm })).id;
    const caller = callerFor(handle.db, cm);
    const first = await caller.cases.assessments.save(
      legalStatus(caseId, {
        scales: { residence_situation: { rating: 2, remark: "Sehr unsicher" }, legal_help_use: { rating: null, remark: "" } },
      }),
    );
    expect(first.created).toBe(true);
    expect(first.assessment).toMatchObject({
      caseId,
      lifeArea: "legal_status",
      isReassessment: false,
      assessedOn: "2026-01-12",
      residenceStatus: "duldung_60a",
      answers: { current_situation: "Duldung läuft im März aus." },
      // Items neither rated nor remarked are not stored.
      scales: { residence_situation: { rating: 2, remark: "Sehr unsicher" } },
    });

    const edited = await caller.cases.assessments.save(
      legalStatus(caseId, {
        id: first.assessment.id,
        answers: { current_situation: "Duldung bis 31.03." },
        scales: { legal_help_use: { rating: 4, remark: "  kennt die Beratung  " } },
      }),
    );
    expect(edited.created).toBe(false);
    expect(edited.assessment.id).toBe(first.assessment.id);

    const listed = await caller.cases.assessments.list({ caseId });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id: first.assessment.id,
      isLatestOfArea: true,
      answers: { current_situation: "Duldung bis 31.03." },
      scales: { legal_help_use: { rating: 4, remark: "kennt die Beratung" } },
    });
  });

  it("keeps history: a new date is a new row, and an earlier assessment can no longer be edited", async () => {
    const caseId = (await createCase(handle.db, { manager: cm })).id;
    const caller = callerFor(handle.db, cm);
    const first = await caller.cases.assessments.save(legalStatus(caseId));
    // Editing the first assessment but giving it a new date saves a re-assessment beside it.
    const second = await caller.cases.assessments.save(
      legalStatus(caseId, { id: first.assessment.id, assessedOn: "2026-04-14", isReassessment: true }),
    );
    expect(second.created).toBe(true);
    expect(second.assessment.id).not.toBe(first.assessment.id);
    const third = await caller.cases.assessments.save(legalStatus(caseId, { assessedOn: "2026-07-01", isReassessment: true }));

    const listed = await caller.cases.assessments.list({ caseId });
    expect(listed.map((a) => [a.id, a.assessedOn, a.isLatestOfArea])).toEqual([
      [first.assessment.id, "2026-01-12", false],
      [second.assessment.id, "2026-04-14", false],
      [third.assessment.id, "2026-07-01", true],
    ]);

    await expect(caller.cases.assessments.save(legalStatus(caseId, { id: first.assessment.id, wishes: "geändert" }))).rejects.toMatchObject(
      {
        code: "CONFLICT",
        message:
          "Zu diesem Assessment gibt es bereits ein späteres. Frühere Assessments bleiben unverändert; bitte erfassen oder bearbeiten Sie das neueste.",
      },
    );
    const [unchanged] = await handle.db.select().from(assessments).where(eq(assessments.id, first.assessment.id));
    expect(unchanged!.wishes).toBe("Sicherer Aufenthalt");
  });

  it("keeps first assessment and re-assessment consistent with the dates", async () => {
    const caseId = (await createCase(handle.db, { manager: cm })).id;
    const caller = callerFor(handle.db, cm);
    await expect(caller.cases.assessments.save(legalStatus(caseId, { isReassessment: true }))).rejects.toMatchObject({
      code: "CONFLICT",
      message: "In diesem Bereich gibt es noch kein früheres Assessment. Bitte wählen Sie „Erstes Assessment“.",
    });
    const first = await caller.cases.assessments.save(legalStatus(caseId));
    await expect(caller.cases.assessments.save(legalStatus(caseId, { assessedOn: "2026-02-01" }))).rejects.toMatchObject({
      code: "CONFLICT",
      message: "In diesem Bereich gibt es bereits ein früheres Assessment. Bitte wählen Sie „Re-Assessment“.",
    });
    for (const assessedOn of ["2026-01-12", "2025-12-01"]) {
      await expect(caller.cases.assessments.save(legalStatus(caseId, { assessedOn, isReassessment: true }))).rejects.toMatchObject({
        code: "CONFLICT",
        message: "Ein neues Assessment muss nach dem letzten Assessment dieses Bereichs (am 12.01.2026) liegen.",
      });
    }
    await expect(
      caller.cases.assessments.save({
        ...legalStatus(caseId),
        id: first.assessment.id,
        lifeArea: "health",
        residenceStatus: null,
        answers: {},
        scales: {},
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Another life area has its own history.
    const health = await caller.cases.assessments.save({ caseId, lifeArea: "health", isReassessment: false, assessedOn: "2026-01-05" });
    expect(health.assessment).toMatchObject({ lifeArea: "health", residenceStatus: null, answers: {}, scales: {} });
  });

  it("refuses keys of another life area with a clear message", async () => {
    const caseId = (await createCase(handle.db, { manager: cm })).id;
    const caller = callerFor(handle.db, cm);
    expect(await fieldErrorsOf(caller.cases.assessments.save(legalStatus(caseId, { answers: { languages: "Deutsch B1" } })))).toEqual({
      answers: ["Diese Leitfrage gehört nicht zum gewählten Lebensbereich."],
    });
    expect(
      await fieldErrorsOf(caller.cases.assessments.save(legalStatus(caseId, { scales: { mental_health: { rating: 3, remark: "" } } }))),
    ).toEqual({ scales: ["Diese Einschätzung gehört nicht zum gewählten Lebensbereich."] });
    expect(
      await fieldErrorsOf(
        caller.cases.assessments.save({
          caseId,
          lifeArea: "housing",
          isReassessment: false,
          assessedOn: "2026-01-12",
          residenceStatus: "german",
        }),
      ),
    ).toEqual({ residenceStatus: ["Der aufenthaltsrechtliche Status wird nur im Bereich Aufenthaltsstatus / Rechtliches erfasst."] });
    expect(await fieldErrorsOf(caller.cases.assessments.save(legalStatus(caseId, { residenceStatus: "tourist" as never })))).toEqual({
      residenceStatus: ["Bitte wählen Sie einen Eintrag aus der Liste."],
    });
    expect(await caller.cases.assessments.list({ caseId })).toEqual([]);
  });

  it("refuses ratings outside 1 to 10 and remarks over 1000 characters", async () => {
    const caseId = (await createCase(handle.db, { manager: cm })).id;
    const caller = callerFor(handle.db, cm);
    for (const rating of [0, 11, -3, 5.5, "5", Number.NaN]) {
      const errors = await fieldErrorsOf(
        caller.cases.assessments.save(legalStatus(caseId, { scales: { residence_situation: { rating: rating as number, remark: "" } } })),
      );
      expect(errors).toEqual({ scales: ["Bitte wählen Sie einen Wert von 1 bis 10 oder „keine Angabe“."] });
    }
    expect(
      await fieldErrorsOf(
        caller.cases.assessments.save(legalStatus(caseId, { scales: { residence_situation: { rating: 3, remark: "x".repeat(1001) } } })),
      ),
    ).toEqual({ scales: ["Der Text ist zu lang."] });
    expect(await caller.cases.assessments.list({ caseId })).toEqual([]);

    const saved = await caller.cases.assessments.save(
      legalStatus(caseId, {
        scales: { residence_situation: { rating: 1, remark: "x".repeat(1000) }, legal_help_use: { rating: 10, remark: "" } },
      }),
    );
    expect(saved.assessment.scales.residence_situation?.rating).toBe(1);
    expect(saved.assessment.scales.legal_help_use?.rating).toBe(10);
  });

  it("shows the content to the responsible case manager only: others get NOT_FOUND", async () => {
    const caseId = (await createCase(handle.db, { manager: cm })).id;
    await callerFor(handle.db, cm).cases.assessments.save(legalStatus(caseId));
    for (const actor of [otherCm, foreignCm]) {
      const caller = callerFor(handle.db, actor);
      await expect(caller.cases.assessments.list({ caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(caller.cases.assessments.compare({ caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        caller.cases.assessments.save(legalStatus(caseId, { assessedOn: "2026-05-01", isReassessment: true })),
      ).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    // The coordination lacks the permission to work cases at all, and the content stays hidden even past that door.
    await expect(callerFor(handle.db, coordinator).cases.assessments.list({ caseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listAssessments(handle.db, coordinator, caseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(compareAssessments(handle.db, coordinator, caseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      saveAssessment(handle.db, coordinator, {
        ...legalStatus(caseId),
        id: null,
        answers: {},
        scales: {},
        residenceStatus: null,
        participants: "",
        resources: "",
        wishes: "",
        assessedOn: "2026-05-01",
        isReassessment: true,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // An unknown case and an assessment id of another case answer the same.
    await expect(callerFor(handle.db, cm).cases.assessments.list({ caseId: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const otherCase = (await createCase(handle.db, { manager: otherCm })).id;
    const foreignRow = await callerFor(handle.db, otherCm).cases.assessments.save(legalStatus(otherCase));
    await expect(
      callerFor(handle.db, cm).cases.assessments.save(legalStatus(caseId, { id: foreignRow.assessment.id })),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const rows = await handle.db.select().from(assessments).where(eq(assessments.caseId, caseId));
    expect(rows).toHaveLength(1);
  });

  it("refuses changes once the case is closed", async () => {
    const caseId = (await createCase(handle.db, { manager: cm })).id;
    await callerFor(handle.db, cm).cases.assessments.save(legalStatus(caseId));
    await handle.db.update(cases).set({ status: "closed" }).where(eq(cases.id, caseId));
    await expect(
      callerFor(handle.db, cm).cases.assessments.save(legalStatus(caseId, { assessedOn: "2026-05-01", isReassessment: true })),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "Dieser Fall ist abgeschlossen und kann nicht mehr geändert werden." });
    expect(await callerFor(handle.db, cm).cases.assessments.list({ caseId })).toHaveLength(1);
  });

  it("writes one audit row per save, none for refused saves", async () => {
    const caseId = (await createCase(handle.db, { manager: cm })).id;
    const caller = callerFor(handle.db, cm);
    const first = await caller.cases.assessments.save(legalStatus(caseId));
    await caller.cases.assessments.save(legalStatus(caseId, { id: first.assessment.id, wishes: "Einbürgerung" }));
    await expect(caller.cases.assessments.save(legalStatus(caseId))).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(callerFor(handle.db, otherCm).cases.assessments.save(legalStatus(caseId))).rejects.toMatchObject({ code: "NOT_FOUND" });
    const rows = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "cases.assessment_saved"), eq(auditEvents.targetId, caseId)))
      .orderBy(auditEvents.id);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => [r.actorUserId, r.tenantId, r.targetType, r.outcome])).toEqual([
      [cm.userId, cm.tenantId, "case", "success"],
      [cm.userId, cm.tenantId, "case", "success"],
    ]);
    expect(rows.map((r) => r.details)).toEqual([
      { assessmentId: first.assessment.id, lifeArea: "legal_status", isReassessment: false, created: true },
      { assessmentId: first.assessment.id, lifeArea: "legal_status", isReassessment: false, created: false },
    ]);
    // Facts only: no free text of the assessment reaches the audit log.
    expect(JSON.stringify(rows)).not.toContain("Duldung");
  });
});
