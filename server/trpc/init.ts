import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { Permission } from "../auth/permissions";
import { canSomewhere, type Actor } from "../auth/policy";
import { logger } from "../config/logger";
import { AppError, toTrpcError } from "../errors";
import { translate, translateFieldErrors } from "../i18n/translate";
import type { Context } from "./context";
// German messages for every zod issue a schema does not word itself.
import "../schemas/zod-config";

export interface ProcedureMeta {
  /** The permission a caller needs; "public" for the few procedures anyone may call. */
  permission: Permission | "public";
}

function issuePathsOf(error: ZodError): Record<string, string[]> {
  const paths: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    (paths[path] ??= []).push(translate(issue.message));
  }
  return paths;
}

/** Writes the audit row of a refused call. */
export type DenialRecorder = (db: Context["db"], denial: { tenantId: string; actorUserId: string; path: string }) => Promise<void>;

let recordDenial: DenialRecorder | null = null;

/**
 * The app router hands over the audit writer, so that tRPC imports no domain and the audit router
 * can build on tRPC. Without it a refusal still refuses, but as an internal error.
 */
export function setDenialRecorder(recorder: DenialRecorder) {
  recordDenial = recorder;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const zodError = error.cause instanceof ZodError ? error.cause : null;
      return {
        ...shape,
        message: zodError ? translate("errors.invalidInput") : translate(shape.message),
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          // Field messages for forms; stack traces never leave the server.
          fieldErrors: zodError ? translateFieldErrors(z.flattenError(zodError).fieldErrors) : null,
          // Nested fields by dotted path ("identity.lastName"), for forms with sections.
          issuePaths: zodError ? issuePathsOf(zodError) : null,
          field: error.cause instanceof AppError ? (error.cause.field ?? null) : null,
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Maps service errors once; unexpected errors become a generic 500 and a log line. */
const errorMapping = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) throw toTrpcError(cause);
    if (result.error.code === "INTERNAL_SERVER_ERROR") {
      logger.error({ err: cause ?? result.error, path }, "procedure failed");
      throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "errors.unexpected" });
    }
  }
  return result;
});

/**
 * Every procedure passes here before its input is parsed. No permission in the meta means no
 * access (deny by default); a missing or insufficient session is refused and audited.
 */
const authorization = t.middleware(async ({ ctx, meta, path, next }) => {
  const permission = meta?.permission;
  if (!permission) {
    throw new TRPCError({ code: "FORBIDDEN", message: "errors.notPermitted" });
  }
  if (permission === "public") return next({ ctx: { ...ctx, actor: ctx.actor } });
  if (!ctx.actor) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "errors.unauthenticated" });
  }
  if (!canSomewhere(ctx.actor, permission)) {
    if (!recordDenial) throw new Error("no audit writer for refused calls");
    await recordDenial(ctx.db, { tenantId: ctx.actor.tenantId, actorUserId: ctx.actor.userId, path });
    throw new TRPCError({ code: "FORBIDDEN", message: "errors.forbidden" });
  }
  return next({ ctx: { ...ctx, actor: ctx.actor as Actor } });
});

const baseProcedure = t.procedure.use(errorMapping).use(authorization);

/** A procedure anyone may call, such as the health check. */
export const publicProcedure = baseProcedure.meta({ permission: "public" });

/** A procedure for signed-in callers holding `permission`; `ctx.actor` is non-null inside. */
export function authorizedProcedure(permission: Permission) {
  return baseProcedure.meta({ permission }).use(({ ctx, next }) => {
    if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "errors.unauthenticated" });
    return next({ ctx: { ...ctx, actor: ctx.actor } });
  });
}

/** The raw builder: a procedure built on it without `.meta({ permission })` refuses every call. */
export const procedure = baseProcedure;
