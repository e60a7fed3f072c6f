import PDFDocument from "pdfkit";
import { translate } from "../i18n/translate";
import { calendarDayOf } from "../schemas/calendar-days";
import type { PersonDataExport } from "./data-rights";

const t = (key: string, values?: Record<string, string | number>) => translate(`cases.export.${key}`, values);

function text(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (value instanceof Date) return calendarDayOf(value);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The Art. 15 information as a readable PDF: the same content as the JSON export, section by section. */
export function personDataPdf(data: PersonDataExport): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: t("title", { pseudonym: data.case.pseudonym }) } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  doc.fontSize(18).text(t("title", { pseudonym: data.case.pseudonym }));
  doc
    .moveDown(0.3)
    .fontSize(10)
    .fillColor("#444")
    .text(t("intro", { date: data.exportedAt.slice(0, 10) }))
    .fillColor("#000");
  const section = (title: string, rows: [string, unknown][]) => {
    doc.moveDown().fontSize(13).text(title, { underline: true }).moveDown(0.3).fontSize(10);
    if (rows.length === 0) doc.text("—");
    for (const [label, value] of rows)
      doc.font("Helvetica-Bold").text(`${label}: `, { continued: true }).font("Helvetica").text(text(value));
  };
  section(
    t("identity"),
    Object.entries(data.identity ?? {}).map(([key, value]) => [translate(`cases.identityFields.${key}`), value]),
  );
  section(
    t("case"),
    Object.entries(data.case).map(([key, value]) => [key, value]),
  );
  section(
    t("consents"),
    data.consents.map((c) => [
      translate(`cases.consentKinds.${c.kind}`),
      `${c.grantedOn}${c.revokedAt ? ` (${t("revoked")})` : ""}: ${c.organisations.join(", ")}`,
    ]),
  );
  section(
    t("recipients"),
    data.recipients.map((name) => ["•", name]),
  );
  section(
    t("contacts"),
    data.contacts.map((c) => [c.contactOn, `${translate(`cases.channels.${c.channel}`)}, ${c.durationMinutes} min: ${c.topic}`]),
  );
  section(
    t("assessments"),
    data.assessments.map((a) => [`${a.assessedOn} ${translate(`cases.lifeAreas.${a.lifeArea}`)}`, a.scales]),
  );
  section(
    t("goals"),
    data.goalAgreements.flatMap((a) => a.goals.map((g) => [`${a.agreedOn} #${g.priority}`, g.title] as [string, unknown])),
  );
  section(
    t("referrals"),
    data.referrals.map((r) => [r.referredOn, `${r.organisation}: ${r.status}`]),
  );
  section(
    t("closure"),
    data.closure ? [[translate("cases.closure.closingType"), translate(`cases.closingTypes.${data.closure.closingType}`)]] : [],
  );
  section(
    t("conferenceDisclosures"),
    data.conferenceDisclosures.map((c) => [
      `${text(c.scheduledAt)} ${translate(`conferences.types.${c.type}`)} „${c.title}“`,
      `${t("disclosedTo")}: ${c.disclosedTo.map((p) => (p.organisation ? `${p.name} (${p.organisation})` : p.name)).join(", ") || t("nobody")}`,
    ]),
  );
  section(
    t("boardCards"),
    data.boardCards.map((card) => [
      `${text(card.createdAt)} ${card.conference ?? ""}`,
      card.month ? `${card.text} (${t("cardMonth", { month: card.month })})` : card.text,
    ]),
  );
  section(
    t("workPackages"),
    data.workPackages.map((item) => [
      `${item.dueDate} ${translate(`workPackages.statuses.${item.status}`)}`,
      `${item.task} (${item.responsibleOrganisation ?? item.responsiblePerson})${item.updates.map((u) => ` · ${u.note}`).join("")}`,
    ]),
  );
  section(
    t("themeSources"),
    data.themeSources.map((source) => [source.theme, source.excerpt]),
  );
  section(
    t("pollAnswers"),
    data.pollAnswers.map((answer) => [answer.question, answer.answer]),
  );
  section(
    t("accessLog"),
    data.accessLog.map((entry) => [text(entry.at), `${entry.by ?? "System"}: ${translate(`audit.actions.${entry.action}`)}`]),
  );
  doc.end();
  return done;
}
