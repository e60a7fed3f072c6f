import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BodiesAdmin } from "@/components/admin/bodies-admin";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("bodies") };
}

export default function Page() {
  return <BodiesAdmin />;
}
