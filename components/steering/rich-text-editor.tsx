"use client";

import { EditorContent, useEditor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { richTextExtensions } from "@/server/rich-text/extensions";
import type { RichTextDoc } from "@/server/rich-text/validate";
import styles from "@/components/shared-documents/shared-editor.module.css";
import { RichTextToolbar } from "../forms/rich-text-toolbar";

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
        {editor && (
          <RichTextToolbar
            editor={editor}
            label={t("toolbar")}
            labels={{ bold: t("bold"), italic: t("italic"), bulletList: t("bulletList") }}
            className={styles.toolbar}
          />
        )}
        <EditorContent editor={editor} className={styles.content} />
      </div>
    </div>
  );
}
