import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { caseTabs } from "@/components/cases/case-tabs";
import { NavLinks } from "@/components/shell/nav-links";
import { loadCaseOverview } from "@/components/cases/load-case";

export default async function CaseLayout({ children, params }: { children: ReactNode; params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const overview = await loadCaseOverview(caseId);
  const t = await getTranslations("cases");
  const tabs = caseTabs(caseId, overview.abilities).map(({ tab, href }) => ({ href, text: t(`tabs.${tab}`), exact: tab === "overview" }));
  return (
    <>
      <p className="case-header">
        <span className="case-pseudonym">{overview.pseudonym}</span>
        <span className={`status-badge status-${overview.status}`}>{t(`statuses.${overview.status}`)}</span>
      </p>
      <NavLinks items={tabs} label={t("tabs.label")} />
      {children}
    </>
  );
}
