"use client";

import { Collaboration } from "@tiptap/extension-collaboration";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, type KeyboardEvent } from "react";
import type * as Y from "yjs";
import { richTextExtensions } from "@/server/rich-text/extensions";
import type { SharedDocumentKey } from "@/server/schemas/shared-documents";
import styles from "./shared-editor.module.css";
import { useSharedDocument } from "./use-shared-document";

interface SharedEditorProps {
  /** Unique on the page; the label, hint and status hang off it. */
  id: string;
  conferenceId: string;
  documentKey: SharedDocumentKey;
  label: string;
  hint?: string;
  /** Read-only regardless of the server's answer, e.g. once a formulation is finalised. */
  readOnly?: boolean;
}

/**
 * A rich-text field several people edit at once. The text lives in a Yjs document synced over the
 * app's socket; the status under it says whether everything typed here is stored yet.
 */
export function SharedEditor({ id, conferenceId, documentKey, label, hint, readOnly = false }: SharedEditorProps) {
  const t = useTranslations("formulations.editor");
  const shared = useSharedDocument(conferenceId, documentKey);
  const isReadOnly = readOnly || shared.readOnly;
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const statusId = `${id}-status`;

  return (
    <div>
      <p id={labelId}>
        <strong>{label}</strong>
      </p>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {shared.error && (
        <p role="alert" className="form-error">
          {shared.error}
        </p>
      )}
      {/* A new document generation (after a refused change) needs a new editor bound to it. */}
      <CollaborativeEditor
        key={shared.generation}
        doc={shared.doc}
        ready={shared.generation >= 0}
        editable={!isReadOnly}
        labelId={labelId}
        describedBy={[hint ? hintId : null, statusId].filter(Boolean).join(" ")}
      />
      <div className={styles.meta}>
        <span id={statusId}>{isReadOnly ? t("readOnly") : t(`status.${shared.status}`)}</span>
        {shared.writers.length > 0 && <span>{t("writing", { names: shared.writers.join(", ") })}</span>}
      </div>
    </div>
  );
}

function CollaborativeEditor({ doc, ready, editable, labelId, describedBy }: { doc: Y.Doc; ready: boolean; editable: boolean; labelId: string; describedBy: string }) {
  const t = useTranslations("formulations.editor");
  const editor = useEditor(
    {
      // The server renders no editor; the client creates it once the document is there.
      immediatelyRender: false,
      extensions: [...richTextExtensions(), Collaboration.configure({ document: doc })],
      editable: ready && editable,
      editorProps: {
        attributes: {
          role: "textbox",
          "aria-multiline": "true",
          "aria-labelledby": labelId,
          "aria-describedby": describedBy,
        },
      },
    },
    [doc],
  );

  useEffect(() => {
    if (!editor) return;
    editor.setEditable(ready && editable);
    editor.view.dom.setAttribute("aria-readonly", String(!(ready && editable)));
  }, [editor, ready, editable]);

  return (
    <div className={styles.editor}>
      {editable && editor && <Toolbar editor={editor} label={t("toolbar")} />}
      <EditorContent editor={editor} className={styles.content} />
    </div>
  );
}

/** Bold, italic and bullet list; arrow keys move between the buttons, as in any toolbar. */
function Toolbar({ editor, label }: { editor: Editor; label: string }) {
  const t = useTranslations("formulations.editor");
  const toolbarRef = useRef<HTMLDivElement>(null);
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive("bold"),
      italic: current.isActive("italic"),
      bulletList: current.isActive("bulletList"),
    }),
  });
  const buttons = [
    { name: "bold" as const, run: () => editor.chain().focus().toggleBold().run() },
    { name: "italic" as const, run: () => editor.chain().focus().toggleItalic().run() },
    { name: "bulletList" as const, run: () => editor.chain().focus().toggleBulletList().run() },
  ];

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) return;
    const items = [...(toolbarRef.current?.querySelectorAll("button") ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === "Home" ? 0 : event.key === "End" ? items.length - 1 : (index + (event.key === "ArrowRight" ? 1 : -1) + items.length) % items.length;
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
          // One tab stop for the whole toolbar; the arrows do the rest.
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
