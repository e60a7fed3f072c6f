import type { CaseAbilities } from "@/server/cases/policy";

export type CaseTab = "overview" | "intake" | "identity" | "assessment" | "goals" | "monitoring" | "closure" | "summary";

/** The sections of a case file in the order of the cycle; content tabs only for the responsible CM. */
export function caseTabs(caseId: string, abilities: CaseAbilities): { tab: CaseTab; href: string }[] {
  const base = `/cases/${caseId}`;
  const all: { tab: CaseTab; href: string; needsContent: boolean }[] = [
    { tab: "overview", href: base, needsContent: false },
    { tab: "intake", href: `${base}/intake`, needsContent: true },
    { tab: "identity", href: `${base}/identity`, needsContent: true },
    { tab: "assessment", href: `${base}/assessment`, needsContent: true },
    { tab: "goals", href: `${base}/goals`, needsContent: true },
    { tab: "monitoring", href: `${base}/monitoring`, needsContent: true },
    { tab: "closure", href: `${base}/closure`, needsContent: false },
    { tab: "summary", href: `${base}/summary`, needsContent: true },
  ];
  return all.filter((t) => !t.needsContent || abilities.readContent).map(({ tab, href }) => ({ tab, href }));
}
