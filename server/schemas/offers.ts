import { z } from "zod";
import { lifeAreas } from "./case-kinds";
import { idSchema, optionalIdSchema, isWellFormedText, hasNoBidiControls } from "./common";

/** One line of text: trimmed, without control characters. */
const line = (max: number, tooLong: string) =>
  z
    .string("validation.required")
    .trim()
    .max(max, tooLong)
    .regex(/^[^\p{Cc}]*$/u, "validation.controlCharacters")
    .refine(isWellFormedText, "validation.brokenCharacter");

/** Free text over several lines: tabs and line breaks are fine, other control characters are not. */
const paragraph = (max: number, tooLong: string) =>
  z
    .string("validation.required")
    .trim()
    .max(max, tooLong)
    .regex(/^(?:[^\p{Cc}]|[\t\n\r])*$/u, "validation.controlCharacters")
    .refine(isWellFormedText, "validation.brokenCharacter");

export const offerTitleSchema = line(200, "offers.validation.titleTooLong")
  .min(2, "offers.validation.titleTooShort")
  .refine(hasNoBidiControls, "validation.bidiControls");

export const offerLanguageSchema = line(60, "offers.validation.languageTooLong").min(1, "offers.validation.languageEmpty");

const lifeAreaSchema = z.enum(lifeAreas, "validation.choose");

export const offerFieldsSchema = z
  .object({
    title: offerTitleSchema,
    providerOrganisationId: optionalIdSchema.default(null),
    description: paragraph(4000, "offers.validation.descriptionTooLong").default(""),
    lifeAreas: z
      .array(lifeAreaSchema, "offers.validation.lifeAreaRequired")
      .min(1, "offers.validation.lifeAreaRequired")
      .max(lifeAreas.length)
      // Order and repeats carry no meaning; stored once, in catalogue order.
      .transform((areas) => lifeAreas.filter((area) => areas.includes(area))),
    targetGroup: line(300, "offers.validation.targetGroupTooLong").default(""),
    languages: z
      .array(offerLanguageSchema, "offers.validation.languagesInvalid")
      .max(20, "offers.validation.tooManyLanguages")
      .default([])
      .transform((languages) =>
        languages.filter((language, index) => languages.findIndex((other) => other.toLowerCase() === language.toLowerCase()) === index),
      ),
    kommuneId: optionalIdSchema.default(null),
    contact: paragraph(1000, "offers.validation.contactTooLong").default(""),
  })
  .strict();

export const createOfferSchema = offerFieldsSchema;
export type CreateOfferInput = z.infer<typeof createOfferSchema>;

export const updateOfferSchema = offerFieldsSchema.extend({ id: idSchema }).strict();
export type UpdateOfferInput = z.infer<typeof updateOfferSchema>;

export const setOfferActiveSchema = z.object({ id: idSchema, isActive: z.boolean("validation.required") }).strict();
export type SetOfferActiveInput = z.infer<typeof setOfferActiveSchema>;

/** Empty strings from filter controls mean "no filter". */
const emptyAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const listOffersSchema = z
  .object({
    search: z.preprocess(emptyAsUndefined, line(200, "offers.validation.searchTooLong").optional()),
    lifeArea: z.preprocess(emptyAsUndefined, lifeAreaSchema.optional()),
    language: z.preprocess(emptyAsUndefined, line(60, "offers.validation.languageTooLong").optional()),
    /** Offers of this Kommune and the county-wide ones (which serve every Kommune). */
    kommuneId: z.preprocess(emptyAsUndefined, idSchema.optional()),
    includeInactive: z.boolean().default(false),
    limit: z.number().int().min(1).max(200).default(100),
  })
  .strict();
export type ListOffersInput = z.infer<typeof listOffersSchema>;
