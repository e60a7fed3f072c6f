import { toNestErrors } from "@hookform/resolvers";
import type { FieldError, Resolver } from "react-hook-form";
import { translateFrom, type Catalogue } from "@/server/i18n/catalogue";
import "@/server/schemas/zod-config";
import { maxGoals, saveGoalAgreementSchema, type SaveGoalAgreementInput } from "@/server/schemas/plans";
import { todayInBerlin } from "@/server/schemas/calendar-days";
import type { PlanAgreement } from "./plan-types";

export interface StepDraft {
  action: string;
  responsible: string;
  dueOn: string;
}

export interface GoalDraft {
  id?: string;
  lifeArea: string;
  title: string;
  explanation: string;
  measurable: string;
  dueOn: string;
  steps: StepDraft[];
  nextStep: string;
}

export interface AgreementDraft {
  agreedOn: string;
  nextReviewOn: string;
  participants: string;
  isAgreed: "" | "yes" | "no";
  deviations: string;
  goals: GoalDraft[];
}

export const emptyGoal = (): GoalDraft => ({
  lifeArea: "",
  title: "",
  explanation: "",
  measurable: "",
  dueOn: "",
  steps: [],
  nextStep: "",
});

export function isFilled(goal: GoalDraft) {
  return Boolean(goal.title || goal.lifeArea || goal.explanation || goal.measurable || goal.dueOn || goal.nextStep || goal.steps.length);
}

/** The form's starting point: the agreement's goals at their ranks, empty blocks for the rest. */
export function draftOf(agreement: PlanAgreement | null): AgreementDraft {
  const goals = Array.from({ length: maxGoals }, (_, index) => {
    const goal = agreement?.goals.find((g) => g.priority === index + 1);
    if (!goal) return emptyGoal();
    return {
      id: goal.id,
      lifeArea: goal.lifeArea ?? "",
      title: goal.title,
      explanation: goal.explanation,
      measurable: goal.measurable,
      dueOn: goal.dueOn ?? "",
      steps: goal.steps.map((step) => ({ action: step.action, responsible: step.responsible, dueOn: step.dueOn ?? "" })),
      nextStep: goal.nextStep,
    };
  });
  return {
    agreedOn: agreement?.agreedOn ?? todayInBerlin(),
    nextReviewOn: agreement?.nextReviewOn ?? "",
    participants: agreement?.participants ?? "",
    isAgreed: agreement ? (agreement.isAgreed ? "yes" : "no") : "",
    deviations: agreement?.deviations ?? "",
    goals,
  };
}

/** The procedure's input from the form: only the filled goal blocks, ranked by their block. */
export function agreementInput(draft: AgreementDraft, caseId: string, agreementId: string | null) {
  const blocks = draft.goals.flatMap((goal, block) => (isFilled(goal) ? [block] : []));
  const input = {
    caseId,
    agreementId,
    agreedOn: draft.agreedOn,
    nextReviewOn: draft.nextReviewOn,
    participants: draft.participants,
    isAgreed: draft.isAgreed === "yes" ? true : draft.isAgreed === "no" ? false : undefined,
    deviations: draft.deviations,
    goals: blocks.map((block) => {
      const goal = draft.goals[block]!;
      return {
        ...(goal.id ? { id: goal.id } : {}),
        priority: block + 1,
        lifeArea: goal.lifeArea || null,
        title: goal.title,
        explanation: goal.explanation,
        measurable: goal.measurable,
        dueOn: goal.dueOn,
        steps: goal.steps.map((step) => ({ action: step.action, responsible: step.responsible, dueOn: step.dueOn || null })),
        nextStep: goal.nextStep,
      };
    }),
  };
  return { input, blocks };
}

/**
 * Where the form shows a message about the input: an issue names the goal's position among the
 * filled ones, the form its block; "no goal at all" stands at the first goal's title.
 */
export function agreementFormPath(path: string, blocks: number[]): string {
  const match = /^goals\.(\d+)\.(.+)$/.exec(path);
  if (match) return `goals.${blocks[Number(match[1])] ?? 0}.${match[2]}`;
  return path === "goals" ? "goals.0.title" : path;
}

/**
 * Checks the form with the procedure's own schema, messages translated from the catalogue and put
 * at the block they concern.
 */
export function agreementResolver(
  caseId: string,
  agreementId: string | null,
  catalogue: Catalogue,
): Resolver<AgreementDraft, unknown, SaveGoalAgreementInput> {
  return async (values, _context, options) => {
    const { input, blocks } = agreementInput(values, caseId, agreementId);
    const result = saveGoalAgreementSchema.safeParse(input);
    if (result.success) return { values: result.data, errors: {} };
    const errors: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      errors[agreementFormPath(issue.path.map(String).join("."), blocks)] ??= {
        type: issue.code,
        message: translateFrom(catalogue, issue.message),
      };
    }
    return { values: {}, errors: toNestErrors(errors, options) };
  };
}
