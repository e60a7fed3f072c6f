import { downloadRoute } from "@/server/downloads/download-route";
import { annualReportSchema } from "@/server/schemas/themes";
import { annualThemeReportWorkbook } from "@/server/themes/annual-report";

export const dynamic = "force-dynamic";

/** The registry's annual report as an .xlsx download, through the same procedure and policy as the screen. */
export const GET = downloadRoute({
  input: (_params: object, query) => ({ year: query.get("year") ?? undefined }),
  schema: annualReportSchema,
  invalidInput: "downloads.invalidYear",
  render: async ({ caller, input }) => {
    const report = await caller.themes.annualReport(input);
    return {
      body: await annualThemeReportWorkbook(report),
      format: "xlsx",
      fileName: `themen-jahresbericht-${report.year}`,
      audit: { action: "reports.exported", details: { report: "themes_annual", year: report.year, format: "xlsx" } },
    };
  },
});
