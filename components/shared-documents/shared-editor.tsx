"use client";

import { Collaboration } from "@tiptap/extension-collaboration";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useEffect, type ReactNode } from "react";
import type * as Y from "yjs";
import { richTextExtensions } from "@/server/rich-text/extensions";
import type { DocumentAddress } from "@/server/schemas/shared-documents";
import { RichTextToolbar } from "../forms/rich-text-toolbar";
import styles from "./shared-editor.module.css";
import { useSharedDocument } from "./use-shared-document";

interface SharedEditorProps {
  /** Unique on the page; the label, hint and status hang off it. */
  id: string;
  address: DocumentAddress;
  label: string;
  hint?: string;
  /** Read-only regardless of the server's answer, e.g. once a formulation is finalised. */
  readOnly?: boolean;
  /** Says why the text cannot be edited; by default that it is closed. */
  readOnlyNote?: string;
  /** Buttons under the text for those who may write, e.g. to insert a prepared draft. */
  actions?: (editor: Editor) => ReactNode;
}

/**
 * A rich-text field several people edit at once. The text lives in a Yjs document synced over the
 * app's socket; the status under it says whether everything typed here is stored yet.
 */
export function SharedEditor({ id, address, label, hint, readOnly = false, readOnlyNote, actions }: SharedEditorProps) {
  const t = useTranslations("formulations.editor");
  const shared = useSharedDocument(address);
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
        actions={actions}
      />
      <div className={styles.meta}>
        <span id={statusId}>{isReadOnly ? (readOnlyNote ?? t("readOnly")) : t(`status.${shared.status}`)}</span>
        {shared.writers.length > 0 && <span>{t("writing", { names: shared.writers.join(", ") })}</span>}
      </div>
    </div>
  );
}

interface CollaborativeEditorProps {
  doc: Y.Doc;
  ready: boolean;
  editable: boolean;
  labelId: string;
  describedBy: string;
  actions?: (editor: Editor) => ReactNode;
}

function CollaborativeEditor({ doc, ready, editable, labelId, describedBy, actions }: CollaborativeEditorProps) {
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
    <>
      <div className={styles.editor}>
        {editable && editor && (
          <RichTextToolbar
            editor={editor}
            label={t("toolbar")}
            labels={{ bold: t("bold"), italic: t("italic"), bulletList: t("bulletList") }}
            className={styles.toolbar}
          />
        )}
        <EditorContent editor={editor} className={styles.content} />
      </div>
      {ready && editable && editor && actions?.(editor)}
    </>
  );
}
