import { downloadRoute } from "@/server/downloads/download-route";
import { vorlageVersionSchema } from "@/server/schemas/decisions";
import { vorlagePdf } from "@/server/steering/vorlage-pdf";

export const dynamic = "force-dynamic";

/** One version of a Vorlage as a PDF, through the same procedure and policy as the screen. */
export const GET = downloadRoute({
  input: (params: { vorlageId: string; version: string }) => ({ vorlageId: params.vorlageId, version: Number(params.version) }),
  schema: vorlageVersionSchema,
  render: async ({ caller, input }) => {
    const version = await caller.steering.vorlagen.version(input);
    return {
      body: await vorlagePdf({ ...version, createdAt: new Date(version.createdAt) }),
      format: "pdf",
      fileName: `vorlage-v${version.version}`,
      audit: {
        action: "steering.vorlage_exported",
        target: { type: "theme", id: version.themeId },
        details: { vorlageId: version.vorlageId, version: version.version, format: "pdf" },
      },
    };
  },
});
