"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { reportFollowUpSchema } from "@/server/schemas/decisions";
import { followUpStatuses } from "@/server/schemas/steering-kinds";
import type { AppRouter } from "@/server/app-router";
import { FormField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";
import styles from "./steering.module.css";

type Item = inferRouterOutputs<AppRouter>["steering"]["followUps"]["list"][number];

/** Open assignments and recommendations by due date, overdue ones marked, with status reports. */
export function FollowUpList() {
  const t = useTranslations("decisions.followUp");
  const tStatus = useTranslations("decisions.followUpStatuses");
  const format = useFormatter();
  const trpc = useTRPC();
  const [includeDone, setIncludeDone] = useState(false);
  const list = useQuery(trpc.steering.followUps.list.queryOptions({ includeDone }));
  const [reporting, setReporting] = useState<Item | null>(null);
  const [implemented, setImplemented] = useState(false);
  const day = (value: string) => format.dateTime(new Date(`${value}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  return (
    <>
      <div className="field">
        <label>
          <input type="checkbox" checked={includeDone} onChange={(e) => setIncludeDone(e.target.checked)} /> {t("includeDone")}
        </label>
      </div>
      <div role="status">{implemented ? t("implemented") : null}</div>
      {list.error && (
        <p role="alert" className="form-error">
          {list.error.message}
        </p>
      )}
      {list.data?.length === 0 && <p>{t("empty")}</p>}
      {list.data && list.data.length > 0 && (
        <table>
          <caption className="visually-hidden">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("kind")}</th>
              <th scope="col">{t("what")}</th>
              <th scope="col">{t("theme")}</th>
              <th scope="col">{t("responsible")}</th>
              <th scope="col">{t("dueDate")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("reports")}</th>
              <th scope="col">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((item) => (
              <tr key={item.id} className={item.isOverdue ? styles.overdue : undefined}>
                <td>{t(`kinds.${item.kind}`)}</td>
                <td>
                  {item.text}
                  <br />
                  <span className="muted">{t("fromSession", { title: item.sessionTitle })}</span>
                </td>
                <td>{item.themeId && item.themeTitle ? <Link href={`/themes/${item.themeId}`}>{item.themeTitle}</Link> : t("noTheme")}</td>
                <td>{item.responsible}</td>
                <td>
                  {day(item.dueDate)}
                  {item.isOverdue && <strong className="field-error"> ({t("overdue")})</strong>}
                </td>
                <td>
                  <span className="status-badge">{tStatus(item.status)}</span>
                </td>
                <td>
                  {item.reports.length === 0 ? (
                    <span className="muted">{t("noReports")}</span>
                  ) : (
                    <ul>
                      {item.reports.map((report, index) => (
                        <li key={index}>
                          {t("reportLine", {
                            date: format.dateTime(new Date(report.createdAt), { dateStyle: "short" }),
                            status: tStatus(report.status),
                            author: report.authorName,
                          })}
                          {report.note && <>: {report.note}</>}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {item.abilities.report && (
                    <button
                      type="button"
                      className="button-link"
                      aria-label={t("reportContext", { text: item.text })}
                      onClick={() => setReporting(item)}
                    >
                      {t("report")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {reporting && (
        <ReportForm
          key={reporting.id}
          item={reporting}
          onDone={(themeImplemented) => {
            setImplemented(themeImplemented);
            setReporting(null);
          }}
        />
      )}
    </>
  );
}

function ReportForm({ item, onDone }: { item: Item; onDone: (themeImplemented: boolean) => void }) {
  const t = useTranslations("decisions.followUp");
  const tStatus = useTranslations("decisions.followUpStatuses");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useZodForm(reportFollowUpSchema, {
    defaultValues: {
      assignmentId: item.kind === "assignment" ? item.id : null,
      recommendationId: item.kind === "recommendation" ? item.id : null,
      status: item.status,
      note: "",
    },
  });
  const report = useMutation(
    trpc.steering.followUps.report.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.steering.followUps.list.queryKey() });
        onDone(result.themeImplemented);
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const alert = useFormAlert(form, report.error, { hideWhenFieldsNamed: true });
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const onSubmit = form.handleSubmit((values) => report.mutate(values));
  return (
    <form onSubmit={onSubmit} noValidate className="card" aria-labelledby="follow-up-report-title">
      <h2 id="follow-up-report-title" ref={heading} tabIndex={-1}>
        {t("reportHeading")}: {item.text}
      </h2>
      <FormStatus error={alert} />
      <FormField form={form} name="status" id="follow-up-status" label={t("reportStatus")}>
        {(control) => (
          <select {...control}>
            {followUpStatuses.map((status) => (
              <option key={status} value={status}>
                {tStatus(status)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField form={form} name="note" id="follow-up-note" label={t("reportNote")}>
        {(control) => <textarea {...control} rows={3} maxLength={2000} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={report.isPending}>
          {t("reportSubmit")}
        </button>
        <button type="button" className="button-secondary" onClick={() => onDone(false)}>
          {t("reportCancel")}
        </button>
      </div>
    </form>
  );
}
