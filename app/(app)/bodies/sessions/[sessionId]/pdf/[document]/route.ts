import { z } from "zod";
import { calendarDayOf } from "@/server/schemas/calendar-days";
import { downloadRoute } from "@/server/downloads/download-route";
import { sessionIdSchema } from "@/server/schemas/sessions";
import { invitationPdf, minutesPdf } from "@/server/sessions/session-pdf";

export const dynamic = "force-dynamic";

const documents = { invitation: { render: invitationPdf, file: "einladung" }, minutes: { render: minutesPdf, file: "protokoll" } } as const;

/** The invitation or the minutes of a session as a PDF, through the same procedure and policy as the page. */
export const GET = downloadRoute({
  input: (params: { sessionId: string; document: string }) => params,
  schema: sessionIdSchema.extend({ document: z.enum(["invitation", "minutes"]) }),
  render: async ({ caller, input }) => {
    const view = await caller.sessions.get({ sessionId: input.sessionId });
    const document = documents[input.document];
    return {
      body: await document.render(view),
      format: "pdf",
      fileName: `${document.file}-${calendarDayOf(view.session.scheduledAt)}`,
      audit: {
        action: "sessions.document_exported",
        target: { type: "body_session", id: view.session.id },
        details: { document: input.document, format: "pdf" },
      },
    };
  },
});
