import { TRPCError } from "@trpc/server";
import { translate } from "./i18n/translate";

export type AppErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "INVALID_INPUT" | "RATE_LIMITED";

/** The one error type of services: a code and a German message a user can act on. */
export class AppError extends Error {
  // `message` is a key of the German catalogue (server/i18n/de/), translated when mapped.
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly field?: string,
    /** Values for placeholders in the catalogue message, e.g. `{fields}`. */
    readonly values: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

const trpcCodes: Record<AppErrorCode, TRPCError["code"]> = {
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  INVALID_INPUT: "BAD_REQUEST",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
};

export function toTrpcError(error: AppError): TRPCError {
  return new TRPCError({ code: trpcCodes[error.code], message: translate(error.message, error.values), cause: error });
}

interface DriverError {
  code?: unknown;
  /** postgres.js names the constraint `constraint_name`, PGlite `constraint`. */
  constraint_name?: string;
  constraint?: string;
  cause?: unknown;
}

/** The violated unique constraint's name, from either driver; null for any other error. */
export function violatedUniqueConstraint(error: unknown): string | null {
  let current: unknown = error;
  while (current && typeof current === "object") {
    const driverError = current as DriverError;
    if (driverError.code === "23505") return driverError.constraint_name ?? driverError.constraint ?? "";
    current = driverError.cause;
  }
  return null;
}

export function isUniqueViolation(error: unknown): boolean {
  return violatedUniqueConstraint(error) !== null;
}
