import { guestCaseReleaseSchema, inviteGuestSchema, listGuestsSchema, resetGuestDeviceSchema, revokeGuestSchema } from "../schemas/guests";
import { authorizedProcedure, createTRPCRouter } from "../trpc/init";
import { confirmGuestForCase, listGuestCaseReleases, withdrawGuestForCase } from "./guest-case-releases";
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
  // The services allow only the responsible case manager of the agenda case (`mayConfirmGuestsForCase`).
  caseReleases: authorizedProcedure("cases.work")
    .input(listGuestsSchema)
    .query(({ ctx, input }) => listGuestCaseReleases(ctx.db, ctx.actor, input.conferenceId)),
  confirmForCase: authorizedProcedure("cases.work")
    .input(guestCaseReleaseSchema)
    .mutation(({ ctx, input }) => confirmGuestForCase(ctx.db, ctx.actor, input)),
  withdrawForCase: authorizedProcedure("cases.work")
    .input(guestCaseReleaseSchema)
    .mutation(({ ctx, input }) => withdrawGuestForCase(ctx.db, ctx.actor, input)),
});
