import { z } from "zod";
import { conferenceTypes } from "./conference-kinds";
import { boardParticipantLimitBounds, kommuneKinds, organisationKinds } from "./tenancy-kinds";
import { idSchema, nameSchema, optionalIdSchema } from "./common";

export const createKommuneSchema = z.object({ name: nameSchema, kind: z.enum(kommuneKinds, "validation.choose") }).strict();
export type CreateKommuneInput = z.infer<typeof createKommuneSchema>;

export const updateKommuneSchema = createKommuneSchema.extend({ id: idSchema }).strict();
export type UpdateKommuneInput = z.infer<typeof updateKommuneSchema>;

export const createOrganisationSchema = z
  .object({
    name: nameSchema,
    kind: z.enum(organisationKinds, "validation.choose"),
    kommuneId: optionalIdSchema,
  })
  .strict();
export type CreateOrganisationInput = z.infer<typeof createOrganisationSchema>;

export const updateOrganisationSchema = createOrganisationSchema.extend({ id: idSchema }).strict();
export type UpdateOrganisationInput = z.infer<typeof updateOrganisationSchema>;

const boardParticipantLimitSchema = z.coerce
  .number("validation.number")
  .int("validation.number")
  .min(boardParticipantLimitBounds.min, "admin.validation.boardParticipantLimit")
  .max(boardParticipantLimitBounds.max, "admin.validation.boardParticipantLimit");

export const updateTenantSettingsSchema = z
  .object({
    caseloadKey: z.coerce
      .number("validation.number")
      .int("validation.number")
      .min(1, "admin.validation.caseloadKey")
      .max(200, "admin.validation.caseloadKey"),
    identityRetentionDays: z.coerce
      .number("validation.number")
      .int("validation.number")
      .min(30, "admin.validation.retention")
      .max(3650, "admin.validation.retention"),
    monthlyReportDeadlineDay: z.coerce
      .number("validation.number")
      .int("validation.number")
      .min(1, "admin.validation.deadlineDay")
      .max(28, "admin.validation.deadlineDay"),
    /** k for aggregates shown to steering bodies (A10); optional so older clients keep working. */
    reconstructionTarget: z.coerce
      .number("validation.number")
      .int("validation.number")
      .min(0, "admin.validation.reconstructionTarget")
      .max(200, "admin.validation.reconstructionTarget")
      .optional(),
    minimumGroupSize: z.coerce
      .number("validation.number")
      .int("validation.number")
      .min(2, "admin.validation.minimumGroupSize")
      .max(50, "admin.validation.minimumGroupSize")
      .optional(),
    /** Most people at once in a meeting's live room, one number for every conference type. */
    boardParticipantLimits: z.record(z.enum(conferenceTypes), boardParticipantLimitSchema).optional(),
  })
  .strict();
export type UpdateTenantSettingsInput = z.infer<typeof updateTenantSettingsSchema>;
