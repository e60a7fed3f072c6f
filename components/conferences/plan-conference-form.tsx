"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { conferenceTypes } from "@/server/schemas/conference-kinds";
import { createConferenceSchema } from "@/server/schemas/conferences";
import { FormField, FormSelectField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { firstErrorMessage, useFormAlert, useZodForm } from "../forms/use-zod-form";
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
  // datetime-local is the browser's local time; the schema turns it into a Date.
  const form = useZodForm(createConferenceSchema, {
    defaultValues: {
      type: "fallkonferenz",
      title: "",
      kommuneId: "",
      scheduledAt: "",
      place: "",
      isOnline: false,
      participantUserIds: [],
      coModeratorUserIds: [],
      previousConferenceId: "",
    },
  });
  const create = useMutation(
    trpc.conferences.create.mutationOptions({
      onError: (error) => setServerErrors(form, error),
      onSuccess: async (conference) => {
        setSuccess(t("plan.saved", { title: conference.title }));
        await queryClient.invalidateQueries({ queryKey: trpc.conferences.list.queryKey() });
      },
    }),
  );

  const onSubmit = form.handleSubmit((values) => {
    setSuccess(null);
    create.mutate(values, { onSuccess: () => form.reset() });
  });

  const participantsError = firstErrorMessage(form.formState.errors.participantUserIds);
  const alert = useFormAlert(form, create.error);
  return (
    <form onSubmit={onSubmit} noValidate className="card wide" aria-labelledby="plan-conference-title">
      <h2 id="plan-conference-title">{t("plan.title")}</h2>
      <p>{t("plan.intro")}</p>
      <FormStatus error={alert} success={success} />
      <FormField form={form} name="type" id="conference-type" label={t("plan.type")}>
        {(control) => (
          <select {...control}>
            {conferenceTypes.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField form={form} name="title" id="conference-title" label={t("plan.titleField")}>
        {(control) => <input {...control} maxLength={200} />}
      </FormField>
      <FormSelectField
        form={form}
        name="kommuneId"
        id="conference-kommune"
        label={t("plan.kommune")}
        options={kommunen.data}
        emptyLabel={t("plan.noKommune")}
      />
      <FormField form={form} name="scheduledAt" id="conference-scheduled-at" label={t("plan.scheduledAt")}>
        {(control) => <input {...control} type="datetime-local" />}
      </FormField>
      <FormField form={form} name="place" id="conference-place" label={t("plan.place")} hint={t("plan.placeHint")}>
        {(control) => <input {...control} maxLength={300} />}
      </FormField>
      <label className="inline-choice">
        <input type="checkbox" {...form.register("isOnline")} /> {t("plan.isOnline")}
      </label>
      <FormSelectField
        form={form}
        name="previousConferenceId"
        id="conference-previous"
        label={tWorkPackages("previous.label")}
        hint={tWorkPackages("previous.hint")}
        options={earlier.data?.map((c) => ({
          id: c.id,
          name: `${c.title} (${format.dateTime(new Date(c.scheduledAt), { dateStyle: "medium" })})`,
        }))}
        emptyLabel={tWorkPackages("previous.none")}
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
                <input type="checkbox" {...form.register("participantUserIds")} value={c.id} /> {c.displayName} (
                {c.organisationName ?? t("plan.noOrganisation")})
              </label>
              <label className="inline-choice">
                <input type="checkbox" {...form.register("coModeratorUserIds")} value={c.id} />{" "}
                {t("plan.coModerator", { name: c.displayName })}
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
