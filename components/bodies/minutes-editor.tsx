"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { EditorContent, useEditor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { RichTextDoc } from "@/server/rich-text/validate";
import { richTextExtensions } from "@/server/rich-text/extensions";
import styles from "../conferences/shared-editor.module.css";
import { FormStatus } from "../forms/form-status";
import { useTRPC } from "../trpc/client";

/**
 * The minutes in a plain (non-collaborative) editor. A save names the version the editor started
 * from; if a colleague saved in between, the server refuses and the text here stays for copying.
 */
export function MinutesEditor({ sessionId, minutes, version, onSaved }: { sessionId: string; minutes: RichTextDoc | null; version: number; onSaved: () => unknown }) {
  const t = useTranslations("sessions.minutes");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [success, setSuccess] = useState<string | null>(null);
  const editor = useEditor({
    immediatelyRender: false,
    extensions: richTextExtensions(),
    content: minutes ?? undefined,
    editorProps: { attributes: { role: "textbox", "aria-multiline": "true", "aria-labelledby": "minutes-label", "aria-describedby": "minutes-hint" } },
  });
  const save = useMutation(
    trpc.sessions.saveMinutes.mutationOptions({
      onSuccess: async ({ minutesVersion }) => {
        setSuccess(t("saved", { version: minutesVersion }));
        await onSaved();
      },
    }),
  );
  const [draftError, setDraftError] = useState<string | null>(null);
  async function loadDraft() {
    setDraftError(null);
    try {
      const { doc } = await queryClient.fetchQuery(trpc.sessions.minutesDraft.queryOptions({ sessionId }, { staleTime: 0 }));
      editor?.commands.setContent(doc);
      setSuccess(t("drafted"));
    } catch (error) {
      setDraftError((error as Error).message);
    }
  }
  return (
    <div>
      <p id="minutes-label">
        <strong>{t("editorLabel")}</strong>
      </p>
      <p id="minutes-hint" className="field-hint">
        {t("editorHint")}
      </p>
      <FormStatus error={save.error?.message ?? draftError} success={success} />
      <div className={styles.editor}>
        <EditorContent editor={editor} className={styles.content} />
      </div>
      <div className="form-actions">
        <button type="button" className="button-secondary" onClick={loadDraft} disabled={!editor}>
          {t("draftButton")}
        </button>
        <button
          type="button"
          className="button-primary"
          disabled={!editor || save.isPending}
          onClick={() => {
            setSuccess(null);
            save.mutate({ sessionId, minutes: editor!.getJSON(), expectedVersion: version });
          }}
        >
          {save.isPending ? t("saving") : t("save")}
        </button>
      </div>
    </div>
  );
}
