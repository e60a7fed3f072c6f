import { IdentitySheet } from "@/components/cases/identity-sheet";
import { loadCaseOverview } from "@/components/cases/load-case";

export default async function Page({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const overview = await loadCaseOverview(caseId);
  return <IdentitySheet caseId={caseId} status={overview.status} abilities={overview.abilities} />;
}
