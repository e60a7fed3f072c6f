import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { requirePageAccess } from "@/components/shell/current-actor";
import { NavLinks } from "@/components/shell/nav-links";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePageAccess("tenancy.manage");
  const t = await getTranslations("admin");
  const tabs = [
    { href: "/admin/users", text: t("users") },
    { href: "/admin/kommunen", text: t("kommunen") },
    { href: "/admin/organisations", text: t("organisations") },
    { href: "/admin/bodies", text: t("bodies") },
    { href: "/admin/settings", text: t("settings") },
  ];
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <NavLinks items={tabs} label={t("tabs")} />
      {children}
    </>
  );
}
