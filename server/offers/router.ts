import { createOfferSchema, listOffersSchema, setOfferActiveSchema, updateOfferSchema } from "../schemas/offers";
import {
  duplicateOfferCandidatesOutputSchema,
  offerActiveOutputSchema,
  offerCoverageOutputSchema,
  offerLanguagesOutputSchema,
  offerListOutputSchema,
  savedOfferOutputSchema,
} from "../schemas/offer-outputs";
import { authorizedProcedure, createTRPCRouter } from "../trpc/init";
import {
  createOffer,
  listDuplicateOfferCandidates,
  listOfferCoverage,
  listOfferLanguages,
  listOffers,
  setOfferActive,
  updateOffer,
} from "./offers";

export const offersRouter = createTRPCRouter({
  list: authorizedProcedure("offers.read")
    .input(listOffersSchema)
    .output(offerListOutputSchema)
    .query(({ ctx, input }) => listOffers(ctx.db, ctx.actor, input)),
  languages: authorizedProcedure("offers.read")
    .output(offerLanguagesOutputSchema)
    .query(({ ctx }) => listOfferLanguages(ctx.db, ctx.actor)),
  create: authorizedProcedure("offers.manage")
    .input(createOfferSchema)
    .output(savedOfferOutputSchema)
    .mutation(({ ctx, input }) => createOffer(ctx.db, ctx.actor, input)),
  update: authorizedProcedure("offers.manage")
    .input(updateOfferSchema)
    .output(savedOfferOutputSchema)
    .mutation(({ ctx, input }) => updateOffer(ctx.db, ctx.actor, input)),
  setActive: authorizedProcedure("offers.manage")
    .input(setOfferActiveSchema)
    .output(offerActiveOutputSchema)
    .mutation(({ ctx, input }) => setOfferActive(ctx.db, ctx.actor, input)),
  /** Clean-up is maintenance, so everyone who maintains offers sees the candidates. */
  duplicateCandidates: authorizedProcedure("offers.manage")
    .output(duplicateOfferCandidatesOutputSchema)
    .query(({ ctx }) => listDuplicateOfferCandidates(ctx.db, ctx.actor)),
  /** Gap analysis is the coordination's steering task. */
  coverage: authorizedProcedure("gaps.read")
    .output(offerCoverageOutputSchema)
    .query(({ ctx }) => listOfferCoverage(ctx.db, ctx.actor)),
});
