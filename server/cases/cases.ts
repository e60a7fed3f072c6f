import { and, asc, count, desc, eq, gte, ilike, inArray, isNotNull, ne, notInArray, or, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import {
  assessments as assessmentsTable,
  caseIdentities,
  cases,
  caseSummaries,
  closures,
  consents as consentsTable,
  contacts,
  goalAgreements,
  helpPlanMeasures,
  intakes,
  interimReviews,
  kommunen,
  monthlyReports,
  referrals,
  roleAssignments,
  screenings,
  tenants,
  users,
} from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { can, canSomewhere, reachOf, type Actor } from "../auth/policy";
import { AppError, violatedUniqueConstraint } from "../errors";
import { addDays, addMonths, monthKey, todayInBerlin } from "../schemas/calendar-days";
import type { CreateCaseInput, IdentityInput, ListCasesInput, ScreeningInput } from "../schemas/cases";
import { requireKommuneInTenant } from "../tenancy/kommunen";
import { requireOrganisationInTenant } from "../tenancy/organisations";
import { blindIndexOf, encryptIdentity } from "./identity-crypto";
import { getIdentityKeys } from "./identity-keys";
import { caseAbilities, requireCase } from "./policy";

export const today = () => todayInBerlin();

function pseudonymPrefix(slug: string): string {
  const initials = slug
    .split("-")
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase())
    .join("");
  return initials.slice(0, 4) || "KIM";
}

async function nextPseudonym(db: Executor, tenantId: string, year: number): Promise<string> {
  const [tenant] = await db.select({ slug: tenants.slug }).from(tenants).where(eq(tenants.id, tenantId));
  const prefix = `${pseudonymPrefix(tenant!.slug)}-${year}-`;
  const [row] = await db
    .select({ n: count() })
    .from(cases)
    .where(and(eq(cases.tenantId, tenantId), ilike(cases.pseudonym, `${prefix}%`)));
  return `${prefix}${String((row?.n ?? 0) + 1).padStart(4, "0")}`;
}

/** Is this person already in an open case of the tenant? Answers yes or no, never which case. */
async function findOpenCaseOfPerson(db: Executor, tenantId: string, blindIndex: string) {
  const [row] = await db
    .select({ id: cases.id, pseudonym: cases.pseudonym })
    .from(caseIdentities)
    .innerJoin(cases, eq(cases.id, caseIdentities.caseId))
    .where(
      and(
        eq(caseIdentities.tenantId, tenantId),
        eq(caseIdentities.blindIndex, blindIndex),
        notInArray(cases.status, ["closed", "not_admitted"]),
      ),
    )
    .limit(1);
  return row;
}

export async function createCase(db: Database, actor: Actor, input: CreateCaseInput) {
  if (!can(actor, "cases.work", { tenantId: actor.tenantId, kommuneId: input.kommuneId })) {
    throw new AppError("FORBIDDEN", "errors.forbidden");
  }
  if (input.kommuneId) await requireKommuneInTenant(db, actor.tenantId, input.kommuneId);
  if (input.referringOrganisationId) await requireOrganisationInTenant(db, actor.tenantId, input.referringOrganisationId);
  return openCase(db, {
    tenantId: actor.tenantId,
    responsibleUserId: actor.userId,
    auditActorUserId: actor.userId,
    accessChannel: input.accessChannel,
    kommuneId: input.kommuneId,
    referringOrganisationId: input.referringOrganisationId,
    identity: input.identity,
    screening: input.screening,
    openedOn: input.openedOn,
  });
}

export interface NewCase {
  tenantId: string;
  responsibleUserId: string;
  /** Whom the audit rows name; null when an invited network actor submits without an account. */
  auditActorUserId: string | null;
  accessChannel: CreateCaseInput["accessChannel"];
  kommuneId: string | null;
  referringOrganisationId: string | null;
  identity: IdentityInput;
  screening: ScreeningInput | null;
  /** The day of first contact when it lies in the past; otherwise the screening's date or today. */
  openedOn?: string | null;
  /** Further facts for the audit rows (never identities). */
  auditDetails?: Record<string, unknown>;
  /** Runs first in the case's transaction; throwing rolls everything back. */
  beforeInsert?: (tx: Executor) => Promise<void>;
  /** Runs in the same transaction once the case exists. */
  afterInsert?: (tx: Executor, created: { id: string; pseudonym: string }) => Promise<void>;
}

/**
 * Opens a case for a person: refuses a person already in an open case, numbers the pseudonym,
 * encrypts the identity and writes the audit row in one transaction. Callers check who may do it.
 */
