import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requirePageAccess } from "@/components/shell/current-actor";
import { getShownCountText } from "@/components/aggregates/get-shown-count-text";
import { RichTextView } from "@/components/themes/rich-text-view";
import {
  MergeIntoThemeForm,
  SplitThemeForm,
  ThemeTransitionForm,
  ThemeUrgencyForm,
  UndoMergeButton,
} from "@/components/themes/theme-manage";
import { getServerCaller } from "@/components/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("themes");
  return { title: t("title") };
}

/**
 * One generative theme: the wording agreed in the conference, where it comes from, what became of
 * it (agenda items, Vorlagen, decisions, measures), and, for the coordination, its curation.
 */
export default async function ThemePage({ params }: { params: Promise<{ themeId: string }> }) {
  await requirePageAccess("themes.view");
  const { themeId } = await params;
  const t = await getTranslations("themes");
  const format = await getFormatter();
  const caller = await getServerCaller();
  // Unknown, foreign and malformed ids all look the same: a 404.
  const load = async () => Promise.all([caller.themes.get({ themeId }), caller.themes.trace({ themeId })]);
  const [theme, trace] = await load().catch((error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  });
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium" });
  const day = (value: string) => format.dateTime(new Date(`${value}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const count = await getShownCountText();
  const candidates =
    theme.abilities.manage && !theme.mergedInto
      ? (await caller.themes.list()).filter((x) => x.id !== theme.id).map(({ id, title }) => ({ id, title }))
      : [];
  return (
    <>
      <p>
        <Link href="/themes">{t("back")}</Link>
      </p>
      <h1>{theme.title}</h1>
      <p>
        <span className="status-badge">{t(`statuses.${theme.status}`)}</span> · {t("columns.urgency")}: {t(`urgencies.${theme.urgency}`)}
      </p>
      {theme.mergedInto && (
        <p role="note">
          <Link href={`/themes/${theme.mergedInto.id}`}>{t("mergedInto", { title: theme.mergedInto.title })}</Link>
        </p>
      )}

      <section aria-labelledby="theme-wording">
        <h2 id="theme-wording">{t("wording")}</h2>
        <p className="muted">{t("version", { version: theme.version })}</p>
        <RichTextView doc={theme.description} />
      </section>

      <section aria-labelledby="theme-facts">
        <h2 id="theme-facts">{t("facts")}</h2>
        <dl>
          <dt>{t("caseCount")}</dt>
          <dd>{count(theme.caseCount)}</dd>
          <dt>{t("kommuneCount")}</dt>
          <dd>{theme.kommuneCount}</dd>
          <dt>{t("columns.age")}</dt>
          <dd>{t("age", { days: theme.ageDays })}</dd>
          <dt>{t("columns.trend")}</dt>
          <dd>
            {t("trend.detail", {
              direction: t(`trend.${theme.trend.direction}`),
              recent: count(theme.trend.recentSources),
              previous: count(theme.trend.previousSources),
            })}
          </dd>
        </dl>
      </section>

      {theme.merges.length > 0 && (
        <section aria-labelledby="theme-merged">
          <h2 id="theme-merged">{t("mergedThemes")}</h2>
          <ul>
            {theme.merges.map((merge) => (
              <li key={merge.mergeId}>
                <Link href={`/themes/${merge.themeId}`}>{merge.title}</Link> ({date(merge.createdAt)}){merge.note && <> – {merge.note}</>}{" "}
                {theme.abilities.manage && <UndoMergeButton mergeId={merge.mergeId} title={merge.title} />}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="theme-trace">
        <h2 id="theme-trace">{t("trace.title")}</h2>
        <p>{t("trace.intro")}</p>
        <h3>{t("trace.cases")}</h3>
        <p>{count(trace.caseCount)}</p>
        <h3>{t("trace.conferences")}</h3>
        {trace.conferences.length === 0 ? (
          <p className="muted">{t("trace.nothing")}</p>
        ) : (
          <ul>
            {trace.conferences.map((c) => (
              <li key={c.id}>
                {c.title}, {date(c.date)}
              </li>
            ))}
          </ul>
        )}
        <h3>{t("trace.agenda")}</h3>
        {trace.agendaItems.length === 0 ? (
          <p className="muted">{t("trace.nothing")}</p>
        ) : (
          <ul>
            {trace.agendaItems.map((item) => (
              <li key={item.id}>
                {t("trace.agendaItem", {
                  session: item.sessionTitle,
                  body: item.bodyName,
                  date: date(item.sessionDate),
                  title: item.title,
                })}
              </li>
            ))}
          </ul>
        )}
        <h3>{t("trace.vorlagen")}</h3>
        {trace.vorlagen.length === 0 ? (
          <p className="muted">{t("trace.nothing")}</p>
        ) : (
          <ul>
            {trace.vorlagen.map((v) => (
              <li key={v.id}>
                {t("trace.vorlage", { title: v.title, status: t(`trace.vorlageStatuses.${v.status}`) })}
                {v.versions.length > 0 && (
                  <> ({t("trace.versions", { count: v.versions.length, date: date(v.versions[v.versions.length - 1]!.createdAt) })})</>
                )}
              </li>
            ))}
          </ul>
        )}
        <h3>{t("trace.decisions")}</h3>
        {trace.decisions.length === 0 ? (
          <p className="muted">{t("trace.nothing")}</p>
        ) : (
          <ul>
            {trace.decisions.map((d) => (
              <li key={d.id}>
                <strong>{t("trace.decision", { body: d.bodyName, date: date(d.sessionDate), outcome: t(`outcomes.${d.outcome}`) })}</strong>
                <br />
                {d.text}
                {d.votesFor !== null && (
                  <>
                    <br />
                    {t("trace.votes", { for: d.votesFor, against: d.votesAgainst ?? 0, abstain: d.votesAbstain ?? 0 })}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        <h3>{t("trace.assignments")}</h3>
        {trace.assignments.length === 0 ? (
          <p className="muted">{t("trace.nothing")}</p>
        ) : (
          <ul>
            {trace.assignments.map((a) => (
              <li key={a.id}>
                {t("trace.assignment", { body: a.bodyName, task: a.task, due: day(a.dueDate) })}{" "}
                <span className="status-badge">{t(`followUpStatuses.${a.status}`)}</span>
                {a.isOverdue && <strong> {t("trace.overdue")}</strong>}
              </li>
            ))}
          </ul>
        )}
        <h3>{t("trace.recommendations")}</h3>
        {trace.recommendations.length === 0 ? (
          <p className="muted">{t("trace.nothing")}</p>
        ) : (
          <ul>
            {trace.recommendations.map((r) => (
              <li key={r.id}>
                {t("trace.recommendation", {
                  addressee: r.addressee,
                  organisation: r.organisationName ? ` (${r.organisationName})` : "",
                  text: r.text,
                  due: day(r.dueDate),
                })}{" "}
                <span className="status-badge">{t(`followUpStatuses.${r.status}`)}</span>
                {r.isOverdue && <strong> {t("trace.overdue")}</strong>}
              </li>
            ))}
          </ul>
        )}
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
                  ({typeof origin.cards === "number" ? t("cards", { cards: origin.cards }) : count(origin.cards)})
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
                    ? t("origin", {
                        kind: t(`sourceKinds.${source.kind}`),
                        title: source.conferenceTitle,
                        date: date(source.conferenceDate),
                      })
                    : t("originWithoutConference", { kind: t(`sourceKinds.${source.kind}`) })}
                </strong>
                {source.kommuneName && <> · {source.kommuneName}</>}
                {source.fromCase && <> · {t("fromCase")}</>}
                <br />
                {source.excerpt === null ? (
                  <span className="muted">{t("withheld")}</span>
                ) : (
                  source.excerpt || <span className="muted">{t("noExcerpt")}</span>
                )}
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

      {theme.abilities.manage && !theme.mergedInto && (
        <section aria-labelledby="theme-manage" className="card">
          <h2 id="theme-manage">{t("manage.title")}</h2>
          <ThemeTransitionForm themeId={theme.id} transitions={theme.abilities.transitions} />
          <ThemeUrgencyForm themeId={theme.id} urgency={theme.urgency} />
          {candidates.length > 0 && <MergeIntoThemeForm themeId={theme.id} candidates={candidates} />}
          {theme.sources && theme.sources.length > 1 && (
            <SplitThemeForm
              themeId={theme.id}
              sources={theme.sources.map((source, index) => ({
                id: source.id,
                label: `${index + 1}. ${source.conferenceTitle ?? t(`sourceKinds.${source.kind}`)}${source.kommuneName ? ` · ${source.kommuneName}` : ""}${source.excerpt ? ` – ${source.excerpt}` : ""}`,
              }))}
            />
          )}
        </section>
      )}
    </>
  );
}
