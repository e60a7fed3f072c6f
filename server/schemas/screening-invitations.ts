import { z } from "zod";
import { linkSecretSchema } from "./secret-links";
import { identitySchema, screeningSchema } from "./cases";
import { idSchema, optionalIdSchema, isWellFormedText } from "./common";

const text = (max: number) =>
  z
    .string("validation.required")
    .trim()
    .max(max, "validation.textTooLong")
    .regex(/^[^\u0000]*$/, "validation.controlCharacters")
    .refine(isWellFormedText, "validation.brokenCharacter");
const requiredText = (max: number) => text(max).min(1, "validation.required");

export const invitationValidDays = { min: 1, max: 30, default: 14 } as const;

export const createScreeningInvitationSchema = z
  .object({
    organisationId: idSchema,
    kommuneId: optionalIdSchema.default(null),
    note: text(200).default(""),
    validDays: z
      .number("invitations.validation.validDays")
      .int("invitations.validation.validDays")
      .min(invitationValidDays.min, "invitations.validation.validDays")
      .max(invitationValidDays.max, "invitations.validation.validDays")
      .default(invitationValidDays.default),
  })
  .strict();
export type CreateScreeningInvitationInput = z.infer<typeof createScreeningInvitationSchema>;

export const revokeScreeningInvitationSchema = z.object({ id: idSchema }).strict();

function isPhoneOrEmail(value: string): boolean {
  if (z.email().safeParse(value).success) return true;
  return /^[+()\d\s/.-]{5,40}$/.test(value) && (value.match(/\d/g)?.length ?? 0) >= 5;
}

export const submitScreeningSchema = z
  .object({
    // A malformed token gets the same words as an unknown one.
    token: linkSecretSchema("invitations.errors.invalidLink"),
    identity: identitySchema.pick({ lastName: true, firstName: true, birthDate: true }),
    // The referrer's line is appended to involvedServices, which must stay within its 2000 characters.
    screening: screeningSchema.extend({ involvedServices: text(1500).default("") }),
    referrer: z
      .object({
        name: requiredText(120),
        contact: requiredText(200).refine(isPhoneOrEmail, "invitations.validation.referrerContact"),
      })
      .strict(),
    consent: z.literal(true, "invitations.validation.consentRequired"),
  })
  .strict();
export type SubmitScreeningInput = z.infer<typeof submitScreeningSchema>;
