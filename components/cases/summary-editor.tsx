"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { lifeAreas } from "@/server/schemas/case-kinds";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { useTRPC } from "../trpc/client";
import type { CaseSectionProps } from "./case-props";
import { nestedFieldErrors } from "./create-case-form";
import { DraftNotice, useFormDraft } from "./use-form-draft";

/** The pseudonymised Falldarstellung a case manager prepares for a conference. */
export function SummaryEditor({ caseId, abilities }: CaseSectionProps) {
  const t = useTranslations("cases.summary");
  const tCases = useTranslations("cases");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const summaries = useQuery(trpc.cases.summaries.queryOptions({ caseId }));
  const { attachForm, ...draft } = useFormDraft(caseId, "summary", abilities.write);
  const [success, setSuccess] = useState<string | null>(null);
  const save = useMutation(
    trpc.cases.saveSummary.mutationOptions({
      onSuccess: async () => {
        setSuccess(t("saved"));
        draft.clear();
        await queryClient.invalidateQueries({ queryKey: trpc.cases.summaries.queryKey({ caseId }) });
      },
    }),
  );
  const errors = nestedFieldErrors(save.error);
  const latest = summaries.data?.[0];
  const sectionsError = Object.entries(errors).find(([path]) => path === "sections" || path.startsWith("sections."))?.[1];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSuccess(null);
    // Only the life areas with text become sections.
    const sections = lifeAreas
      .map((lifeArea) => ({ lifeArea, text: String(form.get(`section-${lifeArea}`) ?? "").trim() }))
      .filter((section) => section.text !== "");
    save.mutate({ caseId, title: String(form.get("title") ?? ""), body: String(form.get("body") ?? ""), sections });
  }

  return (
    <form
      ref={attachForm}
      onChange={draft.onChange}
      onSubmit={onSubmit}
      noValidate
      className="card wide"
      aria-labelledby="summary-title"
      key={latest?.id ?? "new"}
    >
      <h1 id="summary-title">{t("title")}</h1>
      <DraftNotice draft={draft} />
      <p className="notice">{t("intro")}</p>
      <FormStatus error={save.error && !errors.body && !sectionsError ? save.error.message : null} success={success} />
      {latest && <p className="muted">{format.dateTime(new Date(latest.createdAt), { dateStyle: "medium", timeStyle: "short" })}</p>}
      <Field id="summary-title-field" label={t("titleField")} error={errors.title}>
        {(d) => <input id="summary-title-field" name="title" defaultValue={latest?.title ?? ""} readOnly={!abilities.write} {...d} />}
      </Field>
      <Field id="summary-body" label={t("body")} hint={t("bodyHint")} error={errors.body}>
        {(d) => <textarea id="summary-body" name="body" rows={12} defaultValue={latest?.body ?? ""} readOnly={!abilities.write} {...d} />}
      </Field>
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
        {lifeAreas.map((lifeArea) => (
          <Field key={lifeArea} id={`summary-section-${lifeArea}`} label={t("section", { lifeArea: tCases(`lifeAreas.${lifeArea}`) })}>
            {(d) => (
              <textarea
                id={`summary-section-${lifeArea}`}
                name={`section-${lifeArea}`}
                rows={3}
                defaultValue={latest?.sections.find((section) => section.lifeArea === lifeArea)?.text ?? ""}
                readOnly={!abilities.write}
                {...d}
              />
            )}
          </Field>
        ))}
      </fieldset>
      {abilities.write && (
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {t("save")}
        </button>
      )}
    </form>
  );
}
