import type { CaseAbilities } from "@/server/cases/policy";
import type { CaseStatus } from "@/server/schemas/case-kinds";

export interface CaseSectionProps {
  caseId: string;
  status: CaseStatus;
  abilities: CaseAbilities;
}
