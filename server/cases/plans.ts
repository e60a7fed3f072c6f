import { and, asc, desc, eq, inArray, notInArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database, Executor } from "@/db";
import { cases, gapReports, goalAgreements, goals, helpPlanMeasures, offers, organisations, referrals } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { can, type Actor } from "../auth/policy";
import { AppError } from "../errors";
import { translate } from "../i18n/translate";
import type {
  CreateReferralInput,
  GoalInput,
  ReviewGoalsInput,
  SaveGoalAgreementInput,
  SaveMeasureInput,
  UpdateReferralInput,
} from "../schemas/plans";
import { readIdentityUnaudited } from "./identity";
import { organisationsCoveredByConsent } from "./intake";
import { caseAbilities, requireCase } from "./policy";
import { findIdentityLeaks } from "./summaries";

const offerProviders = alias(organisations, "offer_providers");

/**
 * Everything of the goals tab: agreements with their goals (newest first), the help plan, the
 * referrals, and what can be chosen (active offers, organisations with their consent coverage).
 */
export async function getPlanFile(db: Database, actor: Actor, caseId: string) {
  const caseRow = await requireCase(db, actor, caseId, "readContent");
  const agreementRows = await db
    .select()
    .from(goalAgreements)
    .where(eq(goalAgreements.caseId, caseId))
    .orderBy(desc(goalAgreements.agreedOn), desc(goalAgreements.createdAt));
  const goalRows = await db.select().from(goals).where(eq(goals.caseId, caseId)).orderBy(asc(goals.priority));
  const measureRows = await db
    .select({
      measure: helpPlanMeasures,
      offerTitle: offers.title,
      providerName: sql<string | null>`coalesce(${organisations.name}, ${offerProviders.name})`,
    })
    .from(helpPlanMeasures)
    .leftJoin(offers, and(eq(offers.id, helpPlanMeasures.offerId), eq(offers.tenantId, actor.tenantId)))
    .leftJoin(organisations, and(eq(organisations.id, helpPlanMeasures.providerOrganisationId), eq(organisations.tenantId, actor.tenantId)))
    .leftJoin(offerProviders, eq(offerProviders.id, offers.providerOrganisationId))
    .where(eq(helpPlanMeasures.caseId, caseId))
    .orderBy(asc(helpPlanMeasures.createdAt));
  const measureIds = measureRows.map((row) => row.measure.id);
  const gapRows = measureIds.length
    ? await db
        .select({ measureId: gapReports.measureId, lifeArea: gapReports.lifeArea, description: gapReports.description })
        .from(gapReports)
        .where(and(eq(gapReports.tenantId, actor.tenantId), inArray(gapReports.measureId, measureIds)))
    : [];
  const gapByMeasure = new Map(gapRows.map((gap) => [gap.measureId, gap]));
  const referralRows = await db
    .select({ referral: referrals, organisationName: organisations.name })
    .from(referrals)
    .innerJoin(organisations, eq(organisations.id, referrals.organisationId))
    .where(eq(referrals.caseId, caseId))
    .orderBy(desc(referrals.referredOn), desc(referrals.createdAt));
  const covered = await organisationsCoveredByConsent(db, caseId);
  const organisationRows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.tenantId, actor.tenantId))
    .orderBy(asc(organisations.name));
  const offerRows = await listActiveOffers(db, actor);

  return {
    canWrite: caseAbilities(actor, caseRow).write,
    nextReviewOn: caseRow.nextReviewOn,
    agreements: agreementRows.map((agreement) => ({
      ...agreement,
      goals: goalRows.filter((goal) => goal.agreementId === agreement.id),
    })),
    measures: measureRows.map(({ measure, offerTitle, providerName }) => {
      const gap = gapByMeasure.get(measure.id);
      return { ...measure, offerTitle, providerName, gap: gap ? { lifeArea: gap.lifeArea, description: gap.description } : null };
    }),
    referrals: referralRows.map(({ referral, organisationName }) => ({
      ...referral,
      organisationName,
      isCoveredByConsent: covered.has(referral.organisationId),
    })),
    organisations: organisationRows.map((organisation) => ({ ...organisation, isCoveredByConsent: covered.has(organisation.id) })),
    offers: offerRows,
  };
}

/** The tenant's active offers for the provider choice; read-only use of the offer directory. */
async function listActiveOffers(db: Executor, actor: Actor) {
  return db
    .select({ id: offers.id, title: offers.title, providerName: organisations.name, lifeAreas: offers.lifeAreas })
    .from(offers)
    .leftJoin(organisations, eq(organisations.id, offers.providerOrganisationId))
    .where(and(eq(offers.tenantId, actor.tenantId), eq(offers.isActive, true)))
    .orderBy(asc(offers.title));
}

function goalValues(goal: GoalInput) {
  return {
    priority: goal.priority,
    lifeArea: goal.lifeArea,
    title: goal.title,
    explanation: goal.explanation,
    measurable: goal.measurable,
    dueOn: goal.dueOn,
    steps: goal.steps,
    nextStep: goal.nextStep,
  };
}

/**
 * Saves a Zielerreichungsbogen: a new agreement, or edits of an existing one that keep each goal's
 * id (and so its measures). The case's next review is the latest agreement's review date.
 */
