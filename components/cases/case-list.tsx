"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { caseStatuses, type CaseStatus } from "@/server/schemas/case-kinds";
import { useTRPC } from "../trpc/client";

export function formatDay(format: ReturnType<typeof useFormatter>, day: string | null) {
  return day ? format.dateTime(new Date(`${day}T12:00:00`), { dateStyle: "medium" }) : "—";
}

export function CaseList() {
  const t = useTranslations("cases");
  const format = useFormatter();
  const trpc = useTRPC();
  const [status, setStatus] = useState<CaseStatus | "">("");
  const [search, setSearch] = useState("");
  const list = useQuery(trpc.cases.list.queryOptions({ status: status || undefined, search: search || undefined }));

  return (
    <section aria-labelledby="case-list-title">
      <h2 id="case-list-title" className="visually-hidden">
        {t("title")}
      </h2>
      <div className="filters">
        <div className="field">
          <label htmlFor="case-status">{t("filterStatus")}</label>
          <select id="case-status" value={status} onChange={(e) => setStatus(e.target.value as CaseStatus | "")}>
            <option value="">{t("allStatuses")}</option>
            {caseStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="case-search">{t("search")}</label>
          <input id="case-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
      </div>
      {list.error && (
        <p role="alert" className="form-error">
          {list.error.message}
        </p>
      )}
      {list.data && list.data.length === 0 && <p>{t("noCases")}</p>}
      {list.data && list.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("pseudonym")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("kommune")}</th>
              <th scope="col">{t("responsible")}</th>
              <th scope="col">{t("openedOn")}</th>
              <th scope="col">{t("lastContactOn")}</th>
              <th scope="col">{t("nextReviewOn")}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link href={`/cases/${c.id}`} aria-label={t("open", { pseudonym: c.pseudonym })}>
                    {c.pseudonym}
                  </Link>
                </td>
                <td>
                  <span className={`status-badge status-${c.status}`}>{t(`statuses.${c.status}`)}</span>
                </td>
                <td>{c.kommuneName ?? t("noKommune")}</td>
                <td>{c.responsibleName ?? t("none")}</td>
                <td>{formatDay(format, c.openedOn)}</td>
                <td>{formatDay(format, c.lastContactOn)}</td>
                <td>{formatDay(format, c.nextReviewOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
