import { monthlyReportSchema, reportStatusSchema, submitMonthlyReportSchema } from "../schemas/reports";
import { authorizedProcedure, createTRPCRouter } from "../trpc/init";
import { getCoordinationDashboard } from "./dashboard";
import { getMonthlyReport, listReportStatus, submitMonthlyReport } from "./monthly-report";

export const reportsRouter = createTRPCRouter({
  monthly: authorizedProcedure("reports.view").input(monthlyReportSchema).query(({ ctx, input }) => getMonthlyReport(ctx.db, ctx.actor, input)),
  submitMonthly: authorizedProcedure("cases.work")
    .input(submitMonthlyReportSchema)
    .mutation(({ ctx, input }) => submitMonthlyReport(ctx.db, ctx.actor, input)),
  status: authorizedProcedure("cases.coordinate").input(reportStatusSchema).query(({ ctx, input }) => listReportStatus(ctx.db, ctx.actor, input.month)),
  dashboard: authorizedProcedure("cases.coordinate").query(({ ctx }) => getCoordinationDashboard(ctx.db, ctx.actor)),
});
