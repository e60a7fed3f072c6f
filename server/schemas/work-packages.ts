import { z } from "zod";
import { linkSecretSchema } from "./secret-links";
import { workPackageStatuses } from "./conference-kinds";
import { idSchema, nameSchema, optionalIdSchema, isWellFormedText } from "./common";

const text = (max: number) =>
  z
    .string("validation.required")
    .trim()
    .max(max, "validation.textTooLong")
    .regex(/^[^\p{Cc}]*$/u, "validation.controlCharacters")
    .refine(isWellFormedText, "validation.brokenCharacter");
/** Notes may span lines; other control characters are refused. */
const multilineText = (max: number) =>
  z
    .string("validation.required")
    .trim()
    .max(max, "validation.textTooLong")
    .regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, "validation.controlCharacters")
    .refine(isWellFormedText, "validation.brokenCharacter");

/** A calendar day as the date input sends it. */
const dueDateSchema = z.iso.date("workPackages.validation.dueDate");

export const workPackageStatusSchema = z.enum(workPackageStatuses, "validation.choose");

export const createWorkPackageSchema = z
  .object({
    conferenceId: idSchema,
    task: text(1000).min(3, "workPackages.validation.taskTooShort"),
    caseId: optionalIdSchema.default(null),
    sourceCardId: optionalIdSchema.default(null),
    responsibleOrganisationId: idSchema,
    responsibleUserId: optionalIdSchema.default(null),
    responsiblePerson: text(120).default(""),
    dueDate: dueDateSchema,
  })
  .strict();
export type CreateWorkPackageInput = z.infer<typeof createWorkPackageSchema>;

export const reportWorkPackageSchema = z
  .object({
    workPackageId: idSchema,
    status: workPackageStatusSchema,
    note: multilineText(2000).default(""),
  })
  .strict();
export type ReportWorkPackageInput = z.infer<typeof reportWorkPackageSchema>;

export const workPackageIdSchema = z.object({ workPackageId: idSchema }).strict();

// A malformed token gets the same words as an unknown one.
export const trackingTokenSchema = linkSecretSchema("workPackages.errors.invalidLink");

/** A progress report through the tracking link: no session, so the reporter names themselves. */
export const reportByTrackingLinkSchema = z
  .object({
    token: trackingTokenSchema,
    name: nameSchema,
    status: workPackageStatusSchema,
    note: multilineText(2000).default(""),
  })
  .strict();
export type ReportByTrackingLinkInput = z.infer<typeof reportByTrackingLinkSchema>;

export const protocolVersionSchema = z
  .object({
    conferenceId: idSchema,
    version: z.number("validation.number").int("validation.number").min(1, "validation.number").max(100_000, "validation.number"),
  })
  .strict();
export type ProtocolVersionInput = z.infer<typeof protocolVersionSchema>;
