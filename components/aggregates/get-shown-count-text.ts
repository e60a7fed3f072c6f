import { getTranslations } from "next-intl/server";
import { formatShownCount, type ShownCount } from "@/server/aggregates/shown-count";

/** `useShownCountText` for async server components. */
export async function getShownCountText(): Promise<(value: ShownCount) => string> {
  const t = await getTranslations("counts");
  return (value) => formatShownCount(value, { fewerThan: (k) => t("fewerThan", { k }), withheld: t("withheld") });
}
