"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { addAgendaItemSchema, attendanceSchema } from "@/server/schemas/sessions";
import type { SessionView } from "@/server/sessions/sessions";
import { DecisionPanel } from "@/components/steering/decision-panel";
import { RichTextView } from "@/components/themes/rich-text-view";
import { FormField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";
import { MinutesEditor } from "./minutes-editor";

function useSession(sessionId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.sessions.get.queryOptions({ sessionId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.sessions.get.queryKey({ sessionId }) });
  return { query, refresh };
}

/** A session of a body: invitation, agenda, attendance and minutes; read-only for members. */
export function SessionDetails({ sessionId }: { sessionId: string }) {
  const t = useTranslations("sessions");
  const tRoot = useTranslations();
  const { query } = useSession(sessionId);
  if (!query.data) return <p>{tRoot("app.loading")}</p>;
  const view = query.data;
  return (
    <>
      <SessionHeader view={view} />
      <Agenda view={view} />
      {/* A changed list of people starts a fresh form. */}
      <Attendance key={view.attendance.map((a) => a.key).join(" ")} view={view} />
      <Minutes view={view} />
      {!view.abilities.manage && <p className="muted">{t("session.readOnly")}</p>}
    </>
  );
}

function SessionHeader({ view }: { view: SessionView }) {
  const t = useTranslations("sessions");
  const format = useFormatter();
  const trpc = useTRPC();
  const { refresh } = useSession(view.session.id);
  const invite = useMutation(trpc.sessions.markInvited.mutationOptions({ onSuccess: refresh }));
  const base = `/bodies/sessions/${view.session.id}`;
  return (
    <section aria-labelledby="session-facts" className="card">
      <h2 id="session-facts">{t("session.facts")}</h2>
      <dl>
        <dt>{t("session.body")}</dt>
        <dd>{view.body.name}</dd>
        <dt>{t("session.when")}</dt>
        <dd>{format.dateTime(view.session.scheduledAt, { dateStyle: "full", timeStyle: "short" })}</dd>
        <dt>{t("session.place")}</dt>
        <dd>{view.session.place || "—"}</dd>
        <dt>{t("session.status")}</dt>
        <dd>
          <span className="status-badge">{t(`statuses.${view.session.status}`)}</span>
          {view.session.invitedAt && (
            <> · {t("session.invitedAt", { date: format.dateTime(view.session.invitedAt, { dateStyle: "medium" }) })}</>
          )}
        </dd>
      </dl>
      <ul>
        <li>
          <Link href={`${base}/invitation`}>{t("session.invitationPage")}</Link>
        </li>
        <li>
          <a href={`${base}/pdf/invitation`} download>
            {t("session.invitationPdf")}
          </a>
        </li>
        <li>
          <a href={`${base}/pdf/minutes`} download>
            {t("session.minutesPdf")}
          </a>
        </li>
      </ul>
      {view.abilities.manage && (view.session.status === "planned" || view.session.status === "invited") && (
        <>
          <button
            type="button"
            className="button-secondary"
            onClick={() => invite.mutate({ sessionId: view.session.id })}
            disabled={invite.isPending}
          >
            {view.session.invitedAt ? t("session.markInvitedAgain") : t("session.markInvited")}
          </button>
          <FormStatus error={invite.error?.message} success={invite.isSuccess ? t("session.invited") : null} />
        </>
      )}
    </section>
  );
}

function Agenda({ view }: { view: SessionView }) {
  const t = useTranslations("sessions");
  const trpc = useTRPC();
  const { refresh } = useSession(view.session.id);
  const [status, setStatus] = useState<string | null>(null);
  const move = useMutation(trpc.sessions.moveAgendaItem.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.sessions.removeAgendaItem.mutationOptions({ onSuccess: refresh }));
  const generate = useMutation(
    trpc.sessions.generateAgenda.mutationOptions({
      onSuccess: async ({ added }) => {
        setStatus(t("agenda.generated", { count: added }));
        await refresh();
      },
    }),
  );
  const editable = view.abilities.editAgenda;
  const error = move.error ?? remove.error ?? generate.error;
  return (
    <section aria-labelledby="session-agenda" className="card">
      <h2 id="session-agenda">{t("agenda.title")}</h2>
      {editable && <FormStatus error={error?.message} success={status} />}
      {view.agenda.length === 0 ? (
        <p>{t("agenda.empty")}</p>
      ) : (
        <ol>
          {view.agenda.map((item, index) => (
            <li key={item.id}>
              <strong>
                {item.themeId && item.kind === "theme" ? <Link href={`/themes/${item.themeId}`}>{item.title}</Link> : item.title}
              </strong>{" "}
              <span className="muted">({t(`agendaKinds.${item.kind}`)})</span>
              {item.notes && <p>{item.notes}</p>}
              {item.decision && (
                <p>
                  {t("agenda.decision", { outcome: t(`outcomes.${item.decision.outcome}`) })}
                  {item.decision.text && <>: {item.decision.text}</>}
                </p>
              )}
              {editable && (
                <div className="form-actions">
                  <button
                    type="button"
                    className="button-secondary"
                    disabled={index === 0 || move.isPending}
                    onClick={() => move.mutate({ agendaItemId: item.id, direction: "up" })}
                  >
                    {t("agenda.moveUp", { title: item.title })}
                  </button>
                  <button
                    type="button"
                    className="button-secondary"
                    disabled={index === view.agenda.length - 1 || move.isPending}
                    onClick={() => move.mutate({ agendaItemId: item.id, direction: "down" })}
                  >
                    {t("agenda.moveDown", { title: item.title })}
                  </button>
                  {!item.decision && (
                    <button
                      type="button"
                      className="button-secondary"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate({ agendaItemId: item.id })}
                    >
                      {t("agenda.remove", { title: item.title })}
                    </button>
                  )}
                </div>
              )}
              {view.abilities.viewDecisions && <DecisionPanel sessionId={view.session.id} agendaItemId={item.id} />}
            </li>
          ))}
        </ol>
      )}
      {editable && (
        <>
          <button
            type="button"
            className="button-secondary"
            onClick={() => generate.mutate({ sessionId: view.session.id })}
            disabled={generate.isPending}
          >
            {t("agenda.generate")}
          </button>
          <AddAgendaItem sessionId={view.session.id} />
        </>
      )}
    </section>
  );
}

