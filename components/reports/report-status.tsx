"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "../trpc/client";
import { MonthlyReportView, previousMonth } from "./monthly-report-view";

/** Which case managers have sent the month's report; overdue ones stand out, in words as well as colour. */
export function ReportStatus() {
  const t = useTranslations("reports.status");
  const format = useFormatter();
  const trpc = useTRPC();
  const [month] = useState(previousMonth());
  const [shown, setShown] = useState<string | null>(null);
  const status = useQuery(trpc.reports.status.queryOptions({ month }));
  if (!status.data) return null;
  const day = (value: string) => format.dateTime(new Date(`${value}T12:00:00`), { dateStyle: "medium" });
  return (
    <>
      <section aria-labelledby="report-status-title" className="card">
        <h2 id="report-status-title">{t("title")}</h2>
        <p className="muted">{t("dueOn", { date: day(status.data.dueOn), deadline: day(status.data.deadline) })}</p>
        <table>
          <tbody>
            {status.data.caseManagers.map((cm) => (
              <tr key={cm.id}>
                <th scope="row">{cm.displayName}</th>
                <td className={`state-${cm.state}`}>{t(`states.${cm.state as "submitted"}`)}</td>
                <td>
                  <button type="button" className="button-link" onClick={() => setShown(cm.id)}>
                    {t("show", { name: cm.displayName })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {shown && <MonthlyReportView key={shown} userId={shown} canSubmit={false} />}
    </>
  );
}
