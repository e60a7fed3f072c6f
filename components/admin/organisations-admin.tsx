"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { createOrganisationSchema } from "@/server/schemas/tenancy";
import { organisationKinds } from "@/server/schemas/tenancy-kinds";
import { FormField, FormSelectField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors, type ServerError } from "../forms/server-errors";
import { useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";

type Organisation = { id: string; name: string; kind: (typeof organisationKinds)[number]; kommuneId: string | null };

export function OrganisationsAdmin() {
  const t = useTranslations();
  const trpc = useTRPC();
  const list = useQuery(trpc.tenancy.listOrganisations.queryOptions());
  const kommunen = useQuery(trpc.tenancy.listKommunen.queryOptions());
  const kommuneName = new Map(kommunen.data?.map((k) => [k.id, k.name]));
  const [editing, setEditing] = useState<Organisation | null>(null);
  const [success, setSuccess] = useState<string | null>(null);

  return (
    <section aria-labelledby="organisations-title">
      <h2 id="organisations-title">{t("admin.organisations")}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("admin.name")}</th>
            <th scope="col">{t("admin.kind")}</th>
            <th scope="col">{t("admin.kommune")}</th>
            <th scope="col">{t("admin.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.map((organisation) => (
            <tr key={organisation.id}>
              <td>{organisation.name}</td>
              <td>{t(`organisationKinds.${organisation.kind}`)}</td>
              <td>{organisation.kommuneId ? kommuneName.get(organisation.kommuneId) : t("admin.noKommune")}</td>
              <td>
                <button type="button" className="button-link" onClick={() => setEditing(organisation)}>
                  {t("app.edit")} <span className="visually-hidden">{organisation.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <OrganisationForm
        key={editing?.id ?? "new"}
        editing={editing}
        kommunen={kommunen.data}
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

function OrganisationForm({
  editing,
  kommunen,
  success,
  onSubmitting,
  onSaved,
  onCancel,
}: {
  editing: Organisation | null;
  kommunen: { id: string; name: string }[] | undefined;
  success: string | null;
  onSubmitting: () => void;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(createOrganisationSchema, {
    defaultValues: {
      name: editing?.name ?? "",
      kind: editing?.kind ?? "wohlfahrtsverband",
      kommuneId: editing?.kommuneId ?? "",
    },
  });
  const onSuccess = async (saved: Organisation, messageKey: "admin.created" | "admin.updated") => {
    onSaved(t(messageKey, { name: saved.name }));
    await queryClient.invalidateQueries({ queryKey: trpc.tenancy.listOrganisations.queryKey() });
  };
  const onError = (error: ServerError) => setServerErrors(form, error);
  const create = useMutation(trpc.tenancy.createOrganisation.mutationOptions({ onSuccess: (o) => onSuccess(o, "admin.created"), onError }));
  const update = useMutation(trpc.tenancy.updateOrganisation.mutationOptions({ onSuccess: (o) => onSuccess(o, "admin.updated"), onError }));
  const mutation = editing ? update : create;

  const onSubmit = form.handleSubmit((values) => {
    onSubmitting();
    if (editing) update.mutate({ id: editing.id, ...values });
    else create.mutate(values, { onSuccess: () => form.reset() });
  });
  const alert = useFormAlert(form, mutation.error, { hideWhenFieldsNamed: true });

  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <h3>{editing ? t("admin.editEntry", { name: editing.name }) : t("admin.newOrganisation")}</h3>
      <FormStatus error={alert} success={success} />
      <FormField form={form} name="name" id="organisation-name" label={t("admin.name")}>
        {(control) => <input {...control} required />}
      </FormField>
      <FormField form={form} name="kind" id="organisation-kind" label={t("admin.kind")}>
        {(control) => (
          <select {...control}>
            {organisationKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`organisationKinds.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormSelectField
        form={form}
        name="kommuneId"
        id="organisation-kommune"
        label={t("admin.kommune")}
        options={kommunen}
        emptyLabel={t("admin.noKommune")}
      />
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
