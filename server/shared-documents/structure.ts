import * as Y from "yjs";
import { AppError } from "../errors";
import { richTextSchema } from "../rich-text/validate";

/** The XML fragment tiptap's Collaboration extension edits. */
export const documentField = "default";

const allowedAttributeNames = (() => {
  const names = new Set<string>();
  for (const type of Object.values(richTextSchema().nodes)) for (const name of Object.keys(type.spec.attrs ?? {})) names.add(name);
  return names;
})();

function isPrimitive(value: unknown) {
  return (
    value === null ||
    typeof value === "boolean" ||
    (typeof value === "number" && Number.isFinite(value)) ||
    (typeof value === "string" && value.length <= 200)
  );
}

/**
 * Refuses an update that could not come from the editor: other shared types than the document's
 * XML fragment, element names outside the schema, unknown attributes or marks, embedded binaries
 * or sub-documents. Names introduced by an update are always spelled out in it, so checking the
 * decoded update is enough; the full schema check runs again whenever the text is read.
 */
export function checkUpdateStructure(update: Uint8Array): void {
  const schema = richTextSchema();
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    throw new AppError("INVALID_INPUT", "formulations.documents.invalidUpdate");
  }
  const refuse = (): never => {
    throw new AppError("INVALID_INPUT", "formulations.documents.invalidUpdate");
  };
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (typeof struct.parent === "string" && struct.parent !== documentField) refuse();
    if (struct.parentSub !== null && !allowedAttributeNames.has(struct.parentSub)) refuse();
    const content = struct.content;
    if (content instanceof Y.ContentType) {
      const type = content.type;
      if (type instanceof Y.XmlElement) {
        if (!Object.hasOwn(schema.nodes, type.nodeName) || type.nodeName === "doc" || type.nodeName === "text") refuse();
      } else if (!(type instanceof Y.XmlText)) refuse();
    } else if (content instanceof Y.ContentFormat) {
      const markName = content.key.replace(/--.*$/, "");
      if (!Object.hasOwn(schema.marks, markName)) refuse();
      const value = content.value as unknown;
      if (value !== null) {
        if (typeof value !== "object" || Array.isArray(value)) refuse();
        const declared = schema.marks[markName]!.spec.attrs ?? {};
        for (const [name, attr] of Object.entries(value as object)) if (!Object.hasOwn(declared, name) || !isPrimitive(attr)) refuse();
      }
    } else if (content instanceof Y.ContentAny) {
      if (!content.arr.every(isPrimitive)) refuse();
    } else if (!(content instanceof Y.ContentString || content instanceof Y.ContentDeleted)) {
      refuse();
    }
  }
}

/**
 * The shape y-prosemirror gives a document: elements of the schema at the top, inside them only
 * elements and text, text carrying only strings. An update may merge into something else (a bare
 * string in an element, text at the top), which would break every editor showing it.
 */
export function isEditorShaped(doc: Y.Doc): boolean {
  const schema = richTextSchema();
  const isElement = (item: unknown): item is Y.XmlElement =>
    item instanceof Y.XmlElement && Object.hasOwn(schema.nodes, item.nodeName) && item.nodeName !== "doc" && item.nodeName !== "text";
  const stack: unknown[] = [...doc.getXmlFragment(documentField).toArray()];
  if (!stack.every(isElement)) return false;
  while (stack.length > 0) {
    const element = stack.pop() as Y.XmlElement;
    for (const name of Object.keys(element.getAttributes())) if (!allowedAttributeNames.has(name)) return false;
    for (const child of element.toArray()) {
      if (isElement(child)) stack.push(child);
      else if (!(child instanceof Y.XmlText) || !child.toDelta().every((d: { insert: unknown }) => typeof d.insert === "string"))
        return false;
    }
  }
  return [...doc.share.keys()].every((name) => name === documentField);
}
