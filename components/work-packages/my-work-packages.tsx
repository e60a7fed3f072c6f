"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "../trpc/client";
import { useDay, StatusBadge, TaskCell } from "./work-package-parts";

/** The start page's list: packages of the actor's own cases and in their responsibility. */
export function MyWorkPackages() {
  const t = useTranslations("workPackages");
  const day = useDay();
  const trpc = useTRPC();
  const mine = useQuery(trpc.workPackages.listMine.queryOptions());
  return (
    <section aria-labelledby="my-work-packages-title">
      <h2 id="my-work-packages-title">{t("mine.heading")}</h2>
      {mine.error && (
        <p role="alert" className="form-error">
          {mine.error.message}
        </p>
      )}
      {mine.data && mine.data.length === 0 && <p>{t("mine.empty")}</p>}
      {mine.data && mine.data.length > 0 && (
        <table>
          <caption className="visually-hidden">{t("mine.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("table.task")}</th>
              <th scope="col">{t("table.case")}</th>
              <th scope="col">{t("mine.conference")}</th>
              <th scope="col">{t("table.dueDate")}</th>
              <th scope="col">{t("table.status")}</th>
            </tr>
          </thead>
          <tbody>
            {mine.data.map((item) => (
              <tr key={item.id}>
                <td>
                  <TaskCell item={item} />
                </td>
                <td>{item.casePseudonym ?? t("table.noCase")}</td>
                <td>{item.conferenceTitle}</td>
                <td>{day(item.dueDate)}</td>
                <td>
                  <StatusBadge status={item.status} isOverdue={item.isOverdue} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
