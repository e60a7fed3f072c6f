import { and, asc, desc, eq, inArray, notInArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database, Executor } from "@/db";
import { cases, gapReports, goalAgreements, goals, helpPlanMeasures, offers, organisations, referrals } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor } from "../auth/policy";
import { AppError } from "../errors";
import type { GoalInput, ReviewGoalsInput, SaveGoalAgreementInput } from "../schemas/plans";
import { organisationsCoveredByConsent } from "./intake";
import { caseAbilities, requireCase } from "./policy";

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
