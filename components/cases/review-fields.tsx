"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { attainmentLevels, reviewAreas, situationChanges } from "@/server/schemas/case-kinds";
import { Field } from "../forms/field";

/**
 * The shared part of Zwischenstands- and Abschlussbogen: situation change, attainment per area,
 * reflection, registered with a react-hook-form form over the procedure's input.
 */
export function ReviewFields({
  idPrefix,
  errors,
  register,
}: {
  idPrefix: string;
  errors: Record<string, string>;
  register: (name: string) => UseFormRegisterReturn;
}) {
  const t = useTranslations("cases");
  const attainmentError = Object.entries(errors).find(([path]) => path.startsWith("attainmentByArea."))?.[1];
  return (
    <>
      <fieldset aria-describedby={errors.situationChange ? `${idPrefix}-situation-error` : undefined}>
        <legend>{t("monitoring.situationChange")}</legend>
        {errors.situationChange && (
          <p className="field-error" id={`${idPrefix}-situation-error`}>
            {errors.situationChange}
          </p>
        )}
        {situationChanges.map((change) => (
          <label key={change} className="inline-choice">
            <input type="radio" {...register("situationChange")} value={change} /> {t(`situationChanges.${change}`)}
          </label>
        ))}
      </fieldset>
      <fieldset aria-describedby={attainmentError ? `${idPrefix}-attainment-error` : undefined}>
        <legend>{t("monitoring.attainment")}</legend>
        {attainmentError && (
          <p className="field-error" id={`${idPrefix}-attainment-error`}>
            {attainmentError}
          </p>
        )}
        <table className="rating-grid">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t("monitoring.lifeAreas")}</span>
              </th>
              {attainmentLevels.map((level) => (
                <th scope="col" key={level}>
                  {t(`attainmentLevels.${level}`)}
                </th>
              ))}
              <th scope="col">{t("monitoring.notWorked")}</th>
            </tr>
          </thead>
          <tbody>
            {reviewAreas.map((area) => (
              <tr key={area}>
                <th scope="row">{t(`reviewAreas.${area}`)}</th>
                {attainmentLevels.map((level) => (
                  <td key={level}>
                    <input
                      type="radio"
                      {...register(`attainmentByArea.${area}`)}
                      value={level}
                      aria-label={`${t(`reviewAreas.${area}`)}: ${t(`attainmentLevels.${level}`)}`}
                    />
                  </td>
                ))}
                <td>
                  <input
                    type="radio"
                    {...register(`attainmentByArea.${area}`)}
                    value=""
                    defaultChecked
                    aria-label={`${t(`reviewAreas.${area}`)}: ${t("monitoring.notWorked")}`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      {(["cooperation", "suitability", "reflection"] as const).map((field) => (
        <Field key={field} id={`${idPrefix}-${field}`} label={t(`monitoring.${field}`)} error={errors[field]}>
          {(d) => <textarea id={`${idPrefix}-${field}`} {...register(field)} {...d} />}
        </Field>
      ))}
    </>
  );
}
