import { monthlyReportSchema, reportStatusSchema, submitMonthlyReportSchema } from "../schemas/reports";
import { okOutputSchema } from "../schemas/case-outputs";
import { coordinationDashboardOutputSchema, monthlyReportOutputSchema, reportStatusOutputSchema } from "../schemas/report-outputs";
import { authorizedProcedure, createTRPCRouter } from "../trpc/init";
import { getCoordinationDashboard } from "./dashboard";
import { getMonthlyReport, listReportStatus, submitMonthlyReport } from "./monthly-report";

export const reportsRouter = createTRPCRouter({
  monthly: authorizedProcedure("reports.view")
    .input(monthlyReportSchema)
    .output(monthlyReportOutputSchema)
    .query(({ ctx, input }) => getMonthlyReport(ctx.db, ctx.actor, input)),
  submitMonthly: authorizedProcedure("cases.work")
    .input(submitMonthlyReportSchema)
    .output(okOutputSchema)
    .mutation(({ ctx, input }) => submitMonthlyReport(ctx.db, ctx.actor, input)),
  status: authorizedProcedure("cases.coordinate")
    .input(reportStatusSchema)
    .output(reportStatusOutputSchema)
    .query(({ ctx, input }) => listReportStatus(ctx.db, ctx.actor, input.month)),
  dashboard: authorizedProcedure("cases.coordinate")
    .output(coordinationDashboardOutputSchema)
    .query(({ ctx }) => getCoordinationDashboard(ctx.db, ctx.actor)),
});
