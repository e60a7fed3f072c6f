import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db";
import type { Actor } from "../auth/policy";
import type { IdentityInput } from "../schemas/cases";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { safeCell, monthlyReportWorkbook } from "./spreadsheet";

const canary = { lastName: "Kanarienvogel", firstName: "Zebulonia", birthDate: "1979-02-03" } as IdentityInput;

describe("monthly reports, dashboard, transfers and waiting list", () => {
  let handle: DatabaseHandle;
  let cm: Actor;
  let otherCm: Actor;
  let coordinator: Actor;
  let caseId: string;
  let tenant: Awaited<ReturnType<typeof createTenant>>;

  beforeAll(async () => {
    handle = await createTestDatabase();
    tenant = await createTenant(handle.db);
    cm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    otherCm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    coordinator = await createActor(handle.db, tenant.tenant.id, ["coordinator"]);
    const caller = callerFor(handle.db, cm);
    const created = await caller.cases.create({
      accessChannel: "walk_in",
      kommuneId: tenant.kommune.id,
      identity: canary,
      screening: { screenedOn: "2026-09-20", problemsByArea: { housing: "zu klein", finances: "Schulden" }, verdict: "yes" },
    });
    caseId = created.id;
    await caller.cases.addConsent({ caseId, kind: "processing", grantedOn: "2026-10-01" });
    await caller.cases.addConsent({
      caseId,
      kind: "confidentiality_release",
      organisationIds: [tenant.organisation.id],
      grantedOn: "2026-10-01",
    });
    await caller.cases.saveIntake({ caseId, conductedOn: "2026-10-02", decision: "admission" });
    await caller.cases.addContact({
      caseId,
      contactOn: "2026-10-05",
      channel: "phone",
      durationMinutes: 30,
      topic: '=HYPERLINK("x")',
      lifeAreas: ["housing"],
    });
    await caller.cases.addContact({
      caseId,
      contactOn: "2026-10-20",
      channel: "in_person",
      durationMinutes: 60,
      topic: "Termin",
      lifeAreas: ["housing", "finances"],
    });
    await caller.cases.addContact({ caseId, contactOn: "2026-11-02", channel: "in_person", durationMinutes: 15, topic: "Nachfrage" });
  });
  afterAll(() => handle.close());

  it("counts a month's appointments, minutes and topics exactly", async () => {
    const report = await callerFor(handle.db, cm).reports.monthly({ month: "2026-10" });
    expect(report.keyFigures).toMatchObject({ contacts: 2, minutes: 90, casesWithContact: 1, admitted: 1, activeAtMonthEnd: 1 });
    expect(report.topics).toEqual([
      { lifeArea: "housing", count: 2 },
      { lifeArea: "finances", count: 1 },
    ]);
  });

  it("lets the coordination read any case manager's report, a case manager only their own", async () => {
    await expect(callerFor(handle.db, coordinator).reports.monthly({ month: "2026-10", userId: cm.userId })).resolves.toMatchObject({
      keyFigures: { contacts: 2 },
    });
    await expect(callerFor(handle.db, otherCm).reports.monthly({ month: "2026-10", userId: cm.userId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("exports an Excel workbook without any identity value and with formulas neutralised", async () => {
    const report = await callerFor(handle.db, coordinator).reports.monthly({ month: "2026-10", userId: cm.userId });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await monthlyReportWorkbook(report)) as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
    expect(cells.join("|")).not.toMatch(/Kanarienvogel|Zebulonia|1979-02-03/);
    expect(cells).toContain("Kontakte");
    expect(safeCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(safeCell("+49")).toBe("'+49");
    expect(safeCell("Termin")).toBe("Termin");
  });

  it("takes a report once and shows the coordination who is overdue", async () => {
    await callerFor(handle.db, cm).reports.submitMonthly({ month: "2026-10" });
    await expect(callerFor(handle.db, cm).reports.submitMonthly({ month: "2026-10" })).rejects.toMatchObject({ code: "CONFLICT" });
    const status = await callerFor(handle.db, coordinator).reports.status({ month: "2026-10" });
    const states = Object.fromEntries(status.caseManagers.map((c) => [c.id, c.state]));
    expect(states[cm.userId]).toBe("submitted");
    expect(states[otherCm.userId]).toMatch(/overdue|due|open/);
  });

  it("counts report days in Berlin, where the month has already ended at 23:30 UTC", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      // 00:30 on 30 November in Berlin, still 29 November in UTC: the report is due today.
      vi.setSystemTime(new Date("2026-11-29T23:30:00Z"));
      const status = await callerFor(handle.db, coordinator).reports.status({ month: "2026-11" });
      expect(status.dueOn).toBe("2026-11-30");
      expect(status.caseManagers.find((c) => c.id === otherCm.userId)?.state).toBe("due");

      // 00:30 on 1 December in Berlin: November's report is the one to write, not October's.
      vi.setSystemTime(new Date("2026-11-30T23:30:00Z"));
      const reminders = await callerFor(handle.db, otherCm).cases.reminders();
      expect(reminders.monthlyReportDue).toBe("2026-11");
    } finally {
      vi.useRealTimers();
    }
  });

  it("summarises the tenant for the coordination without identities", async () => {
    const dashboard = await callerFor(handle.db, coordinator).reports.dashboard();
    expect(dashboard.byStatus).toContainEqual({ status: "active", count: 1 });
    expect(dashboard.byLifeArea.map((r) => r.lifeArea).sort()).toEqual(["finances", "housing"]);
    expect(JSON.stringify(dashboard)).not.toMatch(/Kanarienvogel|Zebulonia/);
    await expect(callerFor(handle.db, cm).reports.dashboard()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("moves the identity with the responsibility on transfer", async () => {
    await expect(callerFor(handle.db, cm).cases.transfer({ caseId, toUserId: otherCm.userId, reason: "Urlaub" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await callerFor(handle.db, coordinator).cases.transfer({
      caseId,
      toUserId: otherCm.userId,
      reason: "Wohnortwechsel innerhalb des Kreises",
    });
    await expect(callerFor(handle.db, otherCm).cases.identity({ caseId })).resolves.toMatchObject({ lastName: canary.lastName });
    await expect(callerFor(handle.db, cm).cases.identity({ caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const transfers = await callerFor(handle.db, coordinator).cases.transfers({ caseId });
    expect(transfers).toHaveLength(1);
    await expect(
      callerFor(handle.db, coordinator).cases.transfer({ caseId, toUserId: coordinator.userId, reason: "x" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("keeps a waiting list and assigns from it", async () => {
    const caller = callerFor(handle.db, coordinator);
    const entry = await caller.cases.addWaitingListEntry({
      reference: "WL-001",
      kommuneId: tenant.kommune.id,
      lifeAreas: ["housing"],
      isUrgent: true,
      addedOn: "2026-11-01",
    });
    await expect(caller.cases.resolveWaitingListEntry({ id: entry.id, status: "assigned" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await caller.cases.resolveWaitingListEntry({ id: entry.id, status: "assigned", assignedUserId: cm.userId });
    const list = await caller.cases.waitingList();
    expect(list.find((e) => e.id === entry.id)).toMatchObject({ status: "assigned", assignedUserId: cm.userId });
    await expect(callerFor(handle.db, cm).cases.waitingList()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
