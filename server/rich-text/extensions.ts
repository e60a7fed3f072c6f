import StarterKit from "@tiptap/starter-kit";

/**
 * The rich-text vocabulary of shared documents and theme descriptions: paragraphs, lists, line
 * breaks, bold and italic. The editor and the server build their schema from this one list, so the
 * server can refuse anything the editor could not have produced. Links, headings and code are left
 * out on purpose: they are not needed for a theme's wording and links are an XSS vector.
 */
export function richTextExtensions() {
  return [
    StarterKit.configure({
      // Collaboration brings its own undo history, tied to the shared document.
      undoRedo: false,
      heading: false,
      codeBlock: false,
      code: false,
      blockquote: false,
      horizontalRule: false,
      link: false,
      strike: false,
      underline: false,
    }),
  ];
}
