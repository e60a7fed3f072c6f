import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { KommunenAdmin } from "@/components/admin/kommunen-admin";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("kommunen") };
}

export default function Page() {
  return <KommunenAdmin />;
}
