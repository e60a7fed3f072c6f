import * as Y from "yjs";
import { type Executor } from "@/db";
import { sharedDocuments } from "@/db/schema";
import { AppError } from "../errors";
import { emptyRichTextDoc, validateRichText, type RichTextDoc, type RichTextNode } from "../rich-text/validate";
import { type DocumentAddress } from "../schemas/shared-documents";
import { documentField } from "./structure";
import { loadSharedDocument, ownerCondition } from "./storage";

/**
 * The XML fragment as ProseMirror JSON, refusing anything that is neither an element nor text.
 * Formats become marks the way y-prosemirror writes them ("bold", or "bold--<hash>" for marks that
 * may overlap).
 */
function fragmentToJson(fragment: Y.XmlFragment): RichTextDoc {
  const convert = (item: unknown): RichTextNode[] => {
    if (item instanceof Y.XmlText) {
      return item.toDelta().map((delta: { insert: unknown; attributes?: Record<string, Record<string, unknown> | null> }) => {
        if (typeof delta.insert !== "string") throw new AppError("INVALID_INPUT", "formulations.richText.invalid");
        const marks = Object.entries(delta.attributes ?? {}).map(([name, attrs]) => ({
          type: name.replace(/--.*$/, ""),
          ...(attrs && Object.keys(attrs).length > 0 ? { attrs } : {}),
        }));
        return { type: "text", text: delta.insert, ...(marks.length > 0 ? { marks } : {}) };
      });
    }
    if (item instanceof Y.XmlElement) {
      const attrs = item.getAttributes() as Record<string, unknown>;
      const content = item.toArray().flatMap(convert);
      return [{ type: item.nodeName, ...(Object.keys(attrs).length > 0 ? { attrs } : {}), ...(content.length > 0 ? { content } : {}) }];
    }
    throw new AppError("INVALID_INPUT", "formulations.richText.invalid");
  };
  return { type: "doc", content: fragment.toArray().flatMap(convert) };
}

/** A document's content, validated against the editor's schema; an empty document when it is blank. */
export function documentToRichText(doc: Y.Doc): { doc: RichTextDoc; text: string } {
  const json = fragmentToJson(doc.getXmlFragment(documentField));
  if (!json.content?.length) return { doc: emptyRichTextDoc, text: "" };
  return validateRichText(json);
}

/** The words of a document, one line per block, without checking its schema: for content checks on every change. */
export function documentPlainText(doc: Y.Doc): string {
  const collect = (item: unknown): string => {
    if (item instanceof Y.XmlText) {
      return item
        .toDelta()
        .map((delta: { insert: unknown }) => (typeof delta.insert === "string" ? delta.insert : " "))
        .join("");
    }
    if (item instanceof Y.XmlElement) return item.toArray().map(collect).join("\n");
    return "";
  };
  return doc.getXmlFragment(documentField).toArray().map(collect).join("\n");
}

/** Read-only access by address, without the cache: for finalisation, approval and the protocol. */
async function readByAddress(db: Executor, address: DocumentAddress): Promise<Y.Doc | null> {
  const [document] = await db.select().from(sharedDocuments).where(ownerCondition(address));
  return document ? (await loadSharedDocument(db, document)).doc : null;
}

/**
 * The shared document's content as validated ProseMirror JSON, for the protocol. The caller checks
 * that the reader may see the conference or session. A document that fails the schema check (possible only
 * through a merge the editors would repair themselves) is returned as its plain text.
 */
export async function readSharedDocumentJson(db: Executor, address: DocumentAddress): Promise<RichTextDoc> {
  return (await readSharedDocumentJsonIfOpened(db, address)) ?? emptyRichTextDoc;
}

/** Like `readSharedDocumentJson`, but null when nobody has opened the document yet. */
export async function readSharedDocumentJsonIfOpened(db: Executor, address: DocumentAddress): Promise<RichTextDoc | null> {
  const doc = await readByAddress(db, address);
  if (!doc) return null;
  try {
    return documentToRichText(doc).doc;
  } catch {
    const lines = plainTextOf(doc);
    if (lines.length === 0) return emptyRichTextDoc;
    return {
      type: "doc",
      content: lines.map((line) => (line ? { type: "paragraph", content: [{ type: "text", text: line }] } : { type: "paragraph" })),
    };
  }
}

/** The shared document as plain text, one line per paragraph or list item. */
export async function readSharedDocumentText(db: Executor, address: DocumentAddress): Promise<string> {
  const doc = await readByAddress(db, address);
  if (!doc) return "";
  try {
    return documentToRichText(doc).text;
  } catch {
    return plainTextOf(doc).join("\n").trim();
  }
}

function plainTextOf(doc: Y.Doc): string[] {
  const lines: string[] = [];
  const walk = (item: unknown) => {
    if (item instanceof Y.XmlText)
      lines.push(
        item
          .toDelta()
          .map((d: { insert: unknown }) => (typeof d.insert === "string" ? d.insert : ""))
          .join(""),
      );
    else if (item instanceof Y.XmlElement) item.toArray().forEach(walk);
  };
  doc.getXmlFragment(documentField).toArray().forEach(walk);
  return lines.map((line) => line.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ""));
}
