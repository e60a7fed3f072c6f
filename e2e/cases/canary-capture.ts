import { inflateSync } from "node:zlib";
import type { BrowserContext, Page, Response, WebSocket } from "@playwright/test";
import JSZip from "jszip";
import * as Y from "yjs";

/**
 * What one person's browser received: every HTTP response body and every WebSocket frame, plus the
 * files they downloaded, already unpacked (PDF streams inflated, xlsx unzipped). Searching the raw
 * bytes of a compressed file would find nothing and prove nothing.
 */
export interface Capture {
  label: string;
  bodies: { url: string; text: string }[];
  frames: string[];
  files: string[];
  pending: Promise<unknown>[];
  /** The shared documents (notes, formulations) rebuilt from the Yjs updates the person received. */
  documents: Map<string, Y.Doc>;
}

export function newCapture(label: string): Capture {
  return { label, bodies: [], frames: [], files: [], pending: [], documents: new Map() };
}

/** Captures every page of a browser context, including pages opened later (a second view of the room). */
export function startCapture(context: BrowserContext, label: string): Capture {
  const capture = newCapture(label);
  context.on("response", (response: Response) => {
    capture.pending.push(
      response.body().then(
        (body) => capture.bodies.push({ url: response.url(), text: body.toString("utf8") }),
        // Redirects and aborted requests have no body.
        () => {},
      ),
    );
  });
  const watch = (page: Page) =>
    page.on("websocket", (socket: WebSocket) => {
      // Acknowledgement ids are per connection: which document each doc:join asked for.
      const joins = new Map<string, string>();
      socket.on("framesent", ({ payload }) => {
        const join = /^42(\d+)\["doc:join",(.*)\]$/s.exec(frameText(payload));
        if (join) joins.set(join[1]!, documentKey(JSON.parse(join[2]!)));
      });
      socket.on("framereceived", ({ payload }) => receiveFrame(capture, frameText(payload), joins));
    });
  context.pages().forEach(watch);
  context.on("page", watch);
  return capture;
}

/** One socket.io frame a person received; shared-document updates are also applied to their documents. */
export function receiveFrame(capture: Capture, text: string, joins: ReadonlyMap<string, string> = new Map()) {
  capture.frames.push(text);
  const applied = /^42\["doc:applied",(.*)\]$/s.exec(text);
  const ack = /^43(\d+)\[(.*)\]$/s.exec(text);
  if (applied) applyUpdate(capture, documentKey(JSON.parse(applied[1]!)), JSON.parse(applied[1]!).update);
  else if (ack && joins.has(ack[1]!)) applyUpdate(capture, joins.get(ack[1]!)!, JSON.parse(ack[2]!).update);
}

function documentKey(address: { conferenceId?: string; sessionId?: string; key?: string }): string {
  return JSON.stringify([address.conferenceId ?? null, address.sessionId ?? null, address.key ?? null]);
}

/**
 * Yjs updates travel base64-encoded and one keystroke at a time, so a name typed letter by letter
 * is in no single frame: the documents are rebuilt and their text searched as well.
 */
function applyUpdate(capture: Capture, key: string, update: unknown) {
  if (typeof update !== "string") return;
  let doc = capture.documents.get(key);
  if (!doc) capture.documents.set(key, (doc = new Y.Doc()));
  const bytes = Buffer.from(update, "base64");
  capture.frames.push(bytes.toString("utf8"));
  Y.applyUpdate(doc, new Uint8Array(bytes));
}

export function documentTexts(capture: Capture): string[] {
  return [...capture.documents.values()].map((doc) => doc.getXmlFragment("default").toString());
}

function frameText(payload: string | Buffer): string {
  // Binary frames (Yjs updates, socket.io attachments) hold UTF-8 strings inside.
  return typeof payload === "string" ? payload : `${payload.toString("utf8")}\n${payload.toString("latin1")}`;
}

/**
 * Everything a capture holds, once all response bodies have been read; without the answers to
 * addresses containing `unlessAddressHolds` (a page echoes the id in its own address back).
 */
export async function capturedText(capture: Capture, unlessAddressHolds?: string): Promise<string> {
  await Promise.all(capture.pending);
  const bodies = capture.bodies.filter((b) => !unlessAddressHolds || !b.url.includes(unlessAddressHolds)).map((b) => b.text);
  return [...bodies, ...capture.files, framesText(capture)].join("\n");
}

/** The WebSocket frames a person received, with the shared documents' text rebuilt from them. */
export function framesText(capture: Capture): string {
  return [...capture.frames, ...documentTexts(capture)].join("\n");
}

/** A downloaded file as text: PDF content streams inflated and their text decoded, xlsx unzipped. */
export async function downloadedText(body: Buffer): Promise<string> {
  if (body.subarray(0, 5).toString("latin1") === "%PDF-") return pdfText(body);
  if (body.subarray(0, 2).toString("latin1") === "PK") return xlsxText(body);
  return body.toString("utf8");
}

/**
 * pdfkit writes Flate-compressed streams and, with the standard fonts, text as hex strings in TJ
 * arrays (split at kerning pairs, WinAnsi-encoded); both are undone here.
 */
