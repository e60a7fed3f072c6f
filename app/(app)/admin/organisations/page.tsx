import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OrganisationsAdmin } from "@/components/admin/organisations-admin";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("organisations") };
}

export default function Page() {
  return <OrganisationsAdmin />;
}
