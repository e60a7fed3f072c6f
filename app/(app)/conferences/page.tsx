import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConferenceList } from "@/components/conferences/conference-list";
import Link from "next/link";
import { PlanConferenceForm } from "@/components/conferences/plan-conference-form";
import { ReconstructionPlanning } from "@/components/conferences/reconstruction-planning";
import { actorMay, requirePageAccess } from "@/components/shell/current-actor";
import { todayInBerlin, yearOf } from "@/server/schemas/calendar-days";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("conferences");
  return { title: t("title") };
}

export default async function ConferencesPage() {
  await requirePageAccess("conferences.view");
  const t = await getTranslations("conferences");
  return (
    <>
      <h1>{t("title")}</h1>
      <ConferenceList />
      {(await actorMay("conferences.plan")) && <PlanConferenceForm />}
      {(await actorMay("conferences.templates")) && (
        <>
          <ReconstructionPlanning year={yearOf(todayInBerlin())} />
          <p>
            <Link href="/conferences/templates">{t("templates.title")}</Link>
          </p>
        </>
      )}
    </>
  );
}
