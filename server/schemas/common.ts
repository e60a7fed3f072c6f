import { z } from "zod";
import "./zod-config";

/**
 * Half of a character (a lone UTF-16 surrogate, as a broken paste or a crafted request sends it)
 * can be neither stored as JSON nor shown: refused in every text field instead of failing later
 * or being stored as U+FFFD.
 */
export function isWellFormedText(value: string): boolean {
  return !/\p{Cs}/u.test(value);
}

/** Bidirectional controls (U+202A–U+202E, U+2066–U+2069) make a name or title read differently from what was typed. */
export function hasNoBidiControls(value: string): boolean {
  return !/[\u202A-\u202E\u2066-\u2069]/.test(value);
}

export const idSchema = z.uuid("validation.invalidId");

/** A display name: trimmed, 2-120 characters, no control characters. */
export const nameSchema = z
  .string("validation.required")
  .trim()
  .min(2, "validation.nameTooShort")
  .max(120, "validation.nameTooLong")
  .regex(/^[^\p{Cc}]*$/u, "validation.controlCharacters")
  .refine(isWellFormedText, "validation.brokenCharacter")
  .refine(hasNoBidiControls, "validation.bidiControls");

export const optionalIdSchema = z.preprocess((value) => (value === "" ? null : value), idSchema.nullable());
