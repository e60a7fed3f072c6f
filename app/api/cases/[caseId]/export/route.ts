import { z } from "zod";
import { personDataPdf } from "@/server/cases/person-data-pdf";
import { downloadRoute } from "@/server/downloads/download-route";
import { caseIdSchema } from "@/server/schemas/cases";

export const dynamic = "force-dynamic";

/** Art. 15/20 export for the responsible case manager, as JSON or PDF, via the audited procedure. */
export const GET = downloadRoute({
  input: (params: { caseId: string }, query) => ({ caseId: params.caseId, format: query.get("format") === "pdf" ? "pdf" : "json" }),
  schema: caseIdSchema.extend({ format: z.enum(["json", "pdf"]) }),
  render: async ({ caller, input }) => {
    const data = await caller.cases.exportPersonData({ caseId: input.caseId });
    const body = input.format === "pdf" ? await personDataPdf(data) : JSON.stringify(data, null, 2);
    return { body, format: input.format, fileName: `auskunft-${data.case.pseudonym}` };
  },
});
