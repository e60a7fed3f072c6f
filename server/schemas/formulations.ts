import { z } from "zod";
import { idSchema, isWellFormedText, hasNoBidiControls } from "./common";
import { consentVotes } from "./conference-kinds";

export const startFormulationSchema = z
  .object({
    conferenceId: idSchema,
    clusterId: idSchema,
    /** Empty: the cluster's title is used. */
    title: z
      .string("validation.required")
      .trim()
      .max(200, "validation.textTooLong")
      .regex(/^[^\p{Cc}]*$/u, "validation.controlCharacters")
      .refine(isWellFormedText, "validation.brokenCharacter")
      .refine(hasNoBidiControls, "validation.bidiControls")
      .default(""),
  })
  .strict();
export type StartFormulationInput = z.infer<typeof startFormulationSchema>;

export const formulationIdSchema = z.object({ formulationId: idSchema }).strict();

export const voteFormulationSchema = z.object({ formulationId: idSchema, vote: z.enum(consentVotes, "validation.choose") }).strict();
export type VoteFormulationInput = z.infer<typeof voteFormulationSchema>;
