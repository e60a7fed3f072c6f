import { TRPCError } from "@trpc/server";
import { cookies } from "next/headers";
import { getDb } from "@/db";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { actorFromCookies } from "@/server/auth/session";
import { vorlageVersionSchema } from "@/server/schemas/decisions";
import { vorlagePdf } from "@/server/steering/vorlage-pdf";
import { createCaller } from "@/server/app-router";

export const dynamic = "force-dynamic";

/** One version of a Vorlage as a PDF, through the same procedure and policy as the screen. */
export async function GET(_req: Request, { params }: { params: Promise<{ vorlageId: string; version: string }> }) {
  const actor = await actorFromCookies(await cookies());
  if (!actor) return new Response("Bitte melden Sie sich an.", { status: 401 });
  const raw = await params;
  const input = vorlageVersionSchema.safeParse({ vorlageId: raw.vorlageId, version: Number(raw.version) });
  if (!input.success) return new Response("Nicht gefunden.", { status: 404 });
  const db = await getDb();
  try {
    const version = await createCaller({ db, actor, request: { address: "", userAgent: null } }).steering.vorlagen.version(input.data);
    const pdf = await vorlagePdf({ ...version, createdAt: new Date(version.createdAt) });
    await recordAuditEvent(db, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "steering.vorlage_exported",
      target: { type: "theme", id: version.themeId },
      details: { vorlageId: version.vorlageId, version: version.version, format: "pdf" },
    });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="vorlage-v${version.version}.pdf"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError) return new Response("Nicht gefunden.", { status: error.code === "FORBIDDEN" ? 403 : 404 });
    throw error;
  }
}
