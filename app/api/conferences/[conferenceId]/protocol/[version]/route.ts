import { protocolPdf } from "@/server/conferences/protocol-pdf";
import { downloadRoute } from "@/server/downloads/download-route";
import { protocolVersionSchema } from "@/server/schemas/work-packages";

export const dynamic = "force-dynamic";

/** One protocol version as a PDF, through the same procedure and policy as the screen: projected for the viewer. */
export const GET = downloadRoute({
  input: (params: { conferenceId: string; version: string }) => ({ conferenceId: params.conferenceId, version: Number(params.version) }),
  schema: protocolVersionSchema,
  render: async ({ caller, input }) => ({
    body: await protocolPdf(await caller.conferences.protocol.get(input)),
    format: "pdf",
    fileName: `protokoll-v${input.version}`,
    audit: {
      action: "conferences.protocol_exported",
      target: { type: "conference", id: input.conferenceId },
      details: { version: input.version, format: "pdf" },
    },
  }),
});