function AddAgendaItem({ sessionId }: { sessionId: string }) {
  const t = useTranslations("sessions.agenda");
  const tRoot = useTranslations();
  const trpc = useTRPC();
  const { refresh } = useSession(sessionId);
  const themes = useQuery(trpc.themes.list.queryOptions());
  const [success, setSuccess] = useState<string | null>(null);
  // One schema per kind of item; the fields of the other kinds leave the form's values with their inputs.
  const form = useZodForm(addAgendaItemSchema, { defaultValues: { sessionId, kind: "theme", notes: "" } });
  const kind = useWatch({ control: form.control, name: "kind" });
  const add = useMutation(
    trpc.sessions.addAgendaItem.mutationOptions({
      onSuccess: async (item, values) => {
        // Emptied at once, before the agenda reloads, so nothing typed meanwhile is lost; the kind
        // stays chosen for the next item of the same kind.
        form.reset();
        form.setValue("kind", values.kind);
        setSuccess(t("added", { title: item.title }));
        await refresh();
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const alert = useFormAlert(form, add.error, { hideWhenFieldsNamed: true });
  const onSubmit = form.handleSubmit((values) => {
    setSuccess(null);
    add.mutate(values);
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <h3>{t("addTitle")}</h3>
      <FormStatus error={alert} success={success} />
      <FormField form={form} name="kind" id="agenda-kind" label={t("kind")}>
        {(control) => (
          <select {...control}>
            {(["theme", "free", "report"] as const).map((k) => (
              <option key={k} value={k}>
                {tRoot(`sessions.agendaKinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {kind === "theme" ? (
        <FormField form={form} name="themeId" id="agenda-theme" label={t("theme")} registerOptions={{ shouldUnregister: true }}>
          {(control) => (
            <select {...control}>
              <option value="">{t("chooseTheme")}</option>
              {themes.data?.map((theme) => (
                <option key={theme.id} value={theme.id}>
                  {theme.title}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : (
        <FormField form={form} name="title" id="agenda-title" label={t("itemTitle")} registerOptions={{ shouldUnregister: true }}>
          {(control) => <input {...control} required />}
        </FormField>
      )}
      <FormField form={form} name="notes" id="agenda-notes" label={t("notes")} hint={t("notesHint")}>
        {(control) => <textarea {...control} rows={2} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={add.isPending}>
          {add.isPending ? tRoot("app.saving") : t("addSubmit")}
        </button>
      </div>
    </form>
  );
}

function Attendance({ view }: { view: SessionView }) {
  const t = useTranslations("sessions.attendance");
  const tRoot = useTranslations();
  const trpc = useTRPC();
  const { refresh } = useSession(view.session.id);
  const form = useZodForm(attendanceSchema, {
    defaultValues: {
      sessionId: view.session.id,
      entries: view.attendance.map((a) =>
        a.userId
          ? { userId: a.userId, present: a.present === true }
          : { externalMemberId: a.externalMemberId!, present: a.present === true },
      ),
    },
  });
  const record = useMutation(trpc.sessions.recordAttendance.mutationOptions({ onSuccess: refresh }));
  const alert = useFormAlert(form, record.error);
  const person = (a: SessionView["attendance"][number]) =>
    [a.name, a.organisationName, a.function, a.former ? t("former") : null].filter(Boolean).join(", ");
  const onSubmit = form.handleSubmit((values) => record.mutate(values));
  return (
    <section aria-labelledby="session-attendance" className="card">
      <h2 id="session-attendance">{t("title")}</h2>
      {view.attendance.length === 0 ? (
        <p>{t("noMembers")}</p>
      ) : view.abilities.editAgenda ? (
        <form onSubmit={onSubmit} noValidate>
          <FormStatus error={alert} success={record.isSuccess ? t("saved") : null} />
          <fieldset>
            <legend>{t("legend")}</legend>
            {view.attendance.map((a, index) => (
              <div key={a.key}>
                <input type="checkbox" id={`attendance-${a.key}`} {...form.register(`entries.${index}.present`)} />{" "}
                <label htmlFor={`attendance-${a.key}`}>{person(a)}</label>
              </div>
            ))}
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={record.isPending}>
              {record.isPending ? tRoot("app.saving") : t("submit")}
            </button>
          </div>
        </form>
      ) : (
        <ul>
          {view.attendance.map((a) => (
            <li key={a.key}>
              {person(a)}: {a.present === null ? t("unknown") : a.present ? t("present") : t("absent")}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Minutes({ view }: { view: SessionView }) {
  const t = useTranslations("sessions.minutes");
  const format = useFormatter();
  const trpc = useTRPC();
  const { refresh } = useSession(view.session.id);
  const approve = useMutation(trpc.sessions.approveMinutes.mutationOptions({ onSuccess: refresh }));
  const approvedIn = view.session.minutesApprovedIn;
  return (
    <section aria-labelledby="session-minutes" className="card">
      <h2 id="session-minutes">{t("title")}</h2>
      <p className="muted">
        {approvedIn
          ? t("approvedIn", { title: approvedIn.title, date: format.dateTime(approvedIn.scheduledAt, { dateStyle: "medium" }) })
          : t("notApproved")}
      </p>
      {approvedIn ? (
        view.session.minutes && <RichTextView doc={view.session.minutes} />
      ) : (
        <MinutesEditor sessionId={view.session.id} canWrite={view.abilities.editMinutes} />
      )}
      {view.abilities.manage && view.approvable.length > 0 && (
        <>
          <h3>{t("approveTitle")}</h3>
          <p className="field-hint">{t("approveHint")}</p>
          <FormStatus error={approve.error?.message} success={approve.isSuccess ? t("approved") : null} />
          <ul>
            {view.approvable.map((earlier) => (
              <li key={earlier.id}>
                <Link href={`/bodies/sessions/${earlier.id}`}>{earlier.title}</Link> (
                {format.dateTime(earlier.scheduledAt, { dateStyle: "medium" })}){" "}
                <button
                  type="button"
                  className="button-secondary"
                  disabled={approve.isPending}
                  onClick={() => approve.mutate({ sessionId: earlier.id, approvingSessionId: view.session.id })}
                >
                  {t("approve", { title: earlier.title })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
