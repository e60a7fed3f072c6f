import { TRPCError } from "@trpc/server";
import { cookies } from "next/headers";
import { getDb } from "@/db";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { actorFromCookies } from "@/server/auth/session";
import { sessionIdSchema } from "@/server/schemas/sessions";
import { invitationPdf, minutesPdf } from "@/server/sessions/session-pdf";
import { createCaller } from "@/server/app-router";

export const dynamic = "force-dynamic";

const documents = { invitation: { render: invitationPdf, file: "einladung" }, minutes: { render: minutesPdf, file: "protokoll" } } as const;

/** The invitation or the minutes of a session as a PDF, through the same procedure and policy as the page. */
export async function GET(_req: Request, { params }: { params: Promise<{ sessionId: string; document: string }> }) {
  const actor = await actorFromCookies(await cookies());
  if (!actor) return new Response("Bitte melden Sie sich an.", { status: 401 });
  const raw = await params;
  const input = sessionIdSchema.safeParse({ sessionId: raw.sessionId });
  const document = Object.hasOwn(documents, raw.document) ? documents[raw.document as keyof typeof documents] : null;
  if (!input.success || !document) return new Response("Nicht gefunden.", { status: 404 });
  const db = await getDb();
  try {
    const view = await createCaller({ db, actor, request: { address: "", userAgent: null } }).sessions.get(input.data);
    const pdf = await document.render(view);
    await recordAuditEvent(db, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "sessions.document_exported",
      target: { type: "body_session", id: view.session.id },
      details: { document: raw.document, format: "pdf" },
    });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${document.file}-${view.session.scheduledAt.toISOString().slice(0, 10)}.pdf"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError) return new Response("Nicht gefunden.", { status: error.code === "FORBIDDEN" ? 403 : 404 });
    throw error;
  }
}
