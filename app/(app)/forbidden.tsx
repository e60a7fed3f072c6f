import { getTranslations } from "next-intl/server";

/** What a page of an area the person may not use shows, under status 403 (`forbidden()`). */
export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <section aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">{t("title")}</h1>
      <p>{t("text")}</p>
    </section>
  );
}
