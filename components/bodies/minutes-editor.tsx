"use client";

import { useQueryClient } from "@tanstack/react-query";
import type { Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormStatus } from "../forms/form-status";
import { SharedEditor } from "../shared-documents/shared-editor";
import { useTRPC } from "../trpc/client";

/**
 * The minutes of a session, written by the coordination together and stored keystroke by
 * keystroke; those who may only read them watch the text grow. Approval freezes them.
 */
export function MinutesEditor({ sessionId, canWrite }: { sessionId: string; canWrite: boolean }) {
  const t = useTranslations("sessions.minutes");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<{ error: string | null; success: string | null }>({ error: null, success: null });

  /** The draft goes in like typing: an empty text is replaced, otherwise it is added at the end. */
  async function insertDraft(editor: Editor) {
    setStatus({ error: null, success: null });
    try {
      const { doc } = await queryClient.fetchQuery(trpc.sessions.minutesDraft.queryOptions({ sessionId }, { staleTime: 0 }));
      if (editor.isEmpty) editor.commands.setContent(doc);
      else editor.commands.insertContentAt(editor.state.doc.content.size, doc.content ?? []);
      setStatus({ error: null, success: t("drafted") });
    } catch (error) {
      setStatus({ error: (error as Error).message, success: null });
    }
  }

  return (
    <div>
      <FormStatus error={status.error} success={status.success} />
      <SharedEditor
        id="minutes"
        address={{ sessionId, key: "minutes" }}
        label={t("editorLabel")}
        hint={canWrite ? t("editorHint") : t("liveHint")}
        readOnly={!canWrite}
        readOnlyNote={canWrite ? undefined : t("readAlong")}
        actions={(editor) => (
          <div className="form-actions">
            <button type="button" className="button-secondary" onClick={() => insertDraft(editor)}>
              {t("draftButton")}
            </button>
          </div>
        )}
      />
    </div>
  );
}
