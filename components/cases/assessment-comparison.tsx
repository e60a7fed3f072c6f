"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { AreaComparison, TextChange } from "@/server/cases/assessments";
import { AssessmentChart } from "./assessment-chart";
import styles from "./assessment.module.css";
import { formatDay } from "./case-list";

/** "+2", "−1", "±0"; a real minus sign so screen readers say "minus". */
export function formatDelta(delta: number | null): string | null {
  if (delta === null) return null;
  if (delta > 0) return `+${delta}`;
  if (delta < 0) return `\u2212${Math.abs(delta)}`;
  return "±0";
}

export function areaSectionId(lifeArea: string) {
  return `assessment-history-${lifeArea}`;
}

/** Per life area with assessments: the chart of the ratings and the latest two assessments side by side. */
export function AssessmentComparison({ areas }: { areas: AreaComparison[] }) {
  const t = useTranslations("assessments");
  const assessed = areas.filter((area) => area.series.length > 0);
  return (
    <section aria-labelledby="assessment-comparison-title" className={styles.section}>
      <h2 id="assessment-comparison-title">{t("comparison.title")}</h2>
      {assessed.length === 0 ? <p>{t("comparison.none")}</p> : <p>{t("scaleLegend")}</p>}
      {assessed.map((area) => (
        <AreaHistory key={area.lifeArea} area={area} />
      ))}
    </section>
  );
}

function AreaHistory({ area }: { area: AreaComparison }) {
  const t = useTranslations("assessments");
  const tCases = useTranslations("cases");
  const format = useFormatter();
  const areaName = tCases(`lifeAreas.${area.lifeArea}`);
  const headingId = `${areaSectionId(area.lifeArea)}-title`;
  const comparison = area.comparison;
  const day = (value: string) => formatDay(format, value);
  const rating = (value: number | null) => (value === null ? t("comparison.notRated") : String(value));
  const textLabel = (change: TextChange) =>
    change.field === "answer" ? t(`questions.${area.lifeArea}.${change.question}`) : t(`comparison.fields.${change.field}`);
  const textValue = (change: TextChange, value: string | null) => {
    if (!value) return t("comparison.empty");
    return change.field === "residenceStatus" ? t(`residenceStatuses.${value}`) : value;
  };

  return (
    <section id={areaSectionId(area.lifeArea)} aria-labelledby={headingId} className="card" tabIndex={-1}>
      <h3 id={headingId}>{t("comparison.areaTitle", { area: areaName })}</h3>
      <AssessmentChart area={area} />
      <h4>{t("comparison.changesTitle")}</h4>
      {!comparison && <p>{t("comparison.needsTwo")}</p>}
      {comparison && (
        <>
          <table className={styles.table}>
            <caption>{t("comparison.scaleTable", { area: areaName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("comparison.item")}</th>
                <th scope="col" className={styles.numeric}>
                  {t("comparison.previous", { date: day(comparison.previous.assessedOn) })}
                </th>
                <th scope="col" className={styles.numeric}>
                  {t("comparison.current", { date: day(comparison.current.assessedOn) })}
                </th>
                <th scope="col" className={styles.numeric}>
                  {t("comparison.delta")}
                </th>
                <th scope="col">{t("comparison.remarks")}</th>
              </tr>
            </thead>
            <tbody>
              {comparison.scales.map((scale) => {
                const delta = formatDelta(scale.delta);
                const deltaClass =
                  scale.delta === null || scale.delta === 0
                    ? styles.numeric
                    : `${styles.numeric} ${scale.delta > 0 ? styles.deltaUp : styles.deltaDown}`;
                return (
                  <tr key={scale.item}>
                    <th scope="row">{t(`scaleItemsShort.${area.lifeArea}.${scale.item}`)}</th>
                    <td className={styles.numeric}>{rating(scale.previous)}</td>
                    <td className={styles.numeric}>{rating(scale.current)}</td>
                    <td className={deltaClass}>{delta ?? t("comparison.deltaNone")}</td>
                    <td className={styles.remarks}>
                      {(scale.previousRemark || scale.currentRemark) && (
                        <>
                          <p>
                            {t("comparison.previousText")}: {scale.previousRemark || t("comparison.empty")}
                          </p>
                          <p>
                            {t("comparison.currentText")}: {scale.currentRemark || t("comparison.empty")}
                          </p>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {comparison.changes.length === 0 ? (
            <p>{t("comparison.noTextChanges")}</p>
          ) : (
            <table className={styles.table}>
              <caption>{t("comparison.textTable", { area: areaName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("comparison.field")}</th>
                  <th scope="col">{t("comparison.previousText")}</th>
                  <th scope="col">{t("comparison.currentText")}</th>
                </tr>
              </thead>
              <tbody>
                {comparison.changes.map((change) => (
                  <tr key={`${change.field}-${change.question ?? ""}`}>
                    <th scope="row">{textLabel(change)}</th>
                    <td>{textValue(change, change.previous)}</td>
                    <td>{textValue(change, change.current)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
