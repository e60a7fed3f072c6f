"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { saveVorlageVersionSchema } from "@/server/schemas/decisions";
import type { AppRouter } from "@/server/app-router";
import { Field } from "../forms/field";
import { FormField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { firstErrorMessage, useFormAlert, useZodForm } from "../forms/use-zod-form";
import { RichTextView } from "../themes/rich-text-view";
import { useTRPC } from "../trpc/client";
import { EvidencePack } from "./evidence-pack";
import { RichTextEditor } from "./rich-text-editor";
import styles from "./steering.module.css";

type Vorlage = inferRouterOutputs<AppRouter>["steering"]["vorlagen"]["get"];

/** One Vorlage: its current text and evidence, its versions with PDFs, the changes between two of them. */
export function VorlageView({ vorlageId }: { vorlageId: string }) {
  const t = useTranslations("decisions.vorlage");
  const tStatus = useTranslations("decisions.vorlageStatuses");
  const tThemes = useTranslations("themes");
  const format = useFormatter();
  const trpc = useTRPC();
  const query = useQuery(trpc.steering.vorlagen.get.queryOptions({ vorlageId }));
  if (query.error)
    return (
      <p role="alert" className="form-error">
        {query.error.message}
      </p>
    );
  const vorlage = query.data;
  if (!vorlage) return null;
  const date = (value: Date) => format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <h1>{vorlage.title}</h1>
      <p>
        <span className="status-badge">{tStatus(vorlage.status)}</span>{" "}
        <Link href={`/themes/${vorlage.theme.id}`}>{t("themeLink", { title: vorlage.theme.title })}</Link> (
        {tThemes(`statuses.${vorlage.theme.status}`)})
      </p>
      {vorlage.current && (
        <section aria-labelledby="vorlage-current">
          <h2 id="vorlage-current">
            {t("currentVersion", {
              version: vorlage.current.version,
              date: date(vorlage.current.createdAt),
              name: vorlage.current.authorName,
            })}
          </h2>
          <RichTextView doc={vorlage.current.body} />
        </section>
      )}
      {vorlage.abilities.edit && vorlage.current && <SaveVersionForm key={vorlage.current.version} vorlage={vorlage} />}
      <section aria-labelledby="vorlage-versions">
        <h2 id="vorlage-versions">{t("versionsHeading")}</h2>
        <ul>
          {vorlage.versions.map((version) => (
            <li key={version.version}>
              {t("versionLine", { version: version.version, date: date(version.createdAt), name: version.authorName })} ·{" "}
              <a
                href={`/api/steering/vorlagen/${vorlage.id}/${version.version}`}
                aria-label={t("pdfContext", { version: version.version })}
              >
                {t("pdf")}
              </a>
            </li>
          ))}
        </ul>
      </section>
      {/* A new version resets the compared pair to the newest two. */}
      <VersionDiff key={vorlage.versions.length} vorlageId={vorlage.id} versions={vorlage.versions.map((v) => v.version)} />
      {vorlage.current && <EvidencePack evidence={vorlage.current.evidence} />}
    </>
  );
}

function SaveVersionForm({ vorlage }: { vorlage: Vorlage }) {
  const t = useTranslations("decisions.vorlage");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = vorlage.current!;
  const [success, setSuccess] = useState<string | null>(null);
  // The form starts afresh with each saved version (the component is keyed by it).
  const form = useZodForm(saveVorlageVersionSchema, {
    defaultValues: { vorlageId: vorlage.id, expectedVersion: current.version, title: vorlage.title, body: current.body },
  });
  const save = useMutation(
    trpc.steering.vorlagen.saveVersion.mutationOptions({
      onSuccess: async (saved) => {
        setSuccess(t("saved", { version: saved.version }));
        await queryClient.invalidateQueries({ queryKey: trpc.steering.vorlagen.get.queryKey({ vorlageId: vorlage.id }) });
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const alert = useFormAlert(form, save.error, { hideWhenFieldsNamed: true });
  const onSubmit = form.handleSubmit((values) => {
    setSuccess(null);
    save.mutate(values);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="card wide" aria-labelledby="save-version-title">
      <h2 id="save-version-title">{t("editHeading")}</h2>
      <p className="muted">{t("editHint", { version: current.version })}</p>
      <FormStatus error={alert} success={success} />
      <FormField form={form} name="title" id="vorlage-title" label={t("title")}>
        {(control) => <input {...control} maxLength={200} />}
      </FormField>
      <RichTextEditor
        id="vorlage-body"
        label={t("body")}
        hint={t("bodyHint")}
        error={firstErrorMessage(form.formState.errors.body)}
        initial={current.body}
        onChange={(doc) => form.setValue("body", doc)}
      />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}

/** Word-level changes between two versions, marked with ins/del and announced for screen readers. */
function VersionDiff({ vorlageId, versions }: { vorlageId: string; versions: number[] }) {
  const t = useTranslations("decisions.vorlage");
  const trpc = useTRPC();
  const latest = versions.at(-1) ?? 1;
  const [range, setRange] = useState({ from: Math.max(1, latest - 1), to: latest });
  const [pending, setPending] = useState(range);
  const diff = useQuery({ ...trpc.steering.vorlagen.diff.queryOptions({ vorlageId, ...range }), enabled: versions.length > 1 });
  if (versions.length < 2) {
    return (
      <section aria-labelledby="vorlage-diff">
        <h2 id="vorlage-diff">{t("diffHeading")}</h2>
        <p>{t("onlyOneVersion")}</p>
      </section>
    );
  }
  const select = (id: string, label: string, value: number, onChange: (value: number) => void) => (
    <Field id={id} label={label}>
      {(d) => (
        <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))} {...d}>
          {versions.map((version) => (
            <option key={version} value={version}>
              {version}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <section aria-labelledby="vorlage-diff">
      <h2 id="vorlage-diff">{t("diffHeading")}</h2>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          setRange(pending);
        }}
      >
        {select("diff-from", t("diffFrom"), pending.from, (from) => setPending((p) => ({ ...p, from })))}
        {select("diff-to", t("diffTo"), pending.to, (to) => setPending((p) => ({ ...p, to })))}
        <button type="submit" className="button-secondary">
          {t("diffShow")}
        </button>
      </form>
      <p className="muted">{t("diffLegend")}</p>
      {diff.error && (
        <p role="alert" className="form-error">
          {diff.error.message}
        </p>
      )}
      {diff.data && (
        <figure>
          <figcaption>{t("diffCaption", { from: diff.data.from, to: diff.data.to })}</figcaption>
          {diff.data.parts.every((part) => part.kind === "same") ? (
            <p>{t("noChanges")}</p>
          ) : (
            <div className={styles.diff} data-testid="vorlage-diff">
              {diff.data.parts.map((part, index) =>
                part.kind === "added" ? (
                  <ins key={index}>
                    <span className="visually-hidden">[{t("inserted")} </span>
                    {part.text}
                    <span className="visually-hidden"> {t("insertedEnd")}]</span>
                  </ins>
                ) : part.kind === "removed" ? (
                  <del key={index}>
                    <span className="visually-hidden">[{t("deleted")} </span>
                    {part.text}
                    <span className="visually-hidden"> {t("deletedEnd")}]</span>
                  </del>
                ) : (
                  <span key={index}>{part.text}</span>
                ),
              )}
            </div>
          )}
        </figure>
      )}
    </section>
  );
}
