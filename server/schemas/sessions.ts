import { z } from "zod";
import { idSchema, optionalIdSchema, isWellFormedText, hasNoBidiControls } from "./common";

// Free text on agendas, polls and member lists: trimmed, bounded, no control characters but line feeds.
const text = (max: number) =>
  z
    .string("validation.required")
    .trim()
    .max(max, "validation.textTooLong")
    .regex(/^[^\u0000-\u0008\u000B-\u001F\u007F]*$/, "validation.controlCharacters")
    .refine(isWellFormedText, "validation.brokenCharacter");
const isoDay = z.iso.date("validation.date");

export const bodyIdSchema = z.object({ bodyId: idSchema }).strict();
export const sessionIdSchema = z.object({ sessionId: idSchema }).strict();
export const pollIdSchema = z.object({ pollId: idSchema }).strict();

export const addExternalMemberSchema = z
  .object({
    bodyId: idSchema,
    name: text(120).min(2, "validation.nameTooShort").refine(hasNoBidiControls, "validation.bidiControls"),
    organisationName: text(200).default(""),
    function: text(200).default(""),
  })
  .strict();
export type AddExternalMemberInput = z.infer<typeof addExternalMemberSchema>;

export const removeExternalMemberSchema = z.object({ externalMemberId: idSchema }).strict();

export const planSessionSchema = z
  .object({
    bodyId: idSchema,
    title: text(200).min(3, "validation.nameTooShort").refine(hasNoBidiControls, "validation.bidiControls"),
    scheduledAt: z.coerce.date("validation.date"),
    place: text(300).default(""),
  })
  .strict();
export type PlanSessionInput = z.infer<typeof planSessionSchema>;

export const updateSessionSchema = planSessionSchema.omit({ bodyId: true }).extend({ sessionId: idSchema }).strict();
export type UpdateSessionInput = z.infer<typeof updateSessionSchema>;

/** Items the coordination adds by hand; assignment reports come in through `generateAgenda`. */
export const addAgendaItemSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ sessionId: idSchema, kind: z.literal("theme"), themeId: idSchema, notes: text(2000).default("") }).strict(),
    z.object({ sessionId: idSchema, kind: z.literal("vorlage"), vorlageId: idSchema, notes: text(2000).default("") }).strict(),
    z
      .object({
        sessionId: idSchema,
        kind: z.literal("report"),
        title: text(200).min(3, "validation.nameTooShort").refine(hasNoBidiControls, "validation.bidiControls"),
        notes: text(2000).default(""),
      })
      .strict(),
    z
      .object({
        sessionId: idSchema,
        kind: z.literal("free"),
        title: text(200).min(3, "validation.nameTooShort").refine(hasNoBidiControls, "validation.bidiControls"),
        notes: text(2000).default(""),
      })
      .strict(),
  ],
  "validation.choose",
);
export type AddAgendaItemInput = z.infer<typeof addAgendaItemSchema>;

export const agendaItemIdSchema = z.object({ agendaItemId: idSchema }).strict();
export const moveAgendaItemSchema = z.object({ agendaItemId: idSchema, direction: z.enum(["up", "down"], "validation.choose") }).strict();

export const attendanceSchema = z
  .object({
    sessionId: idSchema,
    entries: z
      .array(
        z.union([
          z.object({ userId: idSchema, present: z.boolean() }).strict(),
          z.object({ externalMemberId: idSchema, present: z.boolean() }).strict(),
        ]),
      )
      .max(200, "validation.textTooLong"),
  })
  .strict();
export type AttendanceInput = z.infer<typeof attendanceSchema>;

export const approveMinutesSchema = z.object({ sessionId: idSchema, approvingSessionId: idSchema }).strict();

export const createPollSchema = z
  .object({
    bodyId: idSchema,
    sessionId: optionalIdSchema.default(null),
    question: text(1000).min(10, "sessions.validation.questionTooShort"),
    themeIds: z.array(idSchema).min(1, "sessions.validation.chooseTheme").max(20, "sessions.validation.tooManyThemes"),
    dueDate: isoDay,
  })
  .strict();
export type CreatePollInput = z.infer<typeof createPollSchema>;

export const answerPollSchema = z
  .object({
    pollId: idSchema,
    themeId: idSchema,
    answer: text(3000).min(3, "sessions.validation.answerTooShort"),
    caseCount: z.number("validation.number").int("validation.number").min(0, "validation.number").max(1000, "validation.number"),
  })
  .strict();
export type AnswerPollInput = z.infer<typeof answerPollSchema>;
