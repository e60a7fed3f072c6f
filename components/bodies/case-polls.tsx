"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { answerPollSchema, createPollSchema } from "@/server/schemas/sessions";
import { FormField } from "../forms/form-field";
import { ShownCountText } from "../aggregates/shown-count";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { firstErrorMessage, useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";

const day = (isoDay: string, format: ReturnType<typeof useFormatter>) =>
  format.dateTime(new Date(`${isoDay}T12:00:00Z`), { dateStyle: "medium" });

/** Polls of the case managers: the coordination asks and reads, case managers answer, members see counts. */
export function CasePolls({ canView, canManage, canAnswer }: { canView: boolean; canManage: boolean; canAnswer: boolean }) {
  return (
    <>
      {canAnswer && <OpenPolls />}
      {canManage && <CreatePoll />}
      {canView && <PollResults />}
    </>
  );
}

function OpenPolls() {
  const t = useTranslations("sessions.polls");
  const tRoot = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const polls = useQuery(trpc.sessions.polls.open.queryOptions());
  return (
    <section aria-labelledby="open-polls">
      <h2 id="open-polls">{t("openTitle")}</h2>
      <p>{t("openIntro")}</p>
      {!polls.data ? (
        <p>{tRoot("app.loading")}</p>
      ) : polls.data.length === 0 ? (
        <p>{t("noOpen")}</p>
      ) : (
        polls.data.map((poll) => (
          <article key={poll.id} className="card" aria-labelledby={`poll-${poll.id}`}>
            <h3 id={`poll-${poll.id}`}>{poll.question}</h3>
            <p className="muted">{t("meta", { body: poll.bodyName, due: day(poll.dueDate, format) })}</p>
            {poll.themes.map((theme) => (
              <AnswerForm key={theme.themeId} pollId={poll.id} theme={theme} />
            ))}
          </article>
        ))
      )}
    </section>
  );
}

function AnswerForm({
  pollId,
  theme,
}: {
  pollId: string;
  theme: { themeId: string; title: string; answer: string | null; caseCount: number | null };
}) {
  const t = useTranslations("sessions.polls");
  const tRoot = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(answerPollSchema, {
    defaultValues: { pollId, themeId: theme.themeId, answer: theme.answer ?? "", caseCount: theme.caseCount ?? 0 },
  });
  const answer = useMutation(
    trpc.sessions.polls.answer.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.sessions.polls.open.queryKey() }),
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const alert = useFormAlert(form, answer.error, { hideWhenFieldsNamed: true });
  const id = (name: string) => `answer-${pollId}-${theme.themeId}-${name}`;
  const onSubmit = form.handleSubmit((values) => answer.mutate(values));
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={id("theme")}>
      <h4 id={id("theme")}>{theme.title}</h4>
      <FormStatus error={alert} success={answer.isSuccess ? t("answered") : null} />
      <FormField form={form} name="answer" id={id("text")} label={t("answerLabel", { theme: theme.title })} hint={t("answerHint")}>
        {(control) => <textarea {...control} rows={3} />}
      </FormField>
      <FormField form={form} name="caseCount" id={id("count")} label={t("caseCountLabel")} registerOptions={{ valueAsNumber: true }}>
        {(control) => <input {...control} type="number" min={0} max={1000} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={answer.isPending}>
          {answer.isPending ? tRoot("app.saving") : t("answerSubmit")}
        </button>
      </div>
    </form>
  );
}

