import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z, ZodError } from "zod";
import type { DatabaseHandle } from "@/db";
import { auditEvents, kommunen, offers, organisations, tenants } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { lifeAreas } from "../schemas/case-kinds";
import { seedDemoTenant } from "../demo/seed-demo-tenant";
import { translateFieldErrors } from "../i18n/translate";
import type { CreateOfferInput } from "../schemas/offers";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { normaliseTitle } from "./offers";

type Caller = ReturnType<typeof callerFor>;
type OfferInput = Parameters<Caller["offers"]["create"]>[0];

async function auditRowsFor(handle: DatabaseHandle, targetId: string) {
  return handle.db
    .select({
      action: auditEvents.action,
      tenantId: auditEvents.tenantId,
      actorUserId: auditEvents.actorUserId,
      targetType: auditEvents.targetType,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .where(eq(auditEvents.targetId, targetId))
    .orderBy(auditEvents.id);
}

async function trpcErrorOf(promise: Promise<unknown>) {
  return promise.then(
    () => ({ code: "OK", message: "", cause: undefined as unknown }),
    (error: { code: string; message: string; cause?: unknown }) => error,
  );
}

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
    handle = await createTestDatabase();
    tenant = await createTenant(handle.db);
    const [kommune] = await handle.db.insert(kommunen).values({ tenantId: tenant.tenant.id, name: "Nordheim" }).returning();
    otherKommuneId = kommune!.id;
    const [organisation] = await handle.db
      .insert(organisations)
      .values({ tenantId: tenant.tenant.id, name: "Sprachschule Nordheim", kind: "sprachkurstraeger" })
      .returning();
    otherOrganisationId = organisation!.id;
    coordinator = await createActor(handle.db, tenant.tenant.id, ["coordinator"]);
    caseManager = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    foreign = await createTenant(handle.db);
    foreignCoordinator = await createActor(handle.db, foreign.tenant.id, ["coordinator"]);
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

  describe("searching and filtering", () => {
    let directory: Awaited<ReturnType<typeof createTenant>>;
    let searcher: Actor;
    let nordheim: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      directory = await createTenant(handle.db);
      const [kommune] = await handle.db.insert(kommunen).values({ tenantId: directory.tenant.id, name: "Nordheim" }).returning();
      nordheim = kommune!.id;
      const [provider] = await handle.db
        .insert(organisations)
        .values({ tenantId: directory.tenant.id, name: "Diakonie Schuldnerhilfe", kind: "wohlfahrtsverband" })
        .returning();
      searcher = await createActor(handle.db, directory.tenant.id, ["case_manager"]);
      const caller = callerFor(handle.db, searcher);
      const inputs: Record<string, CreateOfferInput | OfferInput> = {
        language: offer({
          title: "Integrationskurs mit Alphabetisierung",
          description: "Deutsch lernen mit Kinderbetreuung",
          languages: ["Deutsch"],
          kommuneId: nordheim,
        }),
        debts: offer({
          title: "Budgetberatung",
          description: "Haushaltsplan und Gläubigerverhandlung",
          lifeAreas: ["finances"],
          providerOrganisationId: provider!.id,
          languages: ["Deutsch", "Türkisch"],
        }),
        youth: offer({
          title: "Jugendmigrationsdienst",
          targetGroup: "Junge Menschen von 12 bis 27 Jahren",
          lifeAreas: ["education_work", "migration"],
          languages: ["Arabisch", "Englisch"],
          kommuneId: directory.kommune.id,
        }),
        percent: offer({ title: "100% Chancen", lifeAreas: ["social"], kommuneId: directory.kommune.id }),
        health: offer({
          title: "Psychosoziale Beratungen für Geflüchtete",
          lifeAreas: ["health"],
          languages: ["Farsi", "Arabisch"],
          kommuneId: nordheim,
        }),
      };
      for (const [key, input] of Object.entries(inputs)) ids[key] = (await caller.offers.create(input)).id;
      const inactive = await caller.offers.create(offer({ title: "Alter Integrationskurs", kommuneId: nordheim }));
      await caller.offers.setActive({ id: inactive.id, isActive: false });
      ids.inactive = inactive.id;
    });

    const found = async (input: Parameters<Caller["offers"]["list"]>[0]) =>
      (await callerFor(handle.db, searcher).offers.list(input)).offers.map((o) => o.id).sort();
    const idsOf = (...keys: string[]) => keys.map((key) => ids[key]!).sort();

    it("lists the tenant's active offers by title, with provider and Kommune names", async () => {
      const result = await callerFor(handle.db, searcher).offers.list({});
      expect(result.hasMore).toBe(false);
      expect(result.offers.map((o) => o.title)).toEqual([
        "100% Chancen",
        "Budgetberatung",
        "Integrationskurs mit Alphabetisierung",
        "Jugendmigrationsdienst",
        "Psychosoziale Beratungen für Geflüchtete",
      ]);
      expect(result.offers.find((o) => o.id === ids.debts)).toMatchObject({ providerName: "Diakonie Schuldnerhilfe", kommuneName: null });
      expect(result.offers.find((o) => o.id === ids.language)).toMatchObject({ kommuneName: "Nordheim", providerName: null });
    });

    it("searches title, description, target group and provider name, ignoring case", async () => {
      expect(await found({ search: "integrationskurs" })).toEqual(idsOf("language"));
      expect(await found({ search: "KINDERBETREUUNG" })).toEqual(idsOf("language"));
      expect(await found({ search: "junge menschen" })).toEqual(idsOf("youth"));
      expect(await found({ search: "Schuldnerhilfe" })).toEqual(idsOf("debts"));
      // Every word must match somewhere, not necessarily in the same field.
      expect(await found({ search: "Budget Diakonie" })).toEqual(idsOf("debts"));
      expect(await found({ search: "Budget Nordheim" })).toEqual([]);
    });

    it("finds inflected forms through the German full-text search", async () => {
      expect(await found({ search: "Beratung Geflüchteter" })).toEqual(idsOf("health"));
    });

    it("treats LIKE wildcards in the search as plain characters", async () => {
      expect(await found({ search: "100%" })).toEqual(idsOf("percent"));
      expect(await found({ search: "%" })).toEqual(idsOf("percent"));
      expect(await found({ search: "_" })).toEqual([]);
    });

    it("filters by life area, language (any case) and Kommune, county-wide offers included", async () => {
      expect(await found({ lifeArea: "education_work" })).toEqual(idsOf("language", "youth"));
      expect(await found({ lifeArea: "housing" })).toEqual([]);
      expect(await found({ language: "arabisch" })).toEqual(idsOf("youth", "health"));
      expect(await found({ kommuneId: nordheim })).toEqual(idsOf("language", "health", "debts"));
      expect(await found({ kommuneId: nordheim, lifeArea: "education_work", language: "Deutsch" })).toEqual(idsOf("language"));
      expect(await found({ search: "", lifeArea: "", language: "", kommuneId: "" })).toHaveLength(5);
    });

    it("includes inactive offers only when asked", async () => {
      expect(await found({ search: "Integrationskurs" })).toEqual(idsOf("language"));
      expect(await found({ search: "Integrationskurs", includeInactive: true })).toEqual(idsOf("language", "inactive"));
    });

    it("pages by a limit and says when there are more", async () => {
      const result = await callerFor(handle.db, searcher).offers.list({ limit: 2 });
      expect(result.offers.map((o) => o.title)).toEqual(["100% Chancen", "Budgetberatung"]);
      expect(result.hasMore).toBe(true);
    });

    it("offers the languages in use, once each", async () => {
      expect(await callerFor(handle.db, searcher).offers.languages()).toEqual(["Arabisch", "Deutsch", "Englisch", "Farsi", "Türkisch"]);
    });

    it("never shows offers of another tenant", async () => {
      expect(await found({ search: "Migrationsberatung für Erwachsene" })).toEqual([]);
      // Another tenant's Kommune filters like a Kommune that does not exist: county-wide offers only.
      expect(await found({ kommuneId: tenant.kommune.id })).toEqual(idsOf("debts"));
    });
  });

  describe("duplicate candidates", () => {
    it("groups equal normalised titles and pairs one provider's offers sharing a life area", async () => {
      const cleanup = await createTenant(handle.db);
      const [school] = await handle.db
        .insert(organisations)
        .values({ tenantId: cleanup.tenant.id, name: "Sprachschule", kind: "sprachkurstraeger" })
        .returning();
      const actor = await createActor(handle.db, cleanup.tenant.id, ["coordinator"]);
      const caller = callerFor(handle.db, actor);
      const create = async (values: Partial<OfferInput>) => (await caller.offers.create(offer(values))).id;
      const mbe = await create({
        title: "Migrationsberatung (MBE)",
        lifeAreas: ["migration"],
        providerOrganisationId: cleanup.organisation.id,
      });
      const mbeAgain = await create({
        title: "  migrationsberatung – MBE",
        lifeAreas: ["migration"],
        providerOrganisationId: cleanup.organisation.id,
      });
      const mbeThird = await create({ title: "MIGRATIONSBERATUNG MBE", lifeAreas: ["legal_status"] });
      const a1 = await create({ title: "Deutschkurs A1", lifeAreas: ["education_work"], providerOrganisationId: school!.id });
      const b1 = await create({ title: "Deutschkurs B1", lifeAreas: ["education_work", "social"], providerOrganisationId: school!.id });
      await create({ title: "Elterncafé", lifeAreas: ["family"], providerOrganisationId: school!.id });
      await create({ title: "Schuldnerberatung", lifeAreas: ["finances"], providerOrganisationId: cleanup.organisation.id });
      const inactive = await create({ title: "Deutschkurs A1", lifeAreas: ["education_work"], providerOrganisationId: school!.id });
      await caller.offers.setActive({ id: inactive, isActive: false });

      const candidates = await caller.offers.duplicateCandidates();
      const idsOf = (candidate: (typeof candidates)[number]) => candidate.offers.map((o) => o.id).sort();
      expect(candidates).toHaveLength(2);
      expect(candidates[0]).toMatchObject({ reason: "sameTitle" });
      expect(idsOf(candidates[0]!)).toEqual([mbe, mbeAgain, mbeThird].sort());
      expect(candidates[1]).toMatchObject({ reason: "sameProviderLifeArea", lifeAreas: ["education_work"] });
      expect(idsOf(candidates[1]!)).toEqual([a1, b1].sort());
      // The other tenant's coordinator sees none of it.
      expect(await callerFor(handle.db, foreignCoordinator).offers.duplicateCandidates()).toEqual([]);
    });

    it("normalises case, punctuation, spacing and ß", () => {
      expect(normaliseTitle("  Straßen-Sozialarbeit (Nord) ")).toBe("strassen sozialarbeit nord");
      expect(normaliseTitle("STRASSEN SOZIALARBEIT – NORD")).toBe("strassen sozialarbeit nord");
    });
  });

  describe("coverage", () => {
    it("counts active offers per life area and Kommune, zeros included", async () => {
      const mapped = await createTenant(handle.db);
      const [second] = await handle.db.insert(kommunen).values({ tenantId: mapped.tenant.id, name: "Am See" }).returning();
      const actor = await createActor(handle.db, mapped.tenant.id, ["coordinator"]);
      const caller = callerFor(handle.db, actor);
      await caller.offers.create(offer({ lifeAreas: ["housing", "finances"], kommuneId: mapped.kommune.id }));
      await caller.offers.create(offer({ lifeAreas: ["housing"], kommuneId: mapped.kommune.id }));
      await caller.offers.create(offer({ lifeAreas: ["health"], kommuneId: null }));
      const inactive = await caller.offers.create(offer({ lifeAreas: ["family"], kommuneId: second!.id }));
      await caller.offers.setActive({ id: inactive.id, isActive: false });

      const coverage = await caller.offers.coverage();
      expect(coverage.kommunen.map((k) => k.id).sort()).toEqual([mapped.kommune.id, second!.id].sort());
      expect(coverage.cells).toHaveLength(8 * 3);
      const nonZero = coverage.cells
        .filter((cell) => cell.activeOffers > 0)
        .map((cell) => [cell.lifeArea, cell.kommuneId, cell.activeOffers]);
      expect(nonZero).toEqual([
        ["finances", mapped.kommune.id, 1],
        ["health", null, 1],
        ["housing", mapped.kommune.id, 2],
      ]);
      expect(coverage.cells.find((cell) => cell.lifeArea === "family" && cell.kommuneId === second!.id)).toEqual({
        lifeArea: "family",
        kommuneId: second!.id,
        activeOffers: 0,
      });
    });
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

  describe("random offer-shaped input", () => {
    const text = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 250 }),
      fc.constantFrom(
        "",
        " ",
        "%",
        "_",
        "\\",
        "'; DROP TABLE offers; --",
        "a & b | !c",
        '"Beratung" -Schulden',
        "x".repeat(201),
        "Kurs\u0000",
      ),
    );
    const id = fc.oneof(fc.uuid(), fc.constantFrom("", "nordheim"));
    const refusals = new Set(["BAD_REQUEST", "NOT_FOUND", "FORBIDDEN"]);
    const expectClearAnswer = async (promise: Promise<unknown>) => {
      try {
        await promise;
      } catch (error) {
        expect(error).toBeInstanceOf(TRPCError);
        expect(refusals, (error as Error).message).toContain((error as TRPCError).code);
      }
    };

    it("searches and filters with anything without a server error", async () => {
      const caller = callerFor(handle.db, caseManager);
      await fc.assert(
        fc.asyncProperty(
          fc.record(
            {
              search: text,
              language: text,
              lifeArea: fc.constantFrom(...lifeAreas, "", "space"),
              kommuneId: id,
              includeInactive: fc.boolean(),
              limit: fc.integer({ min: -1, max: 300 }),
            },
            { requiredKeys: [] },
          ),
          async (input) => expectClearAnswer(caller.offers.list(input as never)),
        ),
        { numRuns: 60 },
      );
    });

    it("creates and updates with anything without a server error", async () => {
      const caller = callerFor(handle.db, coordinator);
      const existing = await caller.offers.create(offer({ title: "Ziel der Zufallseingaben" }));
      await fc.assert(
        fc.asyncProperty(
          fc.record(
            {
              title: fc.oneof(text, fc.constantFrom("Sprachkurs A1", "Beratung für Geflüchtete")),
              description: text,
              targetGroup: text,
              contact: text,
              lifeAreas: fc.oneof(
                fc.subarray([...lifeAreas], { minLength: 1 }),
                fc.array(fc.constantFrom(...lifeAreas, "space"), { maxLength: 10 }),
              ),
              languages: fc.oneof(
                fc.array(fc.constantFrom("Deutsch", " Arabisch ", "türkisch", "Türkisch"), { maxLength: 5 }),
                fc.array(text, { maxLength: 22 }),
              ),
              providerOrganisationId: fc.oneof(id, fc.constant(tenant.organisation.id), fc.constant(foreign.organisation.id)),
              kommuneId: fc.oneof(id, fc.constant(tenant.kommune.id), fc.constant(foreign.kommune.id), fc.constant(null)),
            },
            { requiredKeys: [] },
          ),
          fc.boolean(),
          async (input, update) =>
            expectClearAnswer(update ? caller.offers.update({ ...input, id: existing.id } as never) : caller.offers.create(input as never)),
        ),
        { numRuns: 60 },
      );
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

describe("demo offers of Kreis Beispiel", () => {
  let handle: DatabaseHandle;
  let coordinator: Actor;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDemoTenant(handle.db, "Demo-Passwort-fuer-Tests-2026");
    const [tenant] = await handle.db.select().from(tenants).where(eq(tenants.slug, "kreis-beispiel"));
    coordinator = await createActor(handle.db, tenant!.id, ["coordinator"]);
  });
  afterAll(() => handle.close());

  it("seeds the directory with one deliberate duplicate, one provider overlap and visible gaps", async () => {
    const caller = callerFor(handle.db, coordinator);
    const listed = await caller.offers.list({});
    expect(listed.offers).toHaveLength(16);
    expect((await caller.offers.list({ includeInactive: true })).offers).toHaveLength(17);
    const candidates = await caller.offers.duplicateCandidates();
    expect(candidates.map((candidate) => [candidate.reason, candidate.offers.map((o) => o.title).sort()])).toEqual([
      ["sameTitle", ["Migrationsberatung für erwachsene Zugewanderte (MBE)", "Migrationsberatung für erwachsene Zugewanderte – MBE"]],
      ["sameProviderLifeArea", ["Berufssprachkurs B1/B2", "Integrationskurs mit Alphabetisierung"]],
    ]);
    const coverage = await caller.offers.coverage();
    const amSee = coverage.kommunen.find((kommune) => kommune.name === "Am See")!;
    expect(coverage.cells.filter((cell) => cell.kommuneId === amSee.id).every((cell) => cell.activeOffers === 0)).toBe(true);
    expect(coverage.cells.find((cell) => cell.lifeArea === "legal_status" && cell.kommuneId === null)!.activeOffers).toBe(3);
  });
});
