"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { createKommuneSchema } from "@/server/schemas/tenancy";
import { kommuneKinds } from "@/server/schemas/tenancy-kinds";
import { FormField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors, type ServerError } from "../forms/server-errors";
import { useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";

type Kommune = { id: string; name: string; kind: (typeof kommuneKinds)[number] };

export function KommunenAdmin() {
  const t = useTranslations();
  const trpc = useTRPC();
  const list = useQuery(trpc.tenancy.listKommunen.queryOptions());
  const [editing, setEditing] = useState<Kommune | null>(null);
  const [success, setSuccess] = useState<string | null>(null);

  return (
    <section aria-labelledby="kommunen-title">
      <h2 id="kommunen-title">{t("admin.kommunen")}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("admin.name")}</th>
            <th scope="col">{t("admin.kind")}</th>
            <th scope="col">{t("admin.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.map((kommune) => (
            <tr key={kommune.id}>
              <td>{kommune.name}</td>
              <td>{t(`kommuneKinds.${kommune.kind}`)}</td>
              <td>
                <button type="button" className="button-link" onClick={() => setEditing(kommune)}>
                  {t("app.edit")} <span className="visually-hidden">{kommune.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <KommuneForm
        key={editing?.id ?? "new"}
        editing={editing}
        success={success}
        onSubmitting={() => setSuccess(null)}
        onSaved={(message) => {
          setSuccess(message);
          setEditing(null);
        }}
        onCancel={() => setEditing(null)}
      />
    </section>
  );
}

function KommuneForm({
  editing,
  success,
  onSubmitting,
  onSaved,
  onCancel,
}: {
  editing: Kommune | null;
  success: string | null;
  onSubmitting: () => void;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(createKommuneSchema, {
    defaultValues: { name: editing?.name ?? "", kind: editing?.kind ?? "kommune" },
  });
  const onSuccess = async (saved: Kommune, messageKey: "admin.created" | "admin.updated") => {
    onSaved(t(messageKey, { name: saved.name }));
    await queryClient.invalidateQueries({ queryKey: trpc.tenancy.listKommunen.queryKey() });
  };
  const onError = (error: ServerError) => setServerErrors(form, error);
  const create = useMutation(trpc.tenancy.createKommune.mutationOptions({ onSuccess: (k) => onSuccess(k, "admin.created"), onError }));
  const update = useMutation(trpc.tenancy.updateKommune.mutationOptions({ onSuccess: (k) => onSuccess(k, "admin.updated"), onError }));
  const mutation = editing ? update : create;

  const onSubmit = form.handleSubmit((values) => {
    onSubmitting();
    if (editing) update.mutate({ id: editing.id, ...values });
    else create.mutate(values, { onSuccess: () => form.reset() });
  });
  const alert = useFormAlert(form, mutation.error, { hideWhenFieldsNamed: true });

  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <h3>{editing ? t("admin.editEntry", { name: editing.name }) : t("admin.newKommune")}</h3>
      <FormStatus error={alert} success={success} />
      <FormField form={form} name="name" id="kommune-name" label={t("admin.name")}>
        {(control) => <input {...control} required />}
      </FormField>
      <FormField form={form} name="kind" id="kommune-kind" label={t("admin.kind")}>
        {(control) => (
          <select {...control}>
            {kommuneKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kommuneKinds.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
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
