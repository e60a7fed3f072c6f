import { z } from "zod";
import { idSchema } from "./common";

/** A calendar month as yyyy-mm. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "reports.validation.month");

export const monthlyReportSchema = z.object({ month: monthSchema, userId: idSchema.optional() }).strict();
export type MonthlyReportInput = z.infer<typeof monthlyReportSchema>;

export const submitMonthlyReportSchema = z.object({ month: monthSchema, note: z.string().trim().max(2000).default("") }).strict();
export type SubmitMonthlyReportInput = z.infer<typeof submitMonthlyReportSchema>;

export const reportStatusSchema = z.object({ month: monthSchema }).strict();
