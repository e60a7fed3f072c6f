"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { workPackageStatuses, type ConferenceType } from "@/server/schemas/conference-kinds";
import { reportWorkPackageSchema } from "@/server/schemas/work-packages";
import { FormField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";
import { ConferenceProtocol } from "../conferences/protocol";
import { OneTimeLink } from "../forms/one-time-link";
import { useShownOnceLink } from "../secret-links/shown-once-link";
import { type WorkPackage, statusClass, useDay, StatusBadge, TaskCell, responsibleOf } from "./work-package-parts";
import { CreateWorkPackageForm } from "./create-work-package-form";

/**
 * The conference's outcomes for its participants: the packages agreed here and the protocol. The
 * open packages of earlier meetings (FollowUpItems) stand first on the page, as agenda item one.
 */
export function WorkPackages({ conferenceId, type }: { conferenceId: string; type: ConferenceType }) {
  return (
    <>
      {type === "fallkonferenz" && <ConferenceWorkPackages conferenceId={conferenceId} />}
      <ConferenceProtocol conferenceId={conferenceId} />
    </>
  );
}

/** The first agenda item of a follow-up: what earlier meetings agreed and is not yet done. */
export function FollowUpItems({ conferenceId }: { conferenceId: string }) {
  const t = useTranslations("workPackages");
  const format = useFormatter();
  const day = useDay();
  const trpc = useTRPC();
  const items = useQuery(trpc.workPackages.followUpItems.queryOptions({ conferenceId }));
  if (items.error)
    return (
      <p role="alert" className="form-error">
        {items.error.message}
      </p>
    );
  if (!items.data || items.data.length === 0) return null;
  return (
    <section aria-labelledby="follow-up-title" className="card">
      <h2 id="follow-up-title">{t("followUp.heading")}</h2>
      <p>{t("followUp.intro")}</p>
      <table>
        <caption className="visually-hidden">{t("followUp.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("table.task")}</th>
            <th scope="col">{t("table.case")}</th>
            <th scope="col">{t("table.responsible")}</th>
            <th scope="col">{t("table.dueDate")}</th>
            <th scope="col">{t("table.status")}</th>
            <th scope="col">{t("followUp.from")}</th>
          </tr>
        </thead>
        <tbody>
          {items.data.map((item) => (
            <tr key={item.id}>
              <td>
                <TaskCell item={item} />
              </td>
              <td>{item.casePseudonym ?? t("table.noCase")}</td>
              <td>{responsibleOf(item)}</td>
              <td>{day(item.dueDate)}</td>
              <td>
                <StatusBadge status={item.status} isOverdue={item.isOverdue} />
              </td>
              <td>
                {t("followUp.fromLine", {
                  title: item.conferenceTitle,
                  date: format.dateTime(new Date(item.conferenceScheduledAt), { dateStyle: "medium" }),
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ConferenceWorkPackages({ conferenceId }: { conferenceId: string }) {
  const t = useTranslations("workPackages");
  const format = useFormatter();
  const day = useDay();
  const trpc = useTRPC();
  const list = useQuery(trpc.workPackages.listForConference.queryOptions({ conferenceId }));
  const [reporting, setReporting] = useState<WorkPackage | null>(null);
  const shownLink = useShownOnceLink();
  const link = shownLink.link;
  const createLink = useMutation(
    trpc.workPackages.createTrackingLink.mutationOptions({
      onSuccess: async (created) => {
        shownLink.show(created);
        await list.refetch();
      },
    }),
  );

  const data = list.data;
  return (
    <section aria-labelledby="work-packages-title">
      <h2 id="work-packages-title">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      {list.error && (
        <p role="alert" className="form-error">
          {list.error.message}
        </p>
      )}
      <FormStatus error={createLink.error?.message} />
      {data && data.workPackages.length === 0 && <p>{t("empty")}</p>}
      {data && data.workPackages.length > 0 && (
        <table>
          <caption className="visually-hidden">{t("table.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("table.task")}</th>
              <th scope="col">{t("table.case")}</th>
              <th scope="col">{t("table.responsible")}</th>
              <th scope="col">{t("table.dueDate")}</th>
              <th scope="col">{t("table.status")}</th>
              <th scope="col">{t("table.updates")}</th>
              <th scope="col">{t("table.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {data.workPackages.map((item) => (
              <tr key={item.id}>
                <td>
                  <TaskCell item={item} />
                </td>
                <td>{item.casePseudonym ?? t("table.noCase")}</td>
                <td>{responsibleOf(item)}</td>
                <td>
                  {day(item.dueDate)}
                  {item.isOverdue && <strong className="field-error"> ({t("table.overdue")})</strong>}
                </td>
                <td>
                  <span className={`status-badge ${statusClass[item.status]}`}>{t(`statuses.${item.status}`)}</span>
                </td>
                <td>
                  {item.updates.length === 0 ? (
                    <span className="muted">{t("table.noUpdates")}</span>
                  ) : (
                    <ul className="reminder-list">
                      {item.updates.map((u) => (
                        <li key={u.id}>
                          {t("table.updateLine", {
                            date: format.dateTime(new Date(u.createdAt), { dateStyle: "short", timeStyle: "short" }),
                            status: t(`statuses.${u.status}`),
                            author: u.viaLink ? `${u.authorName} (${t("table.viaLink")})` : u.authorName,
                          })}
                          {u.note && <>: {u.note}</>}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <div className="row-actions">
                    {item.abilities.report && (
                      <button
                        type="button"
                        className="button-link"
                        aria-label={t("report.openContext", { task: item.task || item.casePseudonym || "" })}
                        onClick={() => setReporting(item)}
                      >
                        {t("report.open")}
                      </button>
                    )}
                    {item.abilities.createTrackingLink && (
                      <button
                        type="button"
                        className="button-link"
                        aria-label={t("link.createContext", { task: item.task || item.casePseudonym || "" })}
                        disabled={createLink.isPending}
                        onClick={() => {
                          shownLink.clear();
                          createLink.mutate({ workPackageId: item.id });
                        }}
                      >
                        {t("link.create")}
                      </button>
                    )}
                  </div>
                  {item.trackingLinkExpiresAt && (
                    <p className="muted">
                      {t("table.linkActive", { date: format.dateTime(new Date(item.trackingLinkExpiresAt), { dateStyle: "medium" }) })}
                    </p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {link && (
        <OneTimeLink
          key={link.url}
          id="tracking-link"
          link={link.url}
          validUntil={format.dateTime(new Date(link.expiresAt), { dateStyle: "long" })}
          namespace="workPackages.link"
          className="notice card"
        />
      )}
      {reporting && <ReportForm key={reporting.id} item={reporting} conferenceId={conferenceId} onDone={() => setReporting(null)} />}
      {data?.viewer.mayCreate && data.options && <CreateWorkPackageForm conferenceId={conferenceId} options={data.options} />}
    </section>
  );
}

function ReportForm({ item, conferenceId, onDone }: { item: WorkPackage; conferenceId: string; onDone: () => void }) {
  const t = useTranslations("workPackages");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const form = useZodForm(reportWorkPackageSchema, { defaultValues: { workPackageId: item.id, status: item.status, note: "" } });
  const report = useMutation(
    trpc.workPackages.report.mutationOptions({
      onSuccess: async () => {
        setSuccess(t("report.saved"));
        await queryClient.invalidateQueries({ queryKey: trpc.workPackages.listForConference.queryKey({ conferenceId }) });
        await queryClient.invalidateQueries({ queryKey: trpc.workPackages.followUpItems.queryKey() });
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const alert = useFormAlert(form, report.error, { hideWhenFieldsNamed: true });
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const onSubmit = form.handleSubmit((values) => {
    setSuccess(null);
    report.mutate(values);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="card" aria-labelledby="report-title">
      <h3 id="report-title" ref={heading} tabIndex={-1}>
        {t("report.heading")}: {item.restricted ? item.casePseudonym : item.task}
      </h3>
      <FormStatus error={alert} success={success} />
      <FormField form={form} name="status" id="report-status" label={t("report.status")}>
        {(control) => (
          <select {...control}>
            {workPackageStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`statuses.${status}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField form={form} name="note" id="report-note" label={t("report.note")} hint={t("report.noteHint")}>
        {(control) => <textarea {...control} rows={3} maxLength={2000} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={report.isPending}>
          {t("report.submit")}
        </button>
        <button type="button" className="button-secondary" onClick={onDone}>
          {t("report.cancel")}
        </button>
      </div>
    </form>
  );
}
