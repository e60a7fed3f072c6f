import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import type { Actor } from "../auth/policy";
import { monthKey, todayInBerlin } from "../schemas/calendar-days";
import { caseListOutputSchema, caseOverviewOutputSchema, identityFieldNames, identityRecordSchema } from "../schemas/case-outputs";
import { coordinationDashboardOutputSchema, monthlyReportOutputSchema } from "../schemas/report-outputs";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { authorizedProcedure, createCallerFactory, createTRPCRouter } from "../trpc/init";
import { appRouter } from "../app-router";

type ProcedureDef = { _def: { output?: z.ZodType } };
// tRPC's internal procedure map (pinned version, as in router-policy.test.ts).
const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;
const caseModulePaths = Object.keys(procedures).filter((path) => /^(cases|reports|offers)\./.test(path));
/** The only answers that may carry the Aktendeckblatt: the responsible case manager's read and export. */
const identityProcedures = new Set(["cases.identity", "cases.exportPersonData"]);

/** Every object key anywhere in a zod schema (objects, arrays, unions, records, pipes). */
function keysOf(schema: z.ZodType, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const children: unknown[] = [];
  let keys: string[] = [];
  if (def.type === "object") {
    const shape = def.shape as Record<string, z.ZodType>;
    keys = Object.keys(shape);
    children.push(...Object.values(shape));
  }
  for (const field of ["element", "innerType", "valueType", "in", "out"]) if (def[field]) children.push(def[field]);
  for (const field of ["options", "items"]) if (Array.isArray(def[field])) children.push(...(def[field] as unknown[]));
  return [...keys, ...children.flatMap((child) => keysOf(child as z.ZodType, seen))];
}

describe("output schemas of the case module (field projection)", () => {
  it("every case, plan, assessment, invitation, report and offer procedure declares an output schema", () => {
    expect(caseModulePaths.length).toBeGreaterThan(50);
    const missing = caseModulePaths.filter((path) => !procedures[path]!._def.output);
    expect(missing).toEqual([]);
  });

  it("only the identity read and the person's export can carry an identity field", () => {
    const names = new Set(identityFieldNames);
    expect(names).toContain("lastName");
    for (const path of caseModulePaths) {
      if (identityProcedures.has(path)) continue;
      const leaking = keysOf(procedures[path]!._def.output!).filter((key) => names.has(key));
      expect(leaking, `${path} could answer with identity fields`).toEqual([]);
    }
    expect(keysOf(procedures["cases.identity"]!._def.output!)).toEqual(expect.arrayContaining(["lastName", "birthDate", "street"]));
  });
});

