import {
  createProposalSchema,
  createVorlageSchema,
  decisionLocatorSchema,
  listFollowUpsSchema,
  listProposalsSchema,
  proposalIdSchema,
  recordDecisionSchema,
  reportFollowUpSchema,
  saveVorlageVersionSchema,
  updateProposalSchema,
  vorlageDiffSchema,
  vorlageIdSchema,
  vorlageVersionSchema,
} from "../schemas/decisions";
import { authorizedProcedure, createTRPCRouter } from "../trpc/init";
import { getDecision, recordDecision } from "./decisions";
import { listFollowUps, reportFollowUp } from "./follow-ups";
import { createProposal, listProposals, proposalOptions, submitProposal, updateProposal } from "./proposals";
import { createVorlage, diffVorlageVersions, getVorlage, getVorlageVersion, listVorlagen, saveVorlageVersion } from "./vorlagen";

const proposalsRouter = createTRPCRouter({
  list: authorizedProcedure("decisions.view")
    .input(listProposalsSchema)
    .query(({ ctx, input }) => listProposals(ctx.db, ctx.actor, input.themeId)),
  options: authorizedProcedure("proposals.draft").query(({ ctx }) => proposalOptions(ctx.db, ctx.actor)),
  create: authorizedProcedure("proposals.draft")
    .input(createProposalSchema)
    .mutation(({ ctx, input }) => createProposal(ctx.db, ctx.actor, input)),
  update: authorizedProcedure("proposals.draft")
    .input(updateProposalSchema)
    .mutation(({ ctx, input }) => updateProposal(ctx.db, ctx.actor, input)),
  submit: authorizedProcedure("proposals.draft")
    .input(proposalIdSchema)
    .mutation(({ ctx, input }) => submitProposal(ctx.db, ctx.actor, input.proposalId)),
});

const vorlagenRouter = createTRPCRouter({
  list: authorizedProcedure("decisions.view").query(({ ctx }) => listVorlagen(ctx.db, ctx.actor)),
  get: authorizedProcedure("decisions.view")
    .input(vorlageIdSchema)
    .query(({ ctx, input }) => getVorlage(ctx.db, ctx.actor, input.vorlageId)),
  version: authorizedProcedure("decisions.view")
    .input(vorlageVersionSchema)
    .query(({ ctx, input }) => getVorlageVersion(ctx.db, ctx.actor, input)),
  diff: authorizedProcedure("decisions.view")
    .input(vorlageDiffSchema)
    .query(({ ctx, input }) => diffVorlageVersions(ctx.db, ctx.actor, input)),
  create: authorizedProcedure("vorlagen.manage")
    .input(createVorlageSchema)
    .mutation(({ ctx, input }) => createVorlage(ctx.db, ctx.actor, input)),
  saveVersion: authorizedProcedure("vorlagen.manage")
    .input(saveVorlageVersionSchema)
    .mutation(({ ctx, input }) => saveVorlageVersion(ctx.db, ctx.actor, input)),
});

const decisionsRouter = createTRPCRouter({
  get: authorizedProcedure("decisions.view")
    .input(decisionLocatorSchema)
    .query(({ ctx, input }) => getDecision(ctx.db, ctx.actor, input.sessionId, input.agendaItemId)),
  record: authorizedProcedure("decisions.record")
    .input(recordDecisionSchema)
    .mutation(({ ctx, input }) => recordDecision(ctx.db, ctx.actor, input)),
});

const followUpsRouter = createTRPCRouter({
  list: authorizedProcedure("decisions.view")
    .input(listFollowUpsSchema)
    .query(({ ctx, input }) => listFollowUps(ctx.db, ctx.actor, input.includeDone)),
  report: authorizedProcedure("followups.report")
    .input(reportFollowUpSchema)
    .mutation(({ ctx, input }) => reportFollowUp(ctx.db, ctx.actor, input)),
});

/** The steering path after the agenda: proposals, Vorlagen, decisions and their follow-up. */
export const steeringRouter = createTRPCRouter({
  proposals: proposalsRouter,
  vorlagen: vorlagenRouter,
  decisions: decisionsRouter,
  followUps: followUpsRouter,
});
