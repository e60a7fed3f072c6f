"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { todayInBerlin } from "@/server/schemas/calendar-days";
import { attainmentLevels } from "@/server/schemas/case-kinds";
import { reviewGoalsSchema } from "@/server/schemas/plans";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { fieldErrorsOf } from "../forms/use-field-errors";
import { useTRPC } from "../trpc/client";
import { focusFirstInvalid, useFormatDay, useSchemaErrors } from "./plan-form-errors";
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
  const tErrors = useTranslations("errors");
  const trpc = useTRPC();
  const formatDay = useFormatDay();
  const { check } = useSchemaErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [success, setSuccess] = useState<string | null>(null);
  const save = useMutation(
    trpc.cases.plans.reviewGoals.mutationOptions({
      onSuccess: async () => {
        setSuccess(t("review.saved"));
        await onSaved();
      },
    }),
  );
  const errors = { ...fieldErrorsOf(save.error), ...clientErrors };
  const hasClientErrors = Object.keys(clientErrors).length > 0;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.reset();
    setSuccess(null);
    const form = new FormData(event.currentTarget);
    const input = {
      caseId,
      agreementId: agreement.id,
      reviewedOn: String(form.get("reviewedOn") ?? ""),
      goals: agreement.goals.map((goal) => ({
        goalId: goal.id,
        attainment: form.get(`attainment-${goal.id}`) ?? undefined,
        attainmentNote: String(form.get(`note-${goal.id}`) ?? ""),
      })),
    };
    const result = check(reviewGoalsSchema, input);
    if (result.errors) {
      setClientErrors(result.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setClientErrors({});
    save.mutate(result.data);
  }

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit}>
      <p>{t("review.intro")}</p>
      {agreement.reviewedOn && <p className="muted">{t("review.lastReviewed", { date: formatDay(agreement.reviewedOn) })}</p>}
      <FormStatus
        error={hasClientErrors ? tErrors("invalidInput") : save.error && !errors.reviewedOn ? save.error.message : null}
        success={success}
      />
      <fieldset disabled={!canWrite} className="plan-plain-fieldset">
        <Field id="review-date" label={t("review.reviewedOn")} error={errors.reviewedOn}>
          {(d) => <input id="review-date" name="reviewedOn" type="date" defaultValue={agreement.reviewedOn ?? todayInBerlin()} {...d} />}
        </Field>
        {agreement.goals.map((goal, index) => {
          const error = errors[`goals.${index}.attainment`];
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
                    <input type="radio" name={`attainment-${goal.id}`} value={level} defaultChecked={goal.attainment === level} />{" "}
                    {t(`attainmentLevels.${level}`)}
                  </label>
                ))}
              </fieldset>
              <Field
                id={`review-${goal.id}-note`}
                label={t("review.note", { priority: goal.priority })}
                error={errors[`goals.${index}.attainmentNote`]}
              >
                {(d) => <textarea id={`review-${goal.id}-note`} name={`note-${goal.id}`} defaultValue={goal.attainmentNote} {...d} />}
              </Field>
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
