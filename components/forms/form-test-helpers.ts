import { zodResolver } from "@hookform/resolvers/zod";
import type { TRPCError } from "@trpc/server";
import type { FieldErrors, FieldValues, ResolverOptions } from "react-hook-form";
import type { Catalogue } from "@/server/i18n/catalogue";
import { messages } from "@/server/i18n/messages";
import { appRouter } from "@/server/app-router";
import { setServerErrors, type ServerError } from "./server-errors";
import { translatedResolver } from "./use-zod-form";

const resolverOptions = { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<FieldValues>;

/** The browser's check of a form: its messages per dotted path and the values it would send. */
export async function browserCheck(schema: Parameters<typeof zodResolver>[0], values: FieldValues) {
  const resolver = translatedResolver(zodResolver(schema as never), messages as Catalogue);
  const result = await resolver(values as never, undefined, resolverOptions as never);
  const errors: Record<string, string> = {};
  const walk = (node: FieldErrors, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      const entry = value as { type?: unknown; message?: unknown };
      if (typeof entry?.type === "string" && typeof entry.message === "string") errors[prefix + key] = entry.message;
      else if (value && typeof value === "object") walk(value as FieldErrors, `${prefix}${key}.`);
    }
  };
  walk(result.errors, "");
  return { errors, values: result.values as FieldValues };
}

/** The browser's messages per dotted path, as react-hook-form would show them. */
export async function browserMessages(schema: Parameters<typeof zodResolver>[0], values: FieldValues) {
  return (await browserCheck(schema, values)).errors;
}

/** What the browser receives for a failed call: the router's own error formatter applied. */
export function asClientError(error: unknown): ServerError {
  const trpcError = error as TRPCError;
  const shape = appRouter._def._config.errorFormatter({
    error: trpcError,
    type: "mutation",
    path: undefined,
    input: undefined,
    ctx: undefined,
    shape: { message: trpcError.message, code: -32600, data: { code: trpcError.code, httpStatus: 400 } },
  });
  return shape as unknown as ServerError;
}

/** The messages a form shows after the server refused the call. */
export function serverMessages(error: ServerError) {
  const result: Record<string, string> = {};
  setServerErrors({ setError: (name: string, { message }: { message?: string }) => (result[name] = message!) } as never, error);
  return result;
}
