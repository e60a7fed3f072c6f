import { TRPCError } from "@trpc/server";
import { cookies } from "next/headers";
import { getDb } from "@/db";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { actorFromCookies } from "@/server/auth/session";
import { protocolPdf } from "@/server/conferences/protocol-pdf";
import { protocolVersionSchema } from "@/server/schemas/work-packages";
import { createCaller } from "@/server/app-router";

export const dynamic = "force-dynamic";

/** One protocol version as a PDF, through the same procedure and policy as the screen: projected for the viewer. */
export async function GET(_req: Request, { params }: { params: Promise<{ conferenceId: string; version: string }> }) {
  const actor = await actorFromCookies(await cookies());
  if (!actor) return new Response("Bitte melden Sie sich an.", { status: 401 });
  const raw = await params;
  const input = protocolVersionSchema.safeParse({ conferenceId: raw.conferenceId, version: Number(raw.version) });
  if (!input.success) return new Response("Nicht gefunden.", { status: 404 });
  const db = await getDb();
  try {
    const snapshot = await createCaller({ db, actor, request: { address: "", userAgent: null } }).conferences.protocol.get(input.data);
    const pdf = await protocolPdf(snapshot);
    await recordAuditEvent(db, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "conferences.protocol_exported",
      target: { type: "conference", id: input.data.conferenceId },
      details: { version: input.data.version, format: "pdf" },
    });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="protokoll-v${input.data.version}.pdf"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError) return new Response("Nicht gefunden.", { status: error.code === "FORBIDDEN" ? 403 : 404 });
    throw error;
  }
}
