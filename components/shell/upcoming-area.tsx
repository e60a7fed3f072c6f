import { getTranslations } from "next-intl/server";
import type { Permission } from "@/server/auth/permissions";
import { AccessDenied } from "./access-denied";
import { actorMay } from "./current-actor";

type Area = "cases" | "conferences" | "themes" | "bodies" | "offers" | "reports";

/** An area whose module has not landed yet: says so plainly, and only to roles that will use it. */
export async function UpcomingArea({ area, permission }: { area: Area; permission: Permission }) {
  if (!(await actorMay(permission))) return <AccessDenied />;
  const t = await getTranslations();
  return (
    <section aria-labelledby="area-title">
      <h1 id="area-title">{t("areas.comingTitle", { area: t(`nav.${area}`) })}</h1>
      <p>{t(`areas.${area}`)}</p>
      <p className="muted">{t("areas.comingText")}</p>
    </section>
  );
}
