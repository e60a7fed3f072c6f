import { ClosureForm } from "@/components/cases/closure-form";
import { loadCaseOverview } from "@/components/cases/load-case";

export default async function Page({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const overview = await loadCaseOverview(caseId);
  return <ClosureForm caseId={caseId} status={overview.status} abilities={overview.abilities} />;
}
