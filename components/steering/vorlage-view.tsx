"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { RichTextDoc } from "@/server/rich-text/validate";
import type { AppRouter } from "@/server/app-router";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { fieldErrorsOf } from "../forms/use-field-errors";
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
  const [body, setBody] = useState<RichTextDoc>(current.body);
  const [success, setSuccess] = useState<string | null>(null);
  const save = useMutation(
    trpc.steering.vorlagen.saveVersion.mutationOptions({
      onSuccess: async (saved) => {
        setSuccess(t("saved", { version: saved.version }));
        await queryClient.invalidateQueries({ queryKey: trpc.steering.vorlagen.get.queryKey({ vorlageId: vorlage.id }) });
      },
    }),
  );
  const errors = fieldErrorsOf(save.error);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSuccess(null);
    save.mutate({ vorlageId: vorlage.id, expectedVersion: current.version, title: String(form.get("title") ?? ""), body });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="card wide" aria-labelledby="save-version-title">
      <h2 id="save-version-title">{t("editHeading")}</h2>
      <p className="muted">{t("editHint", { version: current.version })}</p>
      <FormStatus error={save.error && !errors.title && !errors.body ? save.error.message : null} success={success} />
      <Field id="vorlage-title" label={t("title")} error={errors.title}>
        {(d) => <input id="vorlage-title" name="title" defaultValue={vorlage.title} maxLength={200} {...d} />}
      </Field>
      <RichTextEditor
        id="vorlage-body"
        label={t("body")}
        hint={t("bodyHint")}
        error={errors.body}
        initial={current.body}
        onChange={setBody}
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
