import { z } from "zod";
import { caseStatuses, closingTypes, contactChannels, contactKinds } from "./case-kinds";

/**
 * What the report procedures may answer (checklist A4): counts, pseudonyms and the case managers'
 * own names, never a client's identity. Strict objects fail the call on the server when a service
 * starts returning an unlisted field.
 */

const count = z.number();

/** The monthly documentation of one case manager, for themselves and the coordination. */
export const monthlyReportOutputSchema = z.strictObject({
  month: z.string(),
  caseManager: z.strictObject({ id: z.string(), displayName: z.string() }),
  submittedAt: z.date().nullable(),
  keyFigures: z.strictObject({
    contacts: count,
    minutes: count,
    casesWithContact: count,
    opened: count,
    admitted: count,
    closed: count,
    activeAtMonthEnd: count,
    shortReferrals: count,
  }),
  contactsByKind: z.array(z.strictObject({ kind: z.enum(contactKinds), count, minutes: count })),
  contactsByChannel: z.array(z.strictObject({ channel: z.enum(contactChannels), count })),
  topics: z.array(z.strictObject({ lifeArea: z.string(), count })),
  closingTypes: z.array(z.strictObject({ closingType: z.enum(closingTypes), count })),
  cases: z.array(z.strictObject({ pseudonym: z.string(), status: z.enum(caseStatuses), contacts: count, minutes: count })),
});

/** The coordination's view of who has submitted a month's report. */
export const reportStatusOutputSchema = z.strictObject({
  month: z.string(),
  dueOn: z.string(),
  deadline: z.string(),
  caseManagers: z.array(
    z.strictObject({
      id: z.string(),
      displayName: z.string(),
      submittedAt: z.date().nullable(),
      state: z.string().pipe(z.enum(["submitted", "overdue", "due", "open"])),
    }),
  ),
});

/** Tenant-wide figures for the coordination: only counts and averages. */
export const coordinationDashboardOutputSchema = z.strictObject({
  byStatus: z.array(z.strictObject({ status: z.enum(caseStatuses), count })),
  byKommune: z.array(z.strictObject({ kommune: z.string().nullable(), count })),
  byLifeArea: z.array(z.strictObject({ lifeArea: z.string(), count })),
  byClosingType: z.array(z.strictObject({ closingType: z.enum(closingTypes), count })),
  averageDurationDays: z.number().nullable(),
  waitingList: count,
  gapReports: count,
});
