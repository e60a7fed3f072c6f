"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { organisationKinds } from "@/server/schemas/tenancy-kinds";
import { Field } from "../forms/field";
import { SelectField } from "../forms/select-field";
import { FormStatus } from "../forms/form-status";
import { fieldErrorsOf } from "../forms/use-field-errors";
import { useTRPC } from "../trpc/client";

type Organisation = { id: string; name: string; kind: (typeof organisationKinds)[number]; kommuneId: string | null };

export function OrganisationsAdmin() {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.tenancy.listOrganisations.queryOptions());
  const kommunen = useQuery(trpc.tenancy.listKommunen.queryOptions());
  const kommuneName = new Map(kommunen.data?.map((k) => [k.id, k.name]));
  const [editing, setEditing] = useState<Organisation | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const onSuccess = async (saved: Organisation, messageKey: "admin.created" | "admin.updated") => {
    setSuccess(t(messageKey, { name: saved.name }));
    setEditing(null);
    await queryClient.invalidateQueries({ queryKey: trpc.tenancy.listOrganisations.queryKey() });
  };
  const create = useMutation(trpc.tenancy.createOrganisation.mutationOptions({ onSuccess: (o) => onSuccess(o, "admin.created") }));
  const update = useMutation(trpc.tenancy.updateOrganisation.mutationOptions({ onSuccess: (o) => onSuccess(o, "admin.updated") }));
  const mutation = editing ? update : create;
  const errors = fieldErrorsOf(mutation.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = {
      name: String(form.get("name") ?? ""),
      kind: String(form.get("kind")) as Organisation["kind"],
      kommuneId: String(form.get("kommuneId") ?? "") || null,
    };
    setSuccess(null);
    if (editing) update.mutate({ id: editing.id, ...values });
    else create.mutate(values, { onSuccess: () => (event.target as HTMLFormElement).reset() });
  }

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
      <form onSubmit={onSubmit} noValidate className="card" key={editing?.id ?? "new"}>
        <h3>{editing ? t("admin.editEntry", { name: editing.name }) : t("admin.newOrganisation")}</h3>
        <FormStatus error={mutation.error && !Object.keys(errors).length ? mutation.error.message : null} success={success} />
        <Field id="organisation-name" label={t("admin.name")} error={errors.name}>
          {(d) => <input id="organisation-name" name="name" defaultValue={editing?.name} required {...d} />}
        </Field>
        <Field id="organisation-kind" label={t("admin.kind")} error={errors.kind}>
          {(d) => (
            <select id="organisation-kind" name="kind" defaultValue={editing?.kind ?? "wohlfahrtsverband"} {...d}>
              {organisationKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`organisationKinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <SelectField
          id="organisation-kommune"
          name="kommuneId"
          label={t("admin.kommune")}
          options={kommunen.data}
          emptyLabel={t("admin.noKommune")}
          defaultValue={editing?.kommuneId ?? ""}
          error={errors.kommuneId}
        />
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
