"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "../trpc/client";

/** Caseload per case manager against the key, as a bar anyone can read at a glance (and as numbers). */
export function Caseload() {
  const t = useTranslations("cases.caseload");
  const trpc = useTRPC();
  const caseload = useQuery(trpc.cases.caseload.queryOptions());
  if (!caseload.data || caseload.data.length === 0) return null;
  return (
    <section aria-labelledby="caseload-title" className="card">
      <h2 id="caseload-title">{t("title")}</h2>
      <p className="muted">{t("explanation")}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("caseManager")}</th>
            <th scope="col">{t("count")}</th>
            <th scope="col">{t("key")}</th>
            <th scope="col">{t("utilisation")}</th>
          </tr>
        </thead>
        <tbody>
          {caseload.data.map((row) => (
            <tr key={row.userId}>
              <td>{row.displayName}</td>
              <td>{row.caseload}</td>
              <td>{row.key}</td>
              <td>
                <div className="meter" aria-hidden="true">
                  <div
                    className={row.utilisation > 100 ? "meter-bar meter-over" : "meter-bar"}
                    style={{ width: `${Math.min(row.utilisation, 100)}%` }}
                  />
                </div>
                {row.utilisation} %{row.utilisation > 100 ? ` (${t("over")})` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
