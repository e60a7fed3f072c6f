import { createBodySchema } from "../schemas/bodies";
import { addExternalMemberSchema, removeExternalMemberSchema } from "../schemas/sessions";
import { authorizedProcedure, createTRPCRouter } from "../trpc/init";
import { createBody, listBodies } from "./bodies";
import { addExternalMember, listBodiesWithMembers, removeExternalMember } from "./members";

export const bodiesRouter = createTRPCRouter({
  list: authorizedProcedure("bodies.read").query(({ ctx }) => listBodies(ctx.db, ctx.actor)),
  create: authorizedProcedure("bodies.manage")
    .input(createBodySchema)
    .mutation(({ ctx, input }) => createBody(ctx.db, ctx.actor, input)),
  /** Bodies the actor may see, with user and external members. */
  overview: authorizedProcedure("bodies.read").query(({ ctx }) => listBodiesWithMembers(ctx.db, ctx.actor)),
  // External members are managed by the coordination (who runs the sessions), not by the admin.
  addExternalMember: authorizedProcedure("sessions.manage")
    .input(addExternalMemberSchema)
    .mutation(({ ctx, input }) => addExternalMember(ctx.db, ctx.actor, input)),
  removeExternalMember: authorizedProcedure("sessions.manage")
    .input(removeExternalMemberSchema)
    .mutation(({ ctx, input }) => removeExternalMember(ctx.db, ctx.actor, input.externalMemberId)),
});
