"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import type { draftFormKeys } from "@/server/schemas/cases";
import { useTRPC } from "../trpc/client";

type DraftFormKey = (typeof draftFormKeys)[number];

function fieldsOf(form: HTMLFormElement): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const [name, value] of new FormData(form).entries()) {
    if (typeof value === "string") (fields[name] ??= []).push(value);
  }
  return fields;
}

/** Puts saved values back into an uncontrolled form: text by name, boxes and radios by value. */
function applyFields(form: HTMLFormElement, fields: Record<string, string[]>) {
  for (const element of Array.from(form.elements)) {
    if (
      !(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) ||
      !element.name
    )
      continue;
    const values = fields[element.name];
    if (element instanceof HTMLInputElement && (element.type === "checkbox" || element.type === "radio")) {
      element.checked = (values ?? []).includes(element.value);
    } else if (values?.[0] !== undefined) {
      element.value = values[0];
    }
  }
}

const restoredForms = new WeakSet<HTMLFormElement>();

/**
 * Autosaves an unfinished case form on the server a moment after each change and restores it when
 * the form is opened again, so nothing typed is lost to a closed tab or a lost connection.
 */
export function useFormDraft(
  caseId: string,
  formKey: DraftFormKey,
  enabled: boolean,
  options: {
    /** For fields React controls (state-driven selects, rows added by button): put them back from the draft. */
    onRestore?: (fields: Record<string, string[]>) => void;
  } = {},
) {
  const trpc = useTRPC();
  const onRestore = useRef(options.onRestore);
  useEffect(() => {
    onRestore.current = options.onRestore;
  });
  // A callback ref: the form may appear only after its data has loaded.
  const [formElement, attachForm] = useState<HTMLFormElement | null>(null);
  const [pending, setPending] = useState<Record<string, string[]> | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const draft = useQuery({ ...trpc.cases.draft.queryOptions({ caseId, formKey }), enabled, staleTime: Infinity, gcTime: 0 });
  const { mutate: saveDraft, data: saved, isError: saveFailed, reset: resetSave } = useMutation(trpc.cases.saveDraft.mutationOptions());
  const { mutate: discardDraft } = useMutation(trpc.cases.discardDraft.mutationOptions());

  useEffect(() => {
    // Restore once per form element, even if the query refreshes.
    if (!draft.data || !formElement || restoredForms.has(formElement)) return;
    restoredForms.add(formElement);
    applyFields(formElement, draft.data.fields);
    onRestore.current?.(draft.data.fields);
  }, [draft.data, formElement]);

  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => saveDraft({ caseId, formKey, fields: pending }), 1200);
    return () => clearTimeout(timer);
  }, [pending, saveDraft, caseId, formKey]);

  const onChange = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      if (enabled) setPending(fieldsOf(event.currentTarget));
    },
    [enabled],
  );

  /** Saves the form as it stands now, for changes that fire no change event (a row removed by button). */
  const capture = useCallback(() => {
    if (enabled && formElement) setPending(fieldsOf(formElement));
  }, [enabled, formElement]);

  const clear = useCallback(() => {
    setPending(null);
    setDismissed(true);
    resetSave();
    discardDraft({ caseId, formKey });
  }, [discardDraft, resetSave, caseId, formKey]);

  const restoredAt = !dismissed && draft.data ? new Date(draft.data.updatedAt) : null;
  return { attachForm, onChange, capture, clear, restoredAt, savedAt: saved?.savedAt ?? null, saveFailed };
}

/** Tells the case manager that a draft was restored or saved, with a way to throw it away. */
export function DraftNotice({ draft }: { draft: Omit<ReturnType<typeof useFormDraft>, "attachForm" | "capture"> }) {
  const t = useTranslations("cases.drafts");
  const format = useFormatter();
  const time = (date: Date) => format.dateTime(new Date(date), { dateStyle: "short", timeStyle: "short" });
  return (
    <p className="draft-notice" role="status">
      {draft.saveFailed && t("saveFailed")}
      {!draft.saveFailed && draft.savedAt && t("saved", { time: time(draft.savedAt) })}
      {!draft.saveFailed && !draft.savedAt && draft.restoredAt && (
        <>
          {t("restored", { time: time(draft.restoredAt) })}{" "}
          <button type="button" className="button-link" onClick={draft.clear}>
            {t("discard")}
          </button>
        </>
      )}
    </p>
  );
}
