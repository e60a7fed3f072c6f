import { z } from "zod";
import { lifeAreas } from "./case-kinds";

/**
 * What the offer procedures may answer (checklist A4). Offers describe services, not persons;
 * strict objects still keep internal columns (tenant, creation time) from slipping out.
 */

const lifeAreaList = z.array(z.enum(lifeAreas));

export const offerRecordSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  lifeAreas: lifeAreaList,
  targetGroup: z.string(),
  languages: z.array(z.string()),
  contact: z.string(),
  isActive: z.boolean(),
  providerOrganisationId: z.string().nullable(),
  providerName: z.string().nullable(),
  kommuneId: z.string().nullable(),
  kommuneName: z.string().nullable(),
  updatedAt: z.date(),
});

export const offerListOutputSchema = z.strictObject({ offers: z.array(offerRecordSchema), hasMore: z.boolean() });

export const offerLanguagesOutputSchema = z.array(z.string());

export const savedOfferOutputSchema = z.strictObject({ id: z.string(), title: z.string() });

export const offerActiveOutputSchema = z.strictObject({ id: z.string(), title: z.string(), isActive: z.boolean() });

export const duplicateOfferCandidatesOutputSchema = z.array(
  z.discriminatedUnion("reason", [
    z.strictObject({ reason: z.literal("sameTitle"), offers: z.array(offerRecordSchema) }),
    z.strictObject({
      reason: z.literal("sameProviderLifeArea"),
      lifeAreas: lifeAreaList,
      offers: z.tuple([offerRecordSchema, offerRecordSchema]),
    }),
  ]),
);

export const offerCoverageOutputSchema = z.strictObject({
  kommunen: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  cells: z.array(z.strictObject({ lifeArea: z.enum(lifeAreas), kommuneId: z.string().nullable(), activeOffers: z.number() })),
});
