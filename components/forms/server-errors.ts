import type { TRPCClientErrorLike } from "@trpc/client";
import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";
import type { AppRouter } from "@/server/app-router";

export type ServerError = Pick<TRPCClientErrorLike<AppRouter>, "message" | "data">;

/**
 * The server's message per field, keyed by dotted path ("identity.lastName") as react-hook-form names
 * fields: every zod issue at its full path, and a service error's field (`AppError(…, field)`).
 */
export function serverFieldErrors(error: ServerError | null | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  if (!error?.data) return result;
  for (const [path, messages] of Object.entries(error.data.issuePaths ?? {})) {
    if (path && messages[0] && !result[path]) result[path] = messages[0];
  }
  const field = error.data.field;
  if (field && !result[field]) result[field] = error.message;
  return result;
}

/** Puts the server's field messages on the form's fields, where the browser's own messages appear. */
export function setServerErrors<T extends FieldValues>(
  form: { setError: UseFormSetError<T> },
  error: ServerError | null | undefined,
): void {
  const fieldErrors = Object.entries(serverFieldErrors(error));
  fieldErrors.forEach(([path, message], index) => {
    form.setError(path as FieldPath<T>, { type: "server", message }, { shouldFocus: index === 0 });
  });
}

/** The message for the form's alert: only when the server named no field. */
export function formErrorOf(error: ServerError | null | undefined): string | null {
  if (!error) return null;
  return Object.keys(serverFieldErrors(error)).length ? null : error.message;
}
