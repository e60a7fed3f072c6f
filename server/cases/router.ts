import { z } from "zod";
import {
  addConsentSchema,
  addContactSchema,
  addInterimReviewSchema,
  caseIdSchema,
  closeCaseSchema,
  createCaseSchema,
  listCasesSchema,
  revokeConsentSchema,
  saveIdentitySchema,
  saveIntakeSchema,
  saveScreeningSchema,
  saveSummarySchema,
  addWaitingListEntrySchema,
  resolveWaitingListEntrySchema,
  transferCaseSchema,
  eraseCaseSchema,
  draftKeySchema,
  saveDraftSchema,
} from "../schemas/cases";
import {
  caseListOutputSchema,
  caseManagersOutputSchema,
  caseOverviewOutputSchema,
  caseProgressOutputSchema,
  caseRemindersOutputSchema,
  caseSummariesOutputSchema,
  caseSummaryRecordSchema,
  caseTransfersOutputSchema,
  caseloadOutputSchema,
  consentRecordSchema,
  contactRecordSchema,
  createCaseOutputSchema,
  eraseCaseOutputSchema,
  draftOutputSchema,
  duplicateAttemptsOutputSchema,
  identityRecordSchema,
  intakeFileOutputSchema,
  interimReviewRecordSchema,
  monitoringFileOutputSchema,
  okOutputSchema,
  personDataExportOutputSchema,
  saveDraftOutputSchema,
  saveIntakeOutputSchema,
  waitingListEntrySchema,
  waitingListOutputSchema,
} from "../schemas/case-outputs";
import { authorizedProcedure, createTRPCRouter } from "../trpc/init";
import { assessmentsRouter } from "./assessments-router";
import { createCase, getCaseOverview, getCaseProgress, listCaseload, listCaseReminders, listCases } from "./cases";
import { getIdentity, saveIdentity } from "./identity";
import { addConsent, getIntakeFile, revokeConsent, saveIntake, saveScreening } from "./intake";
import { addContact, addInterimReview, closeCase, getMonitoringFile } from "./monitoring";
import { plansRouter } from "./plans-router";
import { screeningInvitationsRouter } from "./screening-invitations-router";
import { exportPersonData } from "./data-rights";
import { eraseCaseOnRequest } from "./erasure";
import { discardDraft, getDraft, saveDraft } from "./drafts";
import { listSummaries, saveSummary } from "./summaries";
import {
  addWaitingListEntry,
  listCaseManagers,
  listDuplicateAttempts,
  listCaseTransfers,
  listWaitingList,
  resolveWaitingListEntry,
  transferCase,
} from "./coordination";

