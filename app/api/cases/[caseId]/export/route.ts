import { TRPCError } from "@trpc/server";
import { cookies } from "next/headers";
import { getDb } from "@/db";
import { actorFromCookies } from "@/server/auth/session";
import { personDataPdf } from "@/server/cases/person-data-pdf";
import { createCaller } from "@/server/app-router";

export const dynamic = "force-dynamic";

/** Art. 15/20 export for the responsible case manager, as JSON or PDF, via the audited procedure. */
export async function GET(req: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const actor = await actorFromCookies(await cookies());
  if (!actor) return new Response("Bitte melden Sie sich an.", { status: 401 });
  const { caseId } = await params;
  const format = new URL(req.url).searchParams.get("format") === "pdf" ? "pdf" : "json";
  try {
    const data = await createCaller({ db: await getDb(), actor, request: { address: "", userAgent: null } }).cases.exportPersonData({
      caseId,
    });
    const name = `auskunft-${data.case.pseudonym}`;
    const headers = { "Cache-Control": "no-store", "Content-Disposition": `attachment; filename="${name}.${format}"` };
    if (format === "pdf")
      return new Response(new Uint8Array(await personDataPdf(data)), { headers: { ...headers, "Content-Type": "application/pdf" } });
    return new Response(JSON.stringify(data, null, 2), { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
  } catch (error) {
    if (error instanceof TRPCError) return new Response("Nicht gefunden.", { status: error.code === "FORBIDDEN" ? 403 : 404 });
    throw error;
  }
}
