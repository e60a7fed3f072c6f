import type { TRPCClientErrorLike } from "@trpc/client";
import type { AssessmentListEntry } from "@/server/cases/assessments";
import type { SaveAssessmentFormValues } from "@/server/schemas/assessments";
import { todayInBerlin } from "@/server/schemas/calendar-days";
import { guidingQuestions, scaleItems, type LifeArea, type residenceStatuses } from "@/server/schemas/case-kinds";
import type { AppRouter } from "@/server/app-router";
import { fieldErrorsOf } from "../forms/use-field-errors";

export type ResidenceStatus = (typeof residenceStatuses)[number];

/** The form's working copy of one life area's assessment. */
export interface AssessmentDraft {
  /** Set while editing a saved assessment. */
  id: string | null;
  /** The saved date of the assessment being edited. */
  savedOn: string | null;
  lifeArea: LifeArea;
  isReassessment: boolean;
  assessedOn: string;
  participants: string;
  answers: Record<string, string>;
  resources: string;
  wishes: string;
  residenceStatus: ResidenceStatus | "";
  scales: Record<string, { rating: number | null; remark: string }>;
  /** Date of the assessment whose texts were carried over into a new one. */
  carriedOverFrom: string | null;
}

function emptyScales(lifeArea: LifeArea): AssessmentDraft["scales"] {
  return Object.fromEntries(scaleItems[lifeArea].map((item) => [item, { rating: null, remark: "" }]));
}

/**
 * A new assessment of the area. After an earlier one it is a re-assessment whose texts are carried
 * over to be updated, while the client rates the scale afresh.
 */
export function newDraft(lifeArea: LifeArea, latest: AssessmentListEntry | undefined): AssessmentDraft {
  return {
    id: null,
    savedOn: null,
    lifeArea,
    isReassessment: Boolean(latest),
    assessedOn: todayInBerlin(),
    participants: latest?.participants ?? "",
    answers: Object.fromEntries(guidingQuestions[lifeArea].map((key) => [key, latest?.answers[key] ?? ""])),
    resources: latest?.resources ?? "",
    wishes: latest?.wishes ?? "",
    residenceStatus: (latest?.residenceStatus as ResidenceStatus | null) ?? "",
    scales: emptyScales(lifeArea),
    carriedOverFrom: latest?.assessedOn ?? null,
  };
}

export function editDraft(row: Omit<AssessmentListEntry, "isLatestOfArea">): AssessmentDraft {
  const scales = emptyScales(row.lifeArea);
  for (const item of scaleItems[row.lifeArea]) {
    const saved = row.scales[item];
    if (saved) scales[item] = { rating: saved.rating, remark: saved.remark };
  }
  return {
    id: row.id,
    savedOn: row.assessedOn,
    lifeArea: row.lifeArea,
    isReassessment: row.isReassessment,
    assessedOn: row.assessedOn,
    participants: row.participants,
    answers: Object.fromEntries(guidingQuestions[row.lifeArea].map((key) => [key, row.answers[key] ?? ""])),
    resources: row.resources,
    wishes: row.wishes,
    residenceStatus: (row.residenceStatus as ResidenceStatus | null) ?? "",
    scales,
    carriedOverFrom: null,
  };
}

export function draftToInput(caseId: string, draft: AssessmentDraft): SaveAssessmentFormValues {
  return {
    id: draft.id,
    caseId,
    lifeArea: draft.lifeArea,
    isReassessment: draft.isReassessment,
    assessedOn: draft.assessedOn,
    participants: draft.participants,
    answers: draft.answers,
    resources: draft.resources,
    wishes: draft.wishes,
    residenceStatus: draft.lifeArea === "legal_status" && draft.residenceStatus ? draft.residenceStatus : null,
    scales: draft.scales,
  };
}

/** Messages by dotted field path ("scales.income.remark"), plus the field a service error names. */
export function assessmentErrorsOf(error: TRPCClientErrorLike<AppRouter> | null): Record<string, string> {
  const result = fieldErrorsOf(error);
  for (const [path, messages] of Object.entries(error?.data?.issuePaths ?? {})) {
    if (messages[0]) result[path] = messages[0];
  }
  return result;
}
