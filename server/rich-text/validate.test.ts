import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { translate } from "../i18n/translate";
import { validateRichText } from "./validate";

const paragraph = (text: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) => ({
  type: "paragraph",
  content: [{ type: "text", text, ...(marks ? { marks } : {}) }],
});
const doc = (...content: unknown[]) => ({ type: "doc", content });

function refusal(input: unknown): string {
  try {
    validateRichText(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return translate((error as AppError).message);
  }
  throw new Error("the document was accepted");
}

describe("rich text validation", () => {
  it("accepts what the editor produces and returns its plain text", () => {
    const input = doc(
      paragraph("Fehlende Kita-Plätze", [{ type: "bold" }]),
      { type: "bulletList", content: [{ type: "listItem", content: [paragraph("für Neuzugewanderte")] }] },
      {
        type: "orderedList",
        attrs: { start: 3, type: null },
        content: [{ type: "listItem", content: [paragraph("im Kreis", [{ type: "italic" }])] }],
      },
      { type: "paragraph", content: [{ type: "text", text: "Zeile" }, { type: "hardBreak" }, { type: "text", text: "zwei" }] },
    );
    const { doc: validated, text } = validateRichText(input);
    expect(validated.content).toHaveLength(4);
    expect(text).toBe("Fehlende Kita-Plätze\nfür Neuzugewanderte\nim Kreis\nZeile\nzwei");
  });

  it.each([
    ["a script node", doc({ type: "script", content: [{ type: "text", text: "alert(1)" }] })],
    ["an unknown node inside a paragraph", doc({ type: "paragraph", content: [{ type: "image", attrs: { src: "x" } }] })],
    ["a link with a javascript: href", doc(paragraph("klick", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]))],
    ["a link with an entity-encoded href", doc(paragraph("klick", [{ type: "link", attrs: { href: "&#106;avascript:alert(1)" } }]))],
    [
      "an event handler attribute on a node",
      doc({ type: "paragraph", attrs: { onclick: "alert(1)" }, content: [{ type: "text", text: "x" }] }),
    ],
    ["a style attribute on a mark", doc(paragraph("x", [{ type: "bold", attrs: { style: "background:url(javascript:x)" } }]))],
    [
      "an ordered list starting at a string",
      doc({ type: "orderedList", attrs: { start: "1<script>" }, content: [{ type: "listItem", content: [paragraph("x")] }] }),
    ],
    ["an extra key on a node", doc({ ...paragraph("x"), html: "<img src=x onerror=alert(1)>" })],
    ["a prototype key", JSON.parse('{"type":"doc","content":[{"type":"paragraph","__proto__":{"x":1}}]}')],
    ["text outside a paragraph", doc({ type: "text", text: "lose" })],
    ["an empty text node", doc({ type: "paragraph", content: [{ type: "text", text: "" }] })],
    ["a control character", doc(paragraph("a\u0000b"))],
    ["a paragraph as the root", paragraph("x")],
    ["a string", "<p>hallo</p>"],
    ["null", null],
    ["an array", [paragraph("x")]],
  ])("refuses %s with a German message", (_name, input) => {
    expect(refusal(input)).toBe("Der Text enthält Elemente, die hier nicht erlaubt sind.");
  });

  it("refuses half a character (a lone surrogate) with a German message, and accepts an emoji", () => {
    for (const text of ["\uD800", "a\uDC00b", "x\uDBFF"]) {
      expect(refusal(doc(paragraph(text)))).toBe(
        "Der Text enthält ein unvollständiges Zeichen (z. B. aus einer fehlerhaften Kopie). Bitte geben Sie ihn neu ein.",
      );
    }
    expect(validateRichText(doc(paragraph("Gut 😀"))).text).toBe("Gut 😀");
  });

  it("refuses huge and deeply nested documents before building them", () => {
    expect(refusal(doc(paragraph("x".repeat(20_001))))).toBe("Der Text ist zu lang.");
    expect(refusal(doc(...Array.from({ length: 6000 }, () => ({ type: "paragraph" }))))).toBe("Der Text ist zu lang.");
    let nested: unknown = paragraph("tief");
    for (let i = 0; i < 5000; i++) nested = { type: "bulletList", content: [{ type: "listItem", content: [nested] }] };
    expect(refusal(doc(nested))).toBe("Der Text ist zu tief verschachtelt.");
  });
});
