import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { cases, consents, contacts, intakes, screenings } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { announceConsentChanged } from "../events/notices";
import { AppError } from "../errors";
import type { AddConsentInput, SaveIntakeInput, ScreeningInput } from "../schemas/cases";
import { requireOrganisationInTenant } from "../tenancy/organisations";
import { today } from "./cases";
import { requireCase } from "./policy";

export async function getIntakeFile(db: Database, actor: Actor, caseId: string) {
  await requireCase(db, actor, caseId, "readContent");
  const [screening] = await db.select().from(screenings).where(eq(screenings.caseId, caseId));
  const [intake] = await db.select().from(intakes).where(eq(intakes.caseId, caseId));
  const consentRows = await db.select().from(consents).where(eq(consents.caseId, caseId)).orderBy(asc(consents.createdAt));
  return { screening: screening ?? null, intake: intake ?? null, consents: consentRows };
}

export async function saveScreening(db: Database, actor: Actor, caseId: string, screening: ScreeningInput) {
  await requireCase(db, actor, caseId, "write");
  await db.transaction(async (tx) => {
    await tx
      .insert(screenings)
      .values({ caseId, ...screening })
      .onConflictDoUpdate({ target: screenings.caseId, set: screening });
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.screening_saved",
      target: { type: "case", id: caseId },
    });
  });
  return { ok: true as const };
}

/** Consents in force on a day: not revoked, not expired. Revocation counts from its moment on. */
export function validConsentCondition(caseId: string, onDay = today()) {
  return and(
    eq(consents.caseId, caseId),
    isNull(consents.revokedAt),
    sql`${consents.grantedOn} <= ${onDay}`,
    or(isNull(consents.validUntil), sql`${consents.validUntil} >= ${onDay}`),
  );
}

export async function listValidConsents(db: Executor, caseId: string) {
  return db.select().from(consents).where(validConsentCondition(caseId));
}

/** Organisations the case's information may be shared with right now (valid Schweigepflichtentbindungen). */
export async function organisationsCoveredByConsent(db: Executor, caseId: string): Promise<Set<string>> {
  const valid = await listValidConsents(db, caseId);
  return new Set(valid.filter((c) => c.kind === "confidentiality_release").flatMap((c) => c.organisationIds));
}

/**
 * The first conversation's outcome. Admission requires a valid Einverständniserklärung and a
 * Schweigepflichtentbindung; a short referral is recorded as a contact, not as a case in work.
 */
export async function saveIntake(db: Database, actor: Actor, input: SaveIntakeInput) {
  const caseRow = await requireCase(db, actor, input.caseId, "write");
  const { caseId, ...values } = input;
  if (values.decision === "admission") {
    const valid = await listValidConsents(db, caseId);
    const hasProcessing = valid.some((c) => c.kind === "processing");
    const hasRelease = valid.some((c) => c.kind === "confidentiality_release");
    if (!hasProcessing || !hasRelease) throw new AppError("CONFLICT", "cases.errors.admissionNeedsConsents", "decision");
  }
  const status = values.decision === "admission" ? "active" : values.decision === "crisis_first" ? "intake" : "not_admitted";
  await db.transaction(async (tx) => {
    await tx
      .insert(intakes)
      .values({ caseId, ...values })
      .onConflictDoUpdate({ target: intakes.caseId, set: values });
    await tx
      .update(cases)
      .set({
        status,
        admittedOn: status === "active" ? (caseRow.admittedOn ?? values.conductedOn) : caseRow.admittedOn,
        lastContactOn: values.conductedOn > (caseRow.lastContactOn ?? "") ? values.conductedOn : caseRow.lastContactOn,
      })
      .where(eq(cases.id, caseId));
    if (values.decision === "referral_counselling") {
      await tx.insert(contacts).values({
        caseId,
        tenantId: actor.tenantId,
        userId: actor.userId,
        contactOn: values.conductedOn,
        channel: "in_person",
        kind: "short_referral",
        durationMinutes: 30,
        topic: values.reason.slice(0, 500),
      });
    }
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.intake_saved",
      target: { type: "case", id: caseId },
      details: { decision: values.decision },
    });
  });
  return { status };
}

export async function addConsent(db: Database, actor: Actor, input: AddConsentInput) {
  await requireCase(db, actor, input.caseId, "write");
  for (const organisationId of input.organisationIds) await requireOrganisationInTenant(db, actor.tenantId, organisationId);
  const consent = await db.transaction(async (tx) => {
    const [consent] = await tx
      .insert(consents)
      .values({ ...input, tenantId: actor.tenantId })
      .returning();
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.consent_added",
      target: { type: "case", id: input.caseId },
      details: { kind: input.kind, organisations: input.organisationIds.length },
    });
    return consent!;
  });
  announceConsentChanged(input.caseId);
  return consent;
}

/** Revocation takes effect immediately: every later sharing check reads the database, nothing is cached. */
export async function revokeConsent(db: Database, actor: Actor, caseId: string, consentId: string) {
  await requireCase(db, actor, caseId, "readContent");
  const revoked = await db.transaction(async (tx) => {
    const [consent] = await tx
      .update(consents)
      .set({ revokedAt: new Date() })
      .where(and(eq(consents.id, consentId), eq(consents.caseId, caseId), isNull(consents.revokedAt)))
      .returning();
    if (!consent) throw new AppError("NOT_FOUND", "errors.notFound");
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.consent_revoked",
      target: { type: "case", id: caseId },
      details: { kind: consent.kind },
    });
    return consent;
  });
  // Live boards drop what this case showed to organisations no longer covered.
  announceConsentChanged(caseId);
  return revoked;
}
