import { downloadRoute } from "@/server/downloads/download-route";
import { monthlyReportWorkbook } from "@/server/reports/spreadsheet";
import { monthlyReportSchema } from "@/server/schemas/reports";

export const dynamic = "force-dynamic";

/** The monthly report as an .xlsx download, through the same procedure and policy as the screen. */
export const GET = downloadRoute({
  input: (_params: object, query) => ({ month: query.get("month"), userId: query.get("userId") ?? undefined }),
  schema: monthlyReportSchema,
  invalidInput: "downloads.invalidMonth",
  render: async ({ caller, input }) => {
    const report = await caller.reports.monthly(input);
    return {
      body: await monthlyReportWorkbook(report),
      format: "xlsx",
      fileName: `monatsbericht-${report.month}`,
      audit: { action: "reports.exported", details: { month: report.month, format: "xlsx" } },
    };
  },
});
