import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CaseList } from "@/components/cases/case-list";
import { CaseReminders } from "@/components/cases/case-reminders";
import { DuplicateAttempts } from "@/components/cases/duplicate-attempts";
import { Caseload } from "@/components/cases/caseload";
import { ScreeningInvitations } from "@/components/cases/screening-invitations";
import { actorMay, requirePageAccess } from "@/components/shell/current-actor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cases");
  return { title: t("title") };
}

export default async function CasesPage() {
  await requirePageAccess("cases.view");
  const t = await getTranslations("cases");
  const works = await actorMay("cases.work");
  const coordinates = await actorMay("cases.coordinate");
  return (
    <>
      <h1>{coordinates && !works ? t("allCases") : t("myCases")}</h1>
      {works && (
        <p>
          <Link href="/cases/new" className="button-primary link-button">
            {t("newCase")}
          </Link>
        </p>
      )}
      {works && <CaseReminders />}
      {works && <ScreeningInvitations />}
      <CaseList />
      <Caseload />
      {coordinates && <DuplicateAttempts />}
    </>
  );
}
