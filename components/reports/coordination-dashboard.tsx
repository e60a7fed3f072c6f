"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "../trpc/client";
import { BarChartFigure } from "./bar-chart-figure";

export function CoordinationDashboard() {
  const t = useTranslations();
  const trpc = useTRPC();
  const dashboard = useQuery(trpc.reports.dashboard.queryOptions());
  if (!dashboard.data)
    return dashboard.error ? (
      <p role="alert" className="form-error">
        {dashboard.error.message}
      </p>
    ) : null;
  const d = dashboard.data;
  return (
    <section aria-labelledby="dashboard-title">
      <h2 id="dashboard-title">{t("reports.dashboard.title")}</h2>
      <dl className="figures card">
        <div>
          <dt>{t("reports.dashboard.averageDuration")}</dt>
          <dd>{d.averageDurationDays === null ? "—" : t("reports.dashboard.days", { days: d.averageDurationDays })}</dd>
        </div>
        <div>
          <dt>{t("reports.dashboard.waitingList")}</dt>
          <dd>{d.waitingList}</dd>
        </div>
        <div>
          <dt>{t("reports.dashboard.gapReports")}</dt>
          <dd>{d.gapReports}</dd>
        </div>
      </dl>
      <div className="chart-grid">
        <BarChartFigure
          id="by-status"
          title={t("reports.dashboard.byStatus")}
          data={d.byStatus.map((r) => ({ label: t(`cases.statuses.${r.status}`), count: r.count }))}
        />
        <BarChartFigure
          id="by-kommune"
          title={t("reports.dashboard.byKommune")}
          data={d.byKommune.map((r) => ({ label: r.kommune ?? t("cases.noKommune"), count: r.count }))}
        />
        <BarChartFigure
          id="by-life-area"
          title={t("reports.dashboard.byLifeArea")}
          data={d.byLifeArea.map((r) => ({ label: t(`cases.lifeAreas.${r.lifeArea as "housing"}`), count: r.count }))}
        />
        <BarChartFigure
          id="by-closing"
          title={t("reports.dashboard.byClosingType")}
          data={d.byClosingType.map((r) => ({ label: t(`cases.closingTypes.${r.closingType}`), count: r.count }))}
        />
      </div>
    </section>
  );
}
