import { cookies } from "next/headers";
import { TRPCError } from "@trpc/server";
import { getDb } from "@/db";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { actorFromCookies } from "@/server/auth/session";
import { monthlyReportWorkbook } from "@/server/reports/spreadsheet";
import { monthlyReportSchema } from "@/server/schemas/reports";
import { createCaller } from "@/server/app-router";

export const dynamic = "force-dynamic";

/** The monthly report as an .xlsx download, through the same procedure and policy as the screen. */
export async function GET(req: Request) {
  const actor = await actorFromCookies(await cookies());
  if (!actor) return new Response("Bitte melden Sie sich an.", { status: 401 });
  const params = new URL(req.url).searchParams;
  const input = monthlyReportSchema.safeParse({ month: params.get("month"), userId: params.get("userId") ?? undefined });
  if (!input.success) return new Response("Ungültiger Monat.", { status: 400 });
  const db = await getDb();
  try {
    const report = await createCaller({ db, actor, request: { address: "", userAgent: null } }).reports.monthly(input.data);
    const workbook = await monthlyReportWorkbook(report);
    await recordAuditEvent(db, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "reports.exported",
      details: { month: report.month, format: "xlsx" },
    });
    return new Response(new Uint8Array(workbook), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="monatsbericht-${report.month}.xlsx"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError) return new Response("Nicht gefunden.", { status: error.code === "FORBIDDEN" ? 403 : 404 });
    throw error;
  }
}
