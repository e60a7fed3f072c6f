import { IntakeFile } from "@/components/cases/intake-file";
import { loadCaseOverview } from "@/components/cases/load-case";

export default async function Page({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const overview = await loadCaseOverview(caseId);
  return <IntakeFile caseId={caseId} status={overview.status} abilities={overview.abilities} />;
}
