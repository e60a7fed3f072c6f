"use client";

import { useTranslations } from "next-intl";
import type { z } from "zod";
import { lifeAreas } from "@/server/schemas/case-kinds";
import { listOffersSchema, type ListOffersInput } from "@/server/schemas/offers";
import { FormField, FormSelectField } from "../forms/form-field";
import { useZodForm } from "../forms/use-zod-form";
import styles from "./offer-directory.module.css";

/** The filter controls before anything is chosen; the schema reads the empty choices as "no filter". */
export const emptyOfferFilters: z.input<typeof listOffersSchema> = {
  search: "",
  lifeArea: "",
  language: "",
  kommuneId: "",
  includeInactive: false,
};

/** What the list shows before the first search: the same input as after "reset". */
export const noOfferFilters: ListOffersInput = listOffersSchema.parse(emptyOfferFilters);

/**
 * Search and filters of the offer directory. They apply on "Suchen", not per keystroke: the result
 * count is a live region, and announcing it after every typed letter would drown a screen reader.
 * The filters stay out of the address bar, so search words do not end up in history or server logs.
 */
export function OfferFilters({
  languages,
  kommunen,
  onApply,
}: {
  languages: string[] | undefined;
  kommunen: { id: string; name: string }[] | undefined;
  onApply: (filters: ListOffersInput) => void;
}) {
  const t = useTranslations("offers");
  const form = useZodForm(listOffersSchema, { defaultValues: emptyOfferFilters });
  const onSubmit = form.handleSubmit(onApply);

  return (
    <form
      role="search"
      aria-label={t("filters")}
      onSubmit={onSubmit}
      onReset={(event) => {
        // The form library owns the values; a native reset would leave it sending the old ones.
        event.preventDefault();
        form.reset(emptyOfferFilters);
        onApply(noOfferFilters);
      }}
      noValidate
      className={styles.filters}
    >
      <FormField form={form} name="search" id="offer-search" label={t("search")} hint={t("searchHint")}>
        {(control) => <input {...control} type="search" maxLength={200} />}
      </FormField>
      <FormField form={form} name="lifeArea" id="offer-filter-life-area" label={t("lifeArea")}>
        {(control) => (
          <select {...control}>
            <option value="">{t("allLifeAreas")}</option>
            {lifeAreas.map((area) => (
              <option key={area} value={area}>
                {t(`lifeAreas.${area}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField form={form} name="language" id="offer-filter-language" label={t("language")}>
        {(control) => (
          <select {...control}>
            <option value="">{t("allLanguages")}</option>
            {languages?.map((language) => (
              <option key={language} value={language}>
                {language}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormSelectField
        form={form}
        name="kommuneId"
        id="offer-filter-kommune"
        label={t("kommune")}
        hint={t("kommuneFilterHint")}
        options={kommunen}
        emptyLabel={t("allKommunen")}
      />
      <div className={styles.checkbox}>
        <input id="offer-filter-inactive" type="checkbox" {...form.register("includeInactive")} />
        <label htmlFor="offer-filter-inactive">{t("includeInactive")}</label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary">
          {t("applyFilters")}
        </button>
        <button type="reset" className="button-secondary">
          {t("resetFilters")}
        </button>
      </div>
    </form>
  );
}
