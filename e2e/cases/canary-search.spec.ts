import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import PDFDocument from "pdfkit";
import * as Y from "yjs";
import { capturedText, downloadedText, findCanaries, newCapture, receiveFrame } from "./canary-capture";

// The canary tests pass only when nothing is found; this shows the search finds every form it claims to.
const values = ["Kanarmößabc", "Gelbfederstraße 42"];

function pdfWith(text: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 50 });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.font("Helvetica").text(text);
  doc.end();
  return done;
}

async function xlsxWith(text: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Bericht").addRow(["Fall", text]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const asciiJson = (value: unknown) =>
  JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

test("the canary search finds every spelling and encoding, and nothing in clean text", async () => {
  const found: Record<string, string> = {
    "as typed": "Notiz: Kanarmößabc kommt",
    "upper case": "KANARMÖSSABC",
    "umlauts written out": "kanarmoessabc",
    "ß kept, ö written out": "Kanarmoeßabc",
    "written out, back to umlauts": "Gelbfederstrasse 42",
    "without accents": "Kanarmossabc",
    "decomposed umlauts": "Kanarmößabc".normalize("NFD"),
    "JSON escaped": asciiJson({ name: "Kanarmößabc" }),
    "URL encoded": `/suche?q=${encodeURIComponent("Gelbfederstraße 42")}`,
    "form encoded": new URLSearchParams({ q: "Gelbfederstraße 42" }).toString(),
    "base64 at offset 0": Buffer.from('{"n":"Kanarmößabc"}').toString("base64"),
    "base64 at offset 1": Buffer.from('x{"n":"Kanarmößabc"}').toString("base64"),
    "base64 at offset 2": Buffer.from('xx{"n":"Kanarmößabc"}').toString("base64"),
  };
  for (const [form, text] of Object.entries(found)) expect(findCanaries(text, values), form).not.toEqual([]);
  expect(findCanaries("Kanarm, Gelbfeder, Straße 42, KB-2026-0042", values)).toEqual([]);
});

test("the canary search reads text inside compressed PDF streams, xlsx archives and Yjs updates", async () => {
  const pdf = await pdfWith("Protokoll: Frau Kanarmößabc, Gelbfederstraße 42, war anwesend.");
  expect(findCanaries(pdf.toString("latin1"), values), "raw PDF").toEqual([]);
  expect(findCanaries(await downloadedText(pdf), values).length).toBeGreaterThanOrEqual(2);

  const xlsx = await xlsxWith("Kanarmößabc & Partner");
  expect(findCanaries(xlsx.toString("latin1"), values), "raw xlsx").toEqual([]);
  expect(findCanaries(await downloadedText(xlsx), values)).not.toEqual([]);

  // A name typed letter by letter into shared notes is in no single frame; the rebuilt document holds it.
  const doc = new Y.Doc();
  const capture = newCapture("Teilnehmer");
  doc.on("update", (update: Uint8Array) => {
    const payload = { conferenceId: "c1", key: "notes", update: Buffer.from(update).toString("base64") };
    receiveFrame(capture, `42${JSON.stringify(["doc:applied", payload])}`);
  });
  const paragraph = new Y.XmlText();
  doc.getXmlFragment("default").insert(0, [paragraph]);
  for (const letter of "Kanarmößabc") paragraph.insert(paragraph.length, letter);
  expect(findCanaries(capture.frames.join("\n"), values), "single keystroke frames").toEqual([]);
  expect(findCanaries(await capturedText(capture), values)).not.toEqual([]);
});
