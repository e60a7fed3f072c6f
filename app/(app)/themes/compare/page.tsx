import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageAccess } from "@/components/shell/current-actor";
import { CompareTable } from "@/components/themes/compare-table";
import { getServerCaller } from "@/components/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("themes");
  return { title: t("compare.title") };
}

/** Which themes recur in how many cases in which Kommune: the coordination's comparison. */
export default async function CompareThemesPage() {
  await requirePageAccess("themes.view");
  const t = await getTranslations("themes");
  const data = await (await getServerCaller()).themes.compare();
  return (
    <>
      <p>
        <Link href="/themes">{t("back")}</Link>
      </p>
      <h1>{t("compare.title")}</h1>
      <p>{t("compare.intro")}</p>
      {data.rows.length === 0 ? <p>{t("compare.empty")}</p> : <CompareTable data={data} />}
    </>
  );
}
