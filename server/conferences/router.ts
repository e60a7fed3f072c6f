import { conferenceCaseSchema } from "../schemas/conference-planning";
import { reconstructionPlanSchema, saveTemplateSchema } from "../schemas/conference-templates";
import { conferenceIdSchema, conferenceStatusSchema, createConferenceSchema } from "../schemas/conferences";
import { authorizedProcedure, createTRPCRouter } from "../trpc/init";
import { formulationsRouter } from "./formulations-router";
import { guestsRouter } from "./guests-router";
import { protocolRouter } from "./protocol-router";
import { addConferenceCase, listConsentConflicts, removeConferenceCase } from "./conference-cases";
import { getConference, listCandidates, listConferences } from "./conference-views";
import { createConference, setConferenceStatus } from "./conferences";
import { listTemplates, saveTemplate } from "./phase-templates";
import { reconstructionPlanning } from "./annual-planning";
import { recordRecurrence, suggestRecurringThemes } from "./theme-matching";
import { clusterRecurrenceSchema, clusterRefSchema } from "../schemas/theme-matching";

export const conferencesRouter = createTRPCRouter({
  list: authorizedProcedure("conferences.view").query(({ ctx }) => listConferences(ctx.db, ctx.actor)),
  get: authorizedProcedure("conferences.view")
    .input(conferenceIdSchema)
    .query(({ ctx, input }) => getConference(ctx.db, ctx.actor, input.conferenceId)),
  create: authorizedProcedure("conferences.plan")
    .input(createConferenceSchema)
    .mutation(({ ctx, input }) => createConference(ctx.db, ctx.actor, input)),
  candidates: authorizedProcedure("conferences.plan").query(({ ctx }) => listCandidates(ctx.db, ctx.actor)),
  // Only a case manager can be responsible for a case; the service checks it is theirs.
  addCase: authorizedProcedure("cases.work")
    .input(conferenceCaseSchema)
    .mutation(({ ctx, input }) => addConferenceCase(ctx.db, ctx.actor, input)),
  removeCase: authorizedProcedure("conferences.plan")
    .input(conferenceCaseSchema)
    .mutation(({ ctx, input }) => removeConferenceCase(ctx.db, ctx.actor, input)),
  setStatus: authorizedProcedure("conferences.take_part")
    .input(conferenceStatusSchema)
    .mutation(({ ctx, input }) => setConferenceStatus(ctx.db, ctx.actor, input.conferenceId, input.status)),
  templates: authorizedProcedure("conferences.templates").query(({ ctx }) => listTemplates(ctx.db, ctx.actor)),
  saveTemplate: authorizedProcedure("conferences.templates")
    .input(saveTemplateSchema)
    .mutation(({ ctx, input }) => saveTemplate(ctx.db, ctx.actor, input)),
  reconstructionPlan: authorizedProcedure("conferences.templates")
    .input(reconstructionPlanSchema)
    .query(({ ctx, input }) => reconstructionPlanning(ctx.db, ctx.actor, input.year)),
  // The service also requires the moderator role and access to the theme registry.
  recurringThemes: authorizedProcedure("conferences.take_part")
    .input(clusterRefSchema)
    .query(({ ctx, input }) => suggestRecurringThemes(ctx.db, ctx.actor, input)),
  recordRecurrence: authorizedProcedure("conferences.take_part")
    .input(clusterRecurrenceSchema)
    .mutation(({ ctx, input }) => recordRecurrence(ctx.db, ctx.actor, input)),
  consentConflicts: authorizedProcedure("conferences.plan")
    .input(conferenceIdSchema)
    .query(({ ctx, input }) => listConsentConflicts(ctx.db, ctx.actor, input.conferenceId)),
  guests: guestsRouter,
  formulations: formulationsRouter,
  protocol: protocolRouter,
});
