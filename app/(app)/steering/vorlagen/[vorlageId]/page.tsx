import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageAccess } from "@/components/shell/current-actor";
import { VorlageView } from "@/components/steering/vorlage-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("decisions");
  return { title: t("title") };
}

/** One Vorlage with its versions, the changes between them and its evidence pack. */
export default async function VorlagePage({ params }: { params: Promise<{ vorlageId: string }> }) {
  await requirePageAccess("decisions.view");
  const { vorlageId } = await params;
  const t = await getTranslations("decisions.vorlage");
  return (
    <>
      <p>
        <Link href="/steering">{t("back")}</Link>
      </p>
      <VorlageView vorlageId={vorlageId} />
    </>
  );
}
