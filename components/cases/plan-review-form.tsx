"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { attainmentLevels } from "@/server/schemas/case-kinds";
import { reviewGoalsSchema } from "@/server/schemas/plans";
import { FormField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";
import { todayInBerlin } from "@/server/schemas/calendar-days";
import { useFormatDay } from "./plan-format-day";
import type { PlanAgreement } from "./plan-types";

interface Props {
  caseId: string;
  agreement: PlanAgreement;
  canWrite: boolean;
  onSaved: () => Promise<void>;
}

/** Überprüfung der Planung: per goal one of four degrees of attainment, with an explanation. */
export function PlanReviewForm({ caseId, agreement, canWrite, onSaved }: Props) {
  const t = useTranslations("plans");
  const tApp = useTranslations("app");
  const trpc = useTRPC();
  const formatDay = useFormatDay();
  const [success, setSuccess] = useState<string | null>(null);
  const form = useZodForm(reviewGoalsSchema, {
    defaultValues: {
      caseId,
      agreementId: agreement.id,
      reviewedOn: agreement.reviewedOn ?? todayInBerlin(),
      goals: agreement.goals.map((goal) => ({
        goalId: goal.id,
        attainment: goal.attainment ?? undefined,
        attainmentNote: goal.attainmentNote,
      })),
    },
  });
  const save = useMutation(
    trpc.cases.plans.reviewGoals.mutationOptions({
      onSuccess: async () => {
        setSuccess(t("review.saved"));
        await onSaved();
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit(
    (values) => {
      save.reset();
      setSuccess(null);
      save.mutate(values);
    },
    () => {
      save.reset();
      setSuccess(null);
    },
  );
  const alert = useFormAlert(form, save.error, { hideWhenFieldsNamed: true });

  return (
    <form noValidate onSubmit={onSubmit}>
      <p>{t("review.intro")}</p>
      {agreement.reviewedOn && <p className="muted">{t("review.lastReviewed", { date: formatDay(agreement.reviewedOn) })}</p>}
      <FormStatus error={alert} success={success} />
      <fieldset disabled={!canWrite} className="plan-plain-fieldset">
        <FormField form={form} name="reviewedOn" id="review-date" label={t("review.reviewedOn")}>
          {(control) => <input {...control} type="date" />}
        </FormField>
        {agreement.goals.map((goal, index) => {
          const error = errors.goals?.[index]?.attainment?.message;
          const errorId = `review-${goal.id}-error`;
          return (
            <div key={goal.id} className="plan-review-goal">
              <fieldset
                className="plan-choice-group"
                data-invalid={error ? "true" : undefined}
                aria-describedby={error ? errorId : undefined}
              >
                <legend>{t("review.attainment", { priority: goal.priority, title: goal.title })}</legend>
                {error && (
                  <p className="field-error" id={errorId}>
                    {error}
                  </p>
                )}
                {attainmentLevels.map((level) => (
                  <label key={level} className="plan-choice">
                    <input type="radio" {...form.register(`goals.${index}.attainment`)} value={level} /> {t(`attainmentLevels.${level}`)}
                  </label>
                ))}
              </fieldset>
              <FormField
                form={form}
                name={`goals.${index}.attainmentNote`}
                id={`review-${goal.id}-note`}
                label={t("review.note", { priority: goal.priority })}
              >
                {(control) => <textarea {...control} />}
              </FormField>
            </div>
          );
        })}
      </fieldset>
      {canWrite && (
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {save.isPending ? tApp("saving") : t("review.save")}
        </button>
      )}
    </form>
  );
}
