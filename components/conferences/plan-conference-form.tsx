"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { conferenceTypes, type ConferenceType } from "@/server/schemas/conference-kinds";
import type { CreateConferenceInput } from "@/server/schemas/conferences";
import { nestedFieldErrors } from "../cases/create-case-form";
import { Field } from "../forms/field";
import { SelectField } from "../forms/select-field";
import { FormStatus } from "../forms/form-status";
import { useTRPC } from "../trpc/client";

/** Plans a conference: the planner moderates, the ticked colleagues are invited. */
export function PlanConferenceForm() {
  const t = useTranslations("conferences");
  const tWorkPackages = useTranslations("workPackages");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const kommunen = useQuery(trpc.tenancy.listKommunen.queryOptions());
  const candidates = useQuery(trpc.conferences.candidates.queryOptions());
  // Meetings the planner took part in, which a new one can follow up.
  const earlier = useQuery(trpc.conferences.list.queryOptions());
  const [success, setSuccess] = useState<string | null>(null);
  const create = useMutation(
    trpc.conferences.create.mutationOptions({
      onSuccess: async (conference) => {
        setSuccess(t("plan.saved", { title: conference.title }));
        await queryClient.invalidateQueries({ queryKey: trpc.conferences.list.queryKey() });
      },
    }),
  );
  const errors = nestedFieldErrors(create.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const scheduledAt = String(form.get("scheduledAt") ?? "");
    setSuccess(null);
    const input: CreateConferenceInput = {
      type: String(form.get("type")) as ConferenceType,
      title: String(form.get("title") ?? ""),
      kommuneId: String(form.get("kommuneId") ?? "") || null,
      // datetime-local is the browser's local time; an empty value is left for the server to refuse.
      scheduledAt: (scheduledAt ? new Date(scheduledAt) : scheduledAt) as Date,
      place: String(form.get("place") ?? ""),
      isOnline: form.get("isOnline") === "on",
      participantUserIds: form.getAll("participantUserIds").map(String),
      coModeratorUserIds: form.getAll("coModeratorUserIds").map(String),
      previousConferenceId: String(form.get("previousConferenceId") ?? "") || null,
    };
    create.mutate(input, { onSuccess: () => element.reset() });
  }

  const participantsError = errors.participantUserIds;
  return (
    <form onSubmit={onSubmit} noValidate className="card wide" aria-labelledby="plan-conference-title">
      <h2 id="plan-conference-title">{t("plan.title")}</h2>
      <p>{t("plan.intro")}</p>
      <FormStatus error={create.error?.message} success={success} />
      <Field id="conference-type" label={t("plan.type")} error={errors.type}>
        {(d) => (
          <select id="conference-type" name="type" defaultValue="fallkonferenz" {...d}>
            {conferenceTypes.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="conference-title" label={t("plan.titleField")} error={errors.title}>
        {(d) => <input id="conference-title" name="title" maxLength={200} {...d} />}
      </Field>
      <SelectField
        id="conference-kommune"
        name="kommuneId"
        label={t("plan.kommune")}
        options={kommunen.data}
        emptyLabel={t("plan.noKommune")}
        error={errors.kommuneId}
      />
      <Field id="conference-scheduled-at" label={t("plan.scheduledAt")} error={errors.scheduledAt}>
        {(d) => <input id="conference-scheduled-at" name="scheduledAt" type="datetime-local" {...d} />}
      </Field>
      <Field id="conference-place" label={t("plan.place")} hint={t("plan.placeHint")} error={errors.place}>
        {(d) => <input id="conference-place" name="place" maxLength={300} {...d} />}
      </Field>
      <label className="inline-choice">
        <input type="checkbox" name="isOnline" /> {t("plan.isOnline")}
      </label>
      <SelectField
        id="conference-previous"
        name="previousConferenceId"
        label={tWorkPackages("previous.label")}
        hint={tWorkPackages("previous.hint")}
        options={earlier.data?.map((c) => ({
          id: c.id,
          name: `${c.title} (${format.dateTime(new Date(c.scheduledAt), { dateStyle: "medium" })})`,
        }))}
        emptyLabel={tWorkPackages("previous.none")}
        error={errors.previousConferenceId}
      />
      <fieldset aria-describedby={participantsError ? "conference-participants-error" : undefined}>
        <legend>{t("plan.participants")}</legend>
        {participantsError && (
          <p className="field-error" id="conference-participants-error">
            {participantsError}
          </p>
        )}
        {candidates.data && candidates.data.length === 0 && <p>{t("plan.noCandidates")}</p>}
        <ul className="checkbox-list">
          {candidates.data?.map((c) => (
            <li key={c.id}>
              <label className="inline-choice">
                <input type="checkbox" name="participantUserIds" value={c.id} /> {c.displayName} (
                {c.organisationName ?? t("plan.noOrganisation")})
              </label>
              <label className="inline-choice">
                <input type="checkbox" name="coModeratorUserIds" value={c.id} /> {t("plan.coModerator", { name: c.displayName })}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {t("plan.submit")}
        </button>
      </div>
    </form>
  );
}
