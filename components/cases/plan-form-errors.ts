"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback } from "react";
import type { z } from "zod";

/**
 * Field messages keyed by the full path ("goals.0.steps.1.action"). The server flattens nested
 * issues to their first key, so nested forms check the same zod schema in the browser first.
 */
export function useSchemaErrors() {
  const t = useTranslations();
  const translateKey = useCallback((key: string) => (t.has(key) ? t(key) : t("errors.invalidInput")), [t]);
  const check = useCallback(
    <S extends z.ZodType>(
      schema: S,
      values: unknown,
    ): { data: z.output<S>; errors: null } | { data: null; errors: Record<string, string> } => {
      const result = schema.safeParse(values);
      if (result.success) return { data: result.data, errors: null };
      const errors: Record<string, string> = {};
      for (const issue of result.error.issues) {
        const key = issue.path.map(String).join(".");
        errors[key] ??= translateKey(issue.message);
      }
      return { data: null, errors };
    },
    [translateKey],
  );
  return { check, translateKey };
}

/** A date column (yyyy-mm-dd) in German, e.g. "2. März 2026"; a dash when empty. */
export function useFormatDay() {
  const format = useFormatter();
  return useCallback(
    (day: string | null | undefined) => (day ? format.dateTime(new Date(`${day}T12:00:00`), { dateStyle: "long" }) : "—"),
    [format],
  );
}

/** Moves keyboard focus to the first field marked invalid, so the error is heard and can be fixed at once. */
export function focusFirstInvalid(form: HTMLFormElement | null) {
  // After React has rendered the messages.
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"], fieldset[data-invalid="true"] input')?.focus());
}
