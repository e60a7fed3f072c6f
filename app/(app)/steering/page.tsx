import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { actorMay, requirePageAccess } from "@/components/shell/current-actor";
import { SteeringOverview } from "@/components/steering/steering-overview";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("decisions");
  return { title: t("title") };
}

/** Proposals of the working groups and the coordination's Vorlagen for the Lenkungsgruppe. */
export default async function SteeringPage() {
  await requirePageAccess("decisions.view");
  const t = await getTranslations("decisions");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <SteeringOverview mayDraft={await actorMay("proposals.draft")} mayManage={await actorMay("vorlagen.manage")} />
    </>
  );
}
