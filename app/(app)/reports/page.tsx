import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { WaitingList } from "@/components/cases/waiting-list";
import { CoordinationDashboard } from "@/components/reports/coordination-dashboard";
import { MonthlyReportView } from "@/components/reports/monthly-report-view";
import { ReportStatus } from "@/components/reports/report-status";
import { actorMay, requirePageAccess } from "@/components/shell/current-actor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reports");
  return { title: t("title") };
}

export default async function ReportsPage() {
  await requirePageAccess("reports.view");
  const t = await getTranslations("reports");
  const coordinates = await actorMay("cases.coordinate");
  const works = await actorMay("cases.work");
  return (
    <>
      <h1>{t("title")}</h1>
      {works && <MonthlyReportView canSubmit />}
      {coordinates && (
        <>
          <CoordinationDashboard />
          <ReportStatus />
          <WaitingList />
        </>
      )}
    </>
  );
}
