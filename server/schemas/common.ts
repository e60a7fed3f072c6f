import { z } from "zod";

export const idSchema = z.uuid("validation.invalidId");

/** A display name: trimmed, 2-120 characters, no control characters. */
export const nameSchema = z
  .string("validation.required")
  .trim()
  .min(2, "validation.nameTooShort")
  .max(120, "validation.nameTooLong")
  .regex(/^[^\p{Cc}]*$/u, "validation.controlCharacters");

export const optionalIdSchema = z.preprocess((value) => (value === "" ? null : value), idSchema.nullable());
