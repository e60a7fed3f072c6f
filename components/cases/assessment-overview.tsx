"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { AreaComparison } from "@/server/cases/assessments";
import type { LifeArea } from "@/server/schemas/case-kinds";
import { areaSectionId } from "./assessment-comparison";
import styles from "./assessment.module.css";
import { formatDay } from "./case-list";

interface AssessmentOverviewProps {
  areas: AreaComparison[];
  /** Absent when the case can no longer be changed. */
  onRecord?: (lifeArea: LifeArea) => void;
}

/** The eight life areas at a glance: latest assessment, its kind and the mean of its ratings. */
export function AssessmentOverview({ areas, onRecord }: AssessmentOverviewProps) {
  const t = useTranslations("assessments");
  const tCases = useTranslations("cases");
  const format = useFormatter();
  return (
    <section aria-labelledby="assessment-overview-title" className={styles.section}>
      <h2 id="assessment-overview-title">{t("overview.title")}</h2>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{t("overview.lifeArea")}</th>
            <th scope="col">{t("overview.latest")}</th>
            <th scope="col">{t("overview.kind")}</th>
            <th scope="col" className={styles.numeric}>
              {t("overview.count")}
            </th>
            <th scope="col" className={styles.numeric}>
              {t("overview.average")}
            </th>
            <th scope="col">{t("overview.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {areas.map((area) => {
            const latest = area.series.at(-1);
            const areaName = tCases(`lifeAreas.${area.lifeArea}`);
            return (
              <tr key={area.lifeArea}>
                <th scope="row">{areaName}</th>
                <td>{latest ? formatDay(format, latest.assessedOn) : t("overview.notYet")}</td>
                <td>{latest ? (latest.isReassessment ? t("kinds.reassessment") : t("kinds.first")) : t("comparison.notRated")}</td>
                <td className={styles.numeric}>{area.series.length}</td>
                <td className={styles.numeric}>
                  {latest?.average != null
                    ? t("overview.averageValue", { value: format.number(latest.average, { maximumFractionDigits: 1 }) })
                    : t("comparison.notRated")}
                </td>
                <td>
                  <div className="row-actions">
                    {onRecord && (
                      <button type="button" className="button-link" onClick={() => onRecord(area.lifeArea)}>
                        {t("overview.record")}
                        <span className="visually-hidden"> {areaName}</span>
                      </button>
                    )}
                    {latest && (
                      <a href={`#${areaSectionId(area.lifeArea)}`}>
                        {t("overview.history")}
                        <span className="visually-hidden"> {areaName}</span>
                      </a>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
