import * as Y from "yjs";
import { documentField } from "../shared-documents/structure";

/** One keystroke at a random place: sometimes a new paragraph, mostly a character in one. */
export function typeCharacter(doc: Y.Doc, character: string, random: () => number) {
  const fragment = doc.getXmlFragment(documentField);
  doc.transact(() => {
    if (fragment.length === 0 || random() < 0.05) {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText()]);
      fragment.insert(Math.floor(random() * (fragment.length + 1)), [paragraph]);
    }
    const paragraphs = fragment.toArray() as Y.XmlElement[];
    const text = paragraphs[Math.floor(random() * paragraphs.length)]!.get(0) as Y.XmlText;
    text.insert(Math.floor(random() * (text.length + 1)), character);
  });
}

/** Typing at the end of the last paragraph, one transaction per character as in the editor. */
export function typeAtEnd(doc: Y.Doc, text: string) {
  const fragment = doc.getXmlFragment(documentField);
  for (const character of text) {
    doc.transact(() => {
      if (fragment.length === 0) {
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText()]);
        fragment.insert(0, [paragraph]);
      }
      const last = fragment.get(fragment.length - 1) as Y.XmlElement;
      const xmlText = last.get(0) as Y.XmlText;
      xmlText.insert(xmlText.length, character);
    });
  }
}

/** Every character of the document's paragraphs, sorted: what was typed, whatever the order. */
export const charactersOf = (doc: Y.Doc) =>
  (doc.getXmlFragment(documentField).toArray() as Y.XmlElement[])
    .map((p) => (p.get(0) as Y.XmlText).toString())
    .join("")
    .split("")
    .sort()
    .join("");
