import { createBodySchema } from "../schemas/bodies";
import { authorizedProcedure, createTRPCRouter } from "../trpc/init";
import { createBody, listBodies } from "./bodies";

export const bodiesRouter = createTRPCRouter({
  list: authorizedProcedure("bodies.read").query(({ ctx }) => listBodies(ctx.db, ctx.actor)),
  create: authorizedProcedure("bodies.manage")
    .input(createBodySchema)
    .mutation(({ ctx, input }) => createBody(ctx.db, ctx.actor, input)),
});
