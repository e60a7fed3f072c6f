import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CreateCaseForm } from "@/components/cases/create-case-form";
import { requirePageAccess } from "@/components/shell/current-actor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cases.create");
  return { title: t("title") };
}

export default async function NewCasePage() {
  await requirePageAccess("cases.work");
  const t = await getTranslations("cases.create");
  return (
    <>
      <h1>{t("title")}</h1>
      <CreateCaseForm />
    </>
  );
}
