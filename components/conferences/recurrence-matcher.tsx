"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FormStatus } from "../forms/form-status";
import { useTRPC } from "../trpc/client";

/** "This recurs": the moderator links a cluster to an existing theme the registry suggests. */
export function RecurrenceMatcher({
  conferenceId,
  clusterId,
  clusterTitle,
}: {
  conferenceId: string;
  clusterId: string;
  clusterTitle: string;
}) {
  const t = useTranslations("conferences.recurrence");
  const trpc = useTRPC();
  const suggestions = useQuery(trpc.conferences.recurringThemes.queryOptions({ conferenceId, clusterId }));
  const [done, setDone] = useState<string | null>(null);
  const record = useMutation(
    trpc.conferences.recordRecurrence.mutationOptions({ onSuccess: (result) => setDone(t("recorded", { count: result.added })) }),
  );
  const fieldId = `recurrence-${clusterId}`;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const themeId = String(new FormData(event.currentTarget).get("themeId") ?? "");
    if (themeId) record.mutate({ conferenceId, clusterId, themeId });
  }
  if (!suggestions.data) return null;
  if (suggestions.data.length === 0) return <p className="board-card-meta">{t("noSuggestions")}</p>;
  return (
    <form onSubmit={submit} className="board-add">
      <FormStatus error={record.error?.message} success={done} />
      <label htmlFor={fieldId}>{t("theme", { cluster: clusterTitle })}</label>
      <select id={fieldId} name="themeId" defaultValue={suggestions.data[0]!.id}>
        {suggestions.data.map((theme) => (
          <option key={theme.id} value={theme.id}>
            {theme.title}
          </option>
        ))}
      </select>
      <button type="submit" className="button-secondary" disabled={record.isPending}>
        {t("record")}
      </button>
    </form>
  );
}
