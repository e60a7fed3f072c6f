"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import type { FieldPath, FieldValues, PathValue, UseFormReturn } from "react-hook-form";
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

/** The part of a react-hook-form form that a restored draft has to reach, by the inputs' names. */
interface DraftedForm {
  getValues: (name: string) => unknown;
  setValue: (name: string, value: string | string[]) => void;
  register: (name: string) => { onChange: (event: { target: EventTarget; type: string }) => unknown };
}

function draftedForm<T extends FieldValues, TOut>(form: UseFormReturn<T, unknown, TOut>): DraftedForm {
  return {
    getValues: (name) => form.getValues(name as FieldPath<T>),
    setValue: (name, value) => form.setValue(name as FieldPath<T>, value as PathValue<T, FieldPath<T>>),
    register: (name) => form.register(name as FieldPath<T>),
  };
}

/**
 * react-hook-form keeps its own copy of the values: after the draft was written into the inputs,
 * each input reports its new state as if the user had changed it (checkbox groups and radios read
 * as a whole). A field not shown right now (it appears for some choices only) takes the draft's
 * values directly, so it has them when it appears.
 */
function syncDraftedForm(form: HTMLFormElement, fields: Record<string, string[]>, drafted: DraftedForm) {
  const shown = new Set<string>();
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement)) continue;
    if (!element.name || shown.has(element.name)) continue;
    shown.add(element.name);
    if (drafted.getValues(element.name) === undefined) continue;
    void drafted.register(element.name).onChange({ target: element, type: "change" });
  }
  for (const [name, values] of Object.entries(fields)) {
    if (shown.has(name)) continue;
    const current = drafted.getValues(name);
    if (Array.isArray(current)) drafted.setValue(name, values);
    else if (typeof current === "string" && values[0] !== undefined) drafted.setValue(name, values[0]);
  }
}

const restoredForms = new WeakSet<HTMLFormElement>();

/**
 * Autosaves an unfinished case form on the server a moment after each change and restores it when
 * the form is opened again, so nothing typed is lost to a closed tab or a lost connection.
 */
export function useFormDraft<TValues extends FieldValues = FieldValues, TOut = TValues>(
  caseId: string,
  formKey: DraftFormKey,
  enabled: boolean,
  options: {
    /** For fields React controls (state-driven selects, rows added by button): put them back from the draft. */
    onRestore?: (fields: Record<string, string[]>) => void;
    /** The react-hook-form form the inputs are registered with, told about the restored values. */
    form?: UseFormReturn<TValues, unknown, TOut>;
  } = {},
) {
  const trpc = useTRPC();
  const onRestore = useRef(options.onRestore);
  const registered = useRef(options.form);
  useEffect(() => {
    onRestore.current = options.onRestore;
    registered.current = options.form;
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
    if (registered.current) syncDraftedForm(formElement, draft.data.fields, draftedForm(registered.current));
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
