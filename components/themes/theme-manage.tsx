"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { themeUrgencies, type ThemeUrgency } from "@/server/schemas/steering-kinds";
import type { ThemeStatus } from "@/server/schemas/theme-kinds";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { fieldErrorsOf } from "../forms/use-field-errors";
import { useTRPC } from "../trpc/client";

/** Moves the theme one allowed step along the path, with the required note. */
export function ThemeTransitionForm({ themeId, transitions }: { themeId: string; transitions: readonly ThemeStatus[] }) {
  const t = useTranslations("themes");
  const trpc = useTRPC();
  const router = useRouter();
  const transition = useMutation(trpc.themes.transition.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = fieldErrorsOf(transition.error);
  if (transitions.length === 0) return <p>{t("manage.noTransitions")}</p>;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    transition.mutate(
      { themeId, to: String(form.get("to")) as ThemeStatus, note: String(form.get("note") ?? "") },
      { onSuccess: () => (event.target as HTMLFormElement).reset() },
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="transition-title">
      <h3 id="transition-title">{t("manage.transition")}</h3>
      <FormStatus
        error={transition.error && !Object.keys(errors).length ? transition.error.message : null}
        success={transition.isSuccess ? t("manage.transitionDone") : null}
      />
      <Field id="transition-to" label={t("manage.to")} error={errors.to}>
        {(d) => (
          <select id="transition-to" name="to" {...d}>
            {transitions.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="transition-note" label={t("manage.note")} hint={t("manage.noteHint")} error={errors.note}>
        {(d) => <textarea id="transition-note" name="note" rows={3} required {...d} />}
      </Field>
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
  const save = useMutation(trpc.themes.setUrgency.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = fieldErrorsOf(save.error);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({ themeId, urgency: String(new FormData(event.currentTarget).get("urgency")) as ThemeUrgency });
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="urgency-title">
      <h3 id="urgency-title">{t("manage.urgency")}</h3>
      <FormStatus
        error={save.error && !Object.keys(errors).length ? save.error.message : null}
        success={save.isSuccess ? t("manage.urgencyDone") : null}
      />
      <Field id="urgency-value" label={t("manage.urgency")} error={errors.urgency}>
        {(d) => (
          <select id="urgency-value" name="urgency" defaultValue={urgency} {...d}>
            {themeUrgencies.map((u) => (
              <option key={u} value={u}>
                {t(`urgencies.${u}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
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
  const merge = useMutation(trpc.themes.merge.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = fieldErrorsOf(merge.error);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    merge.mutate({ targetThemeId: themeId, mergedThemeId: String(form.get("mergedThemeId") ?? ""), note: String(form.get("note") ?? "") });
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="merge-title">
      <h3 id="merge-title">{t("manage.mergeTitle")}</h3>
      <FormStatus
        error={merge.error && !Object.keys(errors).length ? merge.error.message : null}
        success={merge.isSuccess ? t("manage.mergeDone") : null}
      />
      <Field id="merge-theme" label={t("manage.mergeTheme")} error={errors.mergedThemeId}>
        {(d) => (
          <select id="merge-theme" name="mergedThemeId" defaultValue="" {...d}>
            <option value="">{t("manage.choose")}</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="merge-note" label={t("manage.mergeNote")} error={errors.note}>
        {(d) => <input id="merge-note" name="note" type="text" maxLength={2000} {...d} />}
      </Field>
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
  const split = useMutation(
    trpc.themes.split.mutationOptions({
      onSuccess: (result) => {
        setCreated(result.themeId);
        router.refresh();
      },
    }),
  );
  const errors = fieldErrorsOf(split.error);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    split.mutate({
      themeId,
      sourceIds: form.getAll("sourceIds").map(String),
      title: String(form.get("title") ?? ""),
      description: String(form.get("description") ?? ""),
    });
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="split-title">
      <h3 id="split-title">{t("manage.splitTitle")}</h3>
      <p>{t("manage.splitIntro")}</p>
      <FormStatus
        error={split.error && !Object.keys(errors).length ? split.error.message : null}
        success={split.isSuccess ? t("manage.splitDone") : null}
      />
      {created && <Link href={`/themes/${created}`}>{t("manage.openNew")}</Link>}
      <fieldset aria-describedby={errors.sourceIds ? "split-sources-error" : undefined}>
        <legend>{t("manage.splitSources")}</legend>
        {errors.sourceIds && (
          <p className="field-error" id="split-sources-error">
            {errors.sourceIds}
          </p>
        )}
        {sources.map((source) => (
          <div key={source.id}>
            <input type="checkbox" id={`split-source-${source.id}`} name="sourceIds" value={source.id} />{" "}
            <label htmlFor={`split-source-${source.id}`}>{source.label}</label>
          </div>
        ))}
      </fieldset>
      <Field id="split-title-field" label={t("manage.splitTitleField")} error={errors.title}>
        {(d) => <input id="split-title-field" name="title" type="text" maxLength={200} {...d} />}
      </Field>
      <Field id="split-description" label={t("manage.splitDescription")} error={errors.description}>
        {(d) => <textarea id="split-description" name="description" rows={3} {...d} />}
      </Field>
      <button type="submit" className="button-secondary" disabled={split.isPending}>
        {t("manage.splitSubmit")}
      </button>
    </form>
  );
}
