import { TRPCError } from "@trpc/server";

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";

import type { Actor } from "../auth/policy";
import type { SaveAssessmentFormValues } from "../schemas/assessments";
import { guidingQuestions, lifeAreas, residenceStatuses, scaleItems } from "../schemas/case-kinds";
import { callerFor } from "../test/factories";
import { createCase } from "../test/case-factories";
import { setUpAssessments } from "./assessments-test-fixture";

describe("assessments compared over time", () => {
  let handle: DatabaseHandle;
  let cm: Actor;

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
    ({ handle, cm } = await setUpAssessments());
  });
  afterAll(() => handle.close());

  it("compares ratings over time and the latest two assessments of each area exactly", async () => {
    const caseId = (await createCase(handle.db, { manager: cm })).id;
    const caller = callerFor(handle.db, cm);
    const first = await caller.cases.assessments.save(legalStatus(caseId));
    const second = await caller.cases.assessments.save(
      legalStatus(caseId, {
        isReassessment: true,
        assessedOn: "2026-04-14",
        answers: { current_situation: "Aufenthaltserlaubnis nach § 25b beantragt." },
        wishes: "Sicherer Aufenthalt",
        resources: "",
        residenceStatus: "fiktionsbescheinigung",
        scales: { residence_situation: { rating: 6, remark: "Antrag läuft" }, legal_help_use: { rating: 4, remark: "" } },
      }),
    );
    const third = await caller.cases.assessments.save(
      legalStatus(caseId, {
        isReassessment: true,
        assessedOn: "2026-07-20",
        answers: { current_situation: "Aufenthaltserlaubnis nach § 25b beantragt." },
        wishes: "Sicherer Aufenthalt",
        resources: "Rechtsanwältin gefunden",
        residenceStatus: "residence_permit",
        scales: {
          residence_situation: { rating: 9, remark: "Titel erteilt" },
          legal_help_use: { rating: null, remark: "nicht besprochen" },
        },
      }),
    );
    await caller.cases.assessments.save({
      caseId,
      lifeArea: "housing",
      isReassessment: false,
      assessedOn: "2026-02-01",
      scales: { housing: { rating: 3, remark: "" }, mobility: { rating: 6, remark: "" } },
    });

    const areas = await caller.cases.assessments.compare({ caseId });
    expect(areas.map((a) => a.lifeArea)).toEqual([
      "legal_status",
      "education_work",
      "family",
      "finances",
      "health",
      "migration",
      "social",
      "housing",
    ]);

    const legal = areas[0]!;
    expect(legal.series).toEqual([
      {
        assessmentId: first.assessment.id,
        assessedOn: "2026-01-12",
        isReassessment: false,
        ratings: { residence_situation: 2, legal_help_use: 5 },
        average: 3.5,
      },
      {
        assessmentId: second.assessment.id,
        assessedOn: "2026-04-14",
        isReassessment: true,
        ratings: { residence_situation: 6, legal_help_use: 4 },
        average: 5,
      },
      {
        assessmentId: third.assessment.id,
        assessedOn: "2026-07-20",
        isReassessment: true,
        ratings: { residence_situation: 9, legal_help_use: null },
        average: 9,
      },
    ]);
    expect(legal.comparison).toEqual({
      previous: { assessmentId: second.assessment.id, assessedOn: "2026-04-14", isReassessment: true },
      current: { assessmentId: third.assessment.id, assessedOn: "2026-07-20", isReassessment: true },
      scales: [
        { item: "residence_situation", previous: 6, current: 9, delta: 3, previousRemark: "Antrag läuft", currentRemark: "Titel erteilt" },
        { item: "legal_help_use", previous: 4, current: null, delta: null, previousRemark: "", currentRemark: "nicht besprochen" },
      ],
      changes: [
        { field: "resources", question: null, previous: null, current: "Rechtsanwältin gefunden" },
        { field: "residenceStatus", question: null, previous: "fiktionsbescheinigung", current: "residence_permit" },
      ],
    });

    const housing = areas[7]!;
    expect(housing.series).toEqual([
      {
        assessmentId: expect.any(String),
        assessedOn: "2026-02-01",
        isReassessment: false,
        ratings: { housing: 3, mobility: 6, communication_access: null, housing_help_use: null },
        average: 4.5,
      },
    ]);
    expect(housing.comparison).toBeNull();
    expect(areas[4]).toEqual({
      lifeArea: "health",
      scaleItems: ["physical_health", "mental_health", "health_help_use"],
      series: [],
      comparison: null,
    });
  });

  it("lists changed answers, wishes and participants between the latest two", async () => {
    const caseId = (await createCase(handle.db, { manager: cm })).id;
    const caller = callerFor(handle.db, cm);
    const base = { caseId, lifeArea: "finances" as const };
    await caller.cases.assessments.save({
      ...base,
      isReassessment: false,
      assessedOn: "2026-01-10",
      participants: "Klient",
      answers: { livelihood: "Bürgergeld", debts: "Handyvertrag 800 €" },
      wishes: "Schulden loswerden",
      scales: { income: { rating: 4, remark: "" }, debts: { rating: 2, remark: "" }, financial_help_use: { rating: 3, remark: "" } },
    });
    await caller.cases.assessments.save({
      ...base,
      isReassessment: true,
      assessedOn: "2026-03-10",
      participants: "Klient, Schuldnerberatung",
      answers: { livelihood: "Bürgergeld", dependants: "Zwei Kinder" },
      wishes: "Schulden loswerden",
      scales: {
        income: { rating: 4, remark: "" },
        debts: { rating: 5, remark: "Ratenplan" },
        financial_help_use: { rating: 7, remark: "" },
      },
    });
    const finances = (await caller.cases.assessments.compare({ caseId })).find((a) => a.lifeArea === "finances")!;
    expect(finances.comparison!.scales.map((s) => [s.item, s.delta])).toEqual([
      ["income", 0],
      ["debts", 3],
      ["financial_help_use", 4],
    ]);
    expect(finances.comparison!.changes).toEqual([
      { field: "participants", question: null, previous: "Klient", current: "Klient, Schuldnerberatung" },
      { field: "answer", question: "dependants", previous: null, current: "Zwei Kinder" },
      { field: "answer", question: "debts", previous: "Handyvertrag 800 €", current: null },
    ]);
  });

  it("answers random, almost valid forms with a save or a clear refusal, and the history stays ordered", async () => {
    const caseId = (await createCase(handle.db, { manager: cm })).id;
    const caller = callerFor(handle.db, cm);
    const otherKeys = fc.oneof(
      fc.constantFrom(...Object.values(scaleItems).flat(), "__proto__", "constructor"),
      fc.string({ maxLength: 70 }),
    );
    const anyText = fc.oneof(fc.string({ unit: "grapheme", maxLength: 40 }), fc.string({ maxLength: 1100 }));
    const plausibleDay = fc
      .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const anyDay = fc
      .date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const rating = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 1, max: 10 }) },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.integer({ min: -1, max: 12 }) },
      { weight: 1, arbitrary: fc.double() },
    );
    // Mostly the chosen area's own keys, sometimes another area's or garbage.
    const form = fc.constantFrom(...lifeAreas).chain((lifeArea) => {
      const questionKey = fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...guidingQuestions[lifeArea]) },
        { weight: 1, arbitrary: otherKeys },
      );
      const itemKey = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...scaleItems[lifeArea]) }, { weight: 1, arbitrary: otherKeys });
      return fc.record(
        {
          caseId: fc.constant(caseId),
          lifeArea: fc.constant(lifeArea),
          isReassessment: fc.boolean(),
          assessedOn: fc.oneof(
            { weight: 6, arbitrary: plausibleDay },
            { weight: 1, arbitrary: anyDay },
            { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
          ),
          participants: anyText,
          answers: fc.dictionary(questionKey, anyText, { maxKeys: 3 }),
          resources: anyText,
          wishes: anyText,
          residenceStatus: fc.oneof(fc.constant(null), fc.constantFrom(...residenceStatuses)),
          scales: fc.dictionary(itemKey, fc.record({ rating, remark: anyText }), { maxKeys: 3 }),
        },
        { requiredKeys: ["caseId", "lifeArea", "isReassessment", "assessedOn"] },
      );
    });
    await fc.assert(
      fc.asyncProperty(form, async (input) => {
        try {
          await caller.cases.assessments.save(input as SaveAssessmentFormValues);
        } catch (error) {
          expect(error).toBeInstanceOf(TRPCError);
          expect(["BAD_REQUEST", "CONFLICT"], (error as Error).message).toContain((error as TRPCError).code);
        }
      }),
      { numRuns: 120 },
    );
    const listed = await caller.cases.assessments.list({ caseId });
    expect(listed.length).toBeGreaterThan(0);
    for (const area of lifeAreas) {
      const rows = listed.filter((row) => row.lifeArea === area);
      rows.forEach((row, index) => {
        expect(row.isReassessment).toBe(index > 0);
        if (index > 0) expect(row.assessedOn > rows[index - 1]!.assessedOn).toBe(true);
        expect(Object.keys(row.answers).every((k) => (guidingQuestions[area] as readonly string[]).includes(k))).toBe(true);
        expect(Object.keys(row.scales).every((k) => (scaleItems[area] as readonly string[]).includes(k))).toBe(true);
      });
    }
  });
});
