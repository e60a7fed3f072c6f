"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent } from "react";
import type { OfferRow } from "@/server/offers/offers";
import { lifeAreas, type LifeArea } from "@/server/schemas/case-kinds";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { fieldErrorsOf } from "../forms/use-field-errors";
import { useTRPC } from "../trpc/client";
import styles from "./offer-directory.module.css";

export interface Choice {
  id: string;
  name: string;
}

function splitLanguages(text: string): string[] {
  return text
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
  const create = useMutation(trpc.offers.create.mutationOptions());
  const update = useMutation(trpc.offers.update.mutationOptions());
  const mutation = editing ? update : create;
  const errors = fieldErrorsOf(mutation.error);
  const lifeAreasErrorId = errors.lifeAreas ? "offer-life-areas-error" : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const values = {
      title: String(form.get("title") ?? ""),
      providerOrganisationId: String(form.get("providerOrganisationId") ?? ""),
      description: String(form.get("description") ?? ""),
      lifeAreas: form.getAll("lifeAreas").map(String) as LifeArea[],
      targetGroup: String(form.get("targetGroup") ?? ""),
      languages: splitLanguages(String(form.get("languages") ?? "")),
      kommuneId: String(form.get("kommuneId") ?? ""),
      contact: String(form.get("contact") ?? ""),
    };
    onSubmitStart();
    if (editing) {
      update.mutate({ id: editing.id, ...values }, { onSuccess: (saved) => onSaved(t("offers.updated", { title: saved.title })) });
    } else {
      create.mutate(values, {
        onSuccess: async (saved) => {
          formElement.reset();
          await onSaved(t("offers.created", { title: saved.title }));
        },
      });
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="offer-form-title">
      <FormStatus error={mutation.error && !Object.keys(errors).length ? mutation.error.message : null} />
      <Field id="offer-title" label={t("offers.offerTitle")} error={errors.title}>
        {(d) => <input id="offer-title" name="title" defaultValue={editing?.title} required {...d} />}
      </Field>
      <Field id="offer-provider" label={t("offers.provider")} error={errors.providerOrganisationId}>
        {(d) => (
          <select id="offer-provider" name="providerOrganisationId" defaultValue={editing?.providerOrganisationId ?? ""} {...d}>
            <option value="">{t("offers.noProvider")}</option>
            {organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="offer-description" label={t("offers.description")} error={errors.description}>
        {(d) => <textarea id="offer-description" name="description" rows={4} defaultValue={editing?.description} {...d} />}
      </Field>
      <fieldset className={errors.lifeAreas ? "field-invalid" : undefined} aria-describedby={lifeAreasErrorId}>
        <legend>{t("offers.lifeAreasLegend")}</legend>
        {errors.lifeAreas && (
          <p className="field-error" id={lifeAreasErrorId}>
            {errors.lifeAreas}
          </p>
        )}
        <div className={styles.checkboxes}>
          {lifeAreas.map((area) => (
            <div key={area} className={styles.checkbox}>
              <input
                id={`offer-life-area-${area}`}
                name="lifeAreas"
                type="checkbox"
                value={area}
                defaultChecked={editing?.lifeAreas.includes(area)}
              />
              <label htmlFor={`offer-life-area-${area}`}>{t(`offers.lifeAreas.${area}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <Field id="offer-target-group" label={t("offers.targetGroup")} error={errors.targetGroup}>
        {(d) => <input id="offer-target-group" name="targetGroup" defaultValue={editing?.targetGroup} {...d} />}
      </Field>
      <Field id="offer-languages" label={t("offers.languages")} hint={t("offers.languagesHint")} error={errors.languages}>
        {(d) => <input id="offer-languages" name="languages" defaultValue={editing?.languages.join(", ")} {...d} />}
      </Field>
      <Field id="offer-kommune" label={t("offers.kommune")} error={errors.kommuneId}>
        {(d) => (
          <select id="offer-kommune" name="kommuneId" defaultValue={editing?.kommuneId ?? ""} {...d}>
            <option value="">{t("offers.countywide")}</option>
            {kommunen.map((kommune) => (
              <option key={kommune.id} value={kommune.id}>
                {kommune.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="offer-contact" label={t("offers.contact")} hint={t("offers.contactHint")} error={errors.contact}>
        {(d) => <textarea id="offer-contact" name="contact" rows={3} defaultValue={editing?.contact} {...d} />}
      </Field>
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
