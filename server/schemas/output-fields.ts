import { z } from "zod";

/** The field types the case procedures' outputs are built from. */
export const id = z.string();
/** A calendar day as the database gives it (yyyy-mm-dd). */
export const day = z.string();
export const optionalDay = day.nullable();
export const timestamp = z.date();
export const okSchema = z.strictObject({ ok: z.literal(true) });
export const areaTexts = z.record(z.string(), z.string().optional());
export const attainmentByAreaSchema = z.record(z.string(), z.string().optional());
