import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AssessmentWorkspace } from "@/components/cases/assessment-workspace";
import { loadCaseOverview } from "@/components/cases/load-case";
import { requirePageAccess } from "@/components/shell/current-actor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("assessments");
  return { title: t("title") };
}

export default async function AssessmentPage({ params }: { params: Promise<{ caseId: string }> }) {
  await requirePageAccess("cases.work");
  const { caseId } = await params;
  const overview = await loadCaseOverview(caseId);
  // Content is for the responsible case manager only; to anyone else the page does not exist.
  if (!overview.abilities.readContent) notFound();
  const t = await getTranslations("assessments");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <AssessmentWorkspace caseId={caseId} canWrite={overview.abilities.write} />
    </>
  );
}
