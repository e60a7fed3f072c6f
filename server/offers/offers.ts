import { and, asc, count, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { kommunen, offers, organisations } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Permission } from "../auth/permissions";
import { can, canSomewhere, type Actor } from "../auth/policy";
import { AppError } from "../errors";
import { lifeAreas, type LifeArea } from "../schemas/case-kinds";
import type { CreateOfferInput, ListOffersInput, SetOfferActiveInput, UpdateOfferInput } from "../schemas/offers";
import { requireKommuneInTenant } from "../tenancy/kommunen";

/** Reading is tenant-wide: a Kommune-scoped case manager still needs the county-wide offers. */
function assertMaySomewhere(actor: Actor, permission: Permission) {
  if (!canSomewhere(actor, permission)) throw new AppError("FORBIDDEN", "errors.forbidden");
}

/** Maintaining an offer is scoped to its Kommune; county-wide offers need a tenant-wide grant. */
function assertMayManage(actor: Actor, kommuneId: string | null) {
  if (!can(actor, "offers.manage", { tenantId: actor.tenantId, kommuneId })) {
    throw new AppError("FORBIDDEN", "errors.forbidden");
  }
}

async function requireProviderInTenant(db: Database, tenantId: string, organisationId: string) {
  const [organisation] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), eq(organisations.tenantId, tenantId)));
  if (!organisation) throw new AppError("INVALID_INPUT", "errors.unknownOrganisation", "providerOrganisationId");
}

async function validateReferences(db: Database, tenantId: string, input: CreateOfferInput) {
  if (input.providerOrganisationId) await requireProviderInTenant(db, tenantId, input.providerOrganisationId);
  if (input.kommuneId) await requireKommuneInTenant(db, tenantId, input.kommuneId);
}

const offerColumns = {
  id: offers.id,
  title: offers.title,
  description: offers.description,
  lifeAreas: offers.lifeAreas,
  targetGroup: offers.targetGroup,
  languages: offers.languages,
  contact: offers.contact,
  isActive: offers.isActive,
  providerOrganisationId: offers.providerOrganisationId,
  providerName: organisations.name,
  kommuneId: offers.kommuneId,
  kommuneName: kommunen.name,
  updatedAt: offers.updatedAt,
};

/** Offers joined with their provider's and Kommune's names, both restricted to the same tenant. */
function selectOffers(db: Executor) {
  return db
    .select(offerColumns)
    .from(offers)
    .leftJoin(organisations, and(eq(organisations.id, offers.providerOrganisationId), eq(organisations.tenantId, offers.tenantId)))
    .leftJoin(kommunen, and(eq(kommunen.id, offers.kommuneId), eq(kommunen.tenantId, offers.tenantId)));
}

export type OfferRow = Omit<Awaited<ReturnType<typeof selectOffers>>[number], "lifeAreas"> & {
  lifeAreas: LifeArea[];
};

function toOfferRow(row: Awaited<ReturnType<typeof selectOffers>>[number]): OfferRow {
  return { ...row, lifeAreas: row.lifeAreas.filter((area): area is LifeArea => (lifeAreas as readonly string[]).includes(area)) };
}

/** LIKE wildcards in user input are literal characters. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * Every word must occur in title, description, target group or provider name (substring, any
 * case), or the whole query must match the German full-text index (which finds inflected forms).
 */
function searchCondition(search: string): SQL | undefined {
  const words = search.split(/\s+/).filter(Boolean).slice(0, 10);
  if (words.length === 0) return undefined;
  const fields = [offers.title, offers.description, offers.targetGroup, organisations.name];
  const everyWord = and(...words.map((word) => or(...fields.map((field) => ilike(field, `%${escapeLike(word)}%`)))));
  const document = sql`to_tsvector('german', ${offers.title} || ' ' || ${offers.description} || ' ' || ${offers.targetGroup} || ' ' || coalesce(${organisations.name}, ''))`;
  return or(everyWord, sql`${document} @@ websearch_to_tsquery('german', ${search})`);
}

