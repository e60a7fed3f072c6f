import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents, caseIdentities } from "@/db/schema";
import type { Actor } from "../auth/policy";
import type { IdentityInput } from "../schemas/cases";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { findIdentityLeaks } from "./identity-leaks";

const canary = {
  lastName: "Zyxwvaldottir",
  firstName: "Qurbanella",
  birthDate: "1987-03-14",
  street: "Kanarienweg 77",
  phone: "0171 5550199",
};

describe("cases", () => {
  let handle: DatabaseHandle;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  let cm: Actor;
  let otherCm: Actor;
  let coordinator: Actor;
  let networkActor: Actor;
  let bodyMember: Actor;
  let foreignCm: Actor;
  let caseId: string;
  let pseudonym: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    tenant = await createTenant(handle.db);
    cm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    otherCm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    coordinator = await createActor(handle.db, tenant.tenant.id, ["coordinator"]);
    networkActor = await createActor(handle.db, tenant.tenant.id, ["network_actor"]);
    bodyMember = await createActor(handle.db, tenant.tenant.id, ["body_member"]);
    foreignCm = await createActor(handle.db, (await createTenant(handle.db)).tenant.id, ["case_manager"]);
    const created = await callerFor(handle.db, cm).cases.create({
      accessChannel: "screening_referral",
      kommuneId: tenant.kommune.id,
      referringOrganisationId: tenant.organisation.id,
      identity: {
        ...canary,
        authorityContacts: [{ authority: "jobcenter", contactPerson: "Frau Amt", fileNumber: "JC-4711-AZ" }],
      } as IdentityInput,
      screening: { screenedOn: "2026-10-01", problemsByArea: { housing: "Wohnung zu klein" }, verdict: "yes" },
    });
    caseId = created.id;
    pseudonym = created.pseudonym;
  });
  afterAll(() => handle.close());

  it("gives the case a pseudonym and stores the identity encrypted, never in plain text", async () => {
    expect(pseudonym).toMatch(/^[A-Z0-9]{1,4}-2026-\d{4}$/);
    const [row] = await handle.db.select().from(caseIdentities).where(eq(caseIdentities.caseId, caseId));
    const raw = Buffer.from(row!.ciphertext).toString("latin1");
    for (const value of Object.values(canary)) expect(raw).not.toContain(value);
    const dump = JSON.stringify(await handle.db.execute(sql`select * from case_identities`));
    for (const value of Object.values(canary)) expect(dump).not.toContain(value);
  });

  it("shows the identity only to the responsible case manager, and audits every read", async () => {
    const identity = await callerFor(handle.db, cm).cases.identity({ caseId });
    expect(identity).toMatchObject(canary);
    for (const actor of [otherCm, foreignCm]) {
      await expect(callerFor(handle.db, actor).cases.identity({ caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    for (const actor of [coordinator, networkActor, bodyMember]) {
      await expect(callerFor(handle.db, actor).cases.identity({ caseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const reads = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "cases.identity_read"));
    expect(reads.filter((r) => r.targetId === caseId)).toHaveLength(1);
  });

  it("fails closed when the stored ciphertext is altered", async () => {
    const [row] = await handle.db.select().from(caseIdentities).where(eq(caseIdentities.caseId, caseId));
    const flipped = Buffer.from(row!.ciphertext);
    flipped[flipped.length - 1]! ^= 0x01;
    await handle.db.update(caseIdentities).set({ ciphertext: flipped }).where(eq(caseIdentities.caseId, caseId));
    await expect(callerFor(handle.db, cm).cases.identity({ caseId })).rejects.toMatchObject({ code: "CONFLICT" });
    await handle.db.update(caseIdentities).set({ ciphertext: row!.ciphertext }).where(eq(caseIdentities.caseId, caseId));
    await expect(callerFor(handle.db, cm).cases.identity({ caseId })).resolves.toMatchObject({ lastName: canary.lastName });
  });

  it("detects the same person in another open case without saying where", async () => {
    const attempt = callerFor(handle.db, otherCm).cases.create({
      accessChannel: "walk_in",
      kommuneId: null,
      identity: { lastName: "ZYXWVALDÓTTIR", firstName: "qurbanella", birthDate: canary.birthDate } as IdentityInput,
    });
    await expect(attempt).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("bereits in einem anderen Fall"),
    });
    await attempt.catch((error: Error) => expect(error.message).not.toContain(pseudonym));
    const [flag] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "cases.duplicate_person_detected"));
    expect(flag!.details).toEqual({ existingCase: pseudonym });
    const attempts = await callerFor(handle.db, coordinator).cases.duplicateAttempts();
    expect(attempts).toEqual([
      expect.objectContaining({ attemptedBy: otherCm.displayName, existingCase: expect.objectContaining({ id: caseId, pseudonym }) }),
    ]);
    expect(JSON.stringify(attempts)).not.toContain(canary.lastName);
    await expect(callerFor(handle.db, otherCm).cases.duplicateAttempts()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lists cases pseudonymised: own for a case manager, all for the coordination, none across tenants", async () => {
    const own = await callerFor(handle.db, cm).cases.list({});
    expect(own.map((c) => c.pseudonym)).toEqual([pseudonym]);
    expect(await callerFor(handle.db, otherCm).cases.list({})).toEqual([]);
    expect(await callerFor(handle.db, foreignCm).cases.list({})).toEqual([]);
    const all = await callerFor(handle.db, coordinator).cases.list({});
    expect(all.map((c) => c.pseudonym)).toContain(pseudonym);
    const text = JSON.stringify(all);
    for (const value of Object.values(canary)) expect(text).not.toContain(value);
    const overview = await callerFor(handle.db, coordinator).cases.overview({ caseId });
    expect(overview.abilities).toEqual({
      readMetadata: true,
      readContent: false,
      readIdentity: false,
      write: false,
      transfer: true,
      erase: false,
    });
    await expect(callerFor(handle.db, coordinator).cases.intakeFile({ caseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(handle.db, otherCm).cases.intakeFile({ caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(handle.db, otherCm).cases.overview({ caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("admits only with both consents, and a revocation counts at once", async () => {
    const caller = callerFor(handle.db, cm);
    await expect(
      caller.cases.saveIntake({ caseId, conductedOn: "2026-10-05", criteria: ["multidimensional_needs"], decision: "admission" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Für die Aufnahme müssen eine gültige Einverständniserklärung und eine Schweigepflichtentbindung erfasst sein.",
    });
    await caller.cases.addConsent({ caseId, kind: "processing", grantedOn: "2026-10-05" });
    const release = await caller.cases.addConsent({
      caseId,
      kind: "confidentiality_release",
      organisationIds: [tenant.organisation.id],
      grantedOn: "2026-10-05",
    });
    await caller.cases.revokeConsent({ caseId, consentId: release.id });
    await expect(caller.cases.saveIntake({ caseId, conductedOn: "2026-10-05", decision: "admission" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await caller.cases.addConsent({
      caseId,
      kind: "confidentiality_release",
      organisationIds: [tenant.organisation.id],
      grantedOn: "2026-10-05",
    });
    await expect(caller.cases.saveIntake({ caseId, conductedOn: "2026-10-05", decision: "admission" })).resolves.toEqual({
      status: "active",
    });
  });

  it("refuses a consent naming another tenant's organisation", async () => {
    const foreign = await createTenant(handle.db);
    await expect(
      callerFor(handle.db, cm).cases.addConsent({
        caseId,
        kind: "confidentiality_release",
        organisationIds: [foreign.organisation.id],
        grantedOn: "2026-10-05",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("rejects a case summary that contains identity values, naming the field and not the value", async () => {
    const caller = callerFor(handle.db, cm);
    const leaking = caller.cases.saveSummary({
      caseId,
      title: "Fall aus der Kommune",
      body: `Frau ${canary.lastName}, geboren am 14.03.1987, sucht eine Wohnung.`,
    });
    await expect(leaking).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const message = await leaking.catch((error: Error) => error.message);
    expect(message).toContain("Name");
    expect(message).toContain("Geburtsdatum");
    expect(message).not.toContain(canary.lastName);
    await expect(
      caller.cases.saveSummary({ caseId, title: "Fall A", body: "Eine alleinerziehende Frau Mitte 30 sucht eine größere Wohnung." }),
    ).resolves.toMatchObject({ title: "Fall A" });
  });

  it("finds identity values in common spellings", () => {
    const identity = {
      ...canary,
      birthName: "",
      birthPlace: "",
      town: "Gütersloh",
      email: "",
      alsoReachableAt: "",
      authorityContacts: [{ authority: "jobcenter", contactPerson: "", fileNumber: "JC-4711-AZ" }],
    } as unknown as IdentityInput;
    expect(findIdentityLeaks(identity, "wohnt in GUTERSLOH")).toEqual(["town"]);
    expect(findIdentityLeaks(identity, "Tel. 0171/555 0199")).toEqual(["phone"]);
    expect(findIdentityLeaks(identity, "Aktenzeichen jc-4711-az")).toEqual(["authorityContacts.0.fileNumber"]);
    expect(findIdentityLeaks(identity, "geb. 14.3.1987")).toEqual(["birthDate"]);
    expect(findIdentityLeaks(identity, "Eine Familie aus Syrien")).toEqual([]);
  });

  it("documents contacts, counts the caseload, and closes the case", async () => {
    const caller = callerFor(handle.db, cm);
    await caller.cases.addContact({ caseId, contactOn: "2026-10-20", channel: "phone", durationMinutes: 30, topic: "Wohnungssuche" });
    const caseload = await callerFor(handle.db, coordinator).cases.caseload();
    expect(caseload.find((row) => row.userId === cm.userId)).toMatchObject({ caseload: 1, key: 50 });
    await expect(
      caller.cases.close({ caseId, closedOn: "2026-09-01", closingType: "moved_away", situationChange: "improved" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      caller.cases.close({ caseId, closedOn: "2026-11-01", closingType: "agreed_handed_over", situationChange: "improved" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await caller.cases.close({
      caseId,
      closedOn: "2026-11-01",
      closingType: "agreed_handed_over",
      handedOverTo: "MBE",
      situationChange: "improved",
      attainmentByArea: { housing: "fully" },
    });
    const overview = await caller.cases.overview({ caseId });
    expect(overview.status).toBe("closed");
    await expect(
      caller.cases.addContact({ caseId, contactOn: "2026-11-02", channel: "phone", durationMinutes: 10, topic: "Nachfrage" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});
