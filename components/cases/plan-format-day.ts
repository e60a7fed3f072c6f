"use client";

import { useFormatter } from "next-intl";
import { useCallback } from "react";

/** A date column (yyyy-mm-dd) in German, e.g. "2. März 2026"; a dash when empty. */
export function useFormatDay() {
  const format = useFormatter();
  return useCallback(
    (day: string | null | undefined) => (day ? format.dateTime(new Date(`${day}T12:00:00`), { dateStyle: "long" }) : "—"),
    [format],
  );
}
