import { getSchema } from "@tiptap/core";
import { Node as ProseMirrorNode, type Schema } from "@tiptap/pm/model";
import { AppError } from "../errors";
import { isWellFormedText } from "../schemas/common";
import { richTextExtensions } from "./extensions";

/** A ProseMirror document as JSON, after validation. */
export type RichTextDoc = { type: "doc"; content?: RichTextNode[] };
export interface RichTextNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

export interface RichTextLimits {
  /** Characters of text in the whole document. */
  maxChars: number;
  /** Nodes and marks together, so a document of empty paragraphs is bounded too. */
  maxNodes: number;
  maxDepth: number;
}

export const defaultRichTextLimits: RichTextLimits = { maxChars: 20_000, maxNodes: 5_000, maxDepth: 16 };

export const emptyRichTextDoc: RichTextDoc = { type: "doc", content: [{ type: "paragraph" }] };

let cachedSchema: Schema | null = null;

/** The editor's schema, built from the same extensions the browser uses. */
export function richTextSchema(): Schema {
  cachedSchema ??= getSchema(richTextExtensions());
  return cachedSchema;
}

// Node.fromJSON silently drops attributes it does not know, so values are checked here first.
const attributeRules: Record<string, Record<string, (value: unknown) => boolean>> = {
  orderedList: {
    start: (value) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 100_000,
    type: (value) => value === null || (typeof value === "string" && ["1", "a", "A", "i", "I"].includes(value)),
  },
};

const allowedNodeKeys = new Set(["type", "attrs", "content", "marks", "text"]);
const allowedMarkKeys = new Set(["type", "attrs"]);
// Tab and line feed may come with pasted text; every other control character is refused.
const controlCharacters = /[\u0000-\u0008\u000B-\u001F\u007F]/;

function invalid(): never {
  throw new AppError("INVALID_INPUT", "formulations.richText.invalid");
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function checkAttributes(typeName: string, attrs: unknown, declared: Record<string, unknown>) {
  if (attrs === undefined) return;
  if (!isPlainObject(attrs)) invalid();
  for (const [name, value] of Object.entries(attrs)) {
    if (!Object.hasOwn(declared, name)) invalid();
    const rule = attributeRules[typeName]?.[name];
    if (rule ? !rule(value) : value !== null) invalid();
  }
}

/**
 * Checks untrusted ProseMirror JSON against the editor's schema and limits and returns the
 * document together with its plain text. Unknown nodes, marks, attributes or keys, control
 * characters and oversized or too deeply nested documents are refused, never silently repaired:
 * the client-side editor can be bypassed, so this is the real gate.
 */
export function validateRichText(input: unknown, limits: RichTextLimits = defaultRichTextLimits): { doc: RichTextDoc; text: string } {
  const schema = richTextSchema();
  let nodes = 0;
  let chars = 0;
  // Iterative walk: a hostile document must not be able to exhaust the stack.
  const stack: { value: unknown; depth: number }[] = [{ value: input, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (depth > limits.maxDepth) throw new AppError("INVALID_INPUT", "formulations.richText.tooDeep");
    if (++nodes > limits.maxNodes) throw new AppError("INVALID_INPUT", "formulations.richText.tooLong");
    if (!isPlainObject(value)) invalid();
    for (const key of Object.keys(value)) if (!allowedNodeKeys.has(key)) invalid();
    const { type, attrs, content, marks, text } = value;
    if (typeof type !== "string" || !Object.hasOwn(schema.nodes, type)) invalid();
    checkAttributes(type, attrs, schema.nodes[type]!.spec.attrs ?? {});
    if (text !== undefined) {
      if (type !== "text" || typeof text !== "string" || controlCharacters.test(text)) invalid();
      // Half a character cannot be stored as JSON: named instead of failing on the insert.
      if (!isWellFormedText(text)) throw new AppError("INVALID_INPUT", "validation.brokenCharacter");
      chars += text.length;
      if (chars > limits.maxChars) throw new AppError("INVALID_INPUT", "formulations.richText.tooLong");
    }
    if (marks !== undefined) {
      if (!Array.isArray(marks)) invalid();
      for (const mark of marks) {
        if (++nodes > limits.maxNodes) throw new AppError("INVALID_INPUT", "formulations.richText.tooLong");
        if (!isPlainObject(mark)) invalid();
        for (const key of Object.keys(mark)) if (!allowedMarkKeys.has(key)) invalid();
        if (typeof mark.type !== "string" || !Object.hasOwn(schema.marks, mark.type)) invalid();
        checkAttributes(mark.type, mark.attrs, schema.marks[mark.type]!.spec.attrs ?? {});
      }
    }
    if (content !== undefined) {
      if (!Array.isArray(content)) invalid();
      for (const child of content) stack.push({ value: child, depth: depth + 1 });
    }
  }
  let node: ProseMirrorNode;
  try {
    node = ProseMirrorNode.fromJSON(schema, input as Record<string, unknown>);
    node.check();
  } catch {
    invalid();
  }
  if (node.type.name !== "doc") invalid();
  return { doc: node.toJSON() as RichTextDoc, text: plainText(node) };
}

/** Paragraphs and list items on lines of their own, for search, protocols and duplicate hints. */
function plainText(doc: ProseMirrorNode): string {
  return doc.textBetween(0, doc.content.size, "\n", (leaf) => (leaf.type.name === "hardBreak" ? "\n" : "")).trim();
}
