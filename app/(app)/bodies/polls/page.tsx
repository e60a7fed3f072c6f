import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { CasePolls } from "@/components/bodies/case-polls";
import { actorMay } from "@/components/shell/current-actor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sessions");
  return { title: t("polls.title") };
}

/** "Umfragen": case managers answer open polls; the coordination asks and reads; members see counts. */
export default async function PollsPage() {
  const [canView, canManage, canAnswer] = await Promise.all([
    actorMay("sessions.view"),
    actorMay("polls.manage"),
    actorMay("polls.answer"),
  ]);
  if (!canView && !canAnswer) forbidden();
  const t = await getTranslations("sessions");
  return (
    <>
      <h1>{t("polls.title")}</h1>
      <p>{t("polls.intro")}</p>
      <CasePolls canView={canView} canManage={canManage} canAnswer={canAnswer} />
    </>
  );
}