export function pdfText(body: Buffer): string {
  const raw = body.toString("latin1");
  const parts: string[] = [raw];
  const streamPattern = /<<([^]*?)>>\s*stream\r?\n/g;
  for (let match = streamPattern.exec(raw); match; match = streamPattern.exec(raw)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf("endstream", start);
    if (end < 0) break;
    const data = body.subarray(start, end);
    if (!/\/FlateDecode/.test(match[1]!)) {
      parts.push(data.toString("latin1"));
      continue;
    }
    let inflated: string;
    try {
      inflated = inflateSync(data).toString("latin1");
    } catch {
      // A stream with trailing whitespace before "endstream": inflate what is there.
      inflated = inflateSync(data, { finishFlush: 2 }).toString("latin1");
    }
    parts.push(inflated, decodePdfStrings(inflated));
  }
  return parts.join("\n");
}

function decodePdfStrings(content: string): string {
  const lines: string[] = [];
  // One text-showing operator per line: [<48> 10 <616c6c6f>] TJ or <48616c6c6f> Tj, or (literal) Tj.
  const operatorPattern = /\[((?:[^\]\\]|\\.)*)\]\s*TJ|<([0-9a-fA-F\s]*)>\s*Tj|\(((?:[^)\\]|\\.)*)\)\s*Tj/g;
  for (let match = operatorPattern.exec(content); match; match = operatorPattern.exec(content)) {
    if (match[1] !== undefined) {
      const pieces = [...match[1].matchAll(/<([0-9a-fA-F\s]*)>|\(((?:[^)\\]|\\.)*)\)/g)];
      lines.push(pieces.map((p) => (p[1] !== undefined ? hexText(p[1]) : literalText(p[2]!))).join(""));
    } else if (match[2] !== undefined) {
      lines.push(hexText(match[2]));
    } else {
      lines.push(literalText(match[3]!));
    }
  }
  // Wrapped lines are joined with and without a space, so a value broken across lines is found too.
  return `${lines.join("\n")}\n${lines.join(" ")}\n${lines.join("")}`;
}

function hexText(hex: string): string {
  return Buffer.from(hex.replace(/\s/g, ""), "hex").toString("latin1");
}

function literalText(text: string): string {
  return text.replace(/\\([()\\])/g, "$1").replace(/\\(\d{1,3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

export async function xlsxText(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  const texts = await Promise.all(Object.values(zip.files).map((file) => (file.dir ? "" : file.async("string"))));
  // XML escapes as the cells hold them and undone.
  const xml = texts.join("\n");
  return `${xml}\n${unescapeXml(xml)}`;
}

function unescapeXml(xml: string): string {
  return xml
    .replace(/&#x([0-9a-fA-F]+);/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

const writtenOut: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", Ä: "Ae", Ö: "Oe", Ü: "Ue" };
const writtenBack: [RegExp, string][] = [
  [/ae/g, "ä"],
  [/oe/g, "ö"],
  [/ue/g, "ü"],
  [/Ae/g, "Ä"],
  [/Oe/g, "Ö"],
  [/Ue/g, "Ü"],
  [/ss/g, "ß"],
];

/**
 * Spellings of one value a person or a program could turn it into: umlauts kept, written out (ä → ae)
 * or stripped (ä → a), each with ß kept or written ss; written-out letters turned back into umlauts;
 * and the decomposed Unicode form.
 */
function spellings(value: string): string[] {
  const forms = new Set<string>([value, value.normalize("NFD")]);
  for (const umlaut of ["keep", "written", "stripped"] as const) {
    for (const sharpS of ["keep", "ss"] as const) {
      let form = value.replace(/[äöüÄÖÜ]/g, (c) =>
        umlaut === "keep" ? c : umlaut === "written" ? writtenOut[c]! : c.normalize("NFD").replace(/\p{M}/gu, ""),
      );
      if (sharpS === "ss") form = form.replace(/ß/g, "ss");
      forms.add(form);
    }
  }
  forms.add(writtenBack.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), value));
  return [...forms];
}

function jsonEscaped(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  const ascii = json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return [json, ascii];
}

/**
 * The base64 of a value inside a longer base64 text depends on where it starts: the encodings at the
 * three byte offsets, without the groups the neighbouring bytes share.
 */
function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, "utf8");
  const forms: string[] = [];
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64");
    const from = offset === 0 ? 0 : 4;
    const to = (offset + bytes.length) % 3 === 0 ? encoded.length : encoded.length - 4;
    const form = encoded.slice(from, to);
    if (form.length >= 8) forms.push(form);
  }
  return forms;
}

/**
 * The forms a canary value is searched in: compared without regard to case (so case-folded and
 * upper-cased copies count), except for base64, which is case-sensitive.
 */
export function canaryForms(value: string): { folded: string[]; exact: string[] } {
  const folded = new Set<string>();
  const exact = new Set<string>();
  for (const spelling of spellings(value)) {
    for (const form of [
      spelling,
      encodeURIComponent(spelling),
      new URLSearchParams({ q: spelling }).toString().slice(2),
      ...jsonEscaped(spelling),
    ]) {
      folded.add(form.toLowerCase());
    }
    for (const form of [spelling, spelling.toLowerCase(), spelling.toUpperCase()]) for (const b of base64Forms(form)) exact.add(b);
  }
  return { folded: [...folded], exact: [...exact] };
}

/** Every canary form found in a text, as "value → form", for a failure message that says what leaked. */
export function findCanaries(text: string, values: readonly string[]): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  for (const value of values) {
    const { folded, exact } = canaryForms(value);
    for (const form of folded) if (lower.includes(form)) found.push(`${value} → ${form}`);
    for (const form of exact) if (text.includes(form)) found.push(`${value} → base64 ${form}`);
  }
  return found;
}