/** The directory: the actor's tenant only, active offers unless asked otherwise, by title. */
export async function listOffers(db: Database, actor: Actor, input: ListOffersInput) {
  assertMaySomewhere(actor, "offers.read");
  const rows = await selectOffers(db)
    .where(
      and(
        eq(offers.tenantId, actor.tenantId),
        input.includeInactive ? undefined : eq(offers.isActive, true),
        input.search ? searchCondition(input.search) : undefined,
        input.lifeArea ? sql`${input.lifeArea} = any(${offers.lifeAreas})` : undefined,
        input.language
          ? sql`exists (select 1 from unnest(${offers.languages}) as offer_language where lower(offer_language) = lower(${input.language}))`
          : undefined,
        input.kommuneId ? or(eq(offers.kommuneId, input.kommuneId), isNull(offers.kommuneId)) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${offers.title})`), asc(offers.id))
    .limit(input.limit + 1);
  return { offers: rows.slice(0, input.limit).map(toOfferRow), hasMore: rows.length > input.limit };
}

/** The languages offered anywhere in the tenant, once each (first spelling wins), for the filter. */
export async function listOfferLanguages(db: Database, actor: Actor): Promise<string[]> {
  assertMaySomewhere(actor, "offers.read");
  const rows = await db
    .select({ languages: offers.languages })
    .from(offers)
    .where(and(eq(offers.tenantId, actor.tenantId), eq(offers.isActive, true)));
  const byKey = new Map<string, string>();
  for (const language of rows.flatMap((row) => row.languages)) {
    const key = language.toLocaleLowerCase("de");
    if (!byKey.has(key)) byKey.set(key, language);
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, "de"));
}

function auditDetails(input: CreateOfferInput) {
  return {
    title: input.title,
    lifeAreas: input.lifeAreas,
    providerOrganisationId: input.providerOrganisationId,
    kommuneId: input.kommuneId,
  };
}

export async function createOffer(db: Database, actor: Actor, input: CreateOfferInput) {
  assertMayManage(actor, input.kommuneId);
  await validateReferences(db, actor.tenantId, input);
  return db.transaction(async (tx) => {
    const [offer] = await tx
      .insert(offers)
      .values({ ...input, tenantId: actor.tenantId })
      .returning({ id: offers.id, title: offers.title });
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "offers.offer_created",
      target: { type: "offer", id: offer!.id },
      details: auditDetails(input),
    });
    return offer!;
  });
}

/** The offer's Kommune inside the transaction, locked, or NOT_FOUND for ids of other tenants. */
async function lockOffer(tx: Executor, tenantId: string, id: string) {
  const [offer] = await tx
    .select({ id: offers.id, kommuneId: offers.kommuneId, title: offers.title })
    .from(offers)
    .where(and(eq(offers.id, id), eq(offers.tenantId, tenantId)))
    .for("update");
  if (!offer) throw new AppError("NOT_FOUND", "errors.notFound");
  return offer;
}

export async function updateOffer(db: Database, actor: Actor, input: UpdateOfferInput) {
  const { id, ...values } = input;
  assertMayManage(actor, values.kommuneId);
  await validateReferences(db, actor.tenantId, values);
  return db.transaction(async (tx) => {
    const current = await lockOffer(tx, actor.tenantId, id);
    assertMayManage(actor, current.kommuneId);
    const [offer] = await tx
      .update(offers)
      .set(values)
      .where(and(eq(offers.id, id), eq(offers.tenantId, actor.tenantId)))
      .returning({ id: offers.id, title: offers.title });
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "offers.offer_updated",
      target: { type: "offer", id },
      details: auditDetails(values),
    });
    return offer!;
  });
}

/** Offers are never deleted: help plans will point at them. */
export async function setOfferActive(db: Database, actor: Actor, input: SetOfferActiveInput) {
  return db.transaction(async (tx) => {
    const current = await lockOffer(tx, actor.tenantId, input.id);
    assertMayManage(actor, current.kommuneId);
    const [offer] = await tx
      .update(offers)
      .set({ isActive: input.isActive })
      .where(and(eq(offers.id, input.id), eq(offers.tenantId, actor.tenantId)))
      .returning({ id: offers.id, title: offers.title, isActive: offers.isActive });
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: input.isActive ? "offers.offer_reactivated" : "offers.offer_deactivated",
      target: { type: "offer", id: input.id },
      details: { title: current.title },
    });
    return offer!;
  });
}

/** Case, punctuation and spacing do not make a title different: "Sprachkurs A1" = "sprachkurs-a1". */
export function normaliseTitle(title: string): string {
  return title
    .normalize("NFKC")
    .toLocaleLowerCase("de")
    .replace(/ß/g, "ss")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export type DuplicateOfferCandidate =
  { reason: "sameTitle"; offers: OfferRow[] } | { reason: "sameProviderLifeArea"; lifeAreas: LifeArea[]; offers: [OfferRow, OfferRow] };

/**
 * Active offers that may describe the same thing: groups with the same normalised title, and pairs
 * of one provider sharing a life area (unless already grouped by title). The coordination decides.
 */
export async function listDuplicateOfferCandidates(db: Database, actor: Actor): Promise<DuplicateOfferCandidate[]> {
  assertMaySomewhere(actor, "offers.manage");
  const rows = (await selectOffers(db).where(and(eq(offers.tenantId, actor.tenantId), eq(offers.isActive, true))))
    .map(toOfferRow)
    // Sorted here, not by the database, so the order does not depend on the server's collation.
    .sort((a, b) => a.title.localeCompare(b.title, "de") || (a.id < b.id ? -1 : 1));

  const byTitle = new Map<string, OfferRow[]>();
  for (const row of rows) {
    const key = normaliseTitle(row.title);
    byTitle.set(key, [...(byTitle.get(key) ?? []), row]);
  }
  const candidates: DuplicateOfferCandidate[] = [...byTitle.values()]
    .filter((group) => group.length > 1)
    .map((group) => ({ reason: "sameTitle", offers: group }));

  for (const [index, first] of rows.entries()) {
    if (!first.providerOrganisationId) continue;
    for (const second of rows.slice(index + 1)) {
      if (second.providerOrganisationId !== first.providerOrganisationId) continue;
      if (normaliseTitle(first.title) === normaliseTitle(second.title)) continue;
      const shared = first.lifeAreas.filter((area) => second.lifeAreas.includes(area));
      if (shared.length > 0) candidates.push({ reason: "sameProviderLifeArea", lifeAreas: shared, offers: [first, second] });
    }
  }
  return candidates;
}

/**
 * Active offers per life area and Kommune, every combination listed so zeros (gaps) show; county-wide
 * offers are counted under `kommuneId: null`.
 */
export async function listOfferCoverage(db: Database, actor: Actor) {
  assertMaySomewhere(actor, "gaps.read");
  const tenantKommunen = await db
    .select({ id: kommunen.id, name: kommunen.name })
    .from(kommunen)
    .where(eq(kommunen.tenantId, actor.tenantId))
    .orderBy(asc(kommunen.name));
  const areaRows = db
    .select({ lifeArea: sql<string>`unnest(${offers.lifeAreas})`.as("life_area"), kommuneId: offers.kommuneId })
    .from(offers)
    .where(and(eq(offers.tenantId, actor.tenantId), eq(offers.isActive, true)))
    .as("area_rows");
  const counts = await db
    .select({ lifeArea: areaRows.lifeArea, kommuneId: areaRows.kommuneId, activeOffers: count() })
    .from(areaRows)
    .groupBy(areaRows.lifeArea, areaRows.kommuneId);

  const countOf = (lifeArea: LifeArea, kommuneId: string | null) =>
    counts.find((row) => row.lifeArea === lifeArea && row.kommuneId === kommuneId)?.activeOffers ?? 0;
  const columns = [...tenantKommunen.map((kommune) => kommune.id), null];
  return {
    kommunen: tenantKommunen,
    cells: lifeAreas.flatMap((lifeArea) =>
      columns.map((kommuneId) => ({ lifeArea, kommuneId, activeOffers: Number(countOf(lifeArea, kommuneId)) })),
    ),
  };
}
