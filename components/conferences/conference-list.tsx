"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "../trpc/client";

/** Where a conference takes place, in one line: the room, "online", or both. */
export function placeLabel(t: ReturnType<typeof useTranslations<"conferences">>, place: string, isOnline: boolean) {
  if (isOnline) return place ? t("onlineAndPlace", { place }) : t("online");
  return place || t("noPlace");
}

export function ConferenceList() {
  const t = useTranslations("conferences");
  const format = useFormatter();
  const trpc = useTRPC();
  const list = useQuery(trpc.conferences.list.queryOptions());

  return (
    <section aria-labelledby="conference-list-title">
      <h2 id="conference-list-title">{t("myConferences")}</h2>
      {list.error && (
        <p role="alert" className="form-error">
          {list.error.message}
        </p>
      )}
      {list.data && list.data.length === 0 && <p>{t("noConferences")}</p>}
      {list.data && list.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("titleColumn")}</th>
              <th scope="col">{t("type")}</th>
              <th scope="col">{t("date")}</th>
              <th scope="col">{t("place")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("participantCount")}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link href={`/conferences/${c.id}`} aria-label={t("open", { title: c.title })}>
                    {c.title}
                  </Link>
                </td>
                <td>{t(`types.${c.type}`)}</td>
                <td>{format.dateTime(new Date(c.scheduledAt), { dateStyle: "medium", timeStyle: "short" })}</td>
                <td>{placeLabel(t, c.place, c.isOnline)}</td>
                <td>
                  <span className="status-badge">{t(`statuses.${c.status}`)}</span>
                </td>
                <td>{c.participants}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
