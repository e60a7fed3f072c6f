import { and, eq } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { goals, helpPlanMeasures, organisations, referrals } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { can, type Actor } from "../auth/policy";
import { AppError } from "../errors";
import { translate } from "../i18n/translate";
import type { LifeArea } from "../schemas/case-kinds";
import type { CreateReferralInput, UpdateReferralInput } from "../schemas/plans";
import { readIdentityUnaudited } from "./identity";
import { consentScopesOf, scopeCovers } from "./consent-scope";
import { requireCase } from "./policy";
import { findIdentityLeaks } from "./identity-leaks";

type Refusal = "referralNeedsConsent" | "referralConsentRevoked" | "referralOutsideConsentScope";

async function refuseWithoutConsent(
  db: Database,
  actor: Actor,
  caseId: string,
  organisationId: string,
  refusal: Refusal,
  lifeArea: LifeArea | null,
): Promise<never> {
  await recordAuditEvent(db, {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    action: "cases.referral_refused",
    outcome: "failure",
    target: { type: "case", id: caseId },
    details: { organisationId, ...(refusal === "referralOutsideConsentScope" ? { lifeArea } : {}) },
  });
  const values: Record<string, string> = lifeArea ? { lifeArea: translate(`cases.lifeAreas.${lifeArea}`) } : {};
  throw new AppError("CONFLICT", `plans.errors.${refusal}`, "organisationId", values);
}

/** The life area of a referral's measure: the area of the goal the measure serves, if any. */
async function lifeAreaOfMeasure(db: Executor, caseId: string, measureId: string | null): Promise<LifeArea | null> {
  if (!measureId) return null;
  const [row] = await db
    .select({ lifeArea: goals.lifeArea })
    .from(helpPlanMeasures)
    .leftJoin(goals, eq(goals.id, helpPlanMeasures.goalId))
    .where(and(eq(helpPlanMeasures.id, measureId), eq(helpPlanMeasures.caseId, caseId)));
  return row?.lifeArea ?? null;
}

/**
 * Whether a valid Schweigepflichtentbindung names the organisation for the measure's life area, or
 * why not: no consent for the organisation at all, or one that leaves this life area out.
 */
async function consentFor(db: Executor, caseId: string, organisationId: string, lifeArea: LifeArea | null) {
  const scope = (await consentScopesOf(db, caseId)).get(organisationId);
  if (scopeCovers(scope, lifeArea)) return "covered" as const;
  return scope ? ("outsideScope" as const) : ("none" as const);
}

/**
 * A referral to a third party. Only to an organisation the client named in a valid
 * Schweigepflichtentbindung that covers the life area of the referral's measure, checked in the
 * database inside the transaction that writes it.
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
  const lifeArea = await lifeAreaOfMeasure(db, input.caseId, input.measureId ?? null);
  let refusal: Refusal = "referralNeedsConsent";
  const referral = await db.transaction(async (tx) => {
    const consent = await consentFor(tx, input.caseId, input.organisationId, lifeArea);
    const covered = consent === "covered";
    if (consent === "outsideScope") refusal = "referralOutsideConsentScope";
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
  return referral ?? refuseWithoutConsent(db, actor, input.caseId, input.organisationId, refusal, lifeArea);
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
    if (!current.consentOverrideReason) {
      const lifeArea = await lifeAreaOfMeasure(tx, input.caseId, current.measureId);
      const consent = await consentFor(tx, input.caseId, current.organisationId, lifeArea);
      if (consent !== "covered") {
        const refusal: Refusal = consent === "outsideScope" ? "referralOutsideConsentScope" : "referralConsentRevoked";
        return { isRefused: true as const, organisationId: current.organisationId, refusal, lifeArea };
      }
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
    return refuseWithoutConsent(db, actor, input.caseId, result.organisationId, result.refusal, result.lifeArea);
  }
  return result.referral;
}
