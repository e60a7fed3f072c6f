"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import type { DefaultValues, FieldValues, UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { FormField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors, type ServerError } from "../forms/server-errors";
import { useFormAlert, useZodForm, type ZodForm } from "../forms/use-zod-form";

/** A create or update mutation as this table needs it (a tRPC `useMutation` result fits). */
interface SaveMutation<Values> {
  mutate: (values: Values, options: { onSuccess: (saved: { name: string }) => void; onError: (error: ServerError) => void }) => void;
  isPending: boolean;
  error: ServerError | null;
}

/** The create schema of an entry: a name, a kind, and what the entry adds (organisations: a Kommune). */
type EntrySchema<Kind extends string> = z.ZodType<{ name: string; kind: Kind } & FieldValues, FieldValues>;

interface NamedEntriesAdminProps<
  Kind extends string,
  Entry extends { id: string; name: string; kind: Kind },
  TSchema extends EntrySchema<Kind>,
> {
  /** Prefix of the form controls' ids, e.g. "kommune" gives "kommune-name". */
  idPrefix: string;
  titleId: string;
  title: string;
  newTitle: string;
  kinds: readonly Kind[];
  kindLabel: (kind: Kind) => string;
  entries: Entry[] | undefined;
  /** Columns between the kind and the actions. */
  extraColumns?: { label: string; cell: (entry: Entry) => ReactNode }[];
  /** The procedure's input schema; the browser checks the form with it before sending. */
  schema: TSchema;
  /** The form's values for a new entry (null) or the entry being edited. */
  defaultValues: (editing: Entry | null) => DefaultValues<z.input<TSchema>>;
  /** Fields after the kind, registered with the same form. */
  extraFields?: (form: ZodForm<TSchema>) => ReactNode;
  create: SaveMutation<z.output<TSchema>>;
  update: SaveMutation<z.output<TSchema> & { id: string }>;
  /** Refetches the list after a save. */
  onSaved: () => Promise<unknown>;
}

/** The admin table of a tenant's named entries with a kind (Kommunen, organisations) and its create/edit form. */
export function NamedEntriesAdmin<
  Kind extends string,
  Entry extends { id: string; name: string; kind: Kind },
  TSchema extends EntrySchema<Kind>,
>(props: NamedEntriesAdminProps<Kind, Entry, TSchema>) {
  const { kindLabel, entries, extraColumns = [] } = props;
  const t = useTranslations();
  const [editing, setEditing] = useState<Entry | null>(null);
  const [success, setSuccess] = useState<string | null>(null);

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
      <NamedEntryForm
        key={editing?.id ?? "new"}
        {...props}
        editing={editing}
        success={success}
        onSubmitting={() => setSuccess(null)}
        onDone={(message) => {
          setSuccess(message);
          setEditing(null);
          void props.onSaved();
        }}
        onCancel={() => setEditing(null)}
      />
    </section>
  );
}

/** Name and kind are in every entry schema (EntrySchema says so); the generic form type cannot show it. */
type NamedForm = UseFormReturn<{ name: string; kind: string }, unknown, { name: string; kind: string }>;

function NamedEntryForm<Kind extends string, Entry extends { id: string; name: string; kind: Kind }, TSchema extends EntrySchema<Kind>>({
  idPrefix,
  newTitle,
  kinds,
  kindLabel,
  schema,
  defaultValues,
  extraFields,
  create,
  update,
  editing,
  success,
  onSubmitting,
  onDone,
  onCancel,
}: NamedEntriesAdminProps<Kind, Entry, TSchema> & {
  editing: Entry | null;
  success: string | null;
  onSubmitting: () => void;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const t = useTranslations();
  const form = useZodForm<TSchema>(schema, { defaultValues: defaultValues(editing) });
  const named = form as unknown as NamedForm;
  const mutation = editing ? update : create;
  const alert = useFormAlert(form, mutation.error, { hideWhenFieldsNamed: true });
  const onError = (error: ServerError) => setServerErrors(form, error);

  const onSubmit = form.handleSubmit((values) => {
    onSubmitting();
    if (editing)
      update.mutate({ ...values, id: editing.id }, { onSuccess: (entry) => onDone(t("admin.updated", { name: entry.name })), onError });
    else
      create.mutate(values, {
        onSuccess: (entry) => {
          form.reset();
          onDone(t("admin.created", { name: entry.name }));
        },
        onError,
      });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <h3>{editing ? t("admin.editEntry", { name: editing.name }) : newTitle}</h3>
      <FormStatus error={alert} success={success} />
      <FormField form={named} name="name" id={`${idPrefix}-name`} label={t("admin.name")}>
        {(control) => <input {...control} required />}
      </FormField>
      <FormField form={named} name="kind" id={`${idPrefix}-kind`} label={t("admin.kind")}>
        {(control) => (
          <select {...control}>
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabel(kind)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {extraFields?.(form)}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t("app.saving") : editing ? t("app.save") : t("app.create")}
        </button>
        {editing && (
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t("app.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
