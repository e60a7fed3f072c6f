"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AppRouter } from "@/server/app-router";
import { ShownCountText } from "@/components/aggregates/shown-count";
import type { ShownCount } from "@/server/aggregates/shown-count";
import styles from "./themes.module.css";

type Compare = inferRouterOutputs<AppRouter>["themes"]["compare"];
type SortKey = "title" | "urgency" | "caseCount" | "kommuneCount" | "ageDays" | "trend" | `kommune:${string}`;

const urgencyRank = { low: 0, medium: 1, high: 2 } as const;
const trendRank = { falling: 0, steady: 1, rising: 2 } as const;

/** A count below k sorts just below the smallest shown one; one withheld beside a total below that. */
function sortable(value: ShownCount | undefined): number {
  if (value === undefined) return -1;
  if (typeof value === "number") return value;
  return "withheld" in value ? -0.5 : value.lessThan - 0.5;
}

/** The comparison as a sortable table (the reference) and a small bar chart of the top themes. */
export function CompareTable({ data }: { data: Compare }) {
  const t = useTranslations("themes");
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "caseCount", descending: true });

  const rows = useMemo(() => {
    const value = (row: Compare["rows"][number]): number | string => {
      if (sort.key === "title") return row.title.toLocaleLowerCase("de");
      if (sort.key === "urgency") return urgencyRank[row.urgency];
      if (sort.key === "caseCount") return sortable(row.caseCount);
      if (sort.key === "kommuneCount") return row.kommuneCount;
      if (sort.key === "ageDays") return row.ageDays;
      if (sort.key === "trend") return trendRank[row.trend.direction];
      return sortable(row.perKommune[sort.key.slice("kommune:".length)]);
    };
    return [...data.rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const order = x < y ? -1 : x > y ? 1 : 0;
      return sort.descending ? -order : order;
    });
  }, [data.rows, sort]);

  // Only exact numbers are drawn: a withheld count has no bar.
  const chart = [...data.rows]
    .filter((row) => typeof row.caseCount === "number")
    .sort((a, b) => (b.caseCount as number) - (a.caseCount as number))
    .slice(0, 10)
    .map((row) => ({ title: row.title.length > 40 ? `${row.title.slice(0, 39)}…` : row.title, cases: row.caseCount as number }));

  function header(key: SortKey, label: string) {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}>
        <button
          type="button"
          className={styles.sortButton}
          onClick={() => setSort({ key, descending: active ? !sort.descending : key !== "title" })}
        >
          {label}
          <span className="visually-hidden"> {t("compare.sortBy", { column: label })}</span>
        </button>
      </th>
    );
  }

  return (
    <>
      {chart.length > 0 && (
        <figure aria-labelledby="compare-chart-title" aria-describedby="compare-chart-description">
          <figcaption>
            <strong id="compare-chart-title">{t("compare.chartTitle")}</strong>
            <span id="compare-chart-description" className="visually-hidden">
              {t("compare.chartDescription")}
            </span>
          </figcaption>
          <div className={styles.chart} aria-hidden="true">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={chart} layout="vertical" margin={{ left: 16, right: 16 }} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="title" width={220} />
                <Tooltip />
                <Bar dataKey="cases" name={t("compare.total")} fill="#1d4f91" />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </figure>
      )}
      <table>
        <caption>{t("compare.caption")}</caption>
        <thead>
          <tr>
            {header("title", t("columns.title"))}
            {header("urgency", t("columns.urgency"))}
            {header("caseCount", t("compare.total"))}
            {data.kommunen.map((k) => (
              <th
                key={k.id}
                scope="col"
                aria-sort={sort.key === `kommune:${k.id}` ? (sort.descending ? "descending" : "ascending") : "none"}
              >
                <button
                  type="button"
                  className={styles.sortButton}
                  onClick={() => setSort({ key: `kommune:${k.id}`, descending: sort.key === `kommune:${k.id}` ? !sort.descending : true })}
                >
                  {k.name}
                  <span className="visually-hidden"> {t("compare.sortBy", { column: k.name })}</span>
                </button>
              </th>
            ))}
            {header("kommuneCount", t("columns.kommunen"))}
            {header("ageDays", t("columns.age"))}
            {header("trend", t("columns.trend"))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <Link href={`/themes/${row.id}`}>{row.title}</Link>
              </th>
              <td>{t(`urgencies.${row.urgency}`)}</td>
              <td>
                <ShownCountText value={row.caseCount} />
              </td>
              {data.kommunen.map((k) => (
                <td key={k.id}>
                  {row.perKommune[k.id] === undefined ? t("compare.none") : <ShownCountText value={row.perKommune[k.id]!} />}
                </td>
              ))}
              <td>{row.kommuneCount}</td>
              <td>{t("age", { days: row.ageDays })}</td>
              <td>{t(`trend.${row.trend.direction}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
