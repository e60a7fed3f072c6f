import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/shell/access-denied";
import { actorMay } from "@/components/shell/current-actor";
import { getServerCaller } from "@/components/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("themes");
  return { title: t("title") };
}

/** The theme registry: every generative theme with its status, reach and origin. */
export default async function ThemesPage() {
  if (!(await actorMay("themes.view"))) return <AccessDenied />;
  const t = await getTranslations("themes");
  const format = await getFormatter();
  const themes = await (await getServerCaller()).themes.list();
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {themes.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.title")}</th>
              <th scope="col">{t("columns.status")}</th>
              <th scope="col">{t("columns.cases")}</th>
              <th scope="col">{t("columns.kommunen")}</th>
              <th scope="col">{t("columns.origin")}</th>
            </tr>
          </thead>
          <tbody>
            {themes.map((theme) => (
              <tr key={theme.id}>
                <td>
                  <Link href={`/themes/${theme.id}`} aria-label={t("open", { title: theme.title })}>
                    {theme.title}
                  </Link>
                </td>
                <td>
                  <span className="status-badge">{t(`statuses.${theme.status}`)}</span>
                </td>
                <td>{theme.caseCount}</td>
                <td>{theme.kommuneCount}</td>
                <td>
                  {theme.origins.map((origin, index) => (
                    <div key={index}>
                      {origin.title && origin.date
                        ? t("origin", { kind: t(`sourceKinds.${origin.kind}`), title: origin.title, date: format.dateTime(origin.date, { dateStyle: "medium" }) })
                        : t("originWithoutConference", { kind: t(`sourceKinds.${origin.kind}`) })}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
