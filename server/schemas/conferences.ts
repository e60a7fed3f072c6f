import { z } from "zod";
import { conferenceTypes } from "./conference-kinds";
import { idSchema, optionalIdSchema, isWellFormedText, hasNoBidiControls } from "./common";

const text = (max: number) =>
  z
    .string("validation.required")
    .trim()
    .max(max, "validation.textTooLong")
    .regex(/^[^\u0000]*$/, "validation.controlCharacters")
    .refine(isWellFormedText, "validation.brokenCharacter");

export const createConferenceSchema = z
  .object({
    type: z.enum(conferenceTypes, "validation.choose"),
    title: text(200).min(3, "conferences.validation.titleTooShort").refine(hasNoBidiControls, "validation.bidiControls"),
    kommuneId: optionalIdSchema.default(null),
    scheduledAt: z.coerce.date("validation.date"),
    place: text(300).default(""),
    isOnline: z.boolean().default(false),
    /** Bounded by the live room's limit for the type, which the tenant sets (at most 500). */
    participantUserIds: z.array(idSchema).max(500, "conferences.validation.tooManyParticipants").default([]),
    /** Invited participants who moderate together with the planner. */
    coModeratorUserIds: z.array(idSchema).max(5, "conferences.validation.tooManyModerators").default([]),
    /** The meeting this one follows up: its open work packages become the first agenda item. */
    previousConferenceId: optionalIdSchema.default(null),
  })
  .strict();
export type CreateConferenceInput = z.infer<typeof createConferenceSchema>;
export type CreateConferenceRequest = z.input<typeof createConferenceSchema>;

export const conferenceIdSchema = z.object({ conferenceId: idSchema }).strict();

export const conferenceStatusSchema = z
  .object({ conferenceId: idSchema, status: z.enum(["running", "finished"], "validation.choose") })
  .strict();
