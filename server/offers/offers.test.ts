import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z, ZodError } from "zod";
import type { DatabaseHandle } from "@/db";
import { auditEvents, offers } from "@/db/schema";
import type { Actor } from "../auth/policy";

import { translateFieldErrors } from "../i18n/translate";
import { callerFor, createActor, createTenant } from "../test/factories";
import { setUpOffers, OfferInput, auditRowsFor, trpcErrorOf } from "./test-fixture";

describe("offer database", () => {
  let handle: DatabaseHandle;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  let otherKommuneId: string;
  let otherOrganisationId: string;
  let coordinator: Actor;
  let caseManager: Actor;
  let foreign: Awaited<ReturnType<typeof createTenant>>;
  let foreignCoordinator: Actor;

  const offer = (values: Partial<OfferInput> = {}): OfferInput => ({
    title: "Sprachcafé",
    lifeAreas: ["education_work"],
    ...values,
  });

  beforeAll(async () => {
    ({ handle, tenant, otherKommuneId, otherOrganisationId, coordinator, caseManager, foreign, foreignCoordinator } = await setUpOffers());
  });
  afterAll(() => handle.close());

  it("creates an offer with clean values and audits it in the same tenant", async () => {
    const created = await callerFor(handle.db, caseManager).offers.create({
      title: "  Migrationsberatung für Erwachsene ",
      providerOrganisationId: tenant.organisation.id,
      description: "Beratung zu Aufenthalt\nund Behördenpost",
      lifeAreas: ["migration", "legal_status", "migration"],
      targetGroup: "Zugewanderte ab 27 Jahren",
      languages: [" Deutsch", "Arabisch", "deutsch "],
      kommuneId: tenant.kommune.id,
      contact: "Telefon 0123 456",
    });
    expect(created.title).toBe("Migrationsberatung für Erwachsene");
    const [row] = await handle.db.select().from(offers).where(eq(offers.id, created.id));
    expect(row).toMatchObject({
      tenantId: tenant.tenant.id,
      lifeAreas: ["legal_status", "migration"],
      languages: ["Deutsch", "Arabisch"],
      description: "Beratung zu Aufenthalt\nund Behördenpost",
      isActive: true,
    });
    expect(await auditRowsFor(handle, created.id)).toEqual([
      {
        action: "offers.offer_created",
        tenantId: tenant.tenant.id,
        actorUserId: caseManager.userId,
        targetType: "offer",
        details: {
          title: "Migrationsberatung für Erwachsene",
          lifeAreas: ["legal_status", "migration"],
          providerOrganisationId: tenant.organisation.id,
          kommuneId: tenant.kommune.id,
        },
      },
    ]);
  });

  it("updates an offer, replacing every field, and audits it", async () => {
    const caller = callerFor(handle.db, coordinator);
    const created = await caller.offers.create(offer({ title: "Elterncafe", languages: ["Deutsch"] }));
    await caller.offers.update({
      id: created.id,
      title: "Elterncafé mit Kinderbetreuung",
      lifeAreas: ["family", "social"],
      kommuneId: otherKommuneId,
      providerOrganisationId: "",
      languages: ["Deutsch", "Türkisch"],
    });
    const [row] = await handle.db.select().from(offers).where(eq(offers.id, created.id));
    expect(row).toMatchObject({
      title: "Elterncafé mit Kinderbetreuung",
      lifeAreas: ["family", "social"],
      kommuneId: otherKommuneId,
      providerOrganisationId: null,
      languages: ["Deutsch", "Türkisch"],
      description: "",
    });
    expect((await auditRowsFor(handle, created.id)).map((event) => event.action)).toEqual(["offers.offer_created", "offers.offer_updated"]);
  });

  it("deactivates instead of deleting, hides inactive offers by default, and reactivates", async () => {
    const caller = callerFor(handle.db, caseManager);
    const created = await caller.offers.create(offer({ title: "Nähcafé Westviertel" }));
    const deactivated = await caller.offers.setActive({ id: created.id, isActive: false });
    expect(deactivated).toMatchObject({ id: created.id, isActive: false });
    expect((await caller.offers.list({ search: "Nähcafé" })).offers).toEqual([]);
    const withInactive = await caller.offers.list({ search: "Nähcafé", includeInactive: true });
    expect(withInactive.offers.map((o) => [o.title, o.isActive])).toEqual([["Nähcafé Westviertel", false]]);
    await caller.offers.setActive({ id: created.id, isActive: true });
    expect((await caller.offers.list({ search: "Nähcafé" })).offers.map((o) => o.id)).toEqual([created.id]);
    const [row] = await handle.db.select().from(offers).where(eq(offers.id, created.id));
    expect(row!.isActive).toBe(true);
    expect((await auditRowsFor(handle, created.id)).map((event) => event.action)).toEqual([
      "offers.offer_created",
      "offers.offer_deactivated",
      "offers.offer_reactivated",
    ]);
  });

  describe("tenant isolation", () => {
    it("refuses another tenant's provider and Kommune like unknown ones", async () => {
      const caller = callerFor(handle.db, coordinator);
      await expect(caller.offers.create(offer({ providerOrganisationId: foreign.organisation.id }))).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "Diese Organisation gibt es in Ihrem Programm nicht.",
      });
      await expect(caller.offers.create(offer({ kommuneId: foreign.kommune.id }))).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "Diese Kommune gibt es in Ihrem Programm nicht.",
      });
      const error = await trpcErrorOf(caller.offers.create(offer({ providerOrganisationId: foreign.organisation.id })));
      expect(error.cause).toMatchObject({ field: "providerOrganisationId" });
    });

    it("answers NOT_FOUND for another tenant's offer and leaves it unchanged", async () => {
      const theirs = await callerFor(handle.db, foreignCoordinator).offers.create(offer({ title: "Fremdes Angebot" }));
      const caller = callerFor(handle.db, coordinator);
      await expect(caller.offers.update({ id: theirs.id, ...offer({ title: "Übernommen" }) })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(caller.offers.setActive({ id: theirs.id, isActive: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
      const [row] = await handle.db.select().from(offers).where(eq(offers.id, theirs.id));
      expect(row).toMatchObject({ title: "Fremdes Angebot", isActive: true, tenantId: foreign.tenant.id });
      expect((await auditRowsFor(handle, theirs.id)).map((event) => event.action)).toEqual(["offers.offer_created"]);
    });

    it("moves an offer only to a Kommune and provider of the own tenant", async () => {
      const caller = callerFor(handle.db, coordinator);
      const mine = await caller.offers.create(offer({ title: "Eigenes Angebot", providerOrganisationId: otherOrganisationId }));
      await expect(caller.offers.update({ id: mine.id, ...offer({ kommuneId: foreign.kommune.id }) })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
      const [row] = await handle.db.select().from(offers).where(eq(offers.id, mine.id));
      expect(row).toMatchObject({ title: "Eigenes Angebot", kommuneId: null, providerOrganisationId: otherOrganisationId });
    });
  });

  describe("validation", () => {
    it("names each bad field with a German catalogue message", async () => {
      const error = await trpcErrorOf(
        callerFor(handle.db, caseManager).offers.create({ title: " ", lifeAreas: [], languages: ["Deutsch", " "], kommuneId: "nordheim" }),
      );
      expect(error.code).toBe("BAD_REQUEST");
      expect(translateFieldErrors(z.flattenError(error.cause as ZodError).fieldErrors)).toEqual({
        title: ["Bitte geben Sie einen Titel mit mindestens 2 Zeichen an."],
        lifeAreas: ["Bitte wählen Sie mindestens einen Lebensbereich."],
        languages: ["Bitte geben Sie jede Sprache mit Namen an."],
        kommuneId: ["Ungültige Auswahl."],
      });
    });

    it("rejects extra keys, such as a smuggled tenant id", async () => {
      const caller = callerFor(handle.db, coordinator);
      const before = await handle.db.select({ id: offers.id }).from(offers).where(eq(offers.tenantId, foreign.tenant.id));
      await expect(
        caller.offers.create({ ...offer({ title: "Untergeschoben" }), tenantId: foreign.tenant.id } as OfferInput),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
      await expect(caller.offers.list({ isActive: false } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
      const mine = await caller.offers.create(offer());
      await expect(caller.offers.setActive({ id: mine.id, isActive: false, tenantId: foreign.tenant.id } as never)).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
      await expect(caller.offers.update({ id: mine.id, ...offer(), isActive: false } as never)).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
      const after = await handle.db.select({ id: offers.id }).from(offers).where(eq(offers.tenantId, foreign.tenant.id));
      expect(after).toEqual(before);
    });

    it("refuses control characters and over-long text", async () => {
      const caller = callerFor(handle.db, coordinator);
      await expect(caller.offers.create(offer({ title: "Kurs\u0000A1" }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(caller.offers.create(offer({ description: "x".repeat(4001) }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(caller.offers.list({ search: "Kurs\u0000" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(caller.offers.list({ search: "x".repeat(201) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    });
  });

  describe("permissions", () => {
    it("refuses network actors and body members every offer procedure with FORBIDDEN", async () => {
      for (const role of ["network_actor", "body_member"] as const) {
        const actor = await createActor(handle.db, tenant.tenant.id, [role]);
        const caller = callerFor(handle.db, actor);
        await expect(caller.offers.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
        await expect(caller.offers.languages()).rejects.toMatchObject({ code: "FORBIDDEN" });
        await expect(caller.offers.create(offer())).rejects.toMatchObject({ code: "FORBIDDEN" });
        await expect(caller.offers.update({ id: tenant.kommune.id, ...offer() })).rejects.toMatchObject({ code: "FORBIDDEN" });
        await expect(caller.offers.setActive({ id: tenant.kommune.id, isActive: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
        await expect(caller.offers.duplicateCandidates()).rejects.toMatchObject({ code: "FORBIDDEN" });
        await expect(caller.offers.coverage()).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
      const denied = await handle.db
        .select({ targetId: auditEvents.targetId })
        .from(auditEvents)
        .where(and(eq(auditEvents.tenantId, tenant.tenant.id), eq(auditEvents.action, "auth.access_denied")));
      expect(denied.filter((row) => row.targetId === "offers.create")).toHaveLength(2);
    });

    it("keeps the coverage grid for the coordination", async () => {
      await expect(callerFor(handle.db, caseManager).offers.coverage()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(callerFor(handle.db, coordinator).offers.coverage()).resolves.toBeTruthy();
    });

    it("limits a Kommune-scoped case manager to offers of that Kommune, but lets them read all", async () => {
      const scoped = await createActor(handle.db, tenant.tenant.id, [{ role: "case_manager", kommuneId: otherKommuneId }]);
      const caller = callerFor(handle.db, scoped);
      const own = await caller.offers.create(offer({ title: "Hausaufgabenhilfe Nordheim", kommuneId: otherKommuneId }));
      await expect(caller.offers.create(offer({ kommuneId: tenant.kommune.id }))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.offers.create(offer({ kommuneId: null }))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.offers.update({ id: own.id, ...offer({ kommuneId: tenant.kommune.id }) })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      const countywide = await callerFor(handle.db, coordinator).offers.create(offer({ title: "Kreisweite Hotline" }));
      await expect(caller.offers.setActive({ id: countywide.id, isActive: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
      const listed = await caller.offers.list({ search: "Hotline" });
      expect(listed.offers.map((o) => o.id)).toEqual([countywide.id]);
    });
  });
});
