"use client";

import { useTranslations } from "next-intl";
import { todayInBerlin } from "@/server/schemas/calendar-days";
import { lifeAreas, screeningVerdicts } from "@/server/schemas/case-kinds";
import type { UseFormRegisterReturn } from "react-hook-form";
import type { ScreeningInput } from "@/server/schemas/cases";
import { Field } from "../forms/field";

/**
 * Screening form fields (seed form "Case Management: Screening"), registered as `screening.*` with
 * a react-hook-form form whose values hold `screening`.
 */
export function ScreeningFields({
  initial,
  errors,
  register,
}: {
  initial?: ScreeningInput | null;
  errors: Record<string, string>;
  register: (name: string) => UseFormRegisterReturn;
}) {
  const t = useTranslations("cases");
  // The default stays in the DOM too; a field the form has no value for takes it from there.
  const bind = (name: string, defaultValue: string) => ({ ...register(name), defaultValue });
  return (
    <>
      <Field id="screening-date" label={t("screening.screenedOn")} error={errors["screening.screenedOn"]}>
        {(d) => <input id="screening-date" type="date" {...bind("screening.screenedOn", initial?.screenedOn ?? todayInBerlin())} {...d} />}
      </Field>
      <fieldset>
        <legend>{t("screening.problems")}</legend>
        {lifeAreas.map((area) => (
          <Field
            key={area}
            id={`screening-problem-${area}`}
            label={t(`lifeAreas.${area}`)}
            error={errors[`screening.problemsByArea.${area}`]}
          >
            {(d) => (
              <textarea
                id={`screening-problem-${area}`}
                rows={2}
                {...bind(`screening.problemsByArea.${area}`, initial?.problemsByArea?.[area] ?? "")}
                {...d}
              />
            )}
          </Field>
        ))}
        <Field id="screening-other" label={t("screening.otherProblems")} error={errors["screening.otherProblems"]}>
          {(d) => <textarea id="screening-other" rows={2} {...bind("screening.otherProblems", initial?.otherProblems ?? "")} {...d} />}
        </Field>
      </fieldset>
      <Field id="screening-services" label={t("screening.involvedServices")} error={errors["screening.involvedServices"]}>
        {(d) => (
          <textarea id="screening-services" rows={2} {...bind("screening.involvedServices", initial?.involvedServices ?? "")} {...d} />
        )}
      </Field>
      <Field id="screening-urgent" label={t("screening.urgentConcern")} error={errors["screening.urgentConcern"]}>
        {(d) => <textarea id="screening-urgent" rows={2} {...bind("screening.urgentConcern", initial?.urgentConcern ?? "")} {...d} />}
      </Field>
      <fieldset aria-describedby={errors["screening.verdict"] ? "screening-verdict-error" : undefined}>
        <legend>{t("screening.verdict")}</legend>
        {errors["screening.verdict"] && (
          <p className="field-error" id="screening-verdict-error">
            {errors["screening.verdict"]}
          </p>
        )}
        {screeningVerdicts.map((verdict) => (
          <label key={verdict} className="inline-choice">
            <input type="radio" {...register("screening.verdict")} value={verdict} defaultChecked={initial?.verdict === verdict} />{" "}
            {t(`verdicts.${verdict}`)}
          </label>
        ))}
      </fieldset>
    </>
  );
}

/** The problems by life area without the empty ones, as the screening has always been stored. */
export function withoutEmptyProblems(screening: ScreeningInput): ScreeningInput {
  const problemsByArea = Object.fromEntries(Object.entries(screening.problemsByArea).filter(([, value]) => value));
  return { ...screening, problemsByArea };
}
