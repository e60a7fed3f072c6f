"use client";

import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useRef, type KeyboardEvent } from "react";
import { richTextExtensions } from "@/server/rich-text/extensions";
import type { RichTextDoc } from "@/server/rich-text/validate";
import styles from "@/components/conferences/shared-editor.module.css";

interface RichTextEditorProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  initial: RichTextDoc;
  onChange: (doc: RichTextDoc) => void;
}

/**
 * A rich-text field for one writer at a time (proposals, Vorlagen): the same vocabulary as the
 * shared editor, without collaboration; the server refuses stale saves instead.
 */
export function RichTextEditor({ id, label, hint, error, initial, onChange }: RichTextEditorProps) {
  const t = useTranslations("decisions.editor");
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const editor = useEditor({
    immediatelyRender: false,
    extensions: richTextExtensions(),
    content: initial,
    onUpdate: ({ editor: current }) => onChange(current.getJSON() as RichTextDoc),
    editorProps: {
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(hint || error ? { "aria-describedby": [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") } : {}),
        ...(error ? { "aria-invalid": "true" } : {}),
      },
    },
  });
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <p id={labelId}>
        <strong>{label}</strong>
      </p>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <div className={styles.editor}>
        {editor && <Toolbar editor={editor} label={t("toolbar")} />}
        <EditorContent editor={editor} className={styles.content} />
      </div>
    </div>
  );
}

function Toolbar({ editor, label }: { editor: Editor; label: string }) {
  const t = useTranslations("decisions.editor");
  const toolbarRef = useRef<HTMLDivElement>(null);
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({ bold: current.isActive("bold"), italic: current.isActive("italic"), bulletList: current.isActive("bulletList") }),
  });
  const buttons = [
    { name: "bold" as const, run: () => editor.chain().focus().toggleBold().run() },
    { name: "italic" as const, run: () => editor.chain().focus().toggleItalic().run() },
    { name: "bulletList" as const, run: () => editor.chain().focus().toggleBulletList().run() },
  ];
  // Arrow keys move between the buttons; the toolbar is one tab stop.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) return;
    const items = [...(toolbarRef.current?.querySelectorAll("button") ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.key === "Home" ? 0 : event.key === "End" ? items.length - 1 : (index + (event.key === "ArrowRight" ? 1 : -1) + items.length) % items.length;
    items[next]?.focus();
    event.preventDefault();
  }
  return (
    <div ref={toolbarRef} role="toolbar" aria-label={label} className={styles.toolbar} onKeyDown={onKeyDown}>
      {buttons.map((button, index) => (
        <button
          key={button.name}
          type="button"
          aria-pressed={active?.[button.name] ?? false}
          tabIndex={index === 0 ? 0 : -1}
          onMouseDown={(event) => event.preventDefault()}
          onClick={button.run}
        >
          {t(button.name)}
        </button>
      ))}
    </div>
  );
}
