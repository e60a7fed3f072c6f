"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useFormatter, useTranslations } from "next-intl";
import type { AppRouter } from "@/server/app-router";

export type AgendaCase = inferRouterOutputs<AppRouter>["conferences"]["get"]["cases"][number];
type ReleasedSummary = NonNullable<AgendaCase["summary"]>;

/** The Falldarstellung as released to this viewer: whole, or the life areas their consent covers. */
export function CaseSummary({ caseId, summary, headingLevel }: { caseId: string; summary: ReleasedSummary; headingLevel: 3 | 4 }) {
  const t = useTranslations("conferences");
  const tCases = useTranslations("cases");
  const format = useFormatter();
  const Title = headingLevel === 3 ? "h3" : "h4";
  const Section = headingLevel === 3 ? "h4" : "h5";
  return (
    <>
      <p className="muted">{t("details.summaryOf", { date: format.dateTime(new Date(summary.createdAt), { dateStyle: "medium" }) })}</p>
      <Title>{summary.title}</Title>
      {summary.isPartial && <p className="notice">{t("details.partialSummary")}</p>}
      {summary.body && <p className="summary-text">{summary.body}</p>}
      {summary.sections.map((section) => (
        <section key={section.lifeArea} aria-labelledby={`case-${caseId}-${section.lifeArea}`}>
          <Section id={`case-${caseId}-${section.lifeArea}`}>{tCases(`lifeAreas.${section.lifeArea}`)}</Section>
          <p className="summary-text">{section.text}</p>
        </section>
      ))}
    </>
  );
}
