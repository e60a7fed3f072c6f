import PDFDocument from "pdfkit";
import { translate } from "../i18n/translate";
import type { RichTextNode } from "../rich-text/validate";
import { decisionLine } from "./minutes";
import type { SessionView } from "./sessions";

const t = (key: string, values?: Record<string, string | number>) => translate(`sessions.pdf.${key}`, values);
const dateTime = new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", dateStyle: "full", timeStyle: "short" });

function render(build: (doc: PDFKit.PDFDocument) => void, title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  build(doc);
  doc.end();
  return done;
}

function header(doc: PDFKit.PDFDocument, view: SessionView, title: string) {
  doc.fontSize(18).font("Helvetica-Bold").text(title).font("Helvetica");
  doc.moveDown(0.3).fontSize(11).text(view.body.name);
  doc.text(t("when", { date: dateTime.format(view.session.scheduledAt) }));
  doc.text(t("place", { place: view.session.place || "—" }));
}

function heading(doc: PDFKit.PDFDocument, text: string) {
  doc.moveDown().fontSize(13).font("Helvetica-Bold").text(text).font("Helvetica").moveDown(0.3).fontSize(10);
}

/** The invitation with the agenda, as sent to the members before the session. */
export function invitationPdf(view: SessionView): Promise<Buffer> {
  const title = t("invitationTitle", { title: view.session.title });
  return render((doc) => {
    header(doc, view, title);
    doc
      .moveDown()
      .fontSize(10)
      .text(t("invitationText", { body: view.body.name }));
    heading(doc, t("agenda"));
    if (view.agenda.length === 0) doc.text(t("none"));
    view.agenda.forEach((item, index) => {
      doc
        .font("Helvetica-Bold")
        .text(`${t("item", { number: index + 1 })} ${item.title}`)
        .font("Helvetica");
      doc
        .fillColor("#444")
        .text(translate(`sessions.agendaKinds.${item.kind}`), { indent: 10 })
        .fillColor("#000");
      if (item.notes) doc.text(item.notes, { indent: 10 });
      doc.moveDown(0.3);
    });
    heading(doc, t("members"));
    for (const person of view.attendance)
      doc.text(`• ${[person.name, person.organisationName, person.function].filter(Boolean).join(", ")}`);
  }, title);
}

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** Rich text as lines of styled runs; list markers become the first run of an item's first line. */
function linesOf(nodes: RichTextNode[], indent: number, out: { indent: number; runs: Run[] }[], marker?: (index: number) => string) {
  nodes.forEach((node, index) => {
    if (node.type === "paragraph") {
      const runs = (node.content ?? []).map((part) => ({
        text: part.type === "hardBreak" ? "\n" : (part.text ?? ""),
        bold: !!part.marks?.some((m) => m.type === "bold"),
        italic: !!part.marks?.some((m) => m.type === "italic"),
      }));
      out.push({ indent, runs });
    } else if (node.type === "bulletList") {
      linesOf(node.content ?? [], indent + 14, out, () => "•");
    } else if (node.type === "orderedList") {
      const start = typeof node.attrs?.start === "number" ? node.attrs.start : 1;
      linesOf(node.content ?? [], indent + 14, out, (i) => `${start + i}.`);
    } else if (node.type === "listItem") {
      const first = out.length;
      linesOf(node.content ?? [], indent, out);
      const line = out[first];
      if (line) line.runs.unshift({ text: `${marker ? marker(index) : "•"} `, bold: false, italic: false });
    }
  });
  return out;
}

function richText(doc: PDFKit.PDFDocument, nodes: RichTextNode[]) {
  for (const line of linesOf(nodes, 0, [])) {
    if (line.runs.length === 0) {
      doc.moveDown(0.5);
      continue;
    }
    line.runs.forEach((run, i) => {
      doc.font(run.bold ? "Helvetica-Bold" : run.italic ? "Helvetica-Oblique" : "Helvetica");
      doc.text(run.text, { indent: line.indent, continued: i < line.runs.length - 1 });
    });
    doc.font("Helvetica");
  }
}

/** The minutes as they stand (or, before anyone wrote any, the agenda with its decisions). */
export function minutesPdf(view: SessionView): Promise<Buffer> {
  const title = t("minutesTitle", { title: view.session.title });
  return render((doc) => {
    header(doc, view, title);
    const approved = view.session.minutesApprovedIn;
    doc
      .fillColor("#444")
      .text(approved ? t("approved", { title: approved.title, date: dateTime.format(approved.scheduledAt) }) : t("notApproved"))
      .fillColor("#000");
    heading(doc, t("minutes"));
    if (view.session.minutes) {
      richText(doc, view.session.minutes.content ?? []);
    } else {
      view.agenda.forEach((item, index) => {
        doc
          .font("Helvetica-Bold")
          .text(`${t("item", { number: index + 1 })} ${item.title}`)
          .font("Helvetica");
        doc.text(item.decision ? decisionLine(item.decision) : t("none"), { indent: 10 });
      });
    }
  }, title);
}
