"use client";

import type { TRPCClientErrorLike } from "@trpc/client";
import { useTranslations } from "next-intl";
import { useState, type FormEvent, type ReactNode } from "react";
import type { AppRouter } from "@/server/app-router";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { fieldErrorsOf } from "../forms/use-field-errors";

/** A create or update mutation as this table needs it (a tRPC `useMutation` result fits). */
interface SaveMutation<Values> {
  mutate: (values: Values, options: { onSuccess: (saved: { name: string }) => void }) => void;
  isPending: boolean;
  error: TRPCClientErrorLike<AppRouter> | null;
}

type Values<Kind extends string, Extra> = { name: string; kind: Kind } & Extra;

interface NamedEntriesAdminProps<Kind extends string, Entry extends { id: string; name: string; kind: Kind }, Extra> {
  /** Prefix of the form controls' ids, e.g. "kommune" gives "kommune-name". */
  idPrefix: string;
  titleId: string;
  title: string;
  newTitle: string;
  kinds: readonly Kind[];
  defaultKind: Kind;
  kindLabel: (kind: Kind) => string;
  entries: Entry[] | undefined;
  /** Columns between the kind and the actions. */
  extraColumns?: { label: string; cell: (entry: Entry) => ReactNode }[];
  /** Fields after the kind, with the entry being edited (or null) and the field errors. */
  extraFields?: (editing: Entry | null, errors: Record<string, string>) => ReactNode;
  extraValues: (form: FormData) => Extra;
  create: SaveMutation<Values<Kind, Extra>>;
  update: SaveMutation<Values<Kind, Extra> & { id: string }>;
  /** Refetches the list after a save. */
  onSaved: () => Promise<unknown>;
}

/** The admin table of a tenant's named entries with a kind (Kommunen, organisations) and its create/edit form. */
export function NamedEntriesAdmin<Kind extends string, Entry extends { id: string; name: string; kind: Kind }, Extra>(
  props: NamedEntriesAdminProps<Kind, Entry, Extra>,
) {
  const { idPrefix, kinds, kindLabel, entries, extraColumns = [], create, update } = props;
  const t = useTranslations();
  const [editing, setEditing] = useState<Entry | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const mutation = editing ? update : create;
  const errors = fieldErrorsOf(mutation.error);

  function saved(entry: { name: string }, messageKey: "admin.created" | "admin.updated") {
    setSuccess(t(messageKey, { name: entry.name }));
    setEditing(null);
    void props.onSaved();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const values = { name: String(form.get("name") ?? ""), kind: String(form.get("kind")) as Kind, ...props.extraValues(form) };
    setSuccess(null);
    if (editing) update.mutate({ id: editing.id, ...values }, { onSuccess: (entry) => saved(entry, "admin.updated") });
    else
      create.mutate(values, {
        onSuccess: (entry) => {
          formElement.reset();
          saved(entry, "admin.created");
        },
      });
  }

  return (
    <section aria-labelledby={props.titleId}>
      <h2 id={props.titleId}>{props.title}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("admin.name")}</th>
            <th scope="col">{t("admin.kind")}</th>
            {extraColumns.map((column) => (
              <th scope="col" key={column.label}>
                {column.label}
              </th>
            ))}
            <th scope="col">{t("admin.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {entries?.map((entry) => (
            <tr key={entry.id}>
              <td>{entry.name}</td>
              <td>{kindLabel(entry.kind)}</td>
              {extraColumns.map((column) => (
                <td key={column.label}>{column.cell(entry)}</td>
              ))}
              <td>
                <button type="button" className="button-link" onClick={() => setEditing(entry)}>
                  {t("app.edit")} <span className="visually-hidden">{entry.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={onSubmit} noValidate className="card" key={editing?.id ?? "new"}>
        <h3>{editing ? t("admin.editEntry", { name: editing.name }) : props.newTitle}</h3>
        <FormStatus error={mutation.error && !Object.keys(errors).length ? mutation.error.message : null} success={success} />
        <Field id={`${idPrefix}-name`} label={t("admin.name")} error={errors.name}>
          {(d) => <input id={`${idPrefix}-name`} name="name" defaultValue={editing?.name} required {...d} />}
        </Field>
        <Field id={`${idPrefix}-kind`} label={t("admin.kind")} error={errors.kind}>
          {(d) => (
            <select id={`${idPrefix}-kind`} name="kind" defaultValue={editing?.kind ?? props.defaultKind} {...d}>
              {kinds.map((kind) => (
                <option key={kind} value={kind}>
                  {kindLabel(kind)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {props.extraFields?.(editing, errors)}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={mutation.isPending}>
            {mutation.isPending ? t("app.saving") : editing ? t("app.save") : t("app.create")}
          </button>
          {editing && (
            <button type="button" className="button-secondary" onClick={() => setEditing(null)}>
              {t("app.cancel")}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
