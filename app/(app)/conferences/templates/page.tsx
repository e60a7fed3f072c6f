import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PhaseTemplatesEditor } from "@/components/conferences/phase-templates-editor";
import { requirePageAccess } from "@/components/shell/current-actor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("conferences.templates");
  return { title: t("title") };
}

export default async function TemplatesPage() {
  await requirePageAccess("conferences.templates");
  const t = await getTranslations("conferences.templates");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <PhaseTemplatesEditor />
    </>
  );
}
