"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { addMonths, monthKey, todayInBerlin } from "@/server/schemas/calendar-days";
import { FormStatus } from "../forms/form-status";
import { useTRPC } from "../trpc/client";

export function previousMonth(): string {
  return monthKey(addMonths(todayInBerlin(), -1));
}

/** One case manager's monthly report: on screen, as Excel, and (for their own) submitted to the coordination. */
export function MonthlyReportView({ userId, canSubmit }: { userId?: string; canSubmit: boolean }) {
  const t = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [month, setMonth] = useState(previousMonth());
  const [note, setNote] = useState("");
  const report = useQuery(trpc.reports.monthly.queryOptions({ month, userId }));
  const submit = useMutation(
    trpc.reports.submitMonthly.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.reports.monthly.queryKey({ month, userId }) }),
    }),
  );
  const data = report.data;
  const downloadHref = `/api/reports/monthly?month=${month}${userId ? `&userId=${userId}` : ""}`;
  const monthLabel = format.dateTime(new Date(`${month}-15T12:00:00`), { month: "long", year: "numeric" });

  return (
    <section aria-labelledby="monthly-title" className="card">
      <h2 id="monthly-title">
        {t("reports.monthlyTitle")}
        {data ? `: ${data.caseManager.displayName}` : ""}
      </h2>
      <div className="filters">
        <div className="field">
          <label htmlFor="report-month">{t("reports.month")}</label>
          <input id="report-month" type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />
        </div>
        <a className="button-secondary link-button" href={downloadHref} download>
          {t("reports.download")}
        </a>
      </div>
      {report.error && (
        <p role="alert" className="form-error">
          {report.error.message}
        </p>
      )}
      {data && (
        <>
          <dl className="figures">
            {Object.entries(data.keyFigures).map(([key, value]) => (
              <div key={key}>
                <dt>{t(`reports.keyFigures.${key as keyof typeof data.keyFigures}`)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <h3>{t("reports.topics")}</h3>
          {data.topics.length === 0 ? (
            <p>{t("reports.none")}</p>
          ) : (
            <ul>
              {data.topics.map((topic) => (
                <li key={topic.lifeArea}>
                  {t(`cases.lifeAreas.${topic.lifeArea as "housing"}`)}: {topic.count}
                </li>
              ))}
            </ul>
          )}
          <h3>{t("reports.perCase")}</h3>
          {data.cases.length === 0 ? (
            <p>{t("reports.none")}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("reports.columns.pseudonym")}</th>
                  <th scope="col">{t("reports.columns.status")}</th>
                  <th scope="col">{t("reports.columns.contacts")}</th>
                  <th scope="col">{t("reports.columns.minutes")}</th>
                </tr>
              </thead>
              <tbody>
                {data.cases.map((row) => (
                  <tr key={row.pseudonym}>
                    <td>{row.pseudonym}</td>
                    <td>{t(`cases.statuses.${row.status}`)}</td>
                    <td>{row.contacts}</td>
                    <td>{row.minutes}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {data.submittedAt ? (
            <p className="form-success">
              {t("reports.submitted", { date: format.dateTime(new Date(data.submittedAt), { dateStyle: "medium", timeStyle: "short" }) })}
            </p>
          ) : (
            canSubmit && (
              <div className="wide">
                <FormStatus error={submit.error?.message} success={submit.isSuccess ? t("reports.submittedNow") : null} />
                <div className="field">
                  <label htmlFor="report-note">{t("reports.note")}</label>
                  <textarea id="report-note" value={note} onChange={(e) => setNote(e.target.value)} />
                </div>
                <button type="button" className="button-primary" disabled={submit.isPending} onClick={() => submit.mutate({ month, note })}>
                  {t("reports.submit", { month: monthLabel })}
                </button>
              </div>
            )
          )}
        </>
      )}
    </section>
  );
}