export const casesRouter = createTRPCRouter({
  list: authorizedProcedure("cases.view")
    .input(listCasesSchema)
    .output(caseListOutputSchema)
    .query(({ ctx, input }) => listCases(ctx.db, ctx.actor, input)),
  create: authorizedProcedure("cases.work")
    .input(createCaseSchema)
    .output(createCaseOutputSchema)
    .mutation(({ ctx, input }) => createCase(ctx.db, ctx.actor, input)),
  overview: authorizedProcedure("cases.view")
    .input(caseIdSchema)
    .output(caseOverviewOutputSchema)
    .query(({ ctx, input }) => getCaseOverview(ctx.db, ctx.actor, input.caseId)),
  progress: authorizedProcedure("cases.work")
    .input(caseIdSchema)
    .output(caseProgressOutputSchema)
    .query(({ ctx, input }) => getCaseProgress(ctx.db, ctx.actor, input.caseId)),
  reminders: authorizedProcedure("cases.work")
    .output(caseRemindersOutputSchema)
    .query(({ ctx }) => listCaseReminders(ctx.db, ctx.actor)),
  caseload: authorizedProcedure("cases.view")
    .input(z.object({}).strict().optional())
    .output(caseloadOutputSchema)
    .query(({ ctx }) => listCaseload(ctx.db, ctx.actor)),
  identity: authorizedProcedure("cases.work")
    .input(caseIdSchema)
    .output(identityRecordSchema)
    .query(({ ctx, input }) => getIdentity(ctx.db, ctx.actor, input.caseId)),
  saveIdentity: authorizedProcedure("cases.work")
    .input(saveIdentitySchema)
    .output(okOutputSchema)
    .mutation(({ ctx, input }) => saveIdentity(ctx.db, ctx.actor, input.caseId, input.identity)),
  intakeFile: authorizedProcedure("cases.work")
    .input(caseIdSchema)
    .output(intakeFileOutputSchema)
    .query(({ ctx, input }) => getIntakeFile(ctx.db, ctx.actor, input.caseId)),
  saveScreening: authorizedProcedure("cases.work")
    .input(saveScreeningSchema)
    .output(okOutputSchema)
    .mutation(({ ctx, input }) => saveScreening(ctx.db, ctx.actor, input.caseId, input.screening)),
  saveIntake: authorizedProcedure("cases.work")
    .input(saveIntakeSchema)
    .output(saveIntakeOutputSchema)
    .mutation(({ ctx, input }) => saveIntake(ctx.db, ctx.actor, input)),
  addConsent: authorizedProcedure("cases.work")
    .input(addConsentSchema)
    .output(consentRecordSchema)
    .mutation(({ ctx, input }) => addConsent(ctx.db, ctx.actor, input)),
  revokeConsent: authorizedProcedure("cases.work")
    .input(revokeConsentSchema)
    .output(consentRecordSchema)
    .mutation(({ ctx, input }) => revokeConsent(ctx.db, ctx.actor, input.caseId, input.consentId)),
  monitoringFile: authorizedProcedure("cases.work")
    .input(caseIdSchema)
    .output(monitoringFileOutputSchema)
    .query(({ ctx, input }) => getMonitoringFile(ctx.db, ctx.actor, input.caseId)),
  addContact: authorizedProcedure("cases.work")
    .input(addContactSchema)
    .output(contactRecordSchema)
    .mutation(({ ctx, input }) => addContact(ctx.db, ctx.actor, input)),
  addInterimReview: authorizedProcedure("cases.work")
    .input(addInterimReviewSchema)
    .output(interimReviewRecordSchema)
    .mutation(({ ctx, input }) => addInterimReview(ctx.db, ctx.actor, input)),
  close: authorizedProcedure("cases.work")
    .input(closeCaseSchema)
    .output(okOutputSchema)
    .mutation(({ ctx, input }) => closeCase(ctx.db, ctx.actor, input)),
  summaries: authorizedProcedure("cases.work")
    .input(caseIdSchema)
    .output(caseSummariesOutputSchema)
    .query(({ ctx, input }) => listSummaries(ctx.db, ctx.actor, input.caseId)),
  saveSummary: authorizedProcedure("cases.work")
    .input(saveSummarySchema)
    .output(caseSummaryRecordSchema)
    .mutation(({ ctx, input }) => saveSummary(ctx.db, ctx.actor, input)),
  draft: authorizedProcedure("cases.work")
    .input(draftKeySchema)
    .output(draftOutputSchema)
    .query(({ ctx, input }) => getDraft(ctx.db, ctx.actor, input)),
  saveDraft: authorizedProcedure("cases.work")
    .input(saveDraftSchema)
    .output(saveDraftOutputSchema)
    .mutation(({ ctx, input }) => saveDraft(ctx.db, ctx.actor, input)),
  discardDraft: authorizedProcedure("cases.work")
    .input(draftKeySchema)
    .output(okOutputSchema)
    .mutation(({ ctx, input }) => discardDraft(ctx.db, ctx.actor, input)),
  exportPersonData: authorizedProcedure("cases.work")
    .input(caseIdSchema)
    .output(personDataExportOutputSchema)
    .query(({ ctx, input }) => exportPersonData(ctx.db, ctx.actor, input.caseId)),
  caseManagers: authorizedProcedure("cases.coordinate")
    .output(caseManagersOutputSchema)
    .query(({ ctx }) => listCaseManagers(ctx.db, ctx.actor)),
  duplicateAttempts: authorizedProcedure("cases.coordinate")
    .output(duplicateAttemptsOutputSchema)
    .query(({ ctx }) => listDuplicateAttempts(ctx.db, ctx.actor)),
  waitingList: authorizedProcedure("cases.coordinate")
    .output(waitingListOutputSchema)
    .query(({ ctx }) => listWaitingList(ctx.db, ctx.actor)),
  addWaitingListEntry: authorizedProcedure("cases.coordinate")
    .input(addWaitingListEntrySchema)
    .output(waitingListEntrySchema)
    .mutation(({ ctx, input }) => addWaitingListEntry(ctx.db, ctx.actor, input)),
  resolveWaitingListEntry: authorizedProcedure("cases.coordinate")
    .input(resolveWaitingListEntrySchema)
    .output(waitingListEntrySchema)
    .mutation(({ ctx, input }) => resolveWaitingListEntry(ctx.db, ctx.actor, input)),
  transfer: authorizedProcedure("cases.coordinate")
    .input(transferCaseSchema)
    .output(okOutputSchema)
    .mutation(({ ctx, input }) => transferCase(ctx.db, ctx.actor, input)),
  erase: authorizedProcedure("cases.erase")
    .input(eraseCaseSchema)
    .output(eraseCaseOutputSchema)
    .mutation(({ ctx, input }) => eraseCaseOnRequest(ctx.db, ctx.actor, input)),
  transfers: authorizedProcedure("cases.view")
    .input(caseIdSchema)
    .output(caseTransfersOutputSchema)
    .query(({ ctx, input }) => listCaseTransfers(ctx.db, ctx.actor, input.caseId)),
  plans: plansRouter,
  assessments: assessmentsRouter,
  invitations: screeningInvitationsRouter,
});
