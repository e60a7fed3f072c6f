import { SummaryEditor } from "@/components/cases/summary-editor";
import { loadCaseOverview } from "@/components/cases/load-case";

export default async function Page({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const overview = await loadCaseOverview(caseId);
  return <SummaryEditor caseId={caseId} status={overview.status} abilities={overview.abilities} />;
}
