import { MonitoringFile } from "@/components/cases/monitoring-file";
import { loadCaseOverview } from "@/components/cases/load-case";

export default async function Page({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const overview = await loadCaseOverview(caseId);
  return <MonitoringFile caseId={caseId} status={overview.status} abilities={overview.abilities} />;
}
