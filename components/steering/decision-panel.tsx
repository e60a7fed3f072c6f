"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { decisionOutcomes, type DecisionOutcome } from "@/server/schemas/steering-kinds";
import type { AppRouter } from "@/server/app-router";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { fieldErrorsOf } from "../forms/use-field-errors";
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

interface AssignmentDraft {
  key: number;
  bodyId: string;
  task: string;
  dueDate: string;
}
interface RecommendationDraft {
  key: number;
  addressee: string;
  responsibleOrganisationId: string;
  text: string;
  dueDate: string;
}

function RecordDecisionForm({ sessionId, agendaItemId, options }: { sessionId: string; agendaItemId: string; options: Options }) {
  const t = useTranslations("decisions.panel");
  const tOutcome = useTranslations("decisions.outcomes");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [nextKey, setNextKey] = useState(1);
  const [assignments, setAssignments] = useState<AssignmentDraft[]>([]);
  const [recommendations, setRecommendations] = useState<RecommendationDraft[]>([]);
  const record = useMutation(
    trpc.steering.decisions.record.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.steering.decisions.get.queryKey({ sessionId, agendaItemId }) }),
    }),
  );
  const errors = fieldErrorsOf(record.error);
  const paths = record.error?.data?.issuePaths ?? {};
  const id = (name: string) => `${name}-${agendaItemId}`;
  const vote = (value: FormDataEntryValue | null) => (value === null || String(value).trim() === "" ? null : Number(value));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    record.mutate({
      sessionId,
      agendaItemId,
      outcome: String(form.get("outcome") ?? "") as DecisionOutcome,
      votesFor: vote(form.get("votesFor")),
      votesAgainst: vote(form.get("votesAgainst")),
      votesAbstain: vote(form.get("votesAbstain")),
      text: String(form.get("text") ?? ""),
      assignments: assignments.map(({ bodyId, task, dueDate }) => ({ bodyId, task, dueDate })),
      recommendations: recommendations.map(({ addressee, responsibleOrganisationId, text, dueDate }) => ({
        addressee,
        responsibleOrganisationId: responsibleOrganisationId || null,
        text,
        dueDate,
      })),
    });
  }

  const addAssignment = () => {
    setAssignments((list) => [...list, { key: nextKey, bodyId: "", task: "", dueDate: "" }]);
    setNextKey((k) => k + 1);
  };
  const addRecommendation = () => {
    setRecommendations((list) => [...list, { key: nextKey, addressee: "", responsibleOrganisationId: "", text: "", dueDate: "" }]);
    setNextKey((k) => k + 1);
  };
  const updateAssignment = (key: number, patch: Partial<AssignmentDraft>) =>
    setAssignments((list) => list.map((a) => (a.key === key ? { ...a, ...patch } : a)));
  const updateRecommendation = (key: number, patch: Partial<RecommendationDraft>) =>
    setRecommendations((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <form onSubmit={onSubmit} noValidate className="card wide" aria-labelledby={id("record-decision")}>
      <h4 id={id("record-decision")}>{t("recordHeading")}</h4>
      <FormStatus error={record.error && !Object.keys(errors).length ? record.error.message : null} />
      <Field id={id("outcome")} label={t("outcome")} error={errors.outcome}>
        {(d) => (
          <select id={id("outcome")} name="outcome" defaultValue="" {...d}>
            <option value="">{t("choose")}</option>
            {decisionOutcomes.map((outcome) => (
              <option key={outcome} value={outcome}>
                {tOutcome(outcome)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset>
        <legend>{t("votes")}</legend>
        <p className="field-hint" id={id("votes-hint")}>
          {t("votesHint")}
        </p>
        {(["votesFor", "votesAgainst", "votesAbstain"] as const).map((name) => (
          <Field key={name} id={id(name)} label={t(name)} error={errors[name]}>
            {(d) => <input id={id(name)} name={name} type="number" min={0} max={1000} inputMode="numeric" {...d} />}
          </Field>
        ))}
      </fieldset>
      <Field id={id("text")} label={t("text")} error={errors.text}>
        {(d) => <textarea id={id("text")} name="text" rows={4} maxLength={5000} {...d} />}
      </Field>

      <fieldset>
        <legend>{t("assignments")}</legend>
        {assignments.map((a, index) => {
          const n = index + 1;
          const error = (field: string) => paths[`assignments.${index}.${field}`]?.[0];
          return (
            <fieldset key={a.key}>
              <legend>{t("assignmentNumber", { number: n })}</legend>
              <Field id={id(`assignment-${a.key}-body`)} label={t("assignmentBody")} error={error("bodyId")}>
                {(d) => (
                  <select
                    id={id(`assignment-${a.key}-body`)}
                    value={a.bodyId}
                    onChange={(e) => updateAssignment(a.key, { bodyId: e.target.value })}
                    {...d}
                  >
                    <option value="">{t("choose")}</option>
                    {options.bodies.map((body) => (
                      <option key={body.id} value={body.id}>
                        {body.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id={id(`assignment-${a.key}-task`)} label={t("assignmentTask")} error={error("task")}>
                {(d) => (
                  <textarea
                    id={id(`assignment-${a.key}-task`)}
                    rows={2}
                    maxLength={2000}
                    value={a.task}
                    onChange={(e) => updateAssignment(a.key, { task: e.target.value })}
                    {...d}
                  />
                )}
              </Field>
              <Field id={id(`assignment-${a.key}-due`)} label={t("dueDate")} error={error("dueDate")}>
                {(d) => (
                  <input
                    id={id(`assignment-${a.key}-due`)}
                    type="date"
                    value={a.dueDate}
                    onChange={(e) => updateAssignment(a.key, { dueDate: e.target.value })}
                    {...d}
                  />
                )}
              </Field>
              <button
                type="button"
                className="button-link"
                aria-label={t("removeAssignment", { number: n })}
                onClick={() => setAssignments((list) => list.filter((x) => x.key !== a.key))}
              >
                {t("remove")}
              </button>
            </fieldset>
          );
        })}
        <button type="button" className="button-secondary" onClick={addAssignment}>
          {t("addAssignment")}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t("recommendations")}</legend>
        {recommendations.map((r, index) => {
          const n = index + 1;
          const error = (field: string) => paths[`recommendations.${index}.${field}`]?.[0];
          return (
            <fieldset key={r.key}>
              <legend>{t("recommendationNumber", { number: n })}</legend>
              <Field id={id(`recommendation-${r.key}-addressee`)} label={t("addressee")} error={error("addressee")}>
                {(d) => (
                  <input
                    id={id(`recommendation-${r.key}-addressee`)}
                    maxLength={200}
                    value={r.addressee}
                    onChange={(e) => updateRecommendation(r.key, { addressee: e.target.value })}
                    {...d}
                  />
                )}
              </Field>
              <Field id={id(`recommendation-${r.key}-organisation`)} label={t("organisation")} error={error("responsibleOrganisationId")}>
                {(d) => (
                  <select
                    id={id(`recommendation-${r.key}-organisation`)}
                    value={r.responsibleOrganisationId}
                    onChange={(e) => updateRecommendation(r.key, { responsibleOrganisationId: e.target.value })}
                    {...d}
                  >
                    <option value="">{t("noOrganisation")}</option>
                    {options.organisations.map((organisation) => (
                      <option key={organisation.id} value={organisation.id}>
                        {organisation.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id={id(`recommendation-${r.key}-text`)} label={t("recommendationText")} error={error("text")}>
                {(d) => (
                  <textarea
                    id={id(`recommendation-${r.key}-text`)}
                    rows={2}
                    maxLength={2000}
                    value={r.text}
                    onChange={(e) => updateRecommendation(r.key, { text: e.target.value })}
                    {...d}
                  />
                )}
              </Field>
              <Field id={id(`recommendation-${r.key}-due`)} label={t("dueDate")} error={error("dueDate")}>
                {(d) => (
                  <input
                    id={id(`recommendation-${r.key}-due`)}
                    type="date"
                    value={r.dueDate}
                    onChange={(e) => updateRecommendation(r.key, { dueDate: e.target.value })}
                    {...d}
                  />
                )}
              </Field>
              <button
                type="button"
                className="button-link"
                aria-label={t("removeRecommendation", { number: n })}
                onClick={() => setRecommendations((list) => list.filter((x) => x.key !== r.key))}
              >
                {t("remove")}
              </button>
            </fieldset>
          );
        })}
        <button type="button" className="button-secondary" onClick={addRecommendation}>
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
