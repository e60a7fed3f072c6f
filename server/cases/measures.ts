import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { gapReports, goals, helpPlanMeasures, offers, organisations } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor } from "../auth/policy";
import { AppError } from "../errors";
import type { SaveMeasureInput } from "../schemas/plans";
import { rejectIdentityLeaks } from "./identity-leaks";
import { requireCase } from "./policy";

/** Ids from another tenant or case are refused exactly like ids that do not exist. */
async function checkMeasureReferences(db: Database, actor: Actor, input: SaveMeasureInput, currentOfferId: string | null) {
  if (input.goalId) {
    const [goal] = await db
      .select({ id: goals.id })
      .from(goals)
      .where(and(eq(goals.id, input.goalId), eq(goals.caseId, input.caseId)));
    if (!goal) throw new AppError("INVALID_INPUT", "plans.errors.unknownGoal", "goalId");
  }
  if (input.offerId) {
    const [offer] = await db
      .select({ isActive: offers.isActive })
      .from(offers)
      .where(and(eq(offers.id, input.offerId), eq(offers.tenantId, actor.tenantId)));
    if (!offer) throw new AppError("INVALID_INPUT", "plans.errors.unknownOffer", "offerId");
    // A deactivated offer stays on measures that already use it, but is not chosen anew.
    if (!offer.isActive && input.offerId !== currentOfferId) throw new AppError("INVALID_INPUT", "plans.errors.offerInactive", "offerId");
  }
  if (input.providerOrganisationId) {
    const [organisation] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, input.providerOrganisationId), eq(organisations.tenantId, actor.tenantId)));
    if (!organisation) throw new AppError("INVALID_INPUT", "errors.unknownOrganisation", "providerOrganisationId");
  }
}

/**
 * Adds or edits a help plan measure. A missing offer becomes a gap report for the coordination:
 * Kommune, life area and the description only, and the description must not name the person.
 */
export async function saveMeasure(db: Database, actor: Actor, input: SaveMeasureInput) {
  const caseRow = await requireCase(db, actor, input.caseId, "write");
  let currentOfferId: string | null = null;
  if (input.measureId) {
    const [current] = await db
      .select({ offerId: helpPlanMeasures.offerId })
      .from(helpPlanMeasures)
      .where(and(eq(helpPlanMeasures.id, input.measureId), eq(helpPlanMeasures.caseId, input.caseId)));
    if (!current) throw new AppError("NOT_FOUND", "errors.notFound");
    currentOfferId = current.offerId;
  }
  await checkMeasureReferences(db, actor, input, currentOfferId);
  if (input.isMissingOffer) {
    await rejectIdentityLeaks(db, [input.caseId], [input.missingOfferDescription], {
      message: "plans.errors.gapContainsIdentity",
      field: "missingOfferDescription",
    });
  }
  const values = {
    goalId: input.goalId,
    offerId: input.offerId,
    providerOrganisationId: input.providerOrganisationId,
    role: input.role,
    task: input.task,
    responsibility: input.responsibility,
    timeframe: input.timeframe,
    isMissingOffer: input.isMissingOffer,
    missingOfferDescription: input.isMissingOffer ? input.missingOfferDescription : "",
  };
  return db.transaction(async (tx) => {
    const [measure] = input.measureId
      ? await tx
          .update(helpPlanMeasures)
          .set(values)
          .where(and(eq(helpPlanMeasures.id, input.measureId), eq(helpPlanMeasures.caseId, input.caseId)))
          .returning()
      : await tx
          .insert(helpPlanMeasures)
          .values({ caseId: input.caseId, ...values })
          .returning();
    if (!measure) throw new AppError("NOT_FOUND", "errors.notFound");
    if (input.isMissingOffer) {
      const gap = { lifeArea: input.missingOfferLifeArea, description: input.missingOfferDescription };
      const [reported] = await tx
        .update(gapReports)
        .set(gap)
        .where(and(eq(gapReports.measureId, measure.id), eq(gapReports.tenantId, actor.tenantId)))
        .returning({ id: gapReports.id });
      if (!reported) {
        // Deliberately no case id, pseudonym or person: what is missing, where, in which life area.
        await tx.insert(gapReports).values({
          tenantId: actor.tenantId,
          kommuneId: caseRow.kommuneId,
          measureId: measure.id,
          reportedByUserId: actor.userId,
          ...gap,
        });
        await recordAuditEvent(tx, {
          tenantId: actor.tenantId,
          actorUserId: actor.userId,
          action: "cases.gap_reported",
          target: { type: "case", id: input.caseId },
          details: { lifeArea: input.missingOfferLifeArea },
        });
      }
    }
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.measure_saved",
      target: { type: "case", id: input.caseId },
      details: { measureId: measure.id, isNew: !input.measureId, isMissingOffer: input.isMissingOffer },
    });
    return measure;
  });
}

/** Removes a measure; a gap it reported stays with the coordination, as the gap was real. */
export async function removeMeasure(db: Database, actor: Actor, caseId: string, measureId: string) {
  await requireCase(db, actor, caseId, "write");
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(helpPlanMeasures)
      .where(and(eq(helpPlanMeasures.id, measureId), eq(helpPlanMeasures.caseId, caseId)))
      .returning({ id: helpPlanMeasures.id });
    if (!removed) throw new AppError("NOT_FOUND", "errors.notFound");
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.measure_removed",
      target: { type: "case", id: caseId },
      details: { measureId },
    });
    return { ok: true as const };
  });
}
