import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConferenceList } from "@/components/conferences/conference-list";
import { PlanConferenceForm } from "@/components/conferences/plan-conference-form";
import { AccessDenied } from "@/components/shell/access-denied";
import { actorMay } from "@/components/shell/current-actor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("conferences");
  return { title: t("title") };
}

export default async function ConferencesPage() {
  if (!(await actorMay("conferences.view"))) return <AccessDenied />;
  const t = await getTranslations("conferences");
  return (
    <>
      <h1>{t("title")}</h1>
      <ConferenceList />
      {(await actorMay("conferences.plan")) && <PlanConferenceForm />}
    </>
  );
}
