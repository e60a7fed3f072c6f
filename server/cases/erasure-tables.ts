import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import {
  assessments,
  caseIdentities,
  caseSummaries,
  caseTransfers,
  closures,
  consents,
  contacts,
  formDrafts,
  gapReports,
  goalAgreements,
  goals,
  helpPlanMeasures,
  intakes,
  interimReviews,
  referrals,
  screeningInvitations,
  screenings,
} from "@/db/schema";
import {
  eraseBoardCards,
  eraseBoardOperations,
  eraseConferenceDocuments,
  erasePollAnswers,
  eraseProtocols,
  eraseThemeSources,
  eraseWorkPackages,
  eraseWorkPackageUpdates,
  type CaseErasureContext,
} from "./erasure-shared";

/**
 * One table's part of erasing a case: what it blanks or deletes, and how many rows it touched.
 * Counts, dates, statuses, scales and choices stay, so statistics remain true.
 */
export interface ErasureStep {
  table: string;
  erase: (tx: Executor, context: CaseErasureContext) => Promise<number>;
}

const touched = (rows: unknown[]) => rows.length;

/** Tables that point at a case but hold no free text about it: nothing to erase there. */
export const tablesWithoutCaseText: Record<string, string> = {
  cases: "the statistics shell itself: pseudonym, statuses, dates",
  conference_cases: "which meeting discussed the case; its summary reference is set to null with the summary",
  guest_case_releases: "which guest the case manager confirmed for the case in a meeting: ids and a date",
};

/**
 * Every table that holds free text or identity values of a case, in one list: a new table with
 * free text about a case belongs here. The steps run in this order inside one transaction.
 */
