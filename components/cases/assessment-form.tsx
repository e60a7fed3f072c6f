"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState, type FormEvent, type Ref } from "react";
import type { AssessmentListEntry } from "@/server/cases/assessments";
import { scaleRatings } from "@/server/schemas/assessments";
import { guidingQuestions, lifeAreas, residenceStatuses, scaleItems, type LifeArea } from "@/server/schemas/case-kinds";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { useTRPC } from "../trpc/client";
import { assessmentErrorsOf, draftToInput, editDraft, newDraft, type AssessmentDraft, type ResidenceStatus } from "./assessment-draft";
import styles from "./assessment.module.css";
import { formatDay } from "./case-list";

interface AssessmentFormProps {
  caseId: string;
  assessments: AssessmentListEntry[];
  lifeArea: LifeArea;
  onLifeAreaChange: (lifeArea: LifeArea) => void;
  headingRef: Ref<HTMLHeadingElement>;
}

/** Choose a life area, then fill its form; the heading takes focus when an area is chosen in the overview. */
export function AssessmentForm({ caseId, assessments, lifeArea, onLifeAreaChange, headingRef }: AssessmentFormProps) {
  const t = useTranslations("assessments");
  const tCases = useTranslations("cases");
  return (
    <section aria-labelledby="assessment-form-title" className={`card ${styles.section}`}>
      <h2 id="assessment-form-title" ref={headingRef} tabIndex={-1}>
        {t("form.title")}
      </h2>
      <div className={styles.areaChooser}>
        <div className="field">
          <label htmlFor="assessment-life-area">{t("form.lifeArea")}</label>
          <select id="assessment-life-area" value={lifeArea} onChange={(e) => onLifeAreaChange(e.target.value as LifeArea)}>
            {lifeAreas.map((area) => (
              <option key={area} value={area}>
                {tCases(`lifeAreas.${area}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {/* A fresh form per area: its draft and its last save result belong to that area only. */}
      <AreaForm
        key={lifeArea}
        caseId={caseId}
        lifeArea={lifeArea}
        latest={assessments.find((a) => a.lifeArea === lifeArea && a.isLatestOfArea)}
      />
    </section>
  );
}

function AreaForm({ caseId, lifeArea, latest }: { caseId: string; lifeArea: LifeArea; latest: AssessmentListEntry | undefined }) {
  const t = useTranslations("assessments");
  const tApp = useTranslations("app");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<AssessmentDraft>(() => newDraft(lifeArea, latest));
  const [success, setSuccess] = useState<string | null>(null);

  const save = useMutation(
    trpc.cases.assessments.save.mutationOptions({
      onSuccess: async (result, input) => {
        setSuccess(result.created && input.id ? t("form.savedAsNew") : t("form.saved"));
        setDraft(editDraft(result.assessment));
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.cases.assessments.list.queryKey({ caseId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.cases.assessments.compare.queryKey({ caseId }) }),
        ]);
      },
    }),
  );
  const errors = assessmentErrorsOf(save.error);

  const draftHeading = useRef<HTMLHeadingElement>(null);

  // The button that was pressed disappears with the switch, so focus goes to the form's heading.
  function switchTo(next: AssessmentDraft) {
    setDraft(next);
    setSuccess(null);
    save.reset();
    draftHeading.current?.focus();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSuccess(null);
    save.mutate(draftToInput(caseId, draft));
  }

  const update = (changes: Partial<AssessmentDraft>) => setDraft((current) => ({ ...current, ...changes }));
  const updateScale = (item: string, changes: Partial<AssessmentDraft["scales"][string]>) =>
    setDraft((current) => ({ ...current, scales: { ...current.scales, [item]: { ...current.scales[item]!, ...changes } } }));
  const day = (value: string) => formatDay(format, value);
  const legendId = "assessment-scale-legend";

  return (
    <>
      <h3 id="assessment-draft-title" ref={draftHeading} tabIndex={-1}>
        {draft.savedOn ? t("form.editTitle", { date: day(draft.savedOn) }) : t("form.newTitle")}
      </h3>
      <div className={styles.modeActions}>
        {draft.id && (
          <button type="button" className="button-secondary" onClick={() => switchTo(newDraft(lifeArea, latest))}>
            {t("form.startNew")}
          </button>
        )}
        {latest && draft.id !== latest.id && (
          <button type="button" className="button-secondary" onClick={() => switchTo(editDraft(latest))}>
            {t("form.editLatest", { date: day(latest.assessedOn) })}
          </button>
        )}
      </div>

      <form onSubmit={onSubmit} noValidate aria-labelledby="assessment-draft-title">
        <FormStatus error={save.error?.message} success={success} />
        {draft.carriedOverFrom && !draft.id && <p className="notice">{t("form.prefilled", { date: day(draft.carriedOverFrom) })}</p>}

        <fieldset aria-describedby={errors.isReassessment ? "assessment-kind-error" : undefined}>
          <legend>{t("form.kind")}</legend>
          {errors.isReassessment && (
            <p className="field-error" id="assessment-kind-error">
              {errors.isReassessment}
            </p>
          )}
          {[false, true].map((isReassessment) => (
            <label key={String(isReassessment)} className={styles.choice}>
              <input
                type="radio"
                name="assessment-kind"
                checked={draft.isReassessment === isReassessment}
                onChange={() => update({ isReassessment })}
              />
              {isReassessment ? t("kinds.reassessment") : t("kinds.first")}
            </label>
          ))}
        </fieldset>

        <Field id="assessment-date" label={t("form.assessedOn")} error={errors.assessedOn}>
          {(d) => (
            <input
              id="assessment-date"
              type="date"
              value={draft.assessedOn}
              onChange={(e) => update({ assessedOn: e.target.value })}
              required
              {...d}
            />
          )}
        </Field>
        <Field id="assessment-participants" label={t("form.participants")} error={errors.participants}>
          {(d) => (
            <input
              id="assessment-participants"
              value={draft.participants}
              onChange={(e) => update({ participants: e.target.value })}
              maxLength={1000}
              {...d}
            />
          )}
        </Field>

        {lifeArea === "legal_status" && (
          <Field
            id="assessment-residence-status"
            label={t("form.residenceStatus")}
            hint={t("residenceStatusHint")}
            error={errors.residenceStatus}
          >
            {(d) => (
              <select
                id="assessment-residence-status"
                value={draft.residenceStatus}
                onChange={(e) => update({ residenceStatus: e.target.value as ResidenceStatus | "" })}
                {...d}
              >
                <option value="">{t("form.noResidenceStatus")}</option>
                {residenceStatuses.map((status) => (
                  <option key={status} value={status}>
                    {t(`residenceStatuses.${status}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}

        <fieldset className="wide">
          <legend>{t("form.questions")}</legend>
          {guidingQuestions[lifeArea].map((question) => (
            <Field
              key={question}
              id={`assessment-answer-${question}`}
              label={t(`questions.${lifeArea}.${question}`)}
              error={errors[`answers.${question}`] ?? errors.answers}
            >
              {(d) => (
                <textarea
                  id={`assessment-answer-${question}`}
                  value={draft.answers[question] ?? ""}
                  onChange={(e) => update({ answers: { ...draft.answers, [question]: e.target.value } })}
                  maxLength={4000}
                  {...d}
                />
              )}
            </Field>
          ))}
        </fieldset>
        <Field id="assessment-resources" label={t("form.resources")} hint={t(`resourcesHints.${lifeArea}`)} error={errors.resources}>
          {(d) => (
            <textarea
              id="assessment-resources"
              value={draft.resources}
              onChange={(e) => update({ resources: e.target.value })}
              maxLength={4000}
              {...d}
            />
          )}
        </Field>
        <Field id="assessment-wishes" label={t("form.wishes")} error={errors.wishes}>
          {(d) => (
            <textarea
              id="assessment-wishes"
              value={draft.wishes}
              onChange={(e) => update({ wishes: e.target.value })}
              maxLength={4000}
              {...d}
            />
          )}
        </Field>

        <fieldset className="wide">
          <legend>{t("form.scales")}</legend>
          <p className={styles.legend} id={legendId}>
            {t(`legends.${lifeArea}`)}
          </p>
          {errors.scales && <p className="field-error">{errors.scales}</p>}
          {scaleItems[lifeArea].map((item) => {
            const entry = draft.scales[item] ?? { rating: null, remark: "" };
            const ratingError = errors[`scales.${item}.rating`] ?? errors[`scales.${item}`];
            const remarkError = errors[`scales.${item}.remark`];
            const ratingErrorId = `assessment-rating-${item}-error`;
            const remarkId = `assessment-remark-${item}`;
            return (
              <fieldset
                key={item}
                className={styles.scaleItem}
                aria-describedby={[legendId, ratingError ? ratingErrorId : null].filter(Boolean).join(" ")}
              >
                <legend>{t(`scaleItems.${lifeArea}.${item}`)}</legend>
                {ratingError && (
                  <p className="field-error" id={ratingErrorId}>
                    {ratingError}
                  </p>
                )}
                <div className={styles.ratingOptions}>
                  {scaleRatings.map((rating) => (
                    <label key={rating} className={styles.ratingOption}>
                      <input
                        type="radio"
                        name={`rating-${item}`}
                        checked={entry.rating === rating}
                        onChange={() => updateScale(item, { rating })}
                      />
                      {rating}
                    </label>
                  ))}
                  <label className={styles.ratingOption}>
                    <input
                      type="radio"
                      name={`rating-${item}`}
                      checked={entry.rating === null}
                      onChange={() => updateScale(item, { rating: null })}
                    />
                    {t("form.noRating")}
                  </label>
                </div>
                <div className={remarkError ? `${styles.remark} ${styles.remarkInvalid}` : styles.remark}>
                  <label htmlFor={remarkId}>
                    {t("form.remark")}
                    <span className="visually-hidden"> {t(`scaleItemsShort.${lifeArea}.${item}`)}</span>
                  </label>
                  {remarkError && (
                    <p className="field-error" id={`${remarkId}-error`}>
                      {remarkError}
                    </p>
                  )}
                  <input
                    id={remarkId}
                    value={entry.remark}
                    onChange={(e) => updateScale(item, { remark: e.target.value })}
                    maxLength={1000}
                    aria-describedby={remarkError ? `${remarkId}-error` : undefined}
                    aria-invalid={remarkError ? true : undefined}
                  />
                </div>
              </fieldset>
            );
          })}
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={save.isPending}>
            {save.isPending ? tApp("saving") : t("form.save")}
          </button>
        </div>
      </form>
    </>
  );
}
