import { useTranslations } from "next-intl";
import { formatShownCount, type ShownCount } from "@/server/aggregates/shown-count";

/** The count as text for a sentence: the number, or "weniger als k" where it is withheld (A10). */
export function useShownCountText(): (value: ShownCount) => string {
  const t = useTranslations("counts");
  return (value) => formatShownCount(value, { fewerThan: (k) => t("fewerThan", { k }), withheld: t("withheld") });
}

/** A count where it stands on its own, in a cell or a description list. */
export function ShownCountText({ value }: { value: ShownCount }) {
  return <>{useShownCountText()(value)}</>;
}