function CreatePoll() {
  const t = useTranslations("sessions.polls");
  const tRoot = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const bodies = useQuery(trpc.bodies.overview.queryOptions());
  const themes = useQuery(trpc.themes.list.queryOptions());
  const [success, setSuccess] = useState<string | null>(null);
  const form = useZodForm(createPollSchema, { defaultValues: { bodyId: "", question: "", themeIds: [], dueDate: "" } });
  const create = useMutation(
    trpc.sessions.polls.create.mutationOptions({
      onSuccess: async () => {
        setSuccess(t("created"));
        await queryClient.invalidateQueries({ queryKey: trpc.sessions.polls.list.queryKey() });
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const alert = useFormAlert(form, create.error, { hideWhenFieldsNamed: true });
  const themesError = firstErrorMessage(form.formState.errors.themeIds);
  const onSubmit = form.handleSubmit((values) => {
    setSuccess(null);
    create.mutate(values, { onSuccess: () => form.reset() });
  });
  return (
    <section aria-labelledby="create-poll" className="card">
      <h2 id="create-poll">{t("createTitle")}</h2>
      <form onSubmit={onSubmit} noValidate>
        <FormStatus error={alert} success={success} />
        <FormField form={form} name="bodyId" id="poll-body" label={t("body")}>
          {(control) => (
            <select {...control}>
              <option value="">{t("chooseBody")}</option>
              {bodies.data?.bodies.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField form={form} name="question" id="poll-question" label={t("question")}>
          {(control) => <textarea {...control} rows={2} />}
        </FormField>
        <fieldset aria-describedby={themesError ? "poll-themes-error" : undefined}>
          <legend>{t("themes")}</legend>
          {themesError && (
            <p className="field-error" id="poll-themes-error">
              {themesError}
            </p>
          )}
          {themes.data?.length === 0 && <p>{t("noThemes")}</p>}
          {themes.data?.map((theme) => (
            <div key={theme.id}>
              <input type="checkbox" id={`poll-theme-${theme.id}`} {...form.register("themeIds")} value={theme.id} />{" "}
              <label htmlFor={`poll-theme-${theme.id}`}>{theme.title}</label>
            </div>
          ))}
        </fieldset>
        <FormField form={form} name="dueDate" id="poll-due" label={t("dueDate")}>
          {(control) => <input {...control} type="date" />}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={create.isPending}>
            {create.isPending ? tRoot("app.saving") : t("createSubmit")}
          </button>
        </div>
      </form>
    </section>
  );
}

function PollResults() {
  const t = useTranslations("sessions.polls");
  const tRoot = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.sessions.polls.list.queryOptions());
  const close = useMutation(
    trpc.sessions.polls.close.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.sessions.polls.list.queryKey() }),
    }),
  );
  if (!list.data) return <p>{tRoot("app.loading")}</p>;
  const { polls, canManage } = list.data;
  return (
    <section aria-labelledby="poll-results">
      <h2 id="poll-results">{t("resultsTitle")}</h2>
      {!canManage && <p>{t("aggregateOnly")}</p>}
      <FormStatus error={close.error?.message} />
      {polls.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        polls.map((poll) => (
          <article key={poll.id} className="card" aria-labelledby={`result-${poll.id}`}>
            <h3 id={`result-${poll.id}`}>{poll.question}</h3>
            <p className="muted">
              {t("meta", { body: poll.bodyName, due: day(poll.dueDate, format) })} · {poll.closedAt ? t("closed") : t("open")}
            </p>
            <table>
              <caption className="visually-hidden">{t("resultsCaption", { question: poll.question })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("theme")}</th>
                  <th scope="col">{t("answers")}</th>
                  <th scope="col">{t("cases")}</th>
                </tr>
              </thead>
              <tbody>
                {poll.themes.map((theme) => (
                  <tr key={theme.themeId}>
                    <td>{theme.title}</td>
                    <td>
                      <ShownCountText value={theme.answerCount} />
                    </td>
                    <td>
                      <ShownCountText value={theme.caseCount} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {canManage && <PollAnswers pollId={poll.id} />}
            {canManage && !poll.closedAt && (
              <button
                type="button"
                className="button-secondary"
                onClick={() => close.mutate({ pollId: poll.id })}
                disabled={close.isPending}
              >
                {t("close")}
              </button>
            )}
          </article>
        ))
      )}
    </section>
  );
}

function PollAnswers({ pollId }: { pollId: string }) {
  const t = useTranslations("sessions.polls");
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const answers = useQuery({ ...trpc.sessions.polls.answers.queryOptions({ pollId }), enabled: open });
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t("showAnswers")}</summary>
      {answers.data?.themes.map((theme) => (
        <div key={theme.themeId}>
          <h4>{theme.title}</h4>
          {theme.answers.length === 0 ? (
            <p>{t("noAnswers")}</p>
          ) : (
            <ul>
              {theme.answers.map((a, i) => (
                <li key={i}>
                  {a.answer} <span className="muted">({t("answerBy", { name: a.authorName, cases: a.caseCount })})</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </details>
  );
}
