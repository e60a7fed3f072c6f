"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { lifeAreas } from "@/server/schemas/case-kinds";
import { saveGoalAgreementSchema } from "@/server/schemas/plans";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { fieldErrorsOf } from "../forms/use-field-errors";
import { useTRPC } from "../trpc/client";
import { focusFirstInvalid, useFormatDay, useSchemaErrors } from "./plan-form-errors";
import type { PlanAgreement } from "./plan-types";
import { type StepDraft, type GoalDraft, type AgreementDraft, emptyGoal, isFilled, draftOf } from "./plan-agreement-draft";

interface Props {
  caseId: string;
  /** The agreement being edited; null for a new one. */
  agreement: PlanAgreement | null;
  canWrite: boolean;
  onSaved: (nextReviewOn: string) => Promise<void>;
}

/** The Zielerreichungsbogen: three goal blocks in priority order, each with its steps and next step. */
export function PlanAgreementForm({ caseId, agreement, canWrite, onSaved }: Props) {
  const t = useTranslations("plans");
  const tCases = useTranslations("cases");
  const tApp = useTranslations("app");
  const tErrors = useTranslations("errors");
  const formatDay = useFormatDay();
  const trpc = useTRPC();
  const { check } = useSchemaErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<AgreementDraft>(() => draftOf(agreement));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const save = useMutation(trpc.cases.plans.saveAgreement.mutationOptions({ onSuccess: (result) => onSaved(result.nextReviewOn) }));
  const serverErrors = fieldErrorsOf(save.error);
  const errors = { ...serverErrors, ...clientErrors };
  const knownServerField = Object.keys(serverErrors).some((key) =>
    ["agreedOn", "nextReviewOn", "participants", "deviations", "isAgreed"].includes(key),
  );
  const idPrefix = agreement ? `agreement-${agreement.id.slice(0, 8)}` : "agreement-new";

  // After React has rendered the change, e.g. a new step's first field.
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  const setField = <K extends keyof AgreementDraft>(key: K, value: AgreementDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setGoal = (block: number, change: Partial<GoalDraft>) =>
    setDraft((d) => ({ ...d, goals: d.goals.map((goal, index) => (index === block ? { ...goal, ...change } : goal)) }));
  const setStep = (block: number, stepIndex: number, change: Partial<StepDraft>) =>
    setGoal(block, { steps: draft.goals[block]!.steps.map((step, index) => (index === stepIndex ? { ...step, ...change } : step)) });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.reset();
    const filled = draft.goals.flatMap((goal, block) => (isFilled(goal) ? [{ goal, block }] : []));
    const input = {
      caseId,
      agreementId: agreement?.id ?? null,
      agreedOn: draft.agreedOn,
      nextReviewOn: draft.nextReviewOn,
      participants: draft.participants,
      isAgreed: draft.isAgreed === "" ? undefined : draft.isAgreed === "yes",
      deviations: draft.deviations,
      goals: filled.map(({ goal, block }) => ({
        ...(goal.id ? { id: goal.id } : {}),
        priority: block + 1,
        lifeArea: goal.lifeArea || null,
        title: goal.title,
        explanation: goal.explanation,
        measurable: goal.measurable,
        dueOn: goal.dueOn,
        steps: goal.steps.map((step) => ({ action: step.action, responsible: step.responsible, dueOn: step.dueOn || null })),
        nextStep: goal.nextStep,
      })),
    };
    const result = check(saveGoalAgreementSchema, input);
    if (result.errors) {
      // Issues name the position among the filled goals; the form shows them at the goal's block.
      const mapped: Record<string, string> = {};
      for (const [key, message] of Object.entries(result.errors)) {
        const match = /^goals\.(\d+)\.(.+)$/.exec(key);
        if (match) mapped[`goals.${filled[Number(match[1])]?.block ?? 0}.${match[2]}`] ??= message;
        else if (key === "goals") mapped["goals.0.title"] ??= message;
        else mapped[key] ??= message;
      }
      setClientErrors(mapped);
      focusFirstInvalid(formRef.current);
      return;
    }
    setClientErrors({});
    save.mutate(result.data);
  }

  const hasErrors = Object.keys(clientErrors).length > 0;

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} aria-labelledby={`${idPrefix}-title`}>
      <h3 id={`${idPrefix}-title`}>
        {agreement ? t("agreement.editing", { date: formatDay(agreement.agreedOn) }) : t("agreement.editingNew")}
      </h3>
      <FormStatus error={hasErrors ? tErrors("invalidInput") : save.error && !knownServerField ? save.error.message : null} />
      <fieldset disabled={!canWrite} className="plan-plain-fieldset">
        {draft.goals.map((goal, block) => {
          const priority = block + 1;
          const prefix = `${idPrefix}-goal-${priority}`;
          const err = (field: string) => errors[`goals.${block}.${field}`];
          return (
            <fieldset key={block} className="plan-goal">
              <legend>{block === 0 ? t("goal.legendFirst") : t("goal.legend", { priority })}</legend>
              {block > 0 && <p className="field-hint">{t("goal.optional")}</p>}
              <Field id={`${prefix}-title`} label={t("goal.title")} hint={t("goal.titleHint")} error={err("title")}>
                {(d) => (
                  <input id={`${prefix}-title`} value={goal.title} onChange={(e) => setGoal(block, { title: e.target.value })} {...d} />
                )}
              </Field>
              <div className="plan-row">
                <Field id={`${prefix}-life-area`} label={t("goal.lifeArea")} error={err("lifeArea")}>
                  {(d) => (
                    <select
                      id={`${prefix}-life-area`}
                      value={goal.lifeArea}
                      onChange={(e) => setGoal(block, { lifeArea: e.target.value })}
                      {...d}
                    >
                      <option value="">{t("goal.noLifeArea")}</option>
                      {lifeAreas.map((area) => (
                        <option key={area} value={area}>
                          {tCases(`lifeAreas.${area}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field id={`${prefix}-due`} label={t("goal.dueOn")} error={err("dueOn")}>
                  {(d) => (
                    <input
                      id={`${prefix}-due`}
                      type="date"
                      value={goal.dueOn}
                      onChange={(e) => setGoal(block, { dueOn: e.target.value })}
                      {...d}
                    />
                  )}
                </Field>
              </div>
              <Field id={`${prefix}-measurable`} label={t("goal.measurable")} error={err("measurable")}>
                {(d) => (
                  <input
                    id={`${prefix}-measurable`}
                    value={goal.measurable}
                    onChange={(e) => setGoal(block, { measurable: e.target.value })}
                    {...d}
                  />
                )}
              </Field>
              <Field id={`${prefix}-explanation`} label={t("goal.explanation")} error={err("explanation")}>
                {(d) => (
                  <textarea
                    id={`${prefix}-explanation`}
                    value={goal.explanation}
                    onChange={(e) => setGoal(block, { explanation: e.target.value })}
                    {...d}
                  />
                )}
              </Field>
              <fieldset className="plan-steps">
                <legend>{t("goal.steps")}</legend>
                {goal.steps.length === 0 && <p className="muted">{t("goal.noSteps")}</p>}
                {goal.steps.map((step, stepIndex) => {
                  const number = stepIndex + 1;
                  const stepPrefix = `${prefix}-step-${number}`;
                  const stepErr = (field: string) => err(`steps.${stepIndex}.${field}`);
                  return (
                    <div key={stepIndex} className="plan-step-row">
                      <Field id={`${stepPrefix}-action`} label={t("goal.stepAction", { number })} error={stepErr("action")}>
                        {(d) => (
                          <input
                            id={`${stepPrefix}-action`}
                            value={step.action}
                            onChange={(e) => setStep(block, stepIndex, { action: e.target.value })}
                            {...d}
                          />
                        )}
                      </Field>
                      <Field id={`${stepPrefix}-responsible`} label={t("goal.stepResponsible", { number })} error={stepErr("responsible")}>
                        {(d) => (
                          <input
                            id={`${stepPrefix}-responsible`}
                            value={step.responsible}
                            onChange={(e) => setStep(block, stepIndex, { responsible: e.target.value })}
                            {...d}
                          />
                        )}
                      </Field>
                      <Field id={`${stepPrefix}-due`} label={t("goal.stepDueOn", { number })} error={stepErr("dueOn")}>
                        {(d) => (
                          <input
                            id={`${stepPrefix}-due`}
                            type="date"
                            value={step.dueOn}
                            onChange={(e) => setStep(block, stepIndex, { dueOn: e.target.value })}
                            {...d}
                          />
                        )}
                      </Field>
                      {canWrite && (
                        <button
                          type="button"
                          className="button-link plan-step-remove"
                          onClick={() => {
                            setGoal(block, { steps: goal.steps.filter((_, index) => index !== stepIndex) });
                            setClientErrors({});
                            focusLater(`${prefix}-add-step`);
                          }}
                        >
                          {t("goal.removeStep", { number, priority })}
                        </button>
                      )}
                    </div>
                  );
                })}
                {errors[`goals.${block}.steps`] && <p className="field-error">{errors[`goals.${block}.steps`]}</p>}
                {canWrite && (
                  <button
                    type="button"
                    id={`${prefix}-add-step`}
                    className="button-secondary"
                    onClick={() => {
                      setGoal(block, { steps: [...goal.steps, { action: "", responsible: "", dueOn: "" }] });
                      focusLater(`${prefix}-step-${goal.steps.length + 1}-action`);
                    }}
                  >
                    {t("goal.addStep", { priority })}
                  </button>
                )}
              </fieldset>
              <Field id={`${prefix}-next-step`} label={t("goal.nextStep")} error={err("nextStep")}>
                {(d) => (
                  <textarea
                    id={`${prefix}-next-step`}
                    value={goal.nextStep}
                    onChange={(e) => setGoal(block, { nextStep: e.target.value })}
                    {...d}
                  />
                )}
              </Field>
              {block > 0 && canWrite && isFilled(goal) && (
                <button
                  type="button"
                  className="button-link"
                  onClick={() => {
                    // Keeps the id away: a cleared goal is removed from the agreement on save.
                    setGoal(block, { ...emptyGoal(), id: undefined });
                    focusLater(`${prefix}-title`);
                  }}
                >
                  {t("goal.clear", { priority })}
                </button>
              )}
            </fieldset>
          );
        })}

        <div className="plan-row">
          <Field id={`${idPrefix}-agreed-on`} label={t("agreement.agreedOn")} error={errors.agreedOn}>
            {(d) => (
              <input
                id={`${idPrefix}-agreed-on`}
                type="date"
                value={draft.agreedOn}
                onChange={(e) => setField("agreedOn", e.target.value)}
                {...d}
              />
            )}
          </Field>
          <Field id={`${idPrefix}-next-review`} label={t("agreement.nextReviewOn")} error={errors.nextReviewOn}>
            {(d) => (
              <input
                id={`${idPrefix}-next-review`}
                type="date"
                value={draft.nextReviewOn}
                onChange={(e) => setField("nextReviewOn", e.target.value)}
                {...d}
              />
            )}
          </Field>
        </div>
        <Field
          id={`${idPrefix}-participants`}
          label={t("agreement.participants")}
          hint={t("agreement.participantsHint")}
          error={errors.participants}
        >
          {(d) => (
            <input
              id={`${idPrefix}-participants`}
              value={draft.participants}
              onChange={(e) => setField("participants", e.target.value)}
              {...d}
            />
          )}
        </Field>
        <fieldset
          className="plan-choice-group"
          data-invalid={errors.isAgreed ? "true" : undefined}
          aria-describedby={errors.isAgreed ? `${idPrefix}-agreed-error` : undefined}
        >
          <legend>{t("agreement.isAgreed")}</legend>
          {errors.isAgreed && (
            <p className="field-error" id={`${idPrefix}-agreed-error`}>
              {errors.isAgreed}
            </p>
          )}
          {(["yes", "no"] as const).map((answer) => (
            <label key={answer} className="plan-choice">
              <input
                type="radio"
                name={`${idPrefix}-is-agreed`}
                value={answer}
                checked={draft.isAgreed === answer}
                onChange={() => setField("isAgreed", answer)}
              />{" "}
              {tApp(answer)}
            </label>
          ))}
        </fieldset>
        <Field
          id={`${idPrefix}-deviations`}
          label={t("agreement.deviations")}
          hint={t("agreement.deviationsHint")}
          error={errors.deviations}
        >
          {(d) => (
            <textarea
              id={`${idPrefix}-deviations`}
              value={draft.deviations}
              onChange={(e) => setField("deviations", e.target.value)}
              {...d}
            />
          )}
        </Field>
      </fieldset>
      {canWrite && (
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {save.isPending ? tApp("saving") : t("agreement.save")}
        </button>
      )}
    </form>
  );
}
