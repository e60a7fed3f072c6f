import { getTranslations } from "next-intl/server";
import { formatShownCount, type ShownCount } from "@/server/aggregates/shown-count";

/** `useShownCountText` for async server components. */
export async function getShownCountText(): Promise<(value: ShownCount) => string> {
  const t = await getTranslations("counts");
  return (value) => formatShownCount(value, (k) => t("fewerThan", { k }));
}
