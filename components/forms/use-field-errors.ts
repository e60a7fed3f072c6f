import type { TRPCClientErrorLike } from "@trpc/client";
import type { AppRouter } from "@/server/app-router";

/** Field messages from a failed mutation: zod issues per field, or the service error's field. */
export function fieldErrorsOf(error: TRPCClientErrorLike<AppRouter> | null): Record<string, string> {
  if (!error?.data) return {};
  const result: Record<string, string> = {};
  for (const [field, messages] of Object.entries(error.data.fieldErrors ?? {})) {
    if (messages?.[0]) result[field] = messages[0];
  }
  if (error.data.field && !result[error.data.field]) result[error.data.field] = error.message;
  return result;
}
