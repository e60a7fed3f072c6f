import { caseIdSchema } from "../schemas/cases";
import {
  createReferralSchema,
  removeMeasureSchema,
  reviewGoalsSchema,
  saveGoalAgreementSchema,
  saveMeasureSchema,
  updateReferralSchema,
} from "../schemas/plans";
import { okOutputSchema } from "../schemas/case-outputs";
import { measureRecordSchema, planFileOutputSchema, referralRecordSchema, saveGoalAgreementOutputSchema } from "../schemas/plan-outputs";
import { authorizedProcedure, createTRPCRouter } from "../trpc/init";
import { removeMeasure, saveMeasure } from "./measures";
import { getPlanFile, reviewGoals, saveGoalAgreement } from "./plans";
import { createReferral, updateReferral } from "./referrals";

/** Goal agreement, help plan and linking of one case: the responsible case manager's work. */
export const plansRouter = createTRPCRouter({
  file: authorizedProcedure("cases.work")
    .input(caseIdSchema)
    .output(planFileOutputSchema)
    .query(({ ctx, input }) => getPlanFile(ctx.db, ctx.actor, input.caseId)),
  saveAgreement: authorizedProcedure("cases.work")
    .input(saveGoalAgreementSchema)
    .output(saveGoalAgreementOutputSchema)
    .mutation(({ ctx, input }) => saveGoalAgreement(ctx.db, ctx.actor, input)),
  reviewGoals: authorizedProcedure("cases.work")
    .input(reviewGoalsSchema)
    .output(okOutputSchema)
    .mutation(({ ctx, input }) => reviewGoals(ctx.db, ctx.actor, input)),
  saveMeasure: authorizedProcedure("cases.work")
    .input(saveMeasureSchema)
    .output(measureRecordSchema)
    .mutation(({ ctx, input }) => saveMeasure(ctx.db, ctx.actor, input)),
  removeMeasure: authorizedProcedure("cases.work")
    .input(removeMeasureSchema)
    .output(okOutputSchema)
    .mutation(({ ctx, input }) => removeMeasure(ctx.db, ctx.actor, input.caseId, input.measureId)),
  createReferral: authorizedProcedure("cases.work")
    .input(createReferralSchema)
    .output(referralRecordSchema)
    .mutation(({ ctx, input }) => createReferral(ctx.db, ctx.actor, input)),
  updateReferral: authorizedProcedure("cases.work")
    .input(updateReferralSchema)
    .output(referralRecordSchema)
    .mutation(({ ctx, input }) => updateReferral(ctx.db, ctx.actor, input)),
});