export async function openCase(db: Database, input: NewCase) {
  const keys = getIdentityKeys();
  const blindIndex = blindIndexOf(keys, input.tenantId, input.identity);
  const existing = await findOpenCaseOfPerson(db, input.tenantId, blindIndex);
  if (existing) {
    // The coordination resolves it: the audit row names the existing case's pseudonym, the CM learns nothing.
    await recordAuditEvent(db, {
      tenantId: input.tenantId,
      actorUserId: input.auditActorUserId,
      action: "cases.duplicate_person_detected",
      outcome: "failure",
      target: { type: "case", id: existing.id },
      details: { existingCase: existing.pseudonym, ...input.auditDetails },
    });
    throw new AppError("CONFLICT", "cases.errors.personAlreadyInCaseManagement");
  }
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        await input.beforeInsert?.(tx);
        const openedOn = input.openedOn ?? input.screening?.screenedOn ?? today();
        const pseudonym = await nextPseudonym(tx, input.tenantId, Number(openedOn.slice(0, 4)));
        const [created] = await tx
          .insert(cases)
          .values({
            tenantId: input.tenantId,
            pseudonym,
            kommuneId: input.kommuneId,
            responsibleUserId: input.responsibleUserId,
            status: input.screening ? "screening" : "intake",
            accessChannel: input.accessChannel,
            referringOrganisationId: input.referringOrganisationId,
            openedOn,
          })
          .returning();
        await tx.insert(caseIdentities).values({
          caseId: created!.id,
          tenantId: input.tenantId,
          ciphertext: encryptIdentity(keys, created!.id, JSON.stringify(input.identity)),
          blindIndex,
        });
        if (input.screening) await tx.insert(screenings).values({ caseId: created!.id, ...input.screening });
        await recordAuditEvent(tx, {
          tenantId: input.tenantId,
          actorUserId: input.auditActorUserId,
          action: "cases.case_created",
          target: { type: "case", id: created!.id },
          details: { pseudonym, accessChannel: input.accessChannel, ...input.auditDetails },
        });
        await input.afterInsert?.(tx, { id: created!.id, pseudonym });
        return { id: created!.id, pseudonym };
      });
    } catch (error) {
      // Two case managers numbering at once: take the next number.
      if (violatedUniqueConstraint(error) === "cases_tenant_pseudonym_idx" && attempt < 5) continue;
      throw error;
    }
  }
}

const listColumns = {
  id: cases.id,
  pseudonym: cases.pseudonym,
  status: cases.status,
  kommuneId: cases.kommuneId,
  kommuneName: kommunen.name,
  responsibleUserId: cases.responsibleUserId,
  responsibleName: users.displayName,
  openedOn: cases.openedOn,
  admittedOn: cases.admittedOn,
  closedOn: cases.closedOn,
  lastContactOn: cases.lastContactOn,
  nextReviewOn: cases.nextReviewOn,
};

/**
 * Case lists, pseudonymised: a case manager sees their own cases, the coordination every case of
 * the tenant (or of their Kommune). No identity field is ever part of a list.
 */
export async function listCases(db: Database, actor: Actor, input: ListCasesInput) {
  const coordinated = reachOf(actor, "cases.coordinate");
  const visibility = coordinated.everywhere
    ? undefined
    : or(
        eq(cases.responsibleUserId, actor.userId),
        coordinated.kommuneIds.length ? inArray(cases.kommuneId, coordinated.kommuneIds) : undefined,
      );
  return db
    .select(listColumns)
    .from(cases)
    .leftJoin(kommunen, eq(kommunen.id, cases.kommuneId))
    .leftJoin(users, eq(users.id, cases.responsibleUserId))
    .where(
      and(
        eq(cases.tenantId, actor.tenantId),
        visibility,
        input.status ? eq(cases.status, input.status) : undefined,
        input.kommuneId ? eq(cases.kommuneId, input.kommuneId) : undefined,
        input.search ? ilike(cases.pseudonym, `%${input.search.replace(/[%_\\]/g, "\\$&")}%`) : undefined,
      ),
    )
    .orderBy(desc(cases.openedOn), desc(cases.pseudonym))
    .limit(500);
}

export async function getCaseOverview(db: Database, actor: Actor, caseId: string) {
  const row = await requireCase(db, actor, caseId, "readMetadata");
  const [details] = await db
    .select(listColumns)
    .from(cases)
    .leftJoin(kommunen, eq(kommunen.id, cases.kommuneId))
    .leftJoin(users, eq(users.id, cases.responsibleUserId))
    .where(eq(cases.id, row.id));
  // The Abschlussbogen's structured part goes to the coordination; its free text stays with the case manager.
  const [evaluation] =
    row.status === "closed"
      ? await db
          .select({
            closingType: closures.closingType,
            situationChange: closures.situationChange,
            attainmentByArea: closures.attainmentByArea,
          })
          .from(closures)
          .where(eq(closures.caseId, row.id))
      : [];
  return {
    ...details!,
    accessChannel: row.accessChannel,
    abilities: caseAbilities(actor, row),
    evaluation: evaluation ?? null,
    erasedAt: row.identityErasedAt,
  };
}

