import { conferenceCaseSchema } from "../schemas/conference-planning";
import { conferenceIdSchema, createConferenceSchema } from "../schemas/conferences";
import { authorizedProcedure, createTRPCRouter } from "../trpc/init";
import { addConferenceCase, listConsentConflicts, removeConferenceCase } from "./conference-cases";
import { getConference, listCandidates, listConferences } from "./conference-views";
import { createConference } from "./conferences";

export const conferencesRouter = createTRPCRouter({
  list: authorizedProcedure("conferences.view").query(({ ctx }) => listConferences(ctx.db, ctx.actor)),
  get: authorizedProcedure("conferences.view").input(conferenceIdSchema).query(({ ctx, input }) => getConference(ctx.db, ctx.actor, input.conferenceId)),
  create: authorizedProcedure("conferences.plan").input(createConferenceSchema).mutation(({ ctx, input }) => createConference(ctx.db, ctx.actor, input)),
  candidates: authorizedProcedure("conferences.plan").query(({ ctx }) => listCandidates(ctx.db, ctx.actor)),
  // Only a case manager can be responsible for a case; the service checks it is theirs.
  addCase: authorizedProcedure("cases.work").input(conferenceCaseSchema).mutation(({ ctx, input }) => addConferenceCase(ctx.db, ctx.actor, input)),
  removeCase: authorizedProcedure("conferences.plan").input(conferenceCaseSchema).mutation(({ ctx, input }) => removeConferenceCase(ctx.db, ctx.actor, input)),
  consentConflicts: authorizedProcedure("conferences.plan")
    .input(conferenceIdSchema)
    .query(({ ctx, input }) => listConsentConflicts(ctx.db, ctx.actor, input.conferenceId)),
});
