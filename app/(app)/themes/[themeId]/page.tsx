import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AccessDenied } from "@/components/shell/access-denied";
import { actorMay } from "@/components/shell/current-actor";
import { RichTextView } from "@/components/themes/rich-text-view";
import { getServerCaller } from "@/components/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("themes");
  return { title: t("title") };
}

/** One generative theme: the wording agreed in the conference, its steps so far and where it comes from. */
export default async function ThemePage({ params }: { params: Promise<{ themeId: string }> }) {
  if (!(await actorMay("themes.view"))) return <AccessDenied />;
  const { themeId } = await params;
  const t = await getTranslations("themes");
  const format = await getFormatter();
  // Unknown, foreign and malformed ids all look the same: a 404.
  const theme = await (await getServerCaller()).themes.get({ themeId }).catch((error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  });
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium" });
  return (
    <>
      <p>
        <Link href="/themes">{t("back")}</Link>
      </p>
      <h1>{theme.title}</h1>
      <p>
        <span className="status-badge">{t(`statuses.${theme.status}`)}</span>
      </p>

      <section aria-labelledby="theme-wording">
        <h2 id="theme-wording">{t("wording")}</h2>
        <p className="muted">{t("version", { version: theme.version })}</p>
        <RichTextView doc={theme.description} />
      </section>

      <section aria-labelledby="theme-facts">
        <h2 id="theme-facts">{t("facts")}</h2>
        <dl>
          <dt>{t("caseCount")}</dt>
          <dd>{theme.caseCount}</dd>
          <dt>{t("kommuneCount")}</dt>
          <dd>{theme.kommuneCount}</dd>
        </dl>
      </section>

      <section aria-labelledby="theme-provenance">
        <h2 id="theme-provenance">{t("provenance")}</h2>
        {theme.sources === null ? (
          <>
            <p>{t("aggregateOnly")}</p>
            <ul>
              {theme.origins.map((origin, index) => (
                <li key={index}>
                  {origin.title && origin.date
                    ? t("origin", { kind: t(`sourceKinds.${origin.kind}`), title: origin.title, date: date(origin.date) })
                    : t("originWithoutConference", { kind: t(`sourceKinds.${origin.kind}`) })}{" "}
                  ({t("cards", { cards: origin.cards })})
                </li>
              ))}
            </ul>
          </>
        ) : (
          <ul>
            {theme.sources.map((source) => (
              <li key={source.id}>
                <strong>
                  {source.conferenceTitle && source.conferenceDate
                    ? t("origin", { kind: t(`sourceKinds.${source.kind}`), title: source.conferenceTitle, date: date(source.conferenceDate) })
                    : t("originWithoutConference", { kind: t(`sourceKinds.${source.kind}`) })}
                </strong>
                {source.kommuneName && <> · {source.kommuneName}</>}
                {source.fromCase && <> · {t("fromCase")}</>}
                <br />
                {source.excerpt === null ? <span className="muted">{t("withheld")}</span> : source.excerpt || <span className="muted">{t("noExcerpt")}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="theme-steps">
        <h2 id="theme-steps">{t("steps")}</h2>
        <ol>
          {theme.steps.map((step, index) => (
            <li key={index}>
              {t("step", { date: date(step.createdAt), status: t(`statuses.${step.toStatus}`), name: step.actorName })}
              {step.note && <> – {step.note}</>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
