"use client";

import { useFormatter, useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import type { AreaComparison } from "@/server/cases/assessments";
import { scaleRatings } from "@/server/schemas/assessments";
import styles from "./assessment.module.css";
import { formatDay } from "./case-list";

// Dark colours (contrast at least 6:1 on white, for lines and legend text) plus a dash pattern each,
// so the series differ without relying on colour.
const seriesStyles = [
  { stroke: "#0b4f7c", dash: undefined },
  { stroke: "#a4001d", dash: "8 4" },
  { stroke: "#1c6b35", dash: "2 4" },
  { stroke: "#5b2a86", dash: "12 4 3 4" },
] as const;
const textColour = "#1b1f24";
const gridColour = "#c5ccd4";

/** The ratings of one life area over time: a line chart and, as its text alternative, the same numbers as a table. */
export function AssessmentChart({ area }: { area: AreaComparison }) {
  const t = useTranslations("assessments");
  const tCases = useTranslations("cases");
  const format = useFormatter();
  const areaName = tCases(`lifeAreas.${area.lifeArea}`);
  const label = (item: string) => t(`scaleItemsShort.${area.lifeArea}.${item}`);
  const data = area.series.map((point) => ({ day: formatDay(format, point.assessedOn), ...point.ratings }));
  const first = area.series[0];
  const last = area.series.at(-1);
  if (!first || !last) return null;
  const tableId = `assessment-values-${area.lifeArea}`;
  const rating = (value: number | null) => (value === null ? t("comparison.notRated") : String(value));

  return (
    <>
      <div className={styles.chartFigure}>
        <div
          role="img"
          className={styles.chart}
          aria-label={t("comparison.chartLabel", {
            area: areaName,
            count: area.series.length,
            from: formatDay(format, first.assessedOn),
            to: formatDay(format, last.assessedOn),
          })}
        >
          <ResponsiveContainer width="100%" height={300} initialDimension={{ width: 640, height: 300 }}>
            {/* The chart is a picture here: its keyboard layer would be a focusable element inside role="img". */}
            <LineChart data={data} margin={{ top: 16, right: 24, bottom: 8, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid stroke={gridColour} strokeDasharray="3 3" />
              <XAxis dataKey="day" tick={{ fill: textColour }} stroke={textColour} padding={{ left: 24, right: 24 }} />
              <YAxis
                domain={[1, 10]}
                ticks={[...scaleRatings]}
                interval={0}
                allowDecimals={false}
                tick={{ fill: textColour }}
                stroke={textColour}
                width={36}
              />
              <Legend wrapperStyle={{ color: textColour }} />
              {area.scaleItems.map((item, index) => {
                const style = seriesStyles[index % seriesStyles.length]!;
                return (
                  <Line
                    key={item}
                    type="linear"
                    dataKey={item}
                    name={label(item)}
                    stroke={style.stroke}
                    strokeWidth={2}
                    strokeDasharray={style.dash}
                    dot={{ r: 4, fill: style.stroke }}
                    connectNulls
                    isAnimationActive={false}
                  />
                );
              })}
            </LineChart>
          </ResponsiveContainer>
        </div>
      </div>
      <table id={tableId} className={styles.table}>
        <caption>{t("comparison.dataTable", { area: areaName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("comparison.date")}</th>
            <th scope="col">{t("comparison.kind")}</th>
            {area.scaleItems.map((item) => (
              <th key={item} scope="col" className={styles.numeric}>
                {label(item)}
              </th>
            ))}
            <th scope="col" className={styles.numeric}>
              {t("comparison.average")}
            </th>
          </tr>
        </thead>
        <tbody>
          {area.series.map((point) => (
            <tr key={point.assessmentId}>
              <th scope="row">{formatDay(format, point.assessedOn)}</th>
              <td>{point.isReassessment ? t("kinds.reassessment") : t("kinds.first")}</td>
              {area.scaleItems.map((item) => (
                <td key={item} className={styles.numeric}>
                  {rating(point.ratings[item] ?? null)}
                </td>
              ))}
              <td className={styles.numeric}>
                {point.average === null ? t("comparison.notRated") : format.number(point.average, { maximumFractionDigits: 1 })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