/** Reminders for a case manager: reviews due within a week, and cases without contact for three months. */
export async function listCaseReminders(db: Database, actor: Actor) {
  const inAWeek = addDays(today(), 7);
  const threeMonthsAgo = addDays(today(), -91);
  const own = and(eq(cases.tenantId, actor.tenantId), eq(cases.responsibleUserId, actor.userId), eq(cases.status, "active"));
  const reviewsDue = await db
    .select({ id: cases.id, pseudonym: cases.pseudonym, dueOn: cases.nextReviewOn })
    .from(cases)
    .where(and(own, isNotNull(cases.nextReviewOn), sql`${cases.nextReviewOn} <= ${inAWeek}`))
    .orderBy(asc(cases.nextReviewOn));
  const withoutContact = await db
    .select({ id: cases.id, pseudonym: cases.pseudonym, lastContactOn: cases.lastContactOn })
    .from(cases)
    .where(and(own, sql`coalesce(${cases.lastContactOn}, ${cases.admittedOn}, ${cases.openedOn}) < ${threeMonthsAgo}`))
    .orderBy(asc(cases.lastContactOn));
  const month = monthKey(addMonths(today(), -1));
  const [submitted] = await db
    .select({ id: monthlyReports.id })
    .from(monthlyReports)
    .where(and(eq(monthlyReports.userId, actor.userId), eq(monthlyReports.month, `${month}-01`)));
  return { reviewsDue, withoutContact, monthlyReportDue: submitted ? null : month };
}

/**
 * Caseload as the Solingen concept counts it: everyone with at least a first conversation whose
 * case is open, plus every case with a counselling contact (not a short referral) in the last
 * three months, measured against the key of about 50 per full-time position.
 */
export async function listCaseload(db: Database, actor: Actor) {
  if (!canSomewhere(actor, "cases.coordinate") && !canSomewhere(actor, "cases.work")) {
    throw new AppError("FORBIDDEN", "errors.forbidden");
  }
  const threeMonthsAgo = addDays(today(), -91);
  const recentCounselling = db
    .selectDistinct({ caseId: contacts.caseId })
    .from(contacts)
    .where(and(eq(contacts.tenantId, actor.tenantId), ne(contacts.kind, "short_referral"), gte(contacts.contactOn, threeMonthsAgo)));
  const counted = or(
    and(inArray(cases.id, db.select({ caseId: intakes.caseId }).from(intakes)), notInArray(cases.status, ["closed", "not_admitted"])),
    inArray(cases.id, recentCounselling),
  );
  const onlyOwn = canSomewhere(actor, "cases.coordinate") ? undefined : eq(users.id, actor.userId);
  const [tenant] = await db.select({ caseloadKey: tenants.caseloadKey }).from(tenants).where(eq(tenants.id, actor.tenantId));
  const rows = await db
    .select({ userId: users.id, displayName: users.displayName, ownKey: users.caseloadKey, caseload: count(cases.id) })
    .from(users)
    .innerJoin(roleAssignments, and(eq(roleAssignments.userId, users.id), eq(roleAssignments.role, "case_manager")))
    .leftJoin(cases, and(eq(cases.responsibleUserId, users.id), counted))
    .where(and(eq(users.tenantId, actor.tenantId), eq(users.isActive, true), onlyOwn))
    .groupBy(users.id, users.displayName, users.caseloadKey)
    .orderBy(asc(users.displayName));
  return rows.map(({ ownKey, ...row }) => {
    const key = ownKey ?? tenant?.caseloadKey ?? 50;
    return { ...row, key, utilisation: Math.round((row.caseload / key) * 100) };
  });
}

/** Which steps of the cycle a case has been through, for the responsible case manager's overview. */
export async function getCaseProgress(db: Database, actor: Actor, caseId: string) {
  await requireCase(db, actor, caseId, "readContent");
  const tables = {
    screening: screenings,
    intake: intakes,
    consents: consentsTable,
    assessments: assessmentsTable,
    goalAgreements,
    measures: helpPlanMeasures,
    referrals,
    contacts,
    interimReviews,
    closure: closures,
    summaries: caseSummaries,
  };
  const entries = await Promise.all(
    Object.entries(tables).map(async ([step, table]) => {
      const [row] = await db.select({ n: count() }).from(table).where(eq(table.caseId, caseId));
      return [step, row?.n ?? 0] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<keyof typeof tables, number>;
}
