"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { auditActions, type AuditAction } from "@/server/schemas/audit-kinds";
import { useTRPC } from "../trpc/client";

export function AuditLog() {
  const t = useTranslations("audit");
  const format = useFormatter();
  const trpc = useTRPC();
  const [action, setAction] = useState<AuditAction | "">("");
  const query = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { action: action || undefined, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const events = query.data?.pages.flatMap((page) => page.events) ?? [];

  return (
    <>
      <div className="field filter">
        <label htmlFor="audit-action">{t("filterAction")}</label>
        <select id="audit-action" value={action} onChange={(e) => setAction(e.target.value as AuditAction | "")}>
          <option value="">{t("allActions")}</option>
          {auditActions.map((a) => (
            <option key={a} value={a}>
              {t(`actions.${a}`)}
            </option>
          ))}
        </select>
      </div>
      {query.error && (
        <p role="alert" className="form-error">
          {query.error.message}
        </p>
      )}
      {query.isSuccess && events.length === 0 && <p>{t("empty")}</p>}
      <table>
        <caption className="visually-hidden">{t("title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("when")}</th>
            <th scope="col">{t("who")}</th>
            <th scope="col">{t("what")}</th>
            <th scope="col">{t("outcome")}</th>
            <th scope="col">{t("details")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td>{format.dateTime(event.createdAt, { dateStyle: "short", timeStyle: "medium" })}</td>
              <td>{event.actorName ?? t("system")}</td>
              <td>{auditActions.includes(event.action as AuditAction) ? t(`actions.${event.action as AuditAction}`) : event.action}</td>
              <td>{event.outcome === "success" ? t("success") : t("failure")}</td>
              <td className="details">{Object.keys(event.details).length ? JSON.stringify(event.details) : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {query.hasNextPage && (
        <button type="button" className="button-secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {t("loadMore")}
        </button>
      )}
    </>
  );
}
