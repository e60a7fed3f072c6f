import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageAccess } from "@/components/shell/current-actor";
import { getShownCountText } from "@/components/aggregates/get-shown-count-text";
import styles from "@/components/themes/themes.module.css";
import { getServerCaller } from "@/components/trpc/server";
import { themeStatuses } from "@/server/schemas/theme-kinds";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("themes");
  return { title: t("board.title") };
}

/**
 * Every theme of the tenant by where it stands on the steering path: one column per status, each a
 * headed list of links, so it reads in order with a keyboard or a screen reader; no dragging.
 */
export default async function ThemeBoardPage() {
  await requirePageAccess("themes.view");
  const t = await getTranslations("themes");
  const themes = await (await getServerCaller()).themes.list();
  const count = await getShownCountText();
  return (
    <>
      <p>
        <Link href="/themes">{t("back")}</Link>
      </p>
      <h1>{t("board.title")}</h1>
      <p>{t("board.intro")}</p>
      <div className={styles.board}>
        {themeStatuses.map((status) => {
          const inColumn = themes.filter((theme) => theme.status === status);
          return (
            <section key={status} aria-labelledby={`board-${status}`} className={styles.column}>
              <h2 id={`board-${status}`}>
                {t(`statuses.${status}`)} ({inColumn.length})
              </h2>
              {inColumn.length === 0 ? (
                <p className="muted">{t("board.empty")}</p>
              ) : (
                <ul>
                  {inColumn.map((theme) => (
                    <li key={theme.id} className={styles.card}>
                      <Link href={`/themes/${theme.id}`}>{theme.title}</Link>
                      <br />
                      <span>{t("board.cases", { count: count(theme.caseCount) })}</span>
                      {" · "}
                      <span>{t("board.urgency", { urgency: t(`urgencies.${theme.urgency}`) })}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}
