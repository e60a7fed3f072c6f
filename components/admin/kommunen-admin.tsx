"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { kommuneKinds } from "@/server/schemas/tenancy-kinds";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { fieldErrorsOf } from "../forms/use-field-errors";
import { useTRPC } from "../trpc/client";

type Kommune = { id: string; name: string; kind: (typeof kommuneKinds)[number] };

export function KommunenAdmin() {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.tenancy.listKommunen.queryOptions());
  const [editing, setEditing] = useState<Kommune | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const onSuccess = async (saved: Kommune, messageKey: "admin.created" | "admin.updated") => {
    setSuccess(t(messageKey, { name: saved.name }));
    setEditing(null);
    await queryClient.invalidateQueries({ queryKey: trpc.tenancy.listKommunen.queryKey() });
  };
  const create = useMutation(trpc.tenancy.createKommune.mutationOptions({ onSuccess: (k) => onSuccess(k, "admin.created") }));
  const update = useMutation(trpc.tenancy.updateKommune.mutationOptions({ onSuccess: (k) => onSuccess(k, "admin.updated") }));
  const mutation = editing ? update : create;
  const errors = fieldErrorsOf(mutation.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = { name: String(form.get("name") ?? ""), kind: String(form.get("kind")) as Kommune["kind"] };
    setSuccess(null);
    if (editing) update.mutate({ id: editing.id, ...values });
    else create.mutate(values, { onSuccess: () => (event.target as HTMLFormElement).reset() });
  }

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
      <form onSubmit={onSubmit} noValidate className="card" key={editing?.id ?? "new"}>
        <h3>{editing ? t("admin.editEntry", { name: editing.name }) : t("admin.newKommune")}</h3>
        <FormStatus error={mutation.error && !Object.keys(errors).length ? mutation.error.message : null} success={success} />
        <Field id="kommune-name" label={t("admin.name")} error={errors.name}>
          {(d) => <input id="kommune-name" name="name" defaultValue={editing?.name} required {...d} />}
        </Field>
        <Field id="kommune-kind" label={t("admin.kind")} error={errors.kind}>
          {(d) => (
            <select id="kommune-kind" name="kind" defaultValue={editing?.kind ?? "kommune"} {...d}>
              {kommuneKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kommuneKinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
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
