import { TRPCError } from "@trpc/server";

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { kommunen, organisations } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { lifeAreas } from "../schemas/case-kinds";
import type { CreateOfferInput } from "../schemas/offers";
import { callerFor, createActor, createTenant } from "../test/factories";
import { normaliseTitle } from "./offers";
import { setUpOffers, Caller, OfferInput } from "./test-fixture";

describe("offer database: search, duplicates and coverage", () => {
  let handle: DatabaseHandle;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
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
    ({ handle, tenant, coordinator, caseManager, foreign, foreignCoordinator } = await setUpOffers());
  });
  afterAll(() => handle.close());

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
});
