"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "../trpc/client";
import { formatDay } from "./case-list";

export function CaseReminders() {
  const t = useTranslations("cases.reminders");
  const format = useFormatter();
  const trpc = useTRPC();
  const reminders = useQuery(trpc.cases.reminders.queryOptions());
  if (!reminders.data) return null;
  const { reviewsDue, withoutContact, monthlyReportDue } = reminders.data;
  return (
    <section aria-labelledby="reminders-title" className="card">
      <h2 id="reminders-title">{t("title")}</h2>
      {reviewsDue.length === 0 && withoutContact.length === 0 && !monthlyReportDue && <p>{t("nothing")}</p>}
      <ul className="reminder-list">
        {monthlyReportDue && (
          <li>
            <strong>{t("monthlyReport")}</strong>:{" "}
            <Link href="/reports">{format.dateTime(new Date(`${monthlyReportDue}-15T12:00:00`), { month: "long", year: "numeric" })}</Link>
          </li>
        )}
        {reviewsDue.map((r) => (
          <li key={`review-${r.id}`}>
            <strong>{t("reviewsDue")}</strong>: <Link href={`/cases/${r.id}/goals`}>{r.pseudonym}</Link>,{" "}
            {t("dueOn", { date: formatDay(format, r.dueOn) })}
          </li>
        ))}
        {withoutContact.map((r) => (
          <li key={`contact-${r.id}`}>
            <strong>{t("withoutContact")}</strong>: <Link href={`/cases/${r.id}/monitoring`}>{r.pseudonym}</Link>,{" "}
            {r.lastContactOn ? t("lastContact", { date: formatDay(format, r.lastContactOn) }) : t("never")}
          </li>
        ))}
      </ul>
    </section>
  );
}
