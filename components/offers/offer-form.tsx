"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { OfferRow } from "@/server/offers/offers";
import { lifeAreas } from "@/server/schemas/case-kinds";
import { createOfferSchema } from "@/server/schemas/offers";
import { FormField, FormSelectField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { firstErrorMessage, useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";
import styles from "./offer-directory.module.css";

export interface Choice {
  id: string;
  name: string;
}

/** The languages field is one line ("Deutsch, Arabisch"); the schema takes a list. */
function splitLanguages(text: unknown): string[] {
  if (Array.isArray(text)) return text.map(String);
  return String(text ?? "")
    .split(",")
    .map((language) => language.trim())
    .filter(Boolean);
}

export function OfferForm({
  editing,
  organisations,
  kommunen,
  onSubmitStart,
  onSaved,
  onCancel,
}: {
  editing: OfferRow | null;
  organisations: Choice[];
  kommunen: Choice[];
  onSubmitStart: () => void;
  onSaved: (message: string) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const form = useZodForm(createOfferSchema, {
    defaultValues: {
      title: editing?.title ?? "",
      providerOrganisationId: editing?.providerOrganisationId ?? "",
      description: editing?.description ?? "",
      lifeAreas: editing?.lifeAreas ?? [],
      targetGroup: editing?.targetGroup ?? "",
      languages: editing?.languages ?? [],
      kommuneId: editing?.kommuneId ?? "",
      contact: editing?.contact ?? "",
    },
  });
  const create = useMutation(trpc.offers.create.mutationOptions({ onError: (error) => setServerErrors(form, error) }));
  const update = useMutation(trpc.offers.update.mutationOptions({ onError: (error) => setServerErrors(form, error) }));
  const mutation = editing ? update : create;
  const alert = useFormAlert(form, mutation.error, { hideWhenFieldsNamed: true });
  const lifeAreasError = firstErrorMessage(form.formState.errors.lifeAreas);
  const lifeAreasErrorId = lifeAreasError ? "offer-life-areas-error" : undefined;

  const onSubmit = form.handleSubmit((values) => {
    onSubmitStart();
    if (editing) {
      update.mutate({ id: editing.id, ...values }, { onSuccess: (saved) => onSaved(t("offers.updated", { title: saved.title })) });
    } else {
      create.mutate(values, {
        onSuccess: async (saved) => {
          form.reset();
          await onSaved(t("offers.created", { title: saved.title }));
        },
      });
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="offer-form-title">
      <FormStatus error={alert} />
      <FormField form={form} name="title" id="offer-title" label={t("offers.offerTitle")}>
        {(control) => <input {...control} required />}
      </FormField>
      <FormSelectField
        form={form}
        name="providerOrganisationId"
        id="offer-provider"
        label={t("offers.provider")}
        options={organisations}
        emptyLabel={t("offers.noProvider")}
      />
      <FormField form={form} name="description" id="offer-description" label={t("offers.description")}>
        {(control) => <textarea {...control} rows={4} />}
      </FormField>
      <fieldset className={lifeAreasError ? "field-invalid" : undefined} aria-describedby={lifeAreasErrorId}>
        <legend>{t("offers.lifeAreasLegend")}</legend>
        {lifeAreasError && (
          <p className="field-error" id={lifeAreasErrorId}>
            {lifeAreasError}
          </p>
        )}
        <div className={styles.checkboxes}>
          {lifeAreas.map((area) => (
            <div key={area} className={styles.checkbox}>
              <input id={`offer-life-area-${area}`} type="checkbox" value={area} {...form.register("lifeAreas")} />
              <label htmlFor={`offer-life-area-${area}`}>{t(`offers.lifeAreas.${area}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <FormField form={form} name="targetGroup" id="offer-target-group" label={t("offers.targetGroup")}>
        {(control) => <input {...control} />}
      </FormField>
      <FormField
        form={form}
        name="languages"
        id="offer-languages"
        label={t("offers.languages")}
        hint={t("offers.languagesHint")}
        registerOptions={{ setValueAs: splitLanguages }}
      >
        {(control) => <input {...control} />}
      </FormField>
      <FormSelectField
        form={form}
        name="kommuneId"
        id="offer-kommune"
        label={t("offers.kommune")}
        options={kommunen}
        emptyLabel={t("offers.countywide")}
      />
      <FormField form={form} name="contact" id="offer-contact" label={t("offers.contact")} hint={t("offers.contactHint")}>
        {(control) => <textarea {...control} rows={3} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t("app.saving") : editing ? t("app.save") : t("app.create")}
        </button>
        {editing && (
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t("app.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
