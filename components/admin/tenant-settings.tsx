"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { conferenceTypes } from "@/server/schemas/conference-kinds";
import { updateTenantSettingsSchema, type UpdateTenantSettingsInput } from "@/server/schemas/tenancy";
import { FormField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";

function useSaveSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.tenancy.updateSettings.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.tenancy.settings.queryKey() }),
    }),
  );
}

export function TenantSettings() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.tenancy.settings.queryOptions());
  const save = useSaveSettings();
  if (!settings.data) return null;
  // The saved values start a fresh form, so what the form shows is what is stored.
  return <SettingsForm key={JSON.stringify(settings.data)} settings={settings.data} save={save} />;
}

function SettingsForm({ settings, save }: { settings: Required<UpdateTenantSettingsInput>; save: ReturnType<typeof useSaveSettings> }) {
  const t = useTranslations("admin");
  const tConferences = useTranslations("conferences");
  const form = useZodForm(updateTenantSettingsSchema, {
    defaultValues: {
      caseloadKey: settings.caseloadKey,
      identityRetentionDays: settings.identityRetentionDays,
      monthlyReportDeadlineDay: settings.monthlyReportDeadlineDay,
      reconstructionTarget: settings.reconstructionTarget,
      minimumGroupSize: settings.minimumGroupSize,
      boardParticipantLimits: settings.boardParticipantLimits,
    },
  });
  const onSubmit = form.handleSubmit((values) => save.mutate(values, { onError: (error) => setServerErrors(form, error) }));
  const alert = useFormAlert(form, save.error, { hideWhenFieldsNamed: true });

  return (
    <form onSubmit={onSubmit} noValidate className="card wide" aria-labelledby="settings-title">
      <h2 id="settings-title">{t("settings")}</h2>
      <p>{t("settingsIntro")}</p>
      <FormStatus error={alert} success={save.isSuccess ? t("settingsSaved") : null} />
      <FormField form={form} name="caseloadKey" id="settings-caseload" label={t("caseloadKey")} hint={t("caseloadKeyHint")}>
        {(control) => <input {...control} type="number" />}
      </FormField>
      <FormField
        form={form}
        name="identityRetentionDays"
        id="settings-retention"
        label={t("identityRetentionDays")}
        hint={t("identityRetentionHint")}
      >
        {(control) => <input {...control} type="number" />}
      </FormField>
      <FormField form={form} name="monthlyReportDeadlineDay" id="settings-deadline" label={t("monthlyReportDeadlineDay")}>
        {(control) => <input {...control} type="number" />}
      </FormField>
      <FormField
        form={form}
        name="reconstructionTarget"
        id="settings-reconstruction-target"
        label={t("reconstructionTarget")}
        hint={t("reconstructionTargetHint")}
      >
        {(control) => <input {...control} type="number" min={0} max={200} />}
      </FormField>
      <FormField
        form={form}
        name="minimumGroupSize"
        id="settings-group-size"
        label={t("minimumGroupSize")}
        hint={t("minimumGroupSizeHint")}
      >
        {(control) => <input {...control} type="number" min={2} max={50} />}
      </FormField>
      <fieldset aria-describedby="settings-board-limits-hint">
        <legend>{t("boardParticipantLimits")}</legend>
        <p id="settings-board-limits-hint">{t("boardParticipantLimitsHint")}</p>
        {conferenceTypes.map((type) => (
          <FormField
            key={type}
            form={form}
            name={`boardParticipantLimits.${type}`}
            id={`settings-board-limit-${type}`}
            label={t("boardParticipantLimit", { type: tConferences(`types.${type}`) })}
          >
            {(control) => <input {...control} type="number" min={2} max={500} />}
          </FormField>
        ))}
      </fieldset>
      <button type="submit" className="button-primary" disabled={save.isPending}>
        {t("saveSettings")}
      </button>
    </form>
  );
}
