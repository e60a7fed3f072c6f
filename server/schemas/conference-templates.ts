import { z } from "zod";
import { hasNoBidiControls, isWellFormedText } from "./common";
import { conferenceTypes, phaseBoards } from "./conference-kinds";

export const phaseSchema = z
  .object({
    key: z
      .string()
      .min(1)
      .max(40)
      .regex(/^[a-z0-9-]+$/, "conferences.templates.invalidKey"),
    title: z
      .string()
      .trim()
      .min(1, "validation.required")
      .max(80, "validation.textTooLong")
      .refine(isWellFormedText, "validation.brokenCharacter")
      .refine(hasNoBidiControls, "validation.bidiControls"),
    board: z.enum(phaseBoards, "validation.choose"),
    minutes: z.number().int().min(1, "conferences.templates.minutesRange").max(240, "conferences.templates.minutesRange"),
  })
  .strict();

export const saveTemplateSchema = z
  .object({
    type: z.enum(conferenceTypes, "validation.choose"),
    phases: z.array(phaseSchema).min(1, "conferences.templates.atLeastOnePhase").max(20, "conferences.templates.tooManyPhases"),
  })
  .strict();
export type SaveTemplateInput = z.infer<typeof saveTemplateSchema>;

export const reconstructionPlanSchema = z
  .object({ year: z.number().int().min(2020, "validation.date").max(2100, "validation.date") })
  .strict();
