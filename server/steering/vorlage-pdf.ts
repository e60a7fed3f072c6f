import PDFDocument from "pdfkit";
import { translate } from "../i18n/translate";
import { formatShownCount, type ShownCount } from "../aggregates/shown-count";
import type { ShownEvidencePack } from "./evidence";

const t = (key: string, values?: Record<string, string | number>) => translate(`decisions.${key}`, values);
const dateTime = new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", dateStyle: "long", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", dateStyle: "medium" });

function count(value: ShownCount): string {
  return formatShownCount(value, { fewerThan: (k) => translate("counts.fewerThan", { k }), withheld: translate("counts.withheld") });
}

export interface VorlagePdfInput {
  title: string;
  themeTitle: string;
  version: number;
  createdAt: Date;
  authorName: string;
  bodyText: string;
  evidence: ShownEvidencePack;
}

/** One version of a Vorlage with its evidence pack, as the viewer sees it on screen. */
export function vorlagePdf(input: VorlagePdfInput): Promise<Buffer> {
  const title = t("pdf.title", { title: input.title });
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  doc.fontSize(18).font("Helvetica-Bold").text(title).font("Helvetica");
  doc
    .moveDown(0.3)
    .fontSize(10)
    .text(t("pdf.theme", { title: input.themeTitle }));
  doc
    .fillColor("#444")
    .text(t("pdf.version", { version: input.version, date: dateTime.format(input.createdAt), name: input.authorName }))
    .fillColor("#000");

  const heading = (text: string) =>
    doc.moveDown().fontSize(13).font("Helvetica-Bold").text(text).font("Helvetica").moveDown(0.3).fontSize(10);
  heading(t("pdf.body"));
  doc.text(input.bodyText || "—");

  const { evidence } = input;
  heading(t("pdf.evidence"));
  doc.text(t("evidence.generated", { date: dateTime.format(new Date(evidence.generatedAt)) }));
  doc.moveDown(0.3);
  doc.text(`${t("evidence.caseCount")}: ${count(evidence.caseCount)}`);
  doc.text(`${t("evidence.kommuneCount")}: ${count(evidence.kommuneCount)}`);
  doc.text(`${t("evidence.sourceCount")}: ${count(evidence.sourceCount)}`);
  doc.moveDown(0.5).font("Helvetica-Bold").text(t("evidence.conferences")).font("Helvetica");
  if (evidence.conferences.length === 0) doc.text(t("evidence.noConferences"));
  for (const conference of evidence.conferences) {
    doc.text(
      `• ${t("evidence.conferenceLine", {
        title: conference.title,
        type: translate(`conferences.types.${conference.type}`),
        date: dateOnly.format(new Date(conference.date)),
        sources: count(conference.sources),
      })}`,
    );
  }
  doc.moveDown(0.5).font("Helvetica-Bold").text(t("evidence.quarters")).font("Helvetica");
  if (evidence.quarters.length === 0) doc.text(t("evidence.none"));
  for (const quarter of evidence.quarters) doc.text(`• ${quarter.quarter}: ${count(quarter.sources)}`);
  doc.moveDown(0.5).font("Helvetica-Bold").text(t("evidence.history")).font("Helvetica");
  if (evidence.statusHistory.length === 0) doc.text(t("evidence.none"));
  for (const step of evidence.statusHistory) {
    doc.text(
      `• ${t("evidence.historyLine", { date: dateOnly.format(new Date(step.at)), status: translate(`themes.statuses.${step.to}`) })}`,
    );
  }
  doc.end();
  return done;
}
