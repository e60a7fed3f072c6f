import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TenantSettings } from "@/components/admin/tenant-settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("settings") };
}

export default function Page() {
  return <TenantSettings />;
}
