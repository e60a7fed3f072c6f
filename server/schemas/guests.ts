import { z } from "zod";
import { linkSecretSchema } from "./secret-links";
import { idSchema, nameSchema, optionalIdSchema, isWellFormedText } from "./common";

const text = (max: number) =>
  z
    .string("validation.required")
    .trim()
    .max(max, "validation.textTooLong")
    .regex(/^[^\p{Cc}]*$/u, "validation.controlCharacters")
    .refine(isWellFormedText, "validation.brokenCharacter");

export const guestValidDays = { min: 1, max: 30, default: 14 } as const;

/** Participants plus guests a conference may have: a moderated plenum, not an audience. */
export const maxConferencePeople = 30;

const optionalEmailSchema = z.preprocess(
  (value) => (value === "" || value === undefined ? null : typeof value === "string" ? value.trim().toLowerCase() : value),
  z.email("validation.email").max(200, "validation.textTooLong").nullable(),
);

export const inviteGuestSchema = z
  .object({
    conferenceId: idSchema,
    name: nameSchema,
    email: optionalEmailSchema.default(null),
    /** One of the tenant's organisations: the case's consent then covers the guest like a colleague. */
    organisationId: optionalIdSchema.default(null),
    /** Free label for organisations not in the list (or a department of one that is). */
    organisationName: text(120).default(""),
    validDays: z
      .number("guests.validation.validDays")
      .int("guests.validation.validDays")
      .min(guestValidDays.min, "guests.validation.validDays")
      .max(guestValidDays.max, "guests.validation.validDays")
      .default(guestValidDays.default),
  })
  .strict();
export type InviteGuestInput = z.infer<typeof inviteGuestSchema>;

export const listGuestsSchema = z.object({ conferenceId: idSchema }).strict();

export const revokeGuestSchema = z.object({ conferenceId: idSchema, guestId: idSchema }).strict();
export type RevokeGuestInput = z.infer<typeof revokeGuestSchema>;

export const resetGuestDeviceSchema = z.object({ conferenceId: idSchema, guestId: idSchema }).strict();
export type ResetGuestDeviceInput = z.infer<typeof resetGuestDeviceSchema>;

/** What the guest confirms on the link's page before the first look at the conference. */
export const confirmGuestSchema = z
  .object({
    // A malformed token gets the same words as an unknown one.
    token: linkSecretSchema("guests.errors.invalidLink"),
    name: nameSchema,
    organisationName: text(120).default(""),
    confidentiality: z.literal(true, "guests.validation.confidentialityRequired"),
  })
  .strict();
export type ConfirmGuestInput = z.infer<typeof confirmGuestSchema>;

/** The responsible case manager confirms (or withdraws) that a guest is covered by one agenda case's consent. */
export const guestCaseReleaseSchema = z.object({ conferenceId: idSchema, caseId: idSchema, guestUserId: idSchema }).strict();
export type GuestCaseReleaseInput = z.infer<typeof guestCaseReleaseSchema>;
