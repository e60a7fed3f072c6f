"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useShownCountText } from "@/components/aggregates/shown-count";
import type { ShownEvidencePack } from "@/server/steering/evidence";

/** The registry's evidence frozen with a Vorlage version; small counts arrive already coarsened. */
export function EvidencePack({ evidence, headingLevel = 2 }: { evidence: ShownEvidencePack; headingLevel?: 2 | 3 }) {
  const t = useTranslations("decisions.evidence");
  const tThemes = useTranslations("themes");
  const tConferences = useTranslations("conferences");
  const format = useFormatter();
  const count = useShownCountText();
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium" });
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  return (
    <section aria-labelledby="evidence-heading">
      <Heading id="evidence-heading">{t("heading")}</Heading>
      <p className="muted">
        {t("generated", { date: format.dateTime(new Date(evidence.generatedAt), { dateStyle: "medium", timeStyle: "short" }) })}
      </p>
      <dl>
        <dt>{t("caseCount")}</dt>
        <dd>{count(evidence.caseCount)}</dd>
        <dt>{t("kommuneCount")}</dt>
        <dd>{count(evidence.kommuneCount)}</dd>
        <dt>{t("sourceCount")}</dt>
        <dd>{count(evidence.sourceCount)}</dd>
      </dl>
      <Sub>{t("conferences")}</Sub>
      {evidence.conferences.length === 0 ? (
        <p>{t("noConferences")}</p>
      ) : (
        <ul>
          {evidence.conferences.map((conference, index) => (
            <li key={index}>
              {t("conferenceLine", {
                title: conference.title,
                type: tConferences(`types.${conference.type}`),
                date: date(conference.date),
                sources: count(conference.sources),
              })}
            </li>
          ))}
        </ul>
      )}
      <Sub>{t("quarters")}</Sub>
      {evidence.quarters.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("quarter")}</th>
              <th scope="col">{t("sources")}</th>
            </tr>
          </thead>
          <tbody>
            {evidence.quarters.map((quarter) => (
              <tr key={quarter.quarter}>
                <td>{quarter.quarter}</td>
                <td>{count(quarter.sources)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Sub>{t("history")}</Sub>
      {evidence.statusHistory.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ol>
          {evidence.statusHistory.map((step, index) => (
            <li key={index}>{t("historyLine", { date: date(step.at), status: tThemes(`statuses.${step.to}`) })}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
