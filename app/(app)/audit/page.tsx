import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditLog } from "@/components/audit/audit-log";
import { requirePageAccess } from "@/components/shell/current-actor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

export default async function AuditPage() {
  await requirePageAccess("audit.read");
  const t = await getTranslations("audit");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <AuditLog />
    </>
  );
}
