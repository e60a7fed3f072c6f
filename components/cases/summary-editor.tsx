"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { lifeAreas } from "@/server/schemas/case-kinds";
import { saveSummarySchema } from "@/server/schemas/cases";
import { FormField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";
import { summaryFormValues } from "./case-form-values";
import type { CaseSectionProps } from "./case-props";
import { DraftNotice, useFormDraft } from "./use-form-draft";

type SavedSummary = Parameters<typeof summaryFormValues>[1];

/** The pseudonymised Falldarstellung a case manager prepares for a conference. */
export function SummaryEditor({ caseId, abilities }: CaseSectionProps) {
  const trpc = useTRPC();
  const summaries = useQuery(trpc.cases.summaries.queryOptions({ caseId }));
  // The form opens once the latest version is known: it starts from it.
  if (!summaries.data) return null;
  const latest = summaries.data[0];
  return <SummaryForm caseId={caseId} canWrite={abilities.write} latest={latest} />;
}

function SummaryForm({
  caseId,
  canWrite,
  latest,
}: {
  caseId: string;
  canWrite: boolean;
  latest: (SavedSummary & { createdAt: Date | string }) | undefined;
}) {
  const t = useTranslations("cases.summary");
  const tCases = useTranslations("cases");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(saveSummarySchema, { defaultValues: summaryFormValues(caseId, latest) });
  const { attachForm, ...draft } = useFormDraft(caseId, "summary", canWrite, { form });
  const [success, setSuccess] = useState<string | null>(null);
  const save = useMutation(
    trpc.cases.saveSummary.mutationOptions({
      onSuccess: async () => {
        setSuccess(t("saved"));
        draft.clear();
        await queryClient.invalidateQueries({ queryKey: trpc.cases.summaries.queryKey({ caseId }) });
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  // A problem with the sections as a whole (an area twice) has no field of its own.
  const sectionsError = form.formState.errors.sections?.root?.message ?? form.formState.errors.sections?.message;
  const alert = useFormAlert(form, save.error, { hideWhenFieldsNamed: true });
  const onSubmit = form.handleSubmit((values) => {
    setSuccess(null);
    // What was saved becomes the form's starting point, as the latest version.
    save.mutate(values, { onSuccess: () => form.reset(summaryFormValues(caseId, values)) });
  });

  return (
    <form ref={attachForm} onChange={draft.onChange} onSubmit={onSubmit} noValidate className="card wide" aria-labelledby="summary-title">
      <h1 id="summary-title">{t("title")}</h1>
      <DraftNotice draft={draft} />
      <p className="notice">{t("intro")}</p>
      <FormStatus error={alert} success={success} />
      {latest && <p className="muted">{format.dateTime(new Date(latest.createdAt), { dateStyle: "medium", timeStyle: "short" })}</p>}
      <FormField form={form} name="title" id="summary-title-field" label={t("titleField")}>
        {(control) => <input {...control} readOnly={!canWrite} />}
      </FormField>
      <FormField form={form} name="body" id="summary-body" label={t("body")} hint={t("bodyHint")}>
        {(control) => <textarea {...control} rows={12} readOnly={!canWrite} />}
      </FormField>
      <fieldset aria-describedby="summary-sections-hint">
        <legend>{t("sections")}</legend>
        <p id="summary-sections-hint" className="muted">
          {t("sectionsHint")}
        </p>
        {sectionsError && (
          <p role="alert" className="form-error">
            {sectionsError}
          </p>
        )}
        {lifeAreas.map((lifeArea, index) => (
          <FormField
            key={lifeArea}
            form={form}
            name={`sections.${index}.text`}
            id={`summary-section-${lifeArea}`}
            label={t("section", { lifeArea: tCases(`lifeAreas.${lifeArea}`) })}
          >
            {(control) => <textarea {...control} rows={3} readOnly={!canWrite} />}
          </FormField>
        ))}
      </fieldset>
      {canWrite && (
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {t("save")}
        </button>
      )}
    </form>
  );
}
