import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import {
  agendaItems,
  assignments,
  bodySessions,
  decisions,
  kommunen,
  recommendations,
  tenants,
  themes,
  vorlagen,
  vorlageVersions,
} from "@/db/schema";
import type { Actor } from "../auth/policy";
import { todayInBerlin, yearOf } from "../schemas/calendar-days";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { annualThemeReportWorkbook } from "./annual-report";
import { manualThemeTransitions } from "./status";
import { createBareCases, insertTheme } from "../test/theme-factories";

describe("theme registry", () => {
  let handle: DatabaseHandle;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  let coordinator: Actor;
  let caseManager: Actor;
  let bodyMember: Actor;
  let foreignCoordinator: Actor;
  let otherKommuneId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    tenant = await createTenant(handle.db);
    coordinator = await createActor(handle.db, tenant.tenant.id, ["coordinator"]);
    caseManager = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    bodyMember = await createActor(handle.db, tenant.tenant.id, [{ role: "body_member", bodyId: tenant.body.id }]);
    const foreign = await createTenant(handle.db);
    foreignCoordinator = await createActor(handle.db, foreign.tenant.id, ["coordinator"]);
    const [other] = await handle.db.insert(kommunen).values({ tenantId: tenant.tenant.id, name: "Nordheim" }).returning();
    otherKommuneId = other!.id;
  });
  afterAll(() => handle.close());

  const theme = (title: string, extra: Partial<Parameters<typeof insertTheme>[3]> = {}) =>
    insertTheme(handle.db, tenant.tenant.id, coordinator.userId, { title, ...extra });

  it("lets only the coordination curate, and keeps other tenants out", async () => {
    const a = await theme("Sprachkurse mit Kinderbetreuung fehlen");
    const b = await theme("Kinderbetreuung während Sprachkursen fehlt");
    for (const actor of [caseManager, bodyMember]) {
      await expect(callerFor(handle.db, actor).themes.merge({ targetThemeId: a.id, mergedThemeId: b.id })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(
        callerFor(handle.db, actor).themes.transition({ themeId: a.id, to: "reviewed", note: "gesichtet" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(callerFor(handle.db, actor).themes.setUrgency({ themeId: a.id, urgency: "high" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(callerFor(handle.db, actor).themes.split({ themeId: a.id, sourceIds: [a.id], title: "Neu" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(callerFor(handle.db, actor).themes.duplicates()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const foreign = callerFor(handle.db, foreignCoordinator);
    await expect(foreign.themes.merge({ targetThemeId: a.id, mergedThemeId: b.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(foreign.themes.transition({ themeId: a.id, to: "reviewed", note: "gesichtet" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(foreign.themes.setUrgency({ themeId: a.id, urgency: "high" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(foreign.themes.get({ themeId: a.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(foreign.themes.trace({ themeId: a.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await foreign.themes.list()).map((t) => t.id)).not.toContain(a.id);
    expect(JSON.stringify(await foreign.themes.compare())).not.toContain(a.id);
    expect(JSON.stringify(await foreign.themes.duplicates())).not.toContain(a.id);
    await expect(callerFor(handle.db, null).themes.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const { mergeId } = await callerFor(handle.db, coordinator).themes.merge({ targetThemeId: a.id, mergedThemeId: b.id });
    await expect(foreign.themes.undoMerge({ mergeId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(handle.db, caseManager).themes.undoMerge({ mergeId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("filters by status, urgency, life area, Kommune and words, and hides merged themes", async () => {
    const cases = await createBareCases(handle.db, tenant.tenant.id, 3);
    const housing = await theme("Große Familien finden keine bezahlbaren Wohnungen", {
      lifeAreas: ["housing"],
      urgency: "high",
      sources: [
        { caseId: cases[0], kommuneId: otherKommuneId },
        { caseId: cases[0], kommuneId: otherKommuneId },
        { caseId: cases[1], kommuneId: tenant.kommune.id },
      ],
    });
    const health = await theme("Traumatherapie auf Arabisch fehlt", {
      lifeAreas: ["health"],
      status: "reviewed",
      sources: [{ caseId: cases[2], kommuneId: tenant.kommune.id }],
    });
    const dup = await theme("Wohnungsnot bei Familien mit vielen Kindern", { lifeAreas: ["housing"] });
    const caller = callerFor(handle.db, coordinator);
    const ids = async (filters: Parameters<typeof caller.themes.list>[0]) => (await caller.themes.list(filters)).map((t) => t.id);

    expect(await ids({ status: "reviewed" })).toEqual([health.id]);
    expect(await ids({ urgency: "high" })).toEqual([housing.id]);
    expect(await ids({ lifeArea: "health" })).toEqual([health.id]);
    expect(await ids({ kommuneId: otherKommuneId })).toEqual([housing.id]);
    // German stemming: "Wohnung" finds "Wohnungen"; the title's start finds it too.
    expect(new Set(await ids({ search: "Wohnung" }))).toEqual(new Set([housing.id, dup.id]));
    expect(await ids({ search: "Traumath" })).toEqual([health.id]);

    const listed = (await caller.themes.list()).find((t) => t.id === housing.id)!;
    expect(listed).toMatchObject({ caseCount: 2, kommuneCount: 2, urgency: "high", originKinds: ["cm_report"] });
    expect(listed.trend).toMatchObject({ direction: "rising", recentSources: 3, previousSources: 0 });

    await caller.themes.merge({ targetThemeId: housing.id, mergedThemeId: dup.id });
    expect(await ids({ search: "Wohnung" })).toEqual([housing.id]);
    const target = await caller.themes.get({ themeId: housing.id });
    expect(target.merges.map((m) => m.themeId)).toEqual([dup.id]);
    expect((await caller.themes.get({ themeId: dup.id })).mergedInto).toEqual({
      id: housing.id,
      title: "Große Familien finden keine bezahlbaren Wohnungen",
    });
  });

  it("computes age since the first source and the 90-day trend", async () => {
    const day = 86_400_000;
    const old = new Date(Date.now() - 150 * day);
    const t = await theme("Anerkennung ausländischer Abschlüsse dauert zu lange", {
      sources: [{ createdAt: old }, { createdAt: new Date(Date.now() - 120 * day) }, { createdAt: new Date(Date.now() - 10 * day) }],
    });
    const listed = (await callerFor(handle.db, coordinator).themes.list()).find((x) => x.id === t.id)!;
    expect(listed.ageDays).toBe(150);
    expect(listed.trend).toEqual({ direction: "falling", recentSources: 1, previousSources: 2 });
  });

  it("suggests duplicates by full-text similarity, not unrelated themes", async () => {
    const a = await theme("Fehlende Kita-Plätze verhindern Sprachkursbesuch", {
      text: "Mütter können keinen Sprachkurs besuchen, weil Kita-Plätze fehlen.",
    });
    const b = await theme("Sprachkurs scheitert an fehlender Kinderbetreuung", { text: "Ohne Kita-Platz kein Sprachkurs für Mütter." });
    const c = await theme("Lange Wartezeiten bei der Ausländerbehörde", {
      text: "Termine zur Verlängerung der Aufenthaltserlaubnis dauern Monate.",
    });
    const pairs = await callerFor(handle.db, coordinator).themes.duplicates();
    const pairIds = pairs.map((p) =>
      p.themes
        .map((t) => t.id)
        .sort()
        .join(","),
    );
    expect(pairIds).toContain([a.id, b.id].sort().join(","));
    expect(pairIds.some((p) => p.includes(c.id))).toBe(false);
  });

  it("moves themes only along allowed steps, with a note, and keeps the history", async () => {
    const t = await theme("Schulplätze für Seiteneinsteiger fehlen");
    const caller = callerFor(handle.db, coordinator);
    await expect(caller.themes.transition({ themeId: t.id, to: "decided", note: "Sprung" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(caller.themes.transition({ themeId: t.id, to: "reviewed", note: " " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await caller.themes.transition({ themeId: t.id, to: "reviewed", note: "In der Koordination gesichtet" });
    await caller.themes.transition({ themeId: t.id, to: "parked", note: "Erst nach den Sommerferien" });
    await caller.themes.transition({ themeId: t.id, to: "reviewed", note: "Wieder aufgenommen" });
    await caller.themes.transition({ themeId: t.id, to: "rejected", note: "Kein Handlungsbedarf" });
    await expect(caller.themes.transition({ themeId: t.id, to: "reviewed", note: "doch" })).rejects.toMatchObject({ code: "CONFLICT" });
    const got = await caller.themes.get({ themeId: t.id });
    expect(got.status).toBe("rejected");
    expect(got.steps.map((s) => [s.toStatus, s.note])).toEqual([
      ["identified", ""],
      ["reviewed", "In der Koordination gesichtet"],
      ["parked", "Erst nach den Sommerferien"],
      ["reviewed", "Wieder aufgenommen"],
      ["rejected", "Kein Handlungsbedarf"],
    ]);
    expect(got.abilities.transitions).toEqual([]);
    await caller.themes.setUrgency({ themeId: t.id, urgency: "high" });
    expect((await caller.themes.get({ themeId: t.id })).urgency).toBe("high");
  });

  it("allows exactly the table's steps: one forward, or rejected/parked from any open state", () => {
    const path = [
      "identified",
      "reviewed",
      "on_agenda",
      "assigned",
      "proposal_in_work",
      "vorlage",
      "decided",
      "in_implementation",
      "implemented",
      "closed",
    ] as const;
    for (let i = 0; i < path.length - 1; i++) expect(manualThemeTransitions[path[i]!]).toContain(path[i + 1]);
    for (const open of path.slice(0, 8)) expect(manualThemeTransitions[open]).toEqual(expect.arrayContaining(["rejected", "parked"]));
    for (const [from, targets] of Object.entries(manualThemeTransitions)) {
      for (const to of targets) {
        const jump = path.indexOf(to as (typeof path)[number]) - path.indexOf(from as (typeof path)[number]);
        if (path.includes(to as (typeof path)[number]) && path.includes(from as (typeof path)[number]))
          expect(jump === 1 || (from === "decided" && to === "closed")).toBe(true);
      }
    }
  });

  it("traces a theme from cases and conferences to decisions and measures", async () => {
    const caseIds = await createBareCases(handle.db, tenant.tenant.id, 2);
    const t = await theme("Wohnungslosigkeit nach Auszug aus der Unterkunft", {
      sources: [{ caseId: caseIds[0] }, { caseId: caseIds[1] }, { caseId: caseIds[1] }],
    });
    const db = handle.db;
    const [session] = await db
      .insert(bodySessions)
      .values({
        tenantId: tenant.tenant.id,
        bodyId: tenant.body.id,
        title: "2. Sitzung 2026",
        scheduledAt: new Date("2026-03-12T15:00:00Z"),
        createdByUserId: coordinator.userId,
      })
      .returning();
    const [vorlage] = await db
      .insert(vorlagen)
      .values({ tenantId: tenant.tenant.id, themeId: t.id, title: "Vorlage Wohnraum", createdByUserId: coordinator.userId })
      .returning();
    await db.insert(vorlageVersions).values(
      [1, 2].map((version) => ({
        vorlageId: vorlage!.id,
        version,
        body: { type: "doc" },
        bodyText: "x",
        evidence: {},
        createdByUserId: coordinator.userId,
      })),
    );
    const [item] = await db
      .insert(agendaItems)
      .values({ sessionId: session!.id, position: 1, kind: "vorlage", title: "Wohnraum", vorlageId: vorlage!.id })
      .returning();
    const [decision] = await db
      .insert(decisions)
      .values({
        tenantId: tenant.tenant.id,
        sessionId: session!.id,
        agendaItemId: item!.id,
        vorlageId: vorlage!.id,
        outcome: "adopted",
        text: "Die Lenkungsgruppe beauftragt die Fachgruppe Wohnen.",
        votesFor: 9,
        createdByUserId: coordinator.userId,
      })
      .returning();
    await db.insert(assignments).values({
      tenantId: tenant.tenant.id,
      decisionId: decision!.id,
      themeId: t.id,
      bodyId: tenant.body.id,
      task: "Konzept Wohnungsnotfallhilfe",
      dueDate: "2020-01-01",
    });
    await db.insert(recommendations).values({
      tenantId: tenant.tenant.id,
      decisionId: decision!.id,
      addressee: "Sozialamt",
      text: "Belegrechte sichern",
      dueDate: "2099-06-30",
      responsibleOrganisationId: tenant.organisation.id,
    });

    for (const actor of [coordinator, bodyMember]) {
      const trace = await callerFor(handle.db, actor).themes.trace({ themeId: t.id });
      expect(trace.agendaItems).toMatchObject([{ sessionTitle: "2. Sitzung 2026", title: "Wohnraum" }]);
      expect(trace.vorlagen).toMatchObject([{ title: "Vorlage Wohnraum", versions: [{ version: 1 }, { version: 2 }] }]);
      expect(trace.decisions).toMatchObject([
        { outcome: "adopted", text: "Die Lenkungsgruppe beauftragt die Fachgruppe Wohnen.", votesFor: 9 },
      ]);
      expect(trace.assignments).toMatchObject([{ task: "Konzept Wohnungsnotfallhilfe", isOverdue: true }]);
      expect(trace.recommendations).toMatchObject([
        { addressee: "Sozialamt", organisationName: tenant.organisation.name, isOverdue: false },
      ]);
    }
    expect((await callerFor(handle.db, coordinator).themes.trace({ themeId: t.id })).caseCount).toBe(2);
    expect((await callerFor(handle.db, bodyMember).themes.trace({ themeId: t.id })).caseCount).toEqual({ lessThan: 5 });
  });

  it("exports the year's themes with counts, steps and decisions as a workbook", async () => {
    const caseIds = await createBareCases(handle.db, tenant.tenant.id, 6);
    const t = await theme("=Formel im Titel bleibt Text", { sources: caseIds.map((caseId) => ({ caseId })) });
    await callerFor(handle.db, coordinator).themes.transition({ themeId: t.id, to: "reviewed", note: "gesichtet" });
    const year = yearOf(todayInBerlin());
    const report = await callerFor(handle.db, coordinator).themes.annualReport({ year });
    const row = report.rows.find((r) => r.title === "=Formel im Titel bleibt Text")!;
    expect(row).toMatchObject({ casesInYear: 6, casesTotal: 6, stepsInYear: ["identified", "reviewed"] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await annualThemeReportWorkbook(report)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const values = sheet.getSheetValues().flat().map(String);
    expect(values).toContain("'=Formel im Titel bleibt Text");
    expect(values).toContain("gesichtet");

    await handle.db.update(tenants).set({ minimumGroupSize: 7 }).where(eq(tenants.id, tenant.tenant.id));
    const forBody = await callerFor(handle.db, bodyMember).themes.annualReport({ year });
    expect(forBody.rows.find((r) => r.title === row.title)).toMatchObject({ casesInYear: { lessThan: 7 } });
    await handle.db.update(tenants).set({ minimumGroupSize: 5 }).where(eq(tenants.id, tenant.tenant.id));
    await expect(callerFor(handle.db, coordinator).themes.annualReport({ year: 1800 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lets the admin set the minimum group size between 2 and 50", async () => {
    const admin = await createActor(handle.db, tenant.tenant.id, ["admin"]);
    const base = { caseloadKey: 50, identityRetentionDays: 730, monthlyReportDeadlineDay: 10 };
    await expect(callerFor(handle.db, admin).tenancy.updateSettings({ ...base, minimumGroupSize: 1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(callerFor(handle.db, admin).tenancy.updateSettings({ ...base, minimumGroupSize: 51 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await callerFor(handle.db, admin).tenancy.updateSettings({ ...base, minimumGroupSize: 3 })).toMatchObject({
      minimumGroupSize: 3,
    });
    await handle.db.update(tenants).set({ minimumGroupSize: 5 }).where(eq(tenants.id, tenant.tenant.id));
  });

  it("keeps merged themes out of the compare view and counts distinct cases per Kommune", async () => {
    const caseIds = await createBareCases(handle.db, tenant.tenant.id, 2);
    const t = await theme("Kein Hausarzt nimmt neue Patienten", {
      sources: [
        { caseId: caseIds[0], kommuneId: otherKommuneId },
        { caseId: caseIds[0], kommuneId: otherKommuneId },
        { caseId: caseIds[1], kommuneId: tenant.kommune.id },
      ],
    });
    const compare = await callerFor(handle.db, coordinator).themes.compare();
    const row = compare.rows.find((r) => r.id === t.id)!;
    expect(row.perKommune).toEqual({ [otherKommuneId]: 1, [tenant.kommune.id]: 1 });
    expect(compare.kommunen.map((k) => k.id)).toEqual(expect.arrayContaining([otherKommuneId, tenant.kommune.id]));
    const merged = await handle.db.select({ id: themes.id }).from(themes).where(eq(themes.tenantId, tenant.tenant.id));
    expect(compare.rows.length).toBeLessThan(merged.length);
  });
});
