"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { lifeAreas } from "@/server/schemas/case-kinds";
import { saveMeasureSchema } from "@/server/schemas/plans";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { fieldErrorsOf } from "../forms/use-field-errors";
import { useTRPC } from "../trpc/client";
import { focusFirstInvalid, useSchemaErrors } from "./plan-form-errors";
import type { PlanAgreement, PlanFile, PlanMeasure } from "./plan-types";

interface Props {
  caseId: string;
  file: PlanFile;
  agreement: PlanAgreement | null;
  onChanged: () => Promise<void>;
}

/** The help plan: measures grouped by the current agreement's goals, and the form to add or edit one. */
export function PlanHelpPlan({ caseId, file, agreement, onChanged }: Props) {
  const t = useTranslations("plans");
  const tCases = useTranslations("cases");
  const trpc = useTRPC();
  const [editing, setEditing] = useState<PlanMeasure | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  // A fresh, empty form after each save.
  const [saveCount, setSaveCount] = useState(0);
  const remove = useMutation(
    trpc.cases.plans.removeMeasure.mutationOptions({
      onSuccess: async () => {
        setSuccess(t("helpPlan.removed"));
        await onChanged();
      },
    }),
  );
  const currentGoals = agreement?.goals ?? [];
  const groups = [
    ...currentGoals.map((goal) => ({
      key: goal.id,
      heading: t("helpPlan.goalHeading", { priority: goal.priority, title: goal.title }),
      measures: file.measures.filter((measure) => measure.goalId === goal.id),
    })),
    {
      key: "none",
      heading: t("helpPlan.withoutGoal"),
      // Measures without a goal, or tied to a goal of an earlier agreement.
      measures: file.measures.filter((measure) => !currentGoals.some((goal) => goal.id === measure.goalId)),
    },
  ].filter((group) => group.measures.length > 0);

  return (
    <>
      <p>{t("helpPlan.intro")}</p>
      <FormStatus error={remove.error?.message} success={success} />
      {groups.length === 0 && <p>{t("helpPlan.noMeasures")}</p>}
      {groups.map((group) => (
        <div key={group.key}>
          <h3>{group.heading}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("helpPlan.task")}</th>
                <th scope="col">{t("helpPlan.provider")}</th>
                <th scope="col">{t("helpPlan.role")}</th>
                <th scope="col">{t("helpPlan.responsibility")}</th>
                <th scope="col">{t("helpPlan.timeframe")}</th>
                {file.canWrite && <th scope="col">{t("helpPlan.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {group.measures.map((measure) => (
                <tr key={measure.id}>
                  <td>{measure.task}</td>
                  <td>
                    {measure.offerTitle ?? measure.providerName ?? t("notGiven")}
                    {measure.offerTitle && measure.providerName && <span className="muted"> ({measure.providerName})</span>}
                    {measure.isMissingOffer && (
                      <p className="plan-gap">
                        {t("helpPlan.gapReported", {
                          lifeArea: measure.gap?.lifeArea ? tCases(`lifeAreas.${measure.gap.lifeArea}`) : t("notGiven"),
                          description: measure.missingOfferDescription,
                        })}
                      </p>
                    )}
                  </td>
                  <td>{measure.role || tCases("none")}</td>
                  <td>{measure.responsibility || tCases("none")}</td>
                  <td>{measure.timeframe || tCases("none")}</td>
                  {file.canWrite && (
                    <td>
                      <div className="row-actions">
                        <button
                          type="button"
                          className="button-link"
                          onClick={() => {
                            setSuccess(null);
                            setEditing(measure);
                            requestAnimationFrame(() => document.getElementById("measure-task")?.focus());
                          }}
                        >
                          {t("helpPlan.edit")} <span className="visually-hidden">{measure.task}</span>
                        </button>
                        <button
                          type="button"
                          className="button-link"
                          disabled={remove.isPending}
                          onClick={() => {
                            setSuccess(null);
                            if (editing?.id === measure.id) setEditing(null);
                            remove.mutate({ caseId, measureId: measure.id });
                          }}
                        >
                          {t("helpPlan.remove")} <span className="visually-hidden">{measure.task}</span>
                        </button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {file.canWrite && (
        <MeasureForm
          key={`${editing?.id ?? "new"}-${saveCount}`}
          caseId={caseId}
          file={file}
          agreement={agreement}
          measure={editing}
          onCancel={() => setEditing(null)}
          onSaved={async (message) => {
            setEditing(null);
            setSaveCount((count) => count + 1);
            setSuccess(message);
            await onChanged();
          }}
        />
      )}
    </>
  );
}

function providerValueOf(measure: PlanMeasure | null): string {
  if (measure?.offerId) return `offer:${measure.offerId}`;
  if (measure?.providerOrganisationId) return `organisation:${measure.providerOrganisationId}`;
  return "";
}

interface MeasureFormProps {
  caseId: string;
  file: PlanFile;
  agreement: PlanAgreement | null;
  measure: PlanMeasure | null;
  onCancel: () => void;
  onSaved: (message: string) => Promise<void>;
}

function MeasureForm({ caseId, file, agreement, measure, onCancel, onSaved }: MeasureFormProps) {
  const t = useTranslations("plans");
  const tCases = useTranslations("cases");
  const tApp = useTranslations("app");
  const tErrors = useTranslations("errors");
  const trpc = useTRPC();
  const { check } = useSchemaErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const [isMissingOffer, setMissingOffer] = useState(measure?.isMissingOffer ?? false);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const save = useMutation(
    trpc.cases.plans.saveMeasure.mutationOptions({
      onSuccess: (saved) => onSaved(saved.isMissingOffer ? t("helpPlan.savedWithGap") : t("helpPlan.saved")),
    }),
  );
  const serverErrors = fieldErrorsOf(save.error);
  const errors = { ...serverErrors, ...clientErrors };
  const providerError = errors.offerId ?? errors.providerOrganisationId;
  const fieldKeys = [
    "goalId",
    "offerId",
    "providerOrganisationId",
    "role",
    "task",
    "responsibility",
    "timeframe",
    "missingOfferDescription",
    "missingOfferLifeArea",
  ];
  const generalError = Object.keys(clientErrors).length
    ? tErrors("invalidInput")
    : save.error && !Object.keys(serverErrors).some((key) => fieldKeys.includes(key))
      ? save.error.message
      : null;
  // The offer or organisation an existing measure uses stays choosable even when no longer listed.
  const offerChoices =
    measure?.offerId && !file.offers.some((o) => o.id === measure.offerId)
      ? [...file.offers, { id: measure.offerId, title: measure.offerTitle ?? measure.offerId, providerName: null, lifeAreas: [] }]
      : file.offers;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.reset();
    const form = new FormData(event.currentTarget);
    const provider = String(form.get("provider") ?? "");
    const input = {
      caseId,
      measureId: measure?.id ?? null,
      goalId: String(form.get("goalId") ?? "") || null,
      offerId: provider.startsWith("offer:") ? provider.slice("offer:".length) : null,
      providerOrganisationId: provider.startsWith("organisation:") ? provider.slice("organisation:".length) : null,
      role: String(form.get("role") ?? ""),
      task: String(form.get("task") ?? ""),
      responsibility: String(form.get("responsibility") ?? ""),
      timeframe: String(form.get("timeframe") ?? ""),
      isMissingOffer,
      missingOfferDescription: String(form.get("missingOfferDescription") ?? ""),
      missingOfferLifeArea: String(form.get("missingOfferLifeArea") ?? "") || null,
    };
    const result = check(saveMeasureSchema, input);
    if (result.errors) {
      setClientErrors(result.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setClientErrors({});
    save.mutate(result.data, { onError: () => focusFirstInvalid(formRef.current) });
  }

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="card" aria-labelledby="measure-form-title">
      <h3 id="measure-form-title">{measure ? t("helpPlan.editTitle") : t("helpPlan.newTitle")}</h3>
      <FormStatus error={generalError} />
      <Field id="measure-goal" label={t("helpPlan.goal")} error={errors.goalId}>
        {(d) => (
          <select id="measure-goal" name="goalId" defaultValue={measure?.goalId ?? agreement?.goals[0]?.id ?? ""} {...d}>
            <option value="">{t("helpPlan.noGoal")}</option>
            {agreement?.goals.map((goal) => (
              <option key={goal.id} value={goal.id}>
                {t("helpPlan.goalHeading", { priority: goal.priority, title: goal.title })}
              </option>
            ))}
            {measure?.goalId && !agreement?.goals.some((goal) => goal.id === measure.goalId) && (
              <option value={measure.goalId}>{t("helpPlan.withoutGoal")}</option>
            )}
          </select>
        )}
      </Field>
      <Field id="measure-task" label={t("helpPlan.task")} error={errors.task}>
        {(d) => <input id="measure-task" name="task" defaultValue={measure?.task ?? ""} {...d} />}
      </Field>
      <Field id="measure-provider" label={t("helpPlan.provider")} hint={t("helpPlan.providerHint")} error={providerError}>
        {(d) => (
          <select id="measure-provider" name="provider" defaultValue={providerValueOf(measure)} {...d}>
            <option value="">{t("helpPlan.noProvider")}</option>
            {offerChoices.length > 0 && (
              <optgroup label={t("helpPlan.offersGroup")}>
                {offerChoices.map((offer) => (
                  <option key={offer.id} value={`offer:${offer.id}`}>
                    {offer.providerName ? t("helpPlan.offerOf", { title: offer.title, provider: offer.providerName }) : offer.title}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label={t("helpPlan.organisationsGroup")}>
              {file.organisations.map((organisation) => (
                <option key={organisation.id} value={`organisation:${organisation.id}`}>
                  {organisation.name}
                </option>
              ))}
            </optgroup>
          </select>
        )}
      </Field>
      <div className="plan-row">
        <Field id="measure-role" label={t("helpPlan.role")} error={errors.role}>
          {(d) => <input id="measure-role" name="role" defaultValue={measure?.role ?? ""} {...d} />}
        </Field>
        <Field id="measure-responsibility" label={t("helpPlan.responsibility")} error={errors.responsibility}>
          {(d) => <input id="measure-responsibility" name="responsibility" defaultValue={measure?.responsibility ?? ""} {...d} />}
        </Field>
        <Field id="measure-timeframe" label={t("helpPlan.timeframe")} error={errors.timeframe}>
          {(d) => <input id="measure-timeframe" name="timeframe" defaultValue={measure?.timeframe ?? ""} {...d} />}
        </Field>
      </div>
      <div className="field">
        <label className="plan-choice" htmlFor="measure-missing-offer">
          <input
            id="measure-missing-offer"
            type="checkbox"
            checked={isMissingOffer}
            aria-describedby="measure-missing-offer-hint"
            aria-controls="measure-missing-offer-details"
            onChange={(event) => setMissingOffer(event.target.checked)}
          />{" "}
          {t("helpPlan.missingOffer")}
        </label>
        <p className="field-hint" id="measure-missing-offer-hint">
          {t("helpPlan.missingOfferHint")}
        </p>
      </div>
      <div id="measure-missing-offer-details">
        {isMissingOffer && (
          <>
            <Field
              id="measure-missing-description"
              label={t("helpPlan.missingOfferDescription")}
              hint={t("helpPlan.missingOfferDescriptionHint")}
              error={errors.missingOfferDescription}
            >
              {(d) => (
                <textarea
                  id="measure-missing-description"
                  name="missingOfferDescription"
                  defaultValue={measure?.missingOfferDescription ?? ""}
                  {...d}
                />
              )}
            </Field>
            <Field id="measure-missing-life-area" label={t("helpPlan.missingOfferLifeArea")} error={errors.missingOfferLifeArea}>
              {(d) => (
                <select id="measure-missing-life-area" name="missingOfferLifeArea" defaultValue={measure?.gap?.lifeArea ?? ""} {...d}>
                  <option value="">{t("choose")}</option>
                  {lifeAreas.map((area) => (
                    <option key={area} value={area}>
                      {tCases(`lifeAreas.${area}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {save.isPending ? tApp("saving") : t("helpPlan.save")}
        </button>
        {measure && (
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t("helpPlan.cancelEdit")}
          </button>
        )}
      </div>
    </form>
  );
}
