import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { helpPlanMeasures, organisations, referrals } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { can, type Actor } from "../auth/policy";
import { AppError } from "../errors";
import type { CreateReferralInput, UpdateReferralInput } from "../schemas/plans";
import { readIdentityUnaudited } from "./identity";
import { organisationsCoveredByConsent } from "./intake";
import { requireCase } from "./policy";
import { findIdentityLeaks } from "./identity-leaks";

async function refuseWithoutConsent(db: Database, actor: Actor, caseId: string, organisationId: string, message: string): Promise<never> {
  await recordAuditEvent(db, {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    action: "cases.referral_refused",
    outcome: "failure",
    target: { type: "case", id: caseId },
    details: { organisationId },
  });
  throw new AppError("CONFLICT", message, "organisationId");
}

/**
 * A referral to a third party. Only to an organisation the client named in a valid
 * Schweigepflichtentbindung, checked in the database inside the transaction that writes it.
 */
export async function createReferral(db: Database, actor: Actor, input: CreateReferralInput) {
  await requireCase(db, actor, input.caseId, "write");
  const [organisation] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, input.organisationId), eq(organisations.tenantId, actor.tenantId)));
  if (!organisation) throw new AppError("INVALID_INPUT", "errors.unknownOrganisation", "organisationId");
  if (input.measureId) {
    const [measure] = await db
      .select({ id: helpPlanMeasures.id })
      .from(helpPlanMeasures)
      .where(and(eq(helpPlanMeasures.id, input.measureId), eq(helpPlanMeasures.caseId, input.caseId)));
    if (!measure) throw new AppError("INVALID_INPUT", "plans.errors.unknownMeasure", "measureId");
  }
  const overrideReason = input.consentOverrideReason;
  if (overrideReason) {
    if (!can(actor, "cases.consent_override", { tenantId: actor.tenantId }))
      throw new AppError("FORBIDDEN", "plans.errors.overrideNotPermitted");
    const identity = await readIdentityUnaudited(db, input.caseId);
    if (identity && findIdentityLeaks(identity, overrideReason).length > 0) {
      throw new AppError("INVALID_INPUT", "plans.errors.overrideReasonIdentifies", "consentOverrideReason");
    }
  }
  const referral = await db.transaction(async (tx) => {
    const covered = (await organisationsCoveredByConsent(tx, input.caseId)).has(input.organisationId);
    if (!covered && !overrideReason) return null;
    const [created] = await tx
      .insert(referrals)
      .values({ ...input, consentOverrideReason: covered ? null : overrideReason })
      .returning();
    if (!covered) {
      // Break-glass: the referral goes ahead without consent, and the reason is on the record. The
      // reason stays in the referral (erased with the case); the append-only log keeps only its length.
      await recordAuditEvent(tx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: "cases.consent_overridden",
        target: { type: "case", id: input.caseId },
        details: { referralId: created!.id, organisationId: input.organisationId, reasonLength: overrideReason?.length ?? 0 },
      });
    }
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.referral_saved",
      target: { type: "case", id: input.caseId },
      details: { referralId: created!.id, organisationId: input.organisationId, status: input.status, isNew: true },
    });
    return created!;
  });
  return referral ?? refuseWithoutConsent(db, actor, input.caseId, input.organisationId, "plans.errors.referralNeedsConsent");
}

/** A new state of a referral; refused as soon as the consent covering its organisation is gone. */
export async function updateReferral(db: Database, actor: Actor, input: UpdateReferralInput) {
  await requireCase(db, actor, input.caseId, "write");
  const result = await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(referrals)
      .where(and(eq(referrals.id, input.referralId), eq(referrals.caseId, input.caseId)))
      .for("update");
    if (!current) throw new AppError("NOT_FOUND", "errors.notFound");
    if (!current.consentOverrideReason && !(await organisationsCoveredByConsent(tx, input.caseId)).has(current.organisationId)) {
      return { isRefused: true as const, organisationId: current.organisationId };
    }
    const [updated] = await tx
      .update(referrals)
      .set({
        status: input.status,
        ...(input.cmRole ? { cmRole: input.cmRole } : {}),
        ...(input.mode ? { mode: input.mode } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
      })
      .where(eq(referrals.id, current.id))
      .returning();
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.referral_saved",
      target: { type: "case", id: input.caseId },
      details: { referralId: current.id, organisationId: current.organisationId, status: input.status, isNew: false },
    });
    return { isRefused: false as const, referral: updated! };
  });
  if (result.isRefused) {
    return refuseWithoutConsent(db, actor, input.caseId, result.organisationId, "plans.errors.referralConsentRevoked");
  }
  return result.referral;
}
