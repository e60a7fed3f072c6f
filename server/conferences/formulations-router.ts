import { conferenceIdSchema } from "../schemas/conferences";
import { formulationIdSchema, startFormulationSchema, voteFormulationSchema } from "../schemas/formulations";
import { authorizedProcedure, createTRPCRouter } from "../trpc/init";
import { finaliseFormulation, listFormulationClusters, listFormulations, startFormulation, voteOnFormulation } from "./formulations";

// Participation and the moderator role are checked per conference in the service.
export const formulationsRouter = createTRPCRouter({
  clusters: authorizedProcedure("conferences.take_part")
    .input(conferenceIdSchema)
    .query(({ ctx, input }) => listFormulationClusters(ctx.db, ctx.actor, input.conferenceId)),
  list: authorizedProcedure("conferences.take_part")
    .input(conferenceIdSchema)
    .query(({ ctx, input }) => listFormulations(ctx.db, ctx.actor, input.conferenceId)),
  start: authorizedProcedure("conferences.take_part")
    .input(startFormulationSchema)
    .mutation(({ ctx, input }) => startFormulation(ctx.db, ctx.actor, input)),
  vote: authorizedProcedure("conferences.take_part")
    .input(voteFormulationSchema)
    .mutation(({ ctx, input }) => voteOnFormulation(ctx.db, ctx.actor, input)),
  finalise: authorizedProcedure("conferences.take_part")
    .input(formulationIdSchema)
    .mutation(({ ctx, input }) => finaliseFormulation(ctx.db, ctx.actor, input.formulationId)),
});
