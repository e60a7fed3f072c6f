import { z } from "zod";
import { idSchema, optionalIdSchema, isWellFormedText, hasNoBidiControls } from "./common";
import { decisionOutcomes, followUpStatuses } from "./steering-kinds";

const text = (max: number) =>
  z
    .string("validation.required")
    .trim()
    .max(max, "validation.textTooLong")
    .regex(/^[^\p{Cc}]*$/u, "validation.controlCharacters")
    .refine(isWellFormedText, "validation.brokenCharacter");
/** Texts that may span lines; other control characters are refused. */
const multilineText = (max: number) =>
  z
    .string("validation.required")
    .trim()
    .max(max, "validation.textTooLong")
    .regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, "validation.controlCharacters")
    .refine(isWellFormedText, "validation.brokenCharacter");

const titleSchema = text(200).min(3, "decisions.validation.titleTooShort").refine(hasNoBidiControls, "validation.bidiControls");
/** ProseMirror JSON; its shape is checked against the editor's schema in the service. */
const richTextSchema = z.record(z.string(), z.unknown(), "decisions.validation.body");
const dueDateSchema = z.iso.date("decisions.validation.dueDate");
const voteSchema = z
  .number("validation.number")
  .int("validation.number")
  .min(0, "validation.number")
  .max(1000, "validation.number")
  .nullable()
  .default(null);
const versionSchema = z.number("validation.number").int("validation.number").min(0, "validation.number").max(100_000, "validation.number");

export const createProposalSchema = z.object({ themeId: idSchema, bodyId: idSchema, title: titleSchema, body: richTextSchema }).strict();
export type CreateProposalInput = z.infer<typeof createProposalSchema>;

export const updateProposalSchema = z.object({ proposalId: idSchema, title: titleSchema, body: richTextSchema }).strict();
export type UpdateProposalInput = z.infer<typeof updateProposalSchema>;

export const proposalIdSchema = z.object({ proposalId: idSchema }).strict();

export const listProposalsSchema = z
  .object({ themeId: optionalIdSchema.default(null) })
  .strict()
  .default({ themeId: null });

/** A Vorlage starts from a theme, or from a proposal (whose theme it then takes). */
export const createVorlageSchema = z
  .object({ themeId: optionalIdSchema.default(null), proposalId: optionalIdSchema.default(null), title: titleSchema, body: richTextSchema })
  .strict()
  .refine((value) => value.themeId !== null || value.proposalId !== null, {
    message: "decisions.validation.themeOrProposal",
    path: ["themeId"],
  });
export type CreateVorlageInput = z.infer<typeof createVorlageSchema>;

/** A new version is saved against the version the editor started from; a stale save is refused. */
export const saveVorlageVersionSchema = z
  .object({ vorlageId: idSchema, expectedVersion: versionSchema, title: titleSchema, body: richTextSchema })
  .strict();
export type SaveVorlageVersionInput = z.infer<typeof saveVorlageVersionSchema>;

export const vorlageIdSchema = z.object({ vorlageId: idSchema }).strict();

export const vorlageVersionSchema = z.object({ vorlageId: idSchema, version: versionSchema.min(1, "validation.number") }).strict();
export type VorlageVersionInput = z.infer<typeof vorlageVersionSchema>;

export const vorlageDiffSchema = z
  .object({ vorlageId: idSchema, from: versionSchema.min(1, "validation.number"), to: versionSchema.min(1, "validation.number") })
  .strict();
export type VorlageDiffInput = z.infer<typeof vorlageDiffSchema>;

export const decisionOutcomeSchema = z.enum(decisionOutcomes, "validation.choose");
export const followUpStatusSchema = z.enum(followUpStatuses, "validation.choose");

export const assignmentInputSchema = z
  .object({ bodyId: idSchema, task: multilineText(2000).min(3, "decisions.validation.taskTooShort"), dueDate: dueDateSchema })
  .strict();
export const recommendationInputSchema = z
  .object({
    addressee: text(200).min(2, "decisions.validation.addressee"),
    responsibleOrganisationId: optionalIdSchema.default(null),
    text: multilineText(2000).min(3, "decisions.validation.textTooShort"),
    dueDate: dueDateSchema,
  })
  .strict();

export const recordDecisionSchema = z
  .object({
    sessionId: idSchema,
    agendaItemId: idSchema,
    outcome: decisionOutcomeSchema,
    votesFor: voteSchema,
    votesAgainst: voteSchema,
    votesAbstain: voteSchema,
    text: multilineText(5000).min(3, "decisions.validation.textTooShort"),
    assignments: z.array(assignmentInputSchema).max(20, "decisions.validation.tooMany").default([]),
    recommendations: z.array(recommendationInputSchema).max(20, "decisions.validation.tooMany").default([]),
  })
  .strict();
export type RecordDecisionInput = z.infer<typeof recordDecisionSchema>;

export const decisionLocatorSchema = z.object({ sessionId: idSchema, agendaItemId: idSchema }).strict();

/** A status report on exactly one assignment or one recommendation. */
export const reportFollowUpSchema = z
  .object({
    assignmentId: optionalIdSchema.default(null),
    recommendationId: optionalIdSchema.default(null),
    status: followUpStatusSchema,
    note: multilineText(2000).default(""),
  })
  .strict()
  .refine((value) => (value.assignmentId === null) !== (value.recommendationId === null), {
    message: "decisions.validation.oneItem",
    path: ["assignmentId"],
  });
export type ReportFollowUpInput = z.infer<typeof reportFollowUpSchema>;

export const listFollowUpsSchema = z
  .object({ includeDone: z.boolean("validation.choose").default(false) })
  .strict()
  .default({ includeDone: false });
