"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { themeUrgencies, type ThemeUrgency } from "@/server/schemas/steering-kinds";
import type { ThemeStatus } from "@/server/schemas/theme-kinds";
import { mergeThemesSchema, setThemeUrgencySchema, splitThemeSchema, transitionThemeSchema } from "@/server/schemas/themes";
import { FormField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { firstErrorMessage, useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";

/** Moves the theme one allowed step along the path, with the required note. */
export function ThemeTransitionForm({ themeId, transitions }: { themeId: string; transitions: readonly ThemeStatus[] }) {
  const t = useTranslations("themes");
  const trpc = useTRPC();
  const router = useRouter();
  const form = useZodForm(transitionThemeSchema, { defaultValues: { themeId, to: transitions[0], note: "" } });
  const transition = useMutation(
    trpc.themes.transition.mutationOptions({ onSuccess: () => router.refresh(), onError: (error) => setServerErrors(form, error) }),
  );
  const alert = useFormAlert(form, transition.error, { hideWhenFieldsNamed: true });
  if (transitions.length === 0) return <p>{t("manage.noTransitions")}</p>;
  const onSubmit = form.handleSubmit((values) => transition.mutate(values, { onSuccess: () => form.reset() }));
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="transition-title">
      <h3 id="transition-title">{t("manage.transition")}</h3>
      <FormStatus error={alert} success={transition.isSuccess ? t("manage.transitionDone") : null} />
      <FormField form={form} name="to" id="transition-to" label={t("manage.to")}>
        {(control) => (
          <select {...control}>
            {transitions.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField form={form} name="note" id="transition-note" label={t("manage.note")} hint={t("manage.noteHint")}>
        {(control) => <textarea {...control} rows={3} required />}
      </FormField>
      <button type="submit" className="button-primary" disabled={transition.isPending}>
        {t("manage.transitionSubmit")}
      </button>
    </form>
  );
}

export function ThemeUrgencyForm({ themeId, urgency }: { themeId: string; urgency: ThemeUrgency }) {
  const t = useTranslations("themes");
  const trpc = useTRPC();
  const router = useRouter();
  const form = useZodForm(setThemeUrgencySchema, { defaultValues: { themeId, urgency } });
  const save = useMutation(
    trpc.themes.setUrgency.mutationOptions({ onSuccess: () => router.refresh(), onError: (error) => setServerErrors(form, error) }),
  );
  const alert = useFormAlert(form, save.error, { hideWhenFieldsNamed: true });
  const onSubmit = form.handleSubmit((values) => save.mutate(values));
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="urgency-title">
      <h3 id="urgency-title">{t("manage.urgency")}</h3>
      <FormStatus error={alert} success={save.isSuccess ? t("manage.urgencyDone") : null} />
      <FormField form={form} name="urgency" id="urgency-value" label={t("manage.urgency")}>
        {(control) => (
          <select {...control}>
            {themeUrgencies.map((u) => (
              <option key={u} value={u}>
                {t(`urgencies.${u}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <button type="submit" className="button-secondary" disabled={save.isPending}>
        {t("manage.urgencySubmit")}
      </button>
    </form>
  );
}

/** Merges another visible theme into this one; the choice lists the registry's other themes. */
export function MergeIntoThemeForm({ themeId, candidates }: { themeId: string; candidates: { id: string; title: string }[] }) {
  const t = useTranslations("themes");
  const trpc = useTRPC();
  const router = useRouter();
  const form = useZodForm(mergeThemesSchema, { defaultValues: { targetThemeId: themeId, mergedThemeId: "", note: "" } });
  const merge = useMutation(
    trpc.themes.merge.mutationOptions({ onSuccess: () => router.refresh(), onError: (error) => setServerErrors(form, error) }),
  );
  const alert = useFormAlert(form, merge.error, { hideWhenFieldsNamed: true });
  const onSubmit = form.handleSubmit((values) => merge.mutate(values));
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="merge-title">
      <h3 id="merge-title">{t("manage.mergeTitle")}</h3>
      <FormStatus error={alert} success={merge.isSuccess ? t("manage.mergeDone") : null} />
      <FormField form={form} name="mergedThemeId" id="merge-theme" label={t("manage.mergeTheme")}>
        {(control) => (
          <select {...control}>
            <option value="">{t("manage.choose")}</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField form={form} name="note" id="merge-note" label={t("manage.mergeNote")}>
        {(control) => <input {...control} type="text" maxLength={2000} />}
      </FormField>
      <button type="submit" className="button-secondary" disabled={merge.isPending}>
        {t("manage.mergeSubmit")}
      </button>
    </form>
  );
}

export function UndoMergeButton({ mergeId, title }: { mergeId: string; title: string }) {
  const t = useTranslations("themes");
  const trpc = useTRPC();
  const router = useRouter();
  const undo = useMutation(trpc.themes.undoMerge.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <>
      <button type="button" className="button-secondary" disabled={undo.isPending} onClick={() => undo.mutate({ mergeId })}>
        {t("undoMerge", { title })}
      </button>
      <FormStatus error={undo.error?.message} success={undo.isSuccess ? t("undone") : null} />
    </>
  );
}

/** Picks sources of this theme to form a new theme with its own title and wording. */
export function SplitThemeForm({ themeId, sources }: { themeId: string; sources: { id: string; label: string }[] }) {
  const t = useTranslations("themes");
  const trpc = useTRPC();
  const router = useRouter();
  const [created, setCreated] = useState<string | null>(null);
  const form = useZodForm(splitThemeSchema, { defaultValues: { themeId, sourceIds: [], title: "", description: "" } });
  const split = useMutation(
    trpc.themes.split.mutationOptions({
      onError: (error) => setServerErrors(form, error),
      onSuccess: (result) => {
        setCreated(result.themeId);
        router.refresh();
      },
    }),
  );
  const alert = useFormAlert(form, split.error, { hideWhenFieldsNamed: true });
  const sourcesError = firstErrorMessage(form.formState.errors.sourceIds);
  const onSubmit = form.handleSubmit((values) => split.mutate(values));
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="split-title">
      <h3 id="split-title">{t("manage.splitTitle")}</h3>
      <p>{t("manage.splitIntro")}</p>
      <FormStatus error={alert} success={split.isSuccess ? t("manage.splitDone") : null} />
      {created && <Link href={`/themes/${created}`}>{t("manage.openNew")}</Link>}
      <fieldset aria-describedby={sourcesError ? "split-sources-error" : undefined}>
        <legend>{t("manage.splitSources")}</legend>
        {sourcesError && (
          <p className="field-error" id="split-sources-error">
            {sourcesError}
          </p>
        )}
        {sources.map((source) => (
          <div key={source.id}>
            <input type="checkbox" id={`split-source-${source.id}`} {...form.register("sourceIds")} value={source.id} />{" "}
            <label htmlFor={`split-source-${source.id}`}>{source.label}</label>
          </div>
        ))}
      </fieldset>
      <FormField form={form} name="title" id="split-title-field" label={t("manage.splitTitleField")}>
        {(control) => <input {...control} type="text" maxLength={200} />}
      </FormField>
      <FormField form={form} name="description" id="split-description" label={t("manage.splitDescription")}>
        {(control) => <textarea {...control} rows={3} />}
      </FormField>
      <button type="submit" className="button-secondary" disabled={split.isPending}>
        {t("manage.splitSubmit")}
      </button>
    </form>
  );
}
