import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { actorMay, requireActor, requirePageAccess } from "@/components/shell/current-actor";
import { getShownCountText } from "@/components/aggregates/get-shown-count-text";
import { DuplicateSuggestions } from "@/components/themes/duplicate-suggestions";
import styles from "@/components/themes/themes.module.css";
import { getServerCaller } from "@/components/trpc/server";
import { todayInBerlin, yearOf } from "@/server/schemas/calendar-days";
import { lifeAreas } from "@/server/schemas/case-kinds";
import { themeUrgencies } from "@/server/schemas/steering-kinds";
import { themeStatuses } from "@/server/schemas/theme-kinds";
import { listThemesSchema } from "@/server/schemas/themes";
import { seesSourcesOfThemes } from "@/server/themes/aggregates";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("themes");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The theme registry: every visible generative theme with its status, reach, age, trend and origin, filterable. */
export default async function ThemesPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageAccess("themes.view");
  const t = await getTranslations("themes");
  const tCases = await getTranslations("cases");
  const format = await getFormatter();
  const raw = await searchParams;
  const one = (key: string) => (typeof raw[key] === "string" ? (raw[key] as string) : "");
  const formValues = {
    status: one("status"),
    lifeArea: one("lifeArea"),
    kommuneId: one("kommuneId"),
    urgency: one("urgency"),
    search: one("search"),
  };
  // A hand-edited address with an unknown value simply shows the unfiltered registry.
  const parsed = listThemesSchema.safeParse(formValues);
  const caller = await getServerCaller();
  const themes = await caller.themes.list(parsed.success ? parsed.data : undefined);
  const kommunen = await caller.tenancy.listKommunen();
  const mayManage = await actorMay("themes.manage");
  const count = await getShownCountText();
  const aggregateOnly = !seesSourcesOfThemes(await requireActor());
  const currentYear = yearOf(todayInBerlin());
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>

      <nav aria-label={t("views.label")} className={styles.views}>
        <Link href="/themes/compare">{t("views.compare")}</Link>
        <Link href="/themes/board">{t("views.board")}</Link>
        <form method="get" action="/api/themes/annual-report" className={styles.views}>
          <div className="field">
            <label htmlFor="annual-year">{t("annualForm.year")}</label>
            <select id="annual-year" name="year" defaultValue={String(currentYear)}>
              {[0, 1, 2, 3].map((back) => (
                <option key={back} value={currentYear - back}>
                  {currentYear - back}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t("annualForm.download")}</button>
        </form>
      </nav>

      <form method="get" action="/themes" aria-labelledby="theme-filters">
        <fieldset>
          <legend id="theme-filters">{t("filters.legend")}</legend>
          <div className="filters">
            <div className="field">
              <label htmlFor="filter-search">{t("filters.search")}</label>
              <input id="filter-search" name="search" type="search" defaultValue={formValues.search} maxLength={200} />
            </div>
            <div className="field">
              <label htmlFor="filter-status">{t("filters.status")}</label>
              <select id="filter-status" name="status" defaultValue={formValues.status}>
                <option value="">{t("filters.all")}</option>
                {themeStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`statuses.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="filter-life-area">{t("filters.lifeArea")}</label>
              <select id="filter-life-area" name="lifeArea" defaultValue={formValues.lifeArea}>
                <option value="">{t("filters.all")}</option>
                {lifeAreas.map((area) => (
                  <option key={area} value={area}>
                    {tCases(`lifeAreas.${area}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="filter-kommune">{t("filters.kommune")}</label>
              <select id="filter-kommune" name="kommuneId" defaultValue={formValues.kommuneId}>
                <option value="">{t("filters.all")}</option>
                {kommunen.map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="filter-urgency">{t("filters.urgency")}</label>
              <select id="filter-urgency" name="urgency" defaultValue={formValues.urgency}>
                <option value="">{t("filters.all")}</option>
                {themeUrgencies.map((u) => (
                  <option key={u} value={u}>
                    {t(`urgencies.${u}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button-primary">
              {t("filters.apply")}
            </button>
            <Link href="/themes">{t("filters.reset")}</Link>
          </div>
        </fieldset>
      </form>

      <p role="status">{t("filters.count", { count: themes.length })}</p>
      {aggregateOnly && <p className="muted">{t("aggregateNote")}</p>}

      {themes.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.title")}</th>
              <th scope="col">{t("columns.status")}</th>
              <th scope="col">{t("columns.urgency")}</th>
              <th scope="col">{t("columns.cases")}</th>
              <th scope="col">{t("columns.kommunen")}</th>
              <th scope="col">{t("columns.age")}</th>
              <th scope="col">{t("columns.trend")}</th>
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
                <td>{t(`urgencies.${theme.urgency}`)}</td>
                <td>{count(theme.caseCount)}</td>
                <td>{theme.kommuneCount}</td>
                <td>{t("age", { days: theme.ageDays })}</td>
                <td>
                  {t("trend.detail", {
                    direction: t(`trend.${theme.trend.direction}`),
                    recent: count(theme.trend.recentSources),
                    previous: count(theme.trend.previousSources),
                  })}
                </td>
                <td>
                  {theme.origins.map((origin, index) => (
                    <div key={index}>
                      {origin.title && origin.date
                        ? t("origin", {
                            kind: t(`sourceKinds.${origin.kind}`),
                            title: origin.title,
                            date: format.dateTime(origin.date, { dateStyle: "medium" }),
                          })
                        : t("originWithoutConference", { kind: t(`sourceKinds.${origin.kind}`) })}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {mayManage && <DuplicateSuggestions />}
    </>
  );
}
