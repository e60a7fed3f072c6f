import { inviteGuestSchema, listGuestsSchema, resetGuestDeviceSchema, revokeGuestSchema } from "../schemas/guests";
import { authorizedProcedure, createTRPCRouter } from "../trpc/init";
import { inviteGuest, listGuests, resetGuestDevice, revokeGuest } from "./guests";

/** The moderator's guest links; the guest's own confirmation goes through next-auth ("guest-link"). */
export const guestsRouter = createTRPCRouter({
  invite: authorizedProcedure("conferences.plan")
    .input(inviteGuestSchema)
    .mutation(({ ctx, input }) => inviteGuest(ctx.db, ctx.actor, input)),
  list: authorizedProcedure("conferences.plan")
    .input(listGuestsSchema)
    .query(({ ctx, input }) => listGuests(ctx.db, ctx.actor, input.conferenceId)),
  revoke: authorizedProcedure("conferences.plan")
    .input(revokeGuestSchema)
    .mutation(({ ctx, input }) => revokeGuest(ctx.db, ctx.actor, input)),
  resetDevice: authorizedProcedure("conferences.plan")
    .input(resetGuestDeviceSchema)
    .mutation(({ ctx, input }) => resetGuestDevice(ctx.db, ctx.actor, input)),
});
