import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OfferDirectory } from "@/components/offers/offer-directory";
import { actorMay, requirePageAccess } from "@/components/shell/current-actor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("offers");
  return { title: t("title") };
}

export default async function OffersPage() {
  await requirePageAccess("offers.read");
  const t = await getTranslations("offers");
  const [mayManage, mayReadGaps] = await Promise.all([actorMay("offers.manage"), actorMay("gaps.read")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <OfferDirectory mayManage={mayManage} mayReadCoverage={mayReadGaps} />
    </>
  );
}
