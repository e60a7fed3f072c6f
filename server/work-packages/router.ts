import { z } from "zod";
import { conferenceIdSchema } from "../schemas/conferences";
import {
  createWorkPackageSchema,
  reportByTrackingLinkSchema,
  reportWorkPackageSchema,
  workPackageIdSchema,
} from "../schemas/work-packages";
import { authorizedProcedure, createTRPCRouter, publicProcedure } from "../trpc/init";
import { createWorkPackage } from "./create-work-package";
import { listFollowUpItems, listMyWorkPackages, listWorkPackagesForConference } from "./list-work-packages";
import { reportWorkPackage } from "./report-work-package";
import { createTrackingLink, reportByTrackingLink } from "./tracking-links";

/** Work packages agreed in a Fallkonferenz; the services check the actor's relation to each one. */
export const workPackagesRouter = createTRPCRouter({
  create: authorizedProcedure("conferences.take_part")
    .input(createWorkPackageSchema)
    .mutation(({ ctx, input }) => createWorkPackage(ctx.db, ctx.actor, input)),
  listForConference: authorizedProcedure("conferences.take_part")
    .input(conferenceIdSchema)
    .query(({ ctx, input }) => listWorkPackagesForConference(ctx.db, ctx.actor, input.conferenceId)),
  listMine: authorizedProcedure("conferences.view")
    .input(z.object({}).strict().optional())
    .query(({ ctx }) => listMyWorkPackages(ctx.db, ctx.actor)),
  followUpItems: authorizedProcedure("conferences.take_part")
    .input(conferenceIdSchema)
    .query(({ ctx, input }) => listFollowUpItems(ctx.db, ctx.actor, input.conferenceId)),
  report: authorizedProcedure("conferences.take_part")
    .input(reportWorkPackageSchema)
    .mutation(({ ctx, input }) => reportWorkPackage(ctx.db, ctx.actor, input)),
  createTrackingLink: authorizedProcedure("conferences.take_part")
    .input(workPackageIdSchema)
    .mutation(({ ctx, input }) => createTrackingLink(ctx.db, ctx.actor, input.workPackageId)),
  /** The responsible actor's report through the tracking link: no session, the token authorises; rate limited per address. */
  reportByLink: publicProcedure
    .input(reportByTrackingLinkSchema)
    .mutation(({ ctx, input }) => reportByTrackingLink(ctx.db, input, ctx.request.address)),
});
