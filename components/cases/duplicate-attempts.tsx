"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "../trpc/client";

/** For the coordination: someone tried to open a case for a person who is already in one. */
export function DuplicateAttempts() {
  const t = useTranslations("cases");
  const format = useFormatter();
  const trpc = useTRPC();
  const attempts = useQuery(trpc.cases.duplicateAttempts.queryOptions());
  if (!attempts.data) return null;
  return (
    <section aria-labelledby="duplicates-title" className="card">
      <h2 id="duplicates-title">{t("duplicates.title")}</h2>
      <p className="muted">{t("duplicates.intro")}</p>
      {attempts.data.length === 0 ? (
        <p>{t("duplicates.none")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("duplicates.when")}</th>
              <th scope="col">{t("duplicates.attemptedBy")}</th>
              <th scope="col">{t("duplicates.existingCase")}</th>
              <th scope="col">{t("responsible")}</th>
            </tr>
          </thead>
          <tbody>
            {attempts.data.map((attempt) => (
              <tr key={attempt.id}>
                <td>{format.dateTime(new Date(attempt.at), { dateStyle: "medium", timeStyle: "short" })}</td>
                <td>{attempt.attemptedBy ?? t("none")}</td>
                <td>
                  <Link href={`/cases/${attempt.existingCase.id}`}>{attempt.existingCase.pseudonym}</Link> (
                  {t(`statuses.${attempt.existingCase.status}`)})
                </td>
                <td>{attempt.existingCase.responsibleName ?? t("none")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
