"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { daysBetween, todayInBerlin } from "@/server/schemas/calendar-days";
import { lifeAreas } from "@/server/schemas/case-kinds";
import { addWaitingListEntrySchema } from "@/server/schemas/cases";
import { FormCheckboxGroup, FormField, FormSelectField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";

const newEntry = () => ({
  reference: "",
  kommuneId: "",
  lifeAreas: [],
  isUrgent: false,
  referringOrganisationId: null,
  note: "",
  addedOn: todayInBerlin(),
});

/** The coordination's waiting list: references instead of names, urgent ones first, waiting time visible. */
export function WaitingList() {
  const t = useTranslations("cases");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const entries = useQuery(trpc.cases.waitingList.queryOptions());
  const kommunen = useQuery(trpc.tenancy.listKommunen.queryOptions());
  const caseManagers = useQuery(trpc.cases.caseManagers.queryOptions());
  const [success, setSuccess] = useState<string | null>(null);
  const [assignee, setAssignee] = useState<Record<string, string>>({});
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.cases.waitingList.queryKey() });
  const form = useZodForm(addWaitingListEntrySchema, { defaultValues: newEntry() });
  const add = useMutation(
    trpc.cases.addWaitingListEntry.mutationOptions({
      onSuccess: async () => {
        setSuccess(t("waitingList.added"));
        await refresh();
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const resolve = useMutation(
    trpc.cases.resolveWaitingListEntry.mutationOptions({
      onSuccess: async () => {
        setSuccess(t("waitingList.resolved"));
        await refresh();
      },
    }),
  );
  const kommuneName = new Map(kommunen.data?.map((k) => [k.id, k.name]));
  const waiting = entries.data?.filter((e) => e.status === "waiting") ?? [];
  const [now] = useState(() => Date.now());
  const daysSince = (day: string) => Math.max(0, daysBetween(day, todayInBerlin(now)));

  const onSubmit = form.handleSubmit((values) => {
    setSuccess(null);
    add.mutate(values, { onSuccess: () => form.reset(newEntry()) });
  });
  const alert = useFormAlert(form, add.error);

  return (
    <section aria-labelledby="waiting-title" className="card">
      <h2 id="waiting-title">{t("waitingList.title")}</h2>
      <p className="muted">{t("waitingList.intro")}</p>
      <FormStatus error={alert ?? resolve.error?.message} success={success} />
      {waiting.length === 0 ? (
        <p>{t("waitingList.empty")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("waitingList.reference")}</th>
              <th scope="col">{t("waitingList.kommune")}</th>
              <th scope="col">{t("waitingList.lifeAreas")}</th>
              <th scope="col">{t("waitingList.addedOn")}</th>
              <th scope="col">{t("waitingList.assign")}</th>
            </tr>
          </thead>
          <tbody>
            {waiting.map((entry) => (
              <tr key={entry.id}>
                <td>
                  {entry.reference}
                  {entry.isUrgent && <strong> ({t("waitingList.urgent")})</strong>}
                </td>
                <td>{entry.kommuneId ? kommuneName.get(entry.kommuneId) : t("noKommune")}</td>
                <td>{entry.lifeAreas.map((a) => t(`lifeAreas.${a as "housing"}`)).join(", ")}</td>
                <td>
                  {format.dateTime(new Date(`${entry.addedOn}T12:00:00`), { dateStyle: "medium" })} (
                  {t("waitingList.days", { days: daysSince(entry.addedOn) })})
                </td>
                <td>
                  <div className="row-actions">
                    <label className="visually-hidden" htmlFor={`assign-${entry.id}`}>
                      {t("waitingList.assign")} {entry.reference}
                    </label>
                    <select
                      id={`assign-${entry.id}`}
                      value={assignee[entry.id] ?? ""}
                      onChange={(e) => setAssignee({ ...assignee, [entry.id]: e.target.value })}
                    >
                      <option value="">—</option>
                      {caseManagers.data?.map((cm) => (
                        <option key={cm.id} value={cm.id}>
                          {cm.displayName}
                        </option>
                      ))}
                    </select>
                    <button
                      type="button"
                      className="button-link"
                      onClick={() => resolve.mutate({ id: entry.id, status: "assigned", assignedUserId: assignee[entry.id] || null })}
                    >
                      {t("waitingList.assignButton")} <span className="visually-hidden">{entry.reference}</span>
                    </button>
                    <button
                      type="button"
                      className="button-link"
                      onClick={() => resolve.mutate({ id: entry.id, status: "withdrawn", assignedUserId: null })}
                    >
                      {t("waitingList.withdraw")} <span className="visually-hidden">{entry.reference}</span>
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={onSubmit} noValidate>
        <h3>{t("waitingList.add")}</h3>
        <FormField form={form} name="reference" id="waiting-reference" label={t("waitingList.reference")}>
          {(control) => <input {...control} />}
        </FormField>
        <FormSelectField
          form={form}
          name="kommuneId"
          id="waiting-kommune"
          label={t("waitingList.kommune")}
          options={kommunen.data}
          emptyLabel={t("noKommune")}
        />
        <FormCheckboxGroup
          form={form}
          name="lifeAreas"
          legend={t("waitingList.lifeAreas")}
          options={lifeAreas.map((area) => ({ value: area, label: t(`lifeAreas.${area}`) }))}
        />
        <label className="inline-choice">
          <input type="checkbox" {...form.register("isUrgent")} /> {t("waitingList.urgent")}
        </label>
        <FormField form={form} name="note" id="waiting-note" label={t("waitingList.note")}>
          {(control) => <input {...control} />}
        </FormField>
        <button type="submit" className="button-primary" disabled={add.isPending}>
          {t("waitingList.add")}
        </button>
      </form>
    </section>
  );
}
