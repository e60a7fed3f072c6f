import { maxGoals } from "@/server/schemas/plans";
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
