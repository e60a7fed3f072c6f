"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMessages, useTranslations } from "next-intl";
import { useMemo } from "react";
import {
  useForm,
  type FieldErrors,
  type FieldValues,
  type FormState,
  type Resolver,
  type UseFormProps,
  type UseFormReturn,
} from "react-hook-form";
import type { z } from "zod";
import { translateFrom, type Catalogue } from "@/server/i18n/catalogue";
import "@/server/schemas/zod-config";
import { formErrorOf, type ServerError } from "./server-errors";

/** A form over a schema of server/schemas/: what the browser submits is what the procedure parses. */
export type ZodForm<TSchema extends z.ZodType<FieldValues, FieldValues>> = UseFormReturn<z.input<TSchema>, unknown, z.output<TSchema>>;

/**
 * react-hook-form with the tRPC input schema as resolver. The schemas carry catalogue keys as
 * messages; they are translated here exactly as the server's error formatter does, so a field shows
 * the same German text whether the browser or the server found the problem.
 */
export function useZodForm<TSchema extends z.ZodType<FieldValues, FieldValues>>(
  schema: TSchema,
  options: Omit<UseFormProps<z.input<TSchema>, unknown, z.output<TSchema>>, "resolver"> = {},
): ZodForm<TSchema> {
  const messages = useMessages() as Catalogue;
  const resolver = useMemo(() => translatedResolver(zodResolver(schema), messages), [schema, messages]);
  return useForm<z.input<TSchema>, unknown, z.output<TSchema>>({ ...options, resolver });
}

/** Wraps a resolver so that every message of its errors is looked up in the catalogue. */
export function translatedResolver<TIn extends FieldValues, TOut>(
  resolver: Resolver<TIn, unknown, TOut>,
  catalogue: Catalogue,
): Resolver<TIn, unknown, TOut> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    translateErrors(result.errors, catalogue);
    return result;
  };
}

function translateErrors(node: FieldErrors | undefined, catalogue: Catalogue): void {
  if (!node || typeof node !== "object") return;
  for (const value of Object.values(node) as unknown[]) {
    if (!value || typeof value !== "object") continue;
    const entry = value as { type?: unknown; message?: unknown };
    if (typeof entry.type === "string" && typeof entry.message === "string") {
      entry.message = translateFrom(catalogue, entry.message);
    } else {
      translateErrors(value as FieldErrors, catalogue);
    }
  }
}

/** The first message anywhere in an error tree, for a group (a list of rows) shown as one field. */
export function firstErrorMessage(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  const entry = error as { type?: unknown; message?: unknown };
  if (typeof entry.message === "string" && entry.message) return entry.message;
  for (const [key, value] of Object.entries(error)) {
    if (key === "ref") continue;
    const message = firstErrorMessage(value);
    if (message) return message;
  }
  return undefined;
}

/**
 * The text for the form's alert (FormStatus): the server's message, or, when the browser refused the
 * input, the same "check the marked fields" the server answers to invalid input. With
 * `hideWhenFieldsNamed` a server message that already stands at a field is not repeated.
 */
export function useFormAlert(
  form: { formState: Pick<FormState<FieldValues>, "errors"> },
  error: ServerError | null | undefined,
  { hideWhenFieldsNamed = false }: { hideWhenFieldsNamed?: boolean } = {},
): string | null {
  const t = useTranslations("errors");
  const hasFieldErrors = Object.keys(form.formState.errors).length > 0;
  if (error) return hideWhenFieldsNamed ? formErrorOf(error) : error.message;
  return hasFieldErrors ? t("invalidInput") : null;
}

/** Every message of an error tree by dotted path ("screening.verdict"), for field groups built by path. */
export function errorsByPath(errors: unknown, prefix = ""): Record<string, string> {
  const result: Record<string, string> = {};
  if (!errors || typeof errors !== "object") return result;
  for (const [key, value] of Object.entries(errors)) {
    if (key === "ref" || !value || typeof value !== "object") continue;
    const entry = value as { type?: unknown; message?: unknown };
    if (typeof entry.type === "string" && typeof entry.message === "string") result[prefix + key] = entry.message;
    else Object.assign(result, errorsByPath(value, `${prefix}${key}.`));
  }
  return result;
}
