"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { lifeAreas } from "@/server/schemas/case-kinds";
import { saveMeasureSchema } from "@/server/schemas/plans";
import { Field } from "../forms/field";
import { FormField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";
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
  const trpc = useTRPC();
  const form = useZodForm(saveMeasureSchema, {
    defaultValues: {
      caseId,
      measureId: measure?.id ?? null,
      goalId: measure?.goalId ?? agreement?.goals[0]?.id ?? "",
      offerId: measure?.offerId ?? null,
      providerOrganisationId: measure?.providerOrganisationId ?? null,
      role: measure?.role ?? "",
      task: measure?.task ?? "",
      responsibility: measure?.responsibility ?? "",
      timeframe: measure?.timeframe ?? "",
      isMissingOffer: measure?.isMissingOffer ?? false,
      missingOfferDescription: measure?.missingOfferDescription ?? "",
      missingOfferLifeArea: measure?.gap?.lifeArea ?? "",
    },
  });
  const [offerId, providerOrganisationId, isMissingOffer] = useWatch({
    control: form.control,
    name: ["offerId", "providerOrganisationId", "isMissingOffer"],
  });
  const save = useMutation(
    trpc.cases.plans.saveMeasure.mutationOptions({
      onSuccess: (saved) => onSaved(saved.isMissingOffer ? t("helpPlan.savedWithGap") : t("helpPlan.saved")),
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const { errors } = form.formState;
  const providerError = errors.offerId?.message ?? errors.providerOrganisationId?.message;
  // The offer or organisation an existing measure uses stays choosable even when no longer listed.
  const offerChoices =
    measure?.offerId && !file.offers.some((o) => o.id === measure.offerId)
      ? [...file.offers, { id: measure.offerId, title: measure.offerTitle ?? measure.offerId, providerName: null, lifeAreas: [] }]
      : file.offers;

  const onSubmit = form.handleSubmit(
    (values) => {
      save.reset();
      save.mutate(values);
    },
    () => save.reset(),
  );
  /** One select chooses either an offer or an organisation; the schema has a field for each. */
  const providerValue = offerId
    ? `offer:${String(offerId)}`
    : providerOrganisationId
      ? `organisation:${String(providerOrganisationId)}`
      : "";
  const setProvider = (value: string) => {
    form.setValue("offerId", value.startsWith("offer:") ? value.slice("offer:".length) : null);
    form.setValue("providerOrganisationId", value.startsWith("organisation:") ? value.slice("organisation:".length) : null);
  };
  const alert = useFormAlert(form, save.error, { hideWhenFieldsNamed: true });

  return (
    <form noValidate onSubmit={onSubmit} className="card" aria-labelledby="measure-form-title">
      <h3 id="measure-form-title">{measure ? t("helpPlan.editTitle") : t("helpPlan.newTitle")}</h3>
      <FormStatus error={alert} />
      <FormField form={form} name="goalId" id="measure-goal" label={t("helpPlan.goal")}>
        {(control) => (
          <select {...control}>
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
      </FormField>
      <FormField form={form} name="task" id="measure-task" label={t("helpPlan.task")}>
        {(control) => <input {...control} />}
      </FormField>
      <Field id="measure-provider" label={t("helpPlan.provider")} hint={t("helpPlan.providerHint")} error={providerError}>
        {(d) => (
          <select id="measure-provider" name="provider" value={providerValue} onChange={(event) => setProvider(event.target.value)} {...d}>
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
        <FormField form={form} name="role" id="measure-role" label={t("helpPlan.role")}>
          {(control) => <input {...control} />}
        </FormField>
        <FormField form={form} name="responsibility" id="measure-responsibility" label={t("helpPlan.responsibility")}>
          {(control) => <input {...control} />}
        </FormField>
        <FormField form={form} name="timeframe" id="measure-timeframe" label={t("helpPlan.timeframe")}>
          {(control) => <input {...control} />}
        </FormField>
      </div>
      <div className="field">
        <label className="plan-choice" htmlFor="measure-missing-offer">
          <input
            id="measure-missing-offer"
            type="checkbox"
            {...form.register("isMissingOffer")}
            aria-describedby="measure-missing-offer-hint"
            aria-controls="measure-missing-offer-details"
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
            <FormField
              form={form}
              name="missingOfferDescription"
              registerOptions={{ shouldUnregister: true }}
              id="measure-missing-description"
              label={t("helpPlan.missingOfferDescription")}
              hint={t("helpPlan.missingOfferDescriptionHint")}
            >
              {(control) => <textarea {...control} />}
            </FormField>
            <FormField
              form={form}
              name="missingOfferLifeArea"
              registerOptions={{ shouldUnregister: true }}
              id="measure-missing-life-area"
              label={t("helpPlan.missingOfferLifeArea")}
            >
              {(control) => (
                <select {...control}>
                  <option value="">{t("choose")}</option>
                  {lifeAreas.map((area) => (
                    <option key={area} value={area}>
                      {tCases(`lifeAreas.${area}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
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
