import { z } from "zod";
import { createScreeningInvitationSchema, revokeScreeningInvitationSchema, submitScreeningSchema } from "../schemas/screening-invitations";
import { createScreeningInvitationOutputSchema, okOutputSchema, screeningInvitationsOutputSchema } from "../schemas/case-outputs";
import { authorizedProcedure, createTRPCRouter, publicProcedure } from "../trpc/init";
import {
  createScreeningInvitation,
  listScreeningInvitations,
  revokeScreeningInvitation,
  submitScreeningByInvitation,
} from "./screening-invitations";

export const screeningInvitationsRouter = createTRPCRouter({
  list: authorizedProcedure("cases.work")
    .input(z.object({}).strict().optional())
    .output(screeningInvitationsOutputSchema)
    .query(({ ctx }) => listScreeningInvitations(ctx.db, ctx.actor)),
  create: authorizedProcedure("cases.work")
    .input(createScreeningInvitationSchema)
    .output(createScreeningInvitationOutputSchema)
    .mutation(({ ctx, input }) => createScreeningInvitation(ctx.db, ctx.actor, input)),
  revoke: authorizedProcedure("cases.work")
    .input(revokeScreeningInvitationSchema)
    .output(okOutputSchema)
    .mutation(({ ctx, input }) => revokeScreeningInvitation(ctx.db, ctx.actor, input.id)),
  /** The network actor's form: no session, the token is the authorisation; rate limited per address. */
  submit: publicProcedure
    .input(submitScreeningSchema)
    .output(okOutputSchema)
    .mutation(({ ctx, input }) => submitScreeningByInvitation(ctx.db, input, ctx.request.address)),
});