export const erasureSteps: ErasureStep[] = [
  {
    table: "case_identities",
    erase: async (tx, { caseId }) =>
      touched(await tx.delete(caseIdentities).where(eq(caseIdentities.caseId, caseId)).returning({ id: caseIdentities.caseId })),
  },
  {
    // Unsaved forms can hold anything the case manager typed.
    table: "form_drafts",
    erase: async (tx, { caseId }) =>
      touched(await tx.delete(formDrafts).where(eq(formDrafts.caseId, caseId)).returning({ id: formDrafts.id })),
  },
  {
    table: "screenings",
    erase: async (tx, { caseId }) =>
      touched(
        await tx
          .update(screenings)
          .set({ problemsByArea: {}, otherProblems: "", involvedServices: "", urgentConcern: "" })
          .where(eq(screenings.caseId, caseId))
          .returning({ id: screenings.caseId }),
      ),
  },
  {
    table: "screening_invitations",
    erase: async (tx, { caseId }) =>
      touched(
        await tx
          .update(screeningInvitations)
          .set({ note: "" })
          .where(eq(screeningInvitations.caseId, caseId))
          .returning({ id: screeningInvitations.id }),
      ),
  },
  {
    table: "intakes",
    erase: async (tx, { caseId }) =>
      touched(await tx.update(intakes).set({ reason: "" }).where(eq(intakes.caseId, caseId)).returning({ id: intakes.caseId })),
  },
  {
    table: "consents",
    erase: async (tx, { caseId }) =>
      touched(await tx.update(consents).set({ scopeNote: "" }).where(eq(consents.caseId, caseId)).returning({ id: consents.id })),
  },
  {
    // The ratings stay for the comparison over time; the case manager's remarks go.
    table: "assessments",
    erase: async (tx, { caseId }) =>
      touched(
        await tx
          .update(assessments)
          .set({
            answers: {},
            resources: "",
            wishes: "",
            participants: "",
            scales: sql`(select coalesce(jsonb_object_agg(key, jsonb_set(value, '{remark}', '""')), '{}'::jsonb) from jsonb_each(${assessments.scales}))`,
          })
          .where(eq(assessments.caseId, caseId))
          .returning({ id: assessments.id }),
      ),
  },
  {
    table: "contacts",
    erase: async (tx, { caseId }) =>
      touched(await tx.update(contacts).set({ topic: "" }).where(eq(contacts.caseId, caseId)).returning({ id: contacts.id })),
  },
  {
    table: "goal_agreements",
    erase: async (tx, { caseId }) =>
      touched(
        await tx
          .update(goalAgreements)
          .set({ participants: "", deviations: "" })
          .where(eq(goalAgreements.caseId, caseId))
          .returning({ id: goalAgreements.id }),
      ),
  },
  {
    table: "goals",
    erase: async (tx, { caseId }) =>
      touched(
        await tx
          .update(goals)
          .set({ title: "", explanation: "", measurable: "", steps: [], nextStep: "", attainmentNote: "" })
          .where(eq(goals.caseId, caseId))
          .returning({ id: goals.id }),
      ),
  },
  {
    // Before the measures: a gap report is the case's through its measure.
    table: "gap_reports",
    erase: async (tx, { caseId }) =>
      touched(
        await tx
          .update(gapReports)
          .set({ description: "" })
          .where(
            and(
              isNotNull(gapReports.measureId),
              inArray(
                gapReports.measureId,
                tx.select({ id: helpPlanMeasures.id }).from(helpPlanMeasures).where(eq(helpPlanMeasures.caseId, caseId)),
              ),
            ),
          )
          .returning({ id: gapReports.id }),
      ),
  },
  {
    table: "help_plan_measures",
    erase: async (tx, { caseId }) =>
      touched(
        await tx
          .update(helpPlanMeasures)
          .set({ task: "", role: "", responsibility: "", timeframe: "", missingOfferDescription: "" })
          .where(eq(helpPlanMeasures.caseId, caseId))
          .returning({ id: helpPlanMeasures.id }),
      ),
  },
  {
    // A break-glass referral keeps an empty reason, so it still counts as one.
    table: "referrals",
    erase: async (tx, { caseId }) =>
      touched(
        await tx
          .update(referrals)
          .set({ note: "", consentOverrideReason: sql`case when ${referrals.consentOverrideReason} is null then null else '' end` })
          .where(eq(referrals.caseId, caseId))
          .returning({ id: referrals.id }),
      ),
  },
  {
    table: "interim_reviews",
    erase: async (tx, { caseId }) =>
      touched(
        await tx
          .update(interimReviews)
          .set({ topic: "", cooperation: "", suitability: "", reflection: "" })
          .where(eq(interimReviews.caseId, caseId))
          .returning({ id: interimReviews.id }),
      ),
  },
  {
    table: "closures",
    erase: async (tx, { caseId }) =>
      touched(
        await tx
          .update(closures)
          .set({ handedOverTo: "", otherReason: "", cooperation: "", suitability: "", reflection: "" })
          .where(eq(closures.caseId, caseId))
          .returning({ id: closures.caseId }),
      ),
  },
  {
    // The agenda entries of conferences keep the case (for the statistics) without its summary.
    table: "case_summaries",
    erase: async (tx, { caseId }) =>
      touched(await tx.delete(caseSummaries).where(eq(caseSummaries.caseId, caseId)).returning({ id: caseSummaries.id })),
  },
  {
    table: "case_transfers",
    erase: async (tx, { caseId }) =>
      touched(
        await tx.update(caseTransfers).set({ reason: "" }).where(eq(caseTransfers.caseId, caseId)).returning({ id: caseTransfers.id }),
      ),
  },
  // Items shared with other cases: only what belongs to this case goes (see erasure-shared.ts).
  { table: "board_cards", erase: eraseBoardCards },
  { table: "board_operations", erase: eraseBoardOperations },
  { table: "conference_protocols", erase: eraseProtocols },
  { table: "shared_documents", erase: eraseConferenceDocuments },
  { table: "work_packages", erase: eraseWorkPackages },
  { table: "work_package_updates", erase: eraseWorkPackageUpdates },
  { table: "theme_sources", erase: eraseThemeSources },
  { table: "case_poll_answers", erase: erasePollAnswers },
];
