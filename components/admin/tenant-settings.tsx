"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { fieldErrorsOf } from "../forms/use-field-errors";
import { useTRPC } from "../trpc/client";

export function TenantSettings() {
  const t = useTranslations("admin");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.tenancy.settings.queryOptions());
  const save = useMutation(
    trpc.tenancy.updateSettings.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.tenancy.settings.queryKey() }),
    }),
  );
  const errors = fieldErrorsOf(save.error);
  if (!settings.data) return null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate({
      caseloadKey: Number(form.get("caseloadKey")),
      identityRetentionDays: Number(form.get("identityRetentionDays")),
      monthlyReportDeadlineDay: Number(form.get("monthlyReportDeadlineDay")),
      minimumGroupSize: Number(form.get("minimumGroupSize")),
      reconstructionTarget: Number(form.get("reconstructionTarget")),
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="card wide" aria-labelledby="settings-title" key={JSON.stringify(settings.data)}>
      <h2 id="settings-title">{t("settings")}</h2>
      <p>{t("settingsIntro")}</p>
      <FormStatus
        error={save.error && !Object.keys(errors).length ? save.error.message : null}
        success={save.isSuccess ? t("settingsSaved") : null}
      />
      <Field id="settings-caseload" label={t("caseloadKey")} hint={t("caseloadKeyHint")} error={errors.caseloadKey}>
        {(d) => <input id="settings-caseload" name="caseloadKey" type="number" defaultValue={settings.data.caseloadKey} {...d} />}
      </Field>
      <Field
        id="settings-retention"
        label={t("identityRetentionDays")}
        hint={t("identityRetentionHint")}
        error={errors.identityRetentionDays}
      >
        {(d) => (
          <input
            id="settings-retention"
            name="identityRetentionDays"
            type="number"
            defaultValue={settings.data.identityRetentionDays}
            {...d}
          />
        )}
      </Field>
      <Field id="settings-deadline" label={t("monthlyReportDeadlineDay")} error={errors.monthlyReportDeadlineDay}>
        {(d) => (
          <input
            id="settings-deadline"
            name="monthlyReportDeadlineDay"
            type="number"
            defaultValue={settings.data.monthlyReportDeadlineDay}
            {...d}
          />
        )}
      </Field>
      <Field
        id="settings-reconstruction-target"
        label={t("reconstructionTarget")}
        hint={t("reconstructionTargetHint")}
        error={errors.reconstructionTarget}
      >
        {(d) => (
          <input
            id="settings-reconstruction-target"
            name="reconstructionTarget"
            type="number"
            min={0}
            max={200}
            defaultValue={settings.data.reconstructionTarget}
            {...d}
          />
        )}
      </Field>
      <Field id="settings-group-size" label={t("minimumGroupSize")} hint={t("minimumGroupSizeHint")} error={errors.minimumGroupSize}>
        {(d) => (
          <input
            id="settings-group-size"
            name="minimumGroupSize"
            type="number"
            min={2}
            max={50}
            defaultValue={settings.data.minimumGroupSize}
            {...d}
          />
        )}
      </Field>
      <button type="submit" className="button-primary" disabled={save.isPending}>
        {t("saveSettings")}
      </button>
    </form>
  );
}
