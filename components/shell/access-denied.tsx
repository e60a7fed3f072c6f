import { getTranslations } from "next-intl/server";

export async function AccessDenied() {
  const t = await getTranslations("forbidden");
  return (
    <section aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">{t("title")}</h1>
      <p>{t("text")}</p>
    </section>
  );
}
