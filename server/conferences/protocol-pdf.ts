import PDFDocument from "pdfkit";
import { translate } from "../i18n/translate";
import { formatCalendarDay } from "../schemas/calendar-days";
import type { ProtocolCard, ProtocolSnapshot } from "./protocol";

const t = (key: string, values?: Record<string, string | number>) => translate(`workPackages.protocol.pdf.${key}`, values);

/** A catalogue label when there is one, else the key itself (lanes are free-form board keys). */
function labelOr(key: string, fallback: string): string {
  const label = translate(key);
  return label === key ? fallback : label;
}

const dateTime = new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", dateStyle: "long", timeStyle: "short" });

function cardLine(card: ProtocolCard): string {
  const parts: string[] = [];
  if (card.isHidden) parts.push(t("hiddenCard"));
  else if (card.restricted) parts.push(t("restrictedCard", { pseudonym: card.casePseudonym ?? "" }));
  else parts.push(card.text);
  if (card.casePseudonym && !card.restricted) parts.push(t("caseTag", { pseudonym: card.casePseudonym }));
  if (card.month) parts.push(t("month", { month: `${card.month.slice(5, 7)}/${card.month.slice(0, 4)}` }));
  if (card.perspective) parts.push(card.perspective === "klient" ? t("clientPerspective") : t("perspective", { name: card.perspective }));
  if (card.isSolution) parts.push(t("solution"));
  if (card.votes > 0) parts.push(t("votes", { count: card.votes }));
  return parts.join(" · ");
}

/** The protocol as a PDF with German headings: the viewer's projection of one stored version. */
export function protocolPdf(snapshot: ProtocolSnapshot): Promise<Buffer> {
  const title = t("title", { title: snapshot.conference.title });
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  const { conference } = snapshot;
  doc.fontSize(18).font("Helvetica-Bold").text(title).font("Helvetica");
  doc
    .moveDown(0.3)
    .fontSize(10)
    .text(
      t("meeting", {
        type: translate(`conferences.types.${conference.type}`),
        date: dateTime.format(new Date(conference.scheduledAt)),
        place: [conference.place, conference.isOnline ? t("online") : ""].filter(Boolean).join(", ") || "—",
      }),
    );
  if (conference.kommuneName) doc.text(t("kommune", { name: conference.kommuneName }));
  doc
    .fillColor("#444")
    .text(
      t("generated", { version: snapshot.version, date: dateTime.format(new Date(snapshot.generatedAt)), name: snapshot.generatedByName }),
    )
    .fillColor("#000");

  const heading = (text: string) =>
    doc.moveDown().fontSize(13).font("Helvetica-Bold").text(text).font("Helvetica").moveDown(0.3).fontSize(10);
  const bullet = (text: string, indent = 0) => doc.text(`• ${text}`, { indent });
  const none = () => doc.text(t("none"));

  heading(t("attendance"));
  if (snapshot.attendance.length === 0) none();
  for (const person of snapshot.attendance) {
    const role = translate(`workPackages.protocol.roles.${person.role}`);
    bullet(person.organisationName ? `${person.name} (${person.organisationName}) – ${role}` : `${person.name} – ${role}`);
  }

  heading(t("phases"));
  if (snapshot.phases.length === 0) none();
  snapshot.phases.forEach((phase, index) => doc.text(`${index + 1}. ${phase.title}`));

  heading(t("board"));
  if (snapshot.lanes.length === 0) none();
  for (const lane of snapshot.lanes) {
    doc
      .moveDown(0.3)
      .font("Helvetica-Bold")
      .text(labelOr(`workPackages.protocol.lanes.${lane.lane}`, lane.lane))
      .font("Helvetica");
    for (const cluster of lane.clusters) {
      doc
        .font("Helvetica-Oblique")
        .text(t("cluster", { title: cluster.title, count: cluster.votes }), { indent: 10 })
        .font("Helvetica");
      for (const card of cluster.cards) bullet(cardLine(card), 20);
    }
    for (const card of lane.cards) bullet(cardLine(card), 10);
  }

  heading(t("themes"));
  if (snapshot.themes.length === 0) none();
  for (const theme of snapshot.themes) bullet(theme.title);

  heading(t("workPackages"));
  if (snapshot.workPackages.length === 0) none();
  for (const wp of snapshot.workPackages) {
    const task = wp.restricted ? t("restrictedTask", { pseudonym: wp.casePseudonym ?? "" }) : wp.task;
    bullet(wp.casePseudonym && !wp.restricted ? `${task} ${t("caseTag", { pseudonym: wp.casePseudonym })}` : task);
    const responsible = [wp.responsibleOrganisationName, wp.responsibleUserName, wp.responsiblePerson].filter(Boolean).join(", ");
    doc.fillColor("#444").text(
      t("workPackageLine", {
        responsible: responsible || "—",
        due: formatCalendarDay(wp.dueDate),
        status: translate(`workPackages.statuses.${wp.status}`),
      }),
      { indent: 10 },
    );
    doc.fillColor("#000");
  }

  heading(t("notes"));
  doc.text(snapshot.notes.trim() || t("none"));
  doc.end();
  return done;
}