describe("real answers of every case-module procedure pass their strict output schema", () => {
  let handle: DatabaseHandle;
  let home: Awaited<ReturnType<typeof createTenant>>;
  let cm: Actor;
  let otherCm: Actor;
  let coordinator: Actor;
  const called = new Set<string>();
  const identity = {
    lastName: "Ausgabenprüfer",
    firstName: "Olga",
    birthDate: "1979-02-14",
    street: "Schemaweg 5",
    phone: "0176 5554433",
    authorityContacts: [{ authority: "jobcenter" as const, contactPerson: "Herr Akte", fileNumber: "JC-4711" }],
  };

  /** Calls a procedure by path as `actor`; a failed output validation would surface as INTERNAL_SERVER_ERROR here. */
  async function call<T = Record<string, unknown>>(actor: Actor | null, path: string, input?: unknown): Promise<T> {
    const caller = callerFor(handle.db, actor);
    const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
      input: unknown,
    ) => Promise<T>;
    const result = await fn(input);
    called.add(path);
    return result;
  }

  beforeAll(async () => {
    handle = await createTestDatabase();
    home = await createTenant(handle.db);
    cm = await createActor(handle.db, home.tenant.id, ["case_manager"]);
    otherCm = await createActor(handle.db, home.tenant.id, ["case_manager"]);
    coordinator = await createActor(handle.db, home.tenant.id, ["coordinator"]);
  });
  afterAll(() => handle.close());

  it("drives the whole cycle, the coordination's views, reports and offers", async () => {
    const today = todayInBerlin();
    const month = today.slice(0, 7);
    const organisationId = home.organisation.id;

    // Offers first, so the help plan can use one.
    const offer = await call<{ id: string }>(coordinator, "offers.create", {
      title: "Wohnungslotsen",
      lifeAreas: ["housing"],
      languages: ["Deutsch", "Arabisch"],
      providerOrganisationId: organisationId,
    });
    await call(coordinator, "offers.create", { title: "Wohnungs-Lotsen", lifeAreas: ["housing"], providerOrganisationId: organisationId });
    await call(cm, "offers.update", {
      id: offer.id,
      title: "Wohnungslotsen",
      lifeAreas: ["housing", "social"],
      providerOrganisationId: organisationId,
    });
    await call(cm, "offers.list", { search: "Wohnung" });
    await call(cm, "offers.languages");
    await call(coordinator, "offers.duplicateCandidates");
    await call(coordinator, "offers.coverage");

    // Screening, consents, intake, Aktendeckblatt.
    const created = await call<{ id: string }>(cm, "cases.create", {
      accessChannel: "walk_in",
      kommuneId: home.kommune.id,
      identity,
      screening: { screenedOn: today, problemsByArea: { housing: "Kündigung droht" }, verdict: "yes" },
    });
    const caseId = created.id;
    await call(cm, "cases.saveScreening", {
      caseId,
      screening: { screenedOn: today, problemsByArea: { housing: "Räumungsklage" }, verdict: "yes" },
    });
    await call(cm, "cases.addConsent", { caseId, kind: "processing", grantedOn: today });
    await call(cm, "cases.addConsent", { caseId, kind: "confidentiality_release", organisationIds: [organisationId], grantedOn: today });
    const extra = await call<{ id: string }>(cm, "cases.addConsent", { caseId, kind: "counselling_agreement", grantedOn: today });
    await call(cm, "cases.revokeConsent", { caseId, consentId: extra.id });
    await call(cm, "cases.saveIntake", {
      caseId,
      conductedOn: today,
      criteria: ["several_actors"],
      decision: "admission",
      reason: "Mehrere Stellen beteiligt",
    });
    await call(cm, "cases.identity", { caseId });
    await call(cm, "cases.saveIdentity", { caseId, identity: { ...identity, town: "Beispielstadt" } });
    await call(cm, "cases.intakeFile", { caseId });

    // Assessment and re-assessment.
    const scales = (rating: number) => ({ residence_situation: { rating, remark: "" } });
    await call(cm, "cases.assessments.save", {
      caseId,
      lifeArea: "legal_status",
      isReassessment: false,
      assessedOn: "2026-01-10",
      residenceStatus: "duldung_60a",
      scales: scales(3),
    });
    await call(cm, "cases.assessments.save", {
      caseId,
      lifeArea: "legal_status",
      isReassessment: true,
      assessedOn: "2026-03-10",
      residenceStatus: "residence_permit",
      scales: scales(6),
    });
    await call(cm, "cases.assessments.list", { caseId });
    await call(cm, "cases.assessments.compare", { caseId });

    // Goals, help plan (with a missing offer), linking, review.
    const agreement = await call<{ agreementId: string }>(cm, "cases.plans.saveAgreement", {
      caseId,
      agreedOn: today,
      nextReviewOn: today,
      isAgreed: true,
      goals: [{ priority: 1, lifeArea: "housing", title: "Wohnung gesichert", dueOn: today, steps: [{ action: "Termin Wohnungsamt" }] }],
    });
    const file = await call<{ agreements: { goals: { id: string }[] }[] }>(cm, "cases.plans.file", { caseId });
    const goalId = file.agreements[0]!.goals[0]!.id;
    const measure = await call<{ id: string }>(cm, "cases.plans.saveMeasure", {
      caseId,
      goalId,
      offerId: offer.id,
      task: "Begleitung zur Besichtigung",
    });
    const gap = await call<{ id: string }>(cm, "cases.plans.saveMeasure", {
      caseId,
      goalId,
      task: "Kinderbetreuung",
      isMissingOffer: true,
      missingOfferDescription: "Betreuung am Nachmittag fehlt",
      missingOfferLifeArea: "family",
    });
    await call(cm, "cases.plans.removeMeasure", { caseId, measureId: gap.id });
    const referral = await call<{ id: string }>(cm, "cases.plans.createReferral", {
      caseId,
      organisationId,
      measureId: measure.id,
      cmRole: "broker",
      mode: "warm_handover",
      referredOn: today,
    });
    await call(cm, "cases.plans.updateReferral", { caseId, referralId: referral.id, status: "accepted", note: "Zusage telefonisch" });
    await call(cm, "cases.plans.reviewGoals", {
      caseId,
      agreementId: agreement.agreementId,
      reviewedOn: today,
      goals: [{ goalId, attainment: "partly" }],
    });
    await call(cm, "cases.plans.file", { caseId });

    // Monitoring, summary, drafts, overview and lists.
    await call(cm, "cases.addContact", {
      caseId,
      contactOn: today,
      channel: "phone",
      durationMinutes: 20,
      topic: "Unterlagen",
      lifeAreas: ["housing"],
    });
    await call(cm, "cases.addInterimReview", {
      caseId,
      reviewedOn: today,
      situationChange: "improved",
      attainmentByArea: { housing: "partly" },
    });
    await call(cm, "cases.monitoringFile", { caseId });
    await call(cm, "cases.saveSummary", {
      caseId,
      title: "Wohnungssicherung",
      body: "Eine Frau sucht nach einer Räumungsklage eine Wohnung.",
    });
    await call(cm, "cases.summaries", { caseId });
    await call(cm, "cases.saveDraft", { caseId, formKey: "closure", fields: { reflection: ["Noch offen"] } });
    await call(cm, "cases.draft", { caseId, formKey: "closure" });
    await call(cm, "cases.discardDraft", { caseId, formKey: "closure" });
    expect(await call(cm, "cases.draft", { caseId, formKey: "closure" })).toBeNull();
    await call(cm, "cases.progress", { caseId });
    await call(cm, "cases.reminders");
    await call(cm, "cases.list", {});
    await call(cm, "cases.overview", { caseId });
    await call(cm, "cases.caseload");
    await call(cm, "cases.exportPersonData", { caseId });

    // A screening invitation, used by a network actor without an account.
    const revoked = await call<{ id: string }>(cm, "cases.invitations.create", { organisationId, note: "Frau aus der Sprechstunde" });
    await call(cm, "cases.invitations.revoke", { id: revoked.id });
    const invitation = await call<{ link: string }>(cm, "cases.invitations.create", { organisationId });
    await call(null, "cases.invitations.submit", {
      token: invitation.link.split("/").at(-1),
      identity: { lastName: "Eingeladen", firstName: "Emil", birthDate: "1990-03-03" },
      screening: { screenedOn: today, verdict: "more_information" },
      referrer: { name: "Frau Netz", contact: "0211 123456" },
      consent: true,
    });
    await call(cm, "cases.invitations.list");

    // The coordination: duplicates, waiting list, transfer, dashboards.
    await expect(call(otherCm, "cases.create", { accessChannel: "walk_in", kommuneId: null, identity })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await call(coordinator, "cases.duplicateAttempts");
    await call(coordinator, "cases.caseManagers");
    const entry = await call<{ id: string }>(coordinator, "cases.addWaitingListEntry", {
      reference: "WL-17",
      addedOn: today,
      lifeAreas: ["housing"],
    });
    await call(coordinator, "cases.waitingList");
    await call(coordinator, "cases.resolveWaitingListEntry", { id: entry.id, status: "assigned", assignedUserId: otherCm.userId });
    const invited = (await call<{ id: string; pseudonym: string }[]>(cm, "cases.list", { status: "screening" }))[0]!;
    await call(coordinator, "cases.transfer", { caseId: invited.id, toUserId: otherCm.userId, reason: "Zuständigkeit Nordheim" });
    await call(coordinator, "cases.transfers", { caseId: invited.id });

    // Closure, then the pseudonymised evaluation and reports.
    await call(cm, "cases.close", {
      caseId,
      closedOn: today,
      closingType: "agreed_no_further_support",
      situationChange: "improved",
      attainmentByArea: { housing: "fully" },
      reflection: "Gute Zusammenarbeit",
    });
    const overview = await call(coordinator, "cases.overview", { caseId });
    expect(overview.evaluation).toMatchObject({ closingType: "agreed_no_further_support" });
    await call(coordinator, "cases.list", {});
    await call(coordinator, "cases.caseload");
    await call(cm, "reports.monthly", { month });
    await call(cm, "reports.submitMonthly", { month });
    await call(coordinator, "reports.monthly", { month, userId: cm.userId });
    await call(coordinator, "reports.status", { month });
    const dashboard = await call(coordinator, "reports.dashboard");
    await call(cm, "offers.setActive", { id: offer.id, isActive: false });
    // Last: the person asks for erasure (Art. 17 GDPR).
    await call(coordinator, "cases.erase", { caseId, confirmation: (overview as { pseudonym: string }).pseudonym });

    expect(caseModulePaths.filter((path) => !called.has(path))).toEqual([]);

    // Nothing the coordination received names the person.
    const coordinationAnswers = JSON.stringify([overview, dashboard]);
    for (const value of [identity.lastName, identity.firstName, identity.street, "JC-4711"])
      expect(coordinationAnswers).not.toContain(value);
  });

  it("refuses a coordination answer with an identity field slipped in, at any depth", async () => {
    const caseId = (await call<{ id: string }[]>(coordinator, "cases.list", {}))[0]!.id;
    const overview = await call(coordinator, "cases.overview", { caseId });
    expect(caseOverviewOutputSchema.safeParse(overview).success).toBe(true);
    expect(caseOverviewOutputSchema.safeParse({ ...overview, lastName: "Ausgabenprüfer" }).success).toBe(false);
    expect(
      caseOverviewOutputSchema.safeParse({ ...overview, evaluation: { ...(overview.evaluation as object), street: "Schemaweg 5" } })
        .success,
    ).toBe(false);
    expect(
      caseOverviewOutputSchema.safeParse({ ...overview, abilities: { ...(overview.abilities as object), identity: {} } }).success,
    ).toBe(false);

    const list = await call<Record<string, unknown>[]>(coordinator, "cases.list", {});
    expect(
      caseListOutputSchema.safeParse(list.map((row, index) => (index === 0 ? { ...row, birthDate: "1979-02-14" } : row))).success,
    ).toBe(false);

    const dashboard = await call<z.infer<typeof coordinationDashboardOutputSchema>>(coordinator, "reports.dashboard");
    const leakyDashboard = { ...dashboard, byKommune: [{ kommune: null, count: 1, firstName: "Olga" }] };
    expect(coordinationDashboardOutputSchema.safeParse(leakyDashboard).success).toBe(false);

    const report = await call<z.infer<typeof monthlyReportOutputSchema>>(coordinator, "reports.monthly", {
      month: monthKey(todayInBerlin()),
      userId: cm.userId,
    });
    expect(report.cases.length).toBeGreaterThan(0);
    const leakyReport = { ...report, cases: report.cases.map((row) => ({ ...row, identity: { lastName: "Ausgabenprüfer" } })) };
    expect(monthlyReportOutputSchema.safeParse(leakyReport).success).toBe(false);

    // The identity read carries exactly the Aktendeckblatt, nothing beside it.
    // (The case manager's own case was erased at the end of the cycle; the transferred one keeps its identity.)
    const identityRead = await call(otherCm, "cases.identity", {
      caseId: list.find((row) => row.responsibleUserId === otherCm.userId)!.id as string,
    });
    expect(identityRecordSchema.safeParse({ ...identityRead, caseId: "x" }).success).toBe(false);
  });

  it("fails the call on the server, not in the browser, when a procedure answers with an unlisted field", async () => {
    const caseId = (await call<{ id: string }[]>(coordinator, "cases.list", {}))[0]!.id;
    const overview = await call(coordinator, "cases.overview", { caseId });
    const router = createTRPCRouter({
      leaky: authorizedProcedure("cases.view")
        .output(caseOverviewOutputSchema)
        .query(() => ({ ...(overview as z.input<typeof caseOverviewOutputSchema>), lastName: "Ausgabenprüfer" })),
      clean: authorizedProcedure("cases.view")
        .output(caseOverviewOutputSchema)
        .query(() => overview as z.input<typeof caseOverviewOutputSchema>),
    });
    const caller = createCallerFactory(router)({ db: handle.db, actor: coordinator, request: { address: "127.0.0.1", userAgent: null } });
    const error = await caller.leaky().then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    expect(JSON.stringify(error)).not.toContain("Ausgabenprüfer");
    await expect(caller.clean()).resolves.toMatchObject({ id: caseId });
  });
});
