import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import type { Database } from "@/db";
import type { AuditEventInput } from "../audit/events";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { translate } from "../i18n/translate";
import { createCaller } from "../app-router";

const contentTypes = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
} as const;

export type DownloadFormat = keyof typeof contentTypes;

/** What a route renders: the bytes, their format, a file name without extension and the audit event, if the procedure did not write one. */
export interface Download {
  body: Uint8Array | string;
  format: DownloadFormat;
  fileName: string;
  audit?: Omit<AuditEventInput, "tenantId" | "actorUserId">;
}

export interface DownloadSpec<Params, Input> {
  /** Reads the raw input from the route parameters and the query; `schema` parses it. */
  input: (params: Params, query: URLSearchParams) => unknown;
  schema: z.ZodType<Input>;
  /** The catalogue key answered (400) for input that does not parse; without it, such a request is not found (404). */
  invalidInput?: string;
  /** Calls the same procedure (and so the same policy) as the screen, and renders the file. */
  render: (call: { caller: ReturnType<typeof createCaller>; input: Input; actor: Actor }) => Promise<Download>;
}

function text(status: number, key: string): Response {
  return new Response(translate(key), { status });
}

/** A file name a browser saves as it is: ASCII letters, digits, dot, dash and underscore only. */
export function safeFileName(name: string): string {
  const ascii = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  return (
    ascii
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/^[-.]+|[-.]+$/g, "")
      .slice(0, 120) || "download"
  );
}

/**
 * One download: the session's actor, the input, the procedure, the file, the audit event and the
 * response headers. The tRPC procedure authorises; a refusal becomes 403, anything else it
 * refuses looks like a missing file (404).
 */
export async function serveDownload<Params, Input>(
  request: Request,
  params: Params,
  spec: DownloadSpec<Params, Input>,
  session: { db: Database; actor: Actor | null },
): Promise<Response> {
  const { db, actor } = session;
  if (!actor) return text(401, "downloads.signIn");
  const input = spec.schema.safeParse(spec.input(params, new URL(request.url).searchParams));
  if (!input.success) return spec.invalidInput ? text(400, spec.invalidInput) : text(404, "downloads.notFound");
  try {
    const caller = createCaller({ db, actor, request: { address: "", userAgent: null } });
    const file = await spec.render({ caller, input: input.data, actor });
    if (file.audit) await recordAuditEvent(db, { ...file.audit, tenantId: actor.tenantId, actorUserId: actor.userId });
    const body = typeof file.body === "string" ? file.body : new Uint8Array(file.body);
    return new Response(body, {
      headers: {
        "Content-Type": contentTypes[file.format],
        "Content-Disposition": `attachment; filename="${safeFileName(file.fileName)}.${file.format}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError) return text(error.code === "FORBIDDEN" ? 403 : 404, "downloads.notFound");
    throw error;
  }
}
