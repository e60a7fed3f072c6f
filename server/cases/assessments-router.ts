import { saveAssessmentSchema } from "../schemas/assessments";
import { caseIdSchema } from "../schemas/cases";
import { assessmentComparisonOutputSchema, assessmentListOutputSchema, saveAssessmentOutputSchema } from "../schemas/plan-outputs";
import { authorizedProcedure, createTRPCRouter } from "../trpc/init";
import { compareAssessments, listAssessments, saveAssessment } from "./assessments";

export const assessmentsRouter = createTRPCRouter({
  list: authorizedProcedure("cases.work")
    .input(caseIdSchema)
    .output(assessmentListOutputSchema)
    .query(({ ctx, input }) => listAssessments(ctx.db, ctx.actor, input.caseId)),
  compare: authorizedProcedure("cases.work")
    .input(caseIdSchema)
    .output(assessmentComparisonOutputSchema)
    .query(({ ctx, input }) => compareAssessments(ctx.db, ctx.actor, input.caseId)),
  save: authorizedProcedure("cases.work")
    .input(saveAssessmentSchema)
    .output(saveAssessmentOutputSchema)
    .mutation(({ ctx, input }) => saveAssessment(ctx.db, ctx.actor, input)),
});
