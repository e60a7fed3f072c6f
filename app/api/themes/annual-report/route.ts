import { cookies } from "next/headers";
import { TRPCError } from "@trpc/server";
import { getDb } from "@/db";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { actorFromCookies } from "@/server/auth/session";
import { annualReportSchema } from "@/server/schemas/themes";
import { annualThemeReportWorkbook } from "@/server/themes/annual-report";
import { createCaller } from "@/server/app-router";

export const dynamic = "force-dynamic";

/** The registry's annual report as an .xlsx download, through the same procedure and policy as the screen. */
export async function GET(req: Request) {
  const actor = await actorFromCookies(await cookies());
  if (!actor) return new Response("Bitte melden Sie sich an.", { status: 401 });
  const input = annualReportSchema.safeParse({ year: new URL(req.url).searchParams.get("year") ?? undefined });
  if (!input.success) return new Response("Ungültiges Jahr.", { status: 400 });
  const db = await getDb();
  try {
    const report = await createCaller({ db, actor, request: { address: "", userAgent: null } }).themes.annualReport(input.data);
    const workbook = await annualThemeReportWorkbook(report);
    await recordAuditEvent(db, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "reports.exported",
      details: { report: "themes_annual", year: report.year, format: "xlsx" },
    });
    return new Response(new Uint8Array(workbook), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="themen-jahresbericht-${report.year}.xlsx"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError) return new Response("Nicht gefunden.", { status: error.code === "FORBIDDEN" ? 403 : 404 });
    throw error;
  }
}
