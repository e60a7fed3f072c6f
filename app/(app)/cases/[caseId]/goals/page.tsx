import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { loadCaseOverview } from "@/components/cases/load-case";
import { PlanWorkspace } from "@/components/cases/plan-workspace";
import { requirePageAccess } from "@/components/shell/current-actor";
import "@/components/cases/plan.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("plans");
  return { title: t("title") };
}

export default async function GoalsPage({ params }: { params: Promise<{ caseId: string }> }) {
  await requirePageAccess("cases.work");
  const { caseId } = await params;
  const overview = await loadCaseOverview(caseId);
  // Goals and plans are case content: for anyone but the responsible case manager the page does not exist.
  if (!overview.abilities.readContent) notFound();
  const t = await getTranslations("plans");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <p>
        <Link href={`/cases/${caseId}/goals/print`}>{t("printLink")}</Link>
      </p>
      <PlanWorkspace caseId={caseId} />
    </>
  );
}
