"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useFieldArray } from "react-hook-form";
import { recordDecisionSchema } from "@/server/schemas/decisions";
import { decisionOutcomes } from "@/server/schemas/steering-kinds";
import type { AppRouter } from "@/server/app-router";
import { FormField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";
import styles from "./steering.module.css";

type Shown = inferRouterOutputs<AppRouter>["steering"]["decisions"]["get"];
type Options = NonNullable<Shown["options"]>;

/**
 * The decision on one agenda item: what was decided, the votes, the assignments and the
 * recommendations; for the coordination, while nothing is recorded, the form to record it.
 */
export function DecisionPanel({ sessionId, agendaItemId }: { sessionId: string; agendaItemId: string }) {
  const t = useTranslations("decisions.panel");
  const trpc = useTRPC();
  const query = useQuery(trpc.steering.decisions.get.queryOptions({ sessionId, agendaItemId }));
  const headingId = `decision-${agendaItemId}`;
  if (query.error)
    return (
      <p role="alert" className="form-error">
        {query.error.message}
      </p>
    );
  const data = query.data;
  if (!data) return null;
  return (
    <section aria-labelledby={headingId} className="decision-panel">
      <h3 id={headingId}>{t("heading")}</h3>
      {data.decision ? <RecordedDecision decision={data.decision} /> : <p>{t("none")}</p>}
      {data.abilities.record && data.options && (
        <RecordDecisionForm sessionId={sessionId} agendaItemId={agendaItemId} options={data.options} />
      )}
    </section>
  );
}

function RecordedDecision({ decision }: { decision: NonNullable<Shown["decision"]> }) {
  const t = useTranslations("decisions.panel");
  const tOutcome = useTranslations("decisions.outcomes");
  const tStatus = useTranslations("decisions.followUpStatuses");
  const format = useFormatter();
  const day = (value: string) => format.dateTime(new Date(`${value}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const hasVotes = decision.votesFor !== null || decision.votesAgainst !== null || decision.votesAbstain !== null;
  return (
    <>
      <dl>
        <dt>{t("outcome")}</dt>
        <dd>
          <span className="status-badge">{tOutcome(decision.outcome)}</span>
        </dd>
        <dt>{t("votes")}</dt>
        <dd>
          {hasVotes
            ? t("votesLine", { for: decision.votesFor ?? 0, against: decision.votesAgainst ?? 0, abstain: decision.votesAbstain ?? 0 })
            : t("noVotes")}
        </dd>
        <dt>{t("text")}</dt>
        <dd className={styles.preWrap}>{decision.text}</dd>
      </dl>
      {decision.assignments.length > 0 && (
        <>
          <h4>{t("assignments")}</h4>
          <ul>
            {decision.assignments.map((a) => (
              <li key={a.id}>
                {t("assignmentLine", { body: a.bodyName, task: a.task, date: day(a.dueDate) })} – {tStatus(a.status)}
                {a.isOverdue && <strong className="field-error"> ({t("overdue")})</strong>}
              </li>
            ))}
          </ul>
        </>
      )}
      {decision.recommendations.length > 0 && (
        <>
          <h4>{t("recommendations")}</h4>
          <ul>
            {decision.recommendations.map((r) => (
              <li key={r.id}>
                {t("recommendationLine", { addressee: r.addressee, text: r.text, date: day(r.dueDate) })}
                {r.organisationName && <> · {t("responsible", { name: r.organisationName })}</>} – {tStatus(r.status)}
                {r.isOverdue && <strong className="field-error"> ({t("overdue")})</strong>}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

const vote = (value: unknown) => (value === null || value === undefined || String(value).trim() === "" ? null : Number(value));

function RecordDecisionForm({ sessionId, agendaItemId, options }: { sessionId: string; agendaItemId: string; options: Options }) {
  const t = useTranslations("decisions.panel");
  const tOutcome = useTranslations("decisions.outcomes");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(recordDecisionSchema, {
    defaultValues: {
      sessionId,
      agendaItemId,
      votesFor: null,
      votesAgainst: null,
      votesAbstain: null,
      text: "",
      assignments: [],
      recommendations: [],
    },
  });
  const assignments = useFieldArray({ control: form.control, name: "assignments" });
  const recommendations = useFieldArray({ control: form.control, name: "recommendations" });
  const record = useMutation(
    trpc.steering.decisions.record.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.steering.decisions.get.queryKey({ sessionId, agendaItemId }) }),
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const alert = useFormAlert(form, record.error, { hideWhenFieldsNamed: true });
  const id = (name: string) => `${name}-${agendaItemId}`;
  const onSubmit = form.handleSubmit((values) => record.mutate(values));

  return (
    <form onSubmit={onSubmit} noValidate className="card wide" aria-labelledby={id("record-decision")}>
      <h4 id={id("record-decision")}>{t("recordHeading")}</h4>
      <FormStatus error={alert} />
      <FormField form={form} name="outcome" id={id("outcome")} label={t("outcome")}>
        {(control) => (
          <select {...control}>
            <option value="">{t("choose")}</option>
            {decisionOutcomes.map((outcome) => (
              <option key={outcome} value={outcome}>
                {tOutcome(outcome)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <fieldset>
        <legend>{t("votes")}</legend>
        <p className="field-hint" id={id("votes-hint")}>
          {t("votesHint")}
        </p>
        {(["votesFor", "votesAgainst", "votesAbstain"] as const).map((name) => (
          <FormField key={name} form={form} name={name} id={id(name)} label={t(name)} registerOptions={{ setValueAs: vote }}>
            {(control) => <input {...control} type="number" min={0} max={1000} inputMode="numeric" />}
          </FormField>
        ))}
      </fieldset>
      <FormField form={form} name="text" id={id("text")} label={t("text")}>
        {(control) => <textarea {...control} rows={4} maxLength={5000} />}
      </FormField>

      <fieldset>
        <legend>{t("assignments")}</legend>
        {assignments.fields.map((a, index) => {
          const n = index + 1;
          return (
            <fieldset key={a.id}>
              <legend>{t("assignmentNumber", { number: n })}</legend>
              <FormField form={form} name={`assignments.${index}.bodyId`} id={id(`assignment-${a.id}-body`)} label={t("assignmentBody")}>
                {(control) => (
                  <select {...control}>
                    <option value="">{t("choose")}</option>
                    {options.bodies.map((body) => (
                      <option key={body.id} value={body.id}>
                        {body.name}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField form={form} name={`assignments.${index}.task`} id={id(`assignment-${a.id}-task`)} label={t("assignmentTask")}>
                {(control) => <textarea {...control} rows={2} maxLength={2000} />}
              </FormField>
              <FormField form={form} name={`assignments.${index}.dueDate`} id={id(`assignment-${a.id}-due`)} label={t("dueDate")}>
                {(control) => <input {...control} type="date" />}
              </FormField>
              <button
                type="button"
                className="button-link"
                aria-label={t("removeAssignment", { number: n })}
                onClick={() => assignments.remove(index)}
              >
                {t("remove")}
              </button>
            </fieldset>
          );
        })}
        <button type="button" className="button-secondary" onClick={() => assignments.append({ bodyId: "", task: "", dueDate: "" })}>
          {t("addAssignment")}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t("recommendations")}</legend>
        {recommendations.fields.map((r, index) => {
          const n = index + 1;
          return (
            <fieldset key={r.id}>
              <legend>{t("recommendationNumber", { number: n })}</legend>
              <FormField
                form={form}
                name={`recommendations.${index}.addressee`}
                id={id(`recommendation-${r.id}-addressee`)}
                label={t("addressee")}
              >
                {(control) => <input {...control} maxLength={200} />}
              </FormField>
              <FormField
                form={form}
                name={`recommendations.${index}.responsibleOrganisationId`}
                id={id(`recommendation-${r.id}-organisation`)}
                label={t("organisation")}
              >
                {(control) => (
                  <select {...control}>
                    <option value="">{t("noOrganisation")}</option>
                    {options.organisations.map((organisation) => (
                      <option key={organisation.id} value={organisation.id}>
                        {organisation.name}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField
                form={form}
                name={`recommendations.${index}.text`}
                id={id(`recommendation-${r.id}-text`)}
                label={t("recommendationText")}
              >
                {(control) => <textarea {...control} rows={2} maxLength={2000} />}
              </FormField>
              <FormField form={form} name={`recommendations.${index}.dueDate`} id={id(`recommendation-${r.id}-due`)} label={t("dueDate")}>
                {(control) => <input {...control} type="date" />}
              </FormField>
              <button
                type="button"
                className="button-link"
                aria-label={t("removeRecommendation", { number: n })}
                onClick={() => recommendations.remove(index)}
              >
                {t("remove")}
              </button>
            </fieldset>
          );
        })}
        <button
          type="button"
          className="button-secondary"
          onClick={() => recommendations.append({ addressee: "", responsibleOrganisationId: "", text: "", dueDate: "" })}
        >
          {t("addRecommendation")}
        </button>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={record.isPending}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}
