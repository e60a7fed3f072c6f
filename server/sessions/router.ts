import {
  addAgendaItemSchema,
  agendaItemIdSchema,
  answerPollSchema,
  approveMinutesSchema,
  attendanceSchema,
  createPollSchema,
  moveAgendaItemSchema,
  planSessionSchema,
  pollIdSchema,
  sessionIdSchema,
  updateSessionSchema,
} from "../schemas/sessions";
import { authorizedProcedure, createTRPCRouter } from "../trpc/init";
import { addAgendaItem, generateAgenda, moveAgendaItem, removeAgendaItem } from "./agenda";
import { recordAttendance } from "./attendance";
import { approveMinutes, minutesDraft } from "./minutes";
import { answerPoll, closePoll, createPoll, listPolls, openPolls, pollAnswers } from "./polls";
import { getSession, listSessions, markInvited, planSession, updateSession } from "./sessions";

// Every service re-checks the body scope: a member of one body never reaches another's sessions.
const pollsRouter = createTRPCRouter({
  list: authorizedProcedure("sessions.view").query(({ ctx }) => listPolls(ctx.db, ctx.actor)),
  answers: authorizedProcedure("polls.manage")
    .input(pollIdSchema)
    .query(({ ctx, input }) => pollAnswers(ctx.db, ctx.actor, input.pollId)),
  create: authorizedProcedure("polls.manage")
    .input(createPollSchema)
    .mutation(({ ctx, input }) => createPoll(ctx.db, ctx.actor, input)),
  close: authorizedProcedure("polls.manage")
    .input(pollIdSchema)
    .mutation(({ ctx, input }) => closePoll(ctx.db, ctx.actor, input.pollId)),
  open: authorizedProcedure("polls.answer").query(({ ctx }) => openPolls(ctx.db, ctx.actor)),
  answer: authorizedProcedure("polls.answer")
    .input(answerPollSchema)
    .mutation(({ ctx, input }) => answerPoll(ctx.db, ctx.actor, input)),
});

export const sessionsRouter = createTRPCRouter({
  list: authorizedProcedure("sessions.view").query(({ ctx }) => listSessions(ctx.db, ctx.actor)),
  get: authorizedProcedure("sessions.view")
    .input(sessionIdSchema)
    .query(({ ctx, input }) => getSession(ctx.db, ctx.actor, input.sessionId)),
  plan: authorizedProcedure("sessions.manage")
    .input(planSessionSchema)
    .mutation(({ ctx, input }) => planSession(ctx.db, ctx.actor, input)),
  update: authorizedProcedure("sessions.manage")
    .input(updateSessionSchema)
    .mutation(({ ctx, input }) => updateSession(ctx.db, ctx.actor, input)),
  markInvited: authorizedProcedure("sessions.manage")
    .input(sessionIdSchema)
    .mutation(({ ctx, input }) => markInvited(ctx.db, ctx.actor, input.sessionId)),
  generateAgenda: authorizedProcedure("sessions.manage")
    .input(sessionIdSchema)
    .mutation(({ ctx, input }) => generateAgenda(ctx.db, ctx.actor, input.sessionId)),
  addAgendaItem: authorizedProcedure("sessions.manage")
    .input(addAgendaItemSchema)
    .mutation(({ ctx, input }) => addAgendaItem(ctx.db, ctx.actor, input)),
  removeAgendaItem: authorizedProcedure("sessions.manage")
    .input(agendaItemIdSchema)
    .mutation(({ ctx, input }) => removeAgendaItem(ctx.db, ctx.actor, input.agendaItemId)),
  moveAgendaItem: authorizedProcedure("sessions.manage")
    .input(moveAgendaItemSchema)
    .mutation(({ ctx, input }) => moveAgendaItem(ctx.db, ctx.actor, input.agendaItemId, input.direction)),
  recordAttendance: authorizedProcedure("sessions.manage")
    .input(attendanceSchema)
    .mutation(({ ctx, input }) => recordAttendance(ctx.db, ctx.actor, input)),
  minutesDraft: authorizedProcedure("sessions.manage")
    .input(sessionIdSchema)
    .query(({ ctx, input }) => minutesDraft(ctx.db, ctx.actor, input.sessionId)),
  approveMinutes: authorizedProcedure("sessions.manage")
    .input(approveMinutesSchema)
    .mutation(({ ctx, input }) => approveMinutes(ctx.db, ctx.actor, input.sessionId, input.approvingSessionId)),
  polls: pollsRouter,
});
