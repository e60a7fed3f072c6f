"use client";

import { useMutation } from "@tanstack/react-query";
import { useMessages, useTranslations } from "next-intl";
import { useMemo } from "react";
import { useFieldArray, useForm, useWatch, type UseFormReturn } from "react-hook-form";
import type { Catalogue } from "@/server/i18n/catalogue";
import { lifeAreas } from "@/server/schemas/case-kinds";
import { maxGoals, type SaveGoalAgreementInput } from "@/server/schemas/plans";
import { FormField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { serverFieldErrors } from "../forms/server-errors";
import { useFormAlert } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";
import { useFormatDay } from "./plan-format-day";
import type { PlanAgreement } from "./plan-types";
import {
  type AgreementDraft,
  agreementFormPath,
  agreementInput,
  agreementResolver,
  draftOf,
  emptyGoal,
  isFilled,
} from "./plan-agreement-draft";

type AgreementForm = UseFormReturn<AgreementDraft, unknown, SaveGoalAgreementInput>;

interface Props {
  caseId: string;
  /** The agreement being edited; null for a new one. */
  agreement: PlanAgreement | null;
  canWrite: boolean;
  onSaved: (nextReviewOn: string) => Promise<void>;
}

// After React has rendered the change, e.g. a new step's first field.
const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/** The Zielerreichungsbogen: three goal blocks in priority order, each with its steps and next step. */
export function PlanAgreementForm({ caseId, agreement, canWrite, onSaved }: Props) {
  const t = useTranslations("plans");
  const tApp = useTranslations("app");
  const formatDay = useFormatDay();
  const trpc = useTRPC();
  const messages = useMessages() as Catalogue;
  const agreementId = agreement?.id ?? null;
  const resolver = useMemo(() => agreementResolver(caseId, agreementId, messages), [caseId, agreementId, messages]);
  // Focus goes to the first marked field in reading order (a goal before the dates), not in the
  // order the fields were registered.
  const form: AgreementForm = useForm<AgreementDraft, unknown, SaveGoalAgreementInput>({
    defaultValues: draftOf(agreement),
    resolver,
    shouldFocusError: false,
  });

  const save = useMutation(
    trpc.cases.plans.saveAgreement.mutationOptions({
      onSuccess: (result) => onSaved(result.nextReviewOn),
      onError: (error) => {
        // The server counts the filled goals only; the form shows its messages at their blocks.
        const { blocks } = agreementInput(form.getValues(), caseId, agreementId);
        Object.entries(serverFieldErrors(error)).forEach(([path, message], index) => {
          form.setError(agreementFormPath(path, blocks) as "agreedOn", { type: "server", message }, { shouldFocus: index === 0 });
        });
      },
    }),
  );
  const alert = useFormAlert(form, save.error, { hideWhenFieldsNamed: true });
  const isAgreedError = form.formState.errors.isAgreed?.message;
  const idPrefix = agreement ? `agreement-${agreement.id.slice(0, 8)}` : "agreement-new";
  const onSubmit = (element: HTMLFormElement) =>
    form.handleSubmit(
      (input) => save.mutate(input),
      () => requestAnimationFrame(() => element.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()),
    );

  return (
    <form
      noValidate
      onSubmit={(event) => {
        save.reset();
        void onSubmit(event.currentTarget)(event);
      }}
      aria-labelledby={`${idPrefix}-title`}
    >
      <h3 id={`${idPrefix}-title`}>
        {agreement ? t("agreement.editing", { date: formatDay(agreement.agreedOn) }) : t("agreement.editingNew")}
      </h3>
      <FormStatus error={alert} />
      <fieldset disabled={!canWrite} className="plan-plain-fieldset">
        {Array.from({ length: maxGoals }, (_, block) => (
          <GoalBlock key={block} form={form} block={block} prefix={`${idPrefix}-goal-${block + 1}`} canWrite={canWrite} />
        ))}

        <div className="plan-row">
          <FormField form={form} name="agreedOn" id={`${idPrefix}-agreed-on`} label={t("agreement.agreedOn")}>
            {(control) => <input {...control} type="date" />}
          </FormField>
          <FormField form={form} name="nextReviewOn" id={`${idPrefix}-next-review`} label={t("agreement.nextReviewOn")}>
            {(control) => <input {...control} type="date" />}
          </FormField>
        </div>
        <FormField
          form={form}
          name="participants"
          id={`${idPrefix}-participants`}
          label={t("agreement.participants")}
          hint={t("agreement.participantsHint")}
        >
          {(control) => <input {...control} />}
        </FormField>
        <fieldset
          className="plan-choice-group"
          data-invalid={isAgreedError ? "true" : undefined}
          aria-describedby={isAgreedError ? `${idPrefix}-agreed-error` : undefined}
        >
          <legend>{t("agreement.isAgreed")}</legend>
          {isAgreedError && (
            <p className="field-error" id={`${idPrefix}-agreed-error`}>
              {isAgreedError}
            </p>
          )}
          {(["yes", "no"] as const).map((answer) => (
            <label key={answer} className="plan-choice">
              <input type="radio" {...form.register("isAgreed")} value={answer} /> {tApp(answer)}
            </label>
          ))}
        </fieldset>
        <FormField
          form={form}
          name="deviations"
          id={`${idPrefix}-deviations`}
          label={t("agreement.deviations")}
          hint={t("agreement.deviationsHint")}
        >
          {(control) => <textarea {...control} />}
        </FormField>
      </fieldset>
      {canWrite && (
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {save.isPending ? tApp("saving") : t("agreement.save")}
        </button>
      )}
    </form>
  );
}

/** One goal block: the goal, its steps (added and removed by button) and the next step. */
function GoalBlock({ form, block, prefix, canWrite }: { form: AgreementForm; block: number; prefix: string; canWrite: boolean }) {
  const t = useTranslations("plans");
  const tCases = useTranslations("cases");
  const steps = useFieldArray({ control: form.control, name: `goals.${block}.steps` });
  const goal = useWatch({ control: form.control, name: `goals.${block}` });
  const priority = block + 1;
  const stepsError = form.formState.errors.goals?.[block]?.steps?.message;

  return (
    <fieldset className="plan-goal">
      <legend>{block === 0 ? t("goal.legendFirst") : t("goal.legend", { priority })}</legend>
      {block > 0 && <p className="field-hint">{t("goal.optional")}</p>}
      <FormField form={form} name={`goals.${block}.title`} id={`${prefix}-title`} label={t("goal.title")} hint={t("goal.titleHint")}>
        {(control) => <input {...control} />}
      </FormField>
      <div className="plan-row">
        <FormField form={form} name={`goals.${block}.lifeArea`} id={`${prefix}-life-area`} label={t("goal.lifeArea")}>
          {(control) => (
            <select {...control}>
              <option value="">{t("goal.noLifeArea")}</option>
              {lifeAreas.map((area) => (
                <option key={area} value={area}>
                  {tCases(`lifeAreas.${area}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField form={form} name={`goals.${block}.dueOn`} id={`${prefix}-due`} label={t("goal.dueOn")}>
          {(control) => <input {...control} type="date" />}
        </FormField>
      </div>
      <FormField form={form} name={`goals.${block}.measurable`} id={`${prefix}-measurable`} label={t("goal.measurable")}>
        {(control) => <input {...control} />}
      </FormField>
      <FormField form={form} name={`goals.${block}.explanation`} id={`${prefix}-explanation`} label={t("goal.explanation")}>
        {(control) => <textarea {...control} />}
      </FormField>
      <fieldset className="plan-steps">
        <legend>{t("goal.steps")}</legend>
        {steps.fields.length === 0 && <p className="muted">{t("goal.noSteps")}</p>}
        {steps.fields.map((row, stepIndex) => {
          const number = stepIndex + 1;
          const stepPrefix = `${prefix}-step-${number}`;
          return (
            <div key={row.id} className="plan-step-row">
              <FormField
                form={form}
                name={`goals.${block}.steps.${stepIndex}.action`}
                id={`${stepPrefix}-action`}
                label={t("goal.stepAction", { number })}
              >
                {(control) => <input {...control} />}
              </FormField>
              <FormField
                form={form}
                name={`goals.${block}.steps.${stepIndex}.responsible`}
                id={`${stepPrefix}-responsible`}
                label={t("goal.stepResponsible", { number })}
              >
                {(control) => <input {...control} />}
              </FormField>
              <FormField
                form={form}
                name={`goals.${block}.steps.${stepIndex}.dueOn`}
                id={`${stepPrefix}-due`}
                label={t("goal.stepDueOn", { number })}
              >
                {(control) => <input {...control} type="date" />}
              </FormField>
              {canWrite && (
                <button
                  type="button"
                  className="button-link plan-step-remove"
                  onClick={() => {
                    steps.remove(stepIndex);
                    form.clearErrors();
                    focusLater(`${prefix}-add-step`);
                  }}
                >
                  {t("goal.removeStep", { number, priority })}
                </button>
              )}
            </div>
          );
        })}
        {stepsError && <p className="field-error">{stepsError}</p>}
        {canWrite && (
          <button
            type="button"
            id={`${prefix}-add-step`}
            className="button-secondary"
            onClick={() => {
              steps.append({ action: "", responsible: "", dueOn: "" }, { shouldFocus: false });
              focusLater(`${prefix}-step-${steps.fields.length + 1}-action`);
            }}
          >
            {t("goal.addStep", { priority })}
          </button>
        )}
      </fieldset>
      <FormField form={form} name={`goals.${block}.nextStep`} id={`${prefix}-next-step`} label={t("goal.nextStep")}>
        {(control) => <textarea {...control} />}
      </FormField>
      {block > 0 && canWrite && isFilled(goal) && (
        <button
          type="button"
          className="button-link"
          onClick={() => {
            // Keeps the id away: a cleared goal is removed from the agreement on save.
            steps.remove();
            const empty = emptyGoal();
            for (const field of ["lifeArea", "title", "explanation", "measurable", "dueOn", "nextStep"] as const) {
              form.setValue(`goals.${block}.${field}`, empty[field]);
            }
            form.setValue(`goals.${block}.id`, undefined);
            focusLater(`${prefix}-title`);
          }}
        >
          {t("goal.clear", { priority })}
        </button>
      )}
    </fieldset>
  );
}