export async function saveGoalAgreement(db: Database, actor: Actor, input: SaveGoalAgreementInput) {
  await requireCase(db, actor, input.caseId, "write");
  const agreementValues = {
    agreedOn: input.agreedOn,
    nextReviewOn: input.nextReviewOn,
    participants: input.participants,
    isAgreed: input.isAgreed,
    deviations: input.deviations,
  };
  return db.transaction(async (tx) => {
    let agreementId: string;
    if (input.agreementId) {
      // The update locks the agreement row, so two saves of the same agreement run one after the other.
      const [updated] = await tx
        .update(goalAgreements)
        .set(agreementValues)
        .where(and(eq(goalAgreements.id, input.agreementId), eq(goalAgreements.caseId, input.caseId)))
        .returning({ id: goalAgreements.id });
      if (!updated) throw new AppError("NOT_FOUND", "errors.notFound");
      agreementId = updated.id;
      const existing = await tx.select({ id: goals.id }).from(goals).where(eq(goals.agreementId, agreementId));
      const existingIds = new Set(existing.map((goal) => goal.id));
      const keptIds = input.goals.flatMap((goal) => (goal.id ? [goal.id] : []));
      if (keptIds.some((id) => !existingIds.has(id))) throw new AppError("NOT_FOUND", "errors.notFound");
      await tx.delete(goals).where(and(eq(goals.agreementId, agreementId), keptIds.length ? notInArray(goals.id, keptIds) : undefined));
      if (keptIds.length) {
        // Out of the way first: priorities are unique per agreement and goals may swap places.
        await tx
          .update(goals)
          .set({ priority: sql`${goals.priority} + 10` })
          .where(and(eq(goals.agreementId, agreementId), inArray(goals.id, keptIds)));
      }
    } else {
      if (input.goals.some((goal) => goal.id)) throw new AppError("NOT_FOUND", "errors.notFound");
      const [created] = await tx
        .insert(goalAgreements)
        .values({ caseId: input.caseId, ...agreementValues })
        .returning({ id: goalAgreements.id });
      agreementId = created!.id;
    }
    for (const goal of input.goals) {
      if (goal.id) await tx.update(goals).set(goalValues(goal)).where(eq(goals.id, goal.id));
      else await tx.insert(goals).values({ agreementId, caseId: input.caseId, ...goalValues(goal) });
    }
    const [latest] = await tx
      .select({ nextReviewOn: goalAgreements.nextReviewOn })
      .from(goalAgreements)
      .where(eq(goalAgreements.caseId, input.caseId))
      .orderBy(desc(goalAgreements.agreedOn), desc(goalAgreements.createdAt))
      .limit(1);
    await tx.update(cases).set({ nextReviewOn: latest!.nextReviewOn }).where(eq(cases.id, input.caseId));
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.goals_saved",
      target: { type: "case", id: input.caseId },
      details: { agreementId, isNew: !input.agreementId, goals: input.goals.length, isAgreed: input.isAgreed },
    });
    return { agreementId, nextReviewOn: latest!.nextReviewOn };
  });
}

/** Überprüfung der Planung: the degree each goal was reached, with the date of the review. */
export async function reviewGoals(db: Database, actor: Actor, input: ReviewGoalsInput) {
  await requireCase(db, actor, input.caseId, "write");
  return db.transaction(async (tx) => {
    const [agreement] = await tx
      .select()
      .from(goalAgreements)
      .where(and(eq(goalAgreements.id, input.agreementId), eq(goalAgreements.caseId, input.caseId)))
      .for("update");
    if (!agreement) throw new AppError("NOT_FOUND", "errors.notFound");
    if (input.reviewedOn < agreement.agreedOn) throw new AppError("INVALID_INPUT", "plans.errors.reviewBeforeAgreement", "reviewedOn");
    const goalIds = new Set(
      (await tx.select({ id: goals.id }).from(goals).where(eq(goals.agreementId, agreement.id))).map((goal) => goal.id),
    );
    if (input.goals.some((goal) => !goalIds.has(goal.goalId))) throw new AppError("NOT_FOUND", "errors.notFound");
    for (const goal of input.goals) {
      await tx.update(goals).set({ attainment: goal.attainment, attainmentNote: goal.attainmentNote }).where(eq(goals.id, goal.goalId));
    }
    await tx.update(goalAgreements).set({ reviewedOn: input.reviewedOn }).where(eq(goalAgreements.id, agreement.id));
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.goals_reviewed",
      target: { type: "case", id: input.caseId },
      details: { agreementId: agreement.id, goals: input.goals.length },
    });
    return { ok: true as const };
  });
}

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
    const identity = await readIdentityUnaudited(db, input.caseId);
    const leaks = identity ? findIdentityLeaks(identity, input.missingOfferDescription) : [];
    if (leaks.length > 0) {
      const fieldNames = leaks.map((field) =>
        translate(`cases.identityFields.${field.startsWith("authorityContacts") ? "fileNumber" : field}`),
      );
      throw new AppError("INVALID_INPUT", "plans.errors.gapContainsIdentity", "missingOfferDescription", {
        fields: [...new Set(fieldNames)].join(", "),
      });
    }
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
      // Break-glass: the referral goes ahead without consent, and the reason is on the record.
      await recordAuditEvent(tx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: "cases.consent_overridden",
        target: { type: "case", id: input.caseId },
        details: { referralId: created!.id, organisationId: input.organisationId, reason: overrideReason },
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
