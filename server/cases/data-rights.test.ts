import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { cases, caseIdentities, contacts, formDrafts, tenants } from "@/db/schema";
import type { Actor } from "../auth/policy";
import type { IdentityInput } from "../schemas/cases";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { eraseExpiredCases } from "./erasure";
import { personDataPdf } from "./person-data-pdf";

const canary = { lastName: "Quastenflosser", firstName: "Ortrun", birthDate: "1970-07-07", street: "Canaryweg 1" } as IdentityInput;

async function databaseText(handle: DatabaseHandle): Promise<string> {
  // Every user table as JSON text: a stand-in for a dump, searched for the canary values.
  const tables = await handle.db.execute<{ tablename: string }>(sql`select tablename from pg_tables where schemaname = 'public'`);
  const names = (Array.isArray(tables) ? tables : (tables as { rows: { tablename: string }[] }).rows).map((r) => r.tablename);
  let text = "";
  for (const name of names) {
    const rows = await handle.db.execute(sql`select * from ${sql.identifier(name)}`);
    text += JSON.stringify(Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows);
  }
  return text;
}

describe("data subject rights", () => {
  let handle: DatabaseHandle;
  let cm: Actor;
  let otherCm: Actor;
  let coordinator: Actor;
  let caseId: string;
  let tenantId: string;
  let organisationName: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const tenant = await createTenant(handle.db);
    tenantId = tenant.tenant.id;
    organisationName = tenant.organisation.name;
    cm = await createActor(handle.db, tenantId, ["case_manager"]);
    otherCm = await createActor(handle.db, tenantId, ["case_manager"]);
    coordinator = await createActor(handle.db, tenantId, ["coordinator"]);
    const caller = callerFor(handle.db, cm);
    caseId = (await caller.cases.create({ accessChannel: "walk_in", kommuneId: null, identity: canary })).id;
    await caller.cases.addConsent({ caseId, kind: "processing", grantedOn: "2020-01-01" });
    await caller.cases.addConsent({
      caseId,
      kind: "confidentiality_release",
      organisationIds: [tenant.organisation.id],
      grantedOn: "2020-01-01",
    });
    await caller.cases.saveIntake({
      caseId,
      conductedOn: "2020-01-02",
      decision: "admission",
      reason: `Frau ${canary.lastName} kam allein`,
    });
    await caller.cases.addContact({
      caseId,
      contactOn: "2020-02-01",
      channel: "phone",
      durationMinutes: 20,
      topic: `Rückruf ${canary.lastName}`,
    });
    await caller.cases.saveDraft({ caseId, formKey: "identity", fields: { street: [canary.street] } });
    await caller.cases.close({
      caseId,
      closedOn: "2020-03-01",
      closingType: "moved_away",
      situationChange: "improved",
      reflection: `${canary.firstName} zog weg`,
    });
  });
  afterAll(() => handle.close());

  it("exports everything about the person, with recipients and access log, only to the responsible case manager", async () => {
    const data = await callerFor(handle.db, cm).cases.exportPersonData({ caseId });
    expect(data.identity).toMatchObject({ lastName: canary.lastName, street: canary.street });
    expect(data.recipients).toEqual([organisationName]);
    expect(data.contacts).toHaveLength(1);
    expect(data.closure?.closingType).toBe("moved_away");
    expect(data.accessLog.map((entry) => entry.action)).toContain("cases.case_created");
    const pdf = await personDataPdf(data);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await expect(callerFor(handle.db, otherCm).cases.exportPersonData({ caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(handle.db, coordinator).cases.exportPersonData({ caseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("drops unsaved drafts when the case is closed, and any left when the identity is erased", async () => {
    expect(await handle.db.select().from(formDrafts).where(eq(formDrafts.caseId, caseId))).toEqual([]);
  });

  it("erases identity and free text after the retention period, and keeps the statistics", async () => {
    await handle.db.insert(formDrafts).values({ caseId, userId: cm.userId, formKey: "identity", ciphertext: Buffer.from("stale draft") });
    await handle.db.update(tenants).set({ identityRetentionDays: 30 }).where(eq(tenants.id, tenantId));
    expect((await eraseExpiredCases(handle.db, "2020-03-15")).erased).toHaveLength(0);
    expect((await eraseExpiredCases(handle.db, "2020-04-15")).erased).toHaveLength(1);
    expect((await eraseExpiredCases(handle.db, "2020-04-16")).erased).toHaveLength(0);
    expect(await handle.db.select().from(caseIdentities).where(eq(caseIdentities.caseId, caseId))).toEqual([]);
    expect(await handle.db.select().from(formDrafts).where(eq(formDrafts.caseId, caseId))).toEqual([]);
    const text = await databaseText(handle);
    for (const value of [canary.lastName, canary.firstName, canary.street]) expect(text).not.toContain(value);
    const [row] = await handle.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({ status: "closed", closedOn: "2020-03-01" });
    expect(row!.identityErasedAt).not.toBeNull();
    const [contact] = await handle.db.select().from(contacts).where(eq(contacts.caseId, caseId));
    expect(contact).toMatchObject({ durationMinutes: 20, channel: "phone", topic: "" });
    const dashboard = await callerFor(handle.db, coordinator).reports.dashboard();
    expect(dashboard.byClosingType).toEqual([{ closingType: "moved_away", count: 1 }]);
  });
});
