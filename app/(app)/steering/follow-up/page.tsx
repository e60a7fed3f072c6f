import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageAccess } from "@/components/shell/current-actor";
import { FollowUpList } from "@/components/steering/follow-up-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("decisions.followUp");
  return { title: t("title") };
}

/** What decisions asked for and how far it has come. */
export default async function FollowUpPage() {
  await requirePageAccess("decisions.view");
  const t = await getTranslations("decisions");
  return (
    <>
      <p>
        <Link href="/steering">{t("vorlage.back")}</Link>
      </p>
      <h1>{t("followUp.title")}</h1>
      <p>{t("followUp.intro")}</p>
      <FollowUpList />
    </>
  );
}
