"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { bodyKinds } from "@/server/schemas/tenancy-kinds";
import { Field } from "../forms/field";
import { SelectField } from "../forms/select-field";
import { FormStatus } from "../forms/form-status";
import { fieldErrorsOf } from "../forms/use-field-errors";
import { useTRPC } from "../trpc/client";

export function BodiesAdmin() {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.bodies.list.queryOptions());
  const bodyName = new Map(list.data?.map((b) => [b.id, b.name]));
  const [success, setSuccess] = useState<string | null>(null);
  const create = useMutation(
    trpc.bodies.create.mutationOptions({
      onSuccess: async (body) => {
        setSuccess(t("admin.created", { name: body.name }));
        await queryClient.invalidateQueries({ queryKey: trpc.bodies.list.queryKey() });
      },
    }),
  );
  const errors = fieldErrorsOf(create.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setSuccess(null);
    create.mutate(
      {
        name: String(form.get("name") ?? ""),
        kind: String(form.get("kind")) as (typeof bodyKinds)[number],
        parentBodyId: String(form.get("parentBodyId") ?? "") || null,
      },
      { onSuccess: () => formElement.reset() },
    );
  }

  return (
    <section aria-labelledby="bodies-title">
      <h2 id="bodies-title">{t("admin.bodies")}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("admin.name")}</th>
            <th scope="col">{t("admin.kind")}</th>
            <th scope="col">{t("admin.parentBody")}</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.map((body) => (
            <tr key={body.id}>
              <td>{body.name}</td>
              <td>{t(`bodyKinds.${body.kind}`)}</td>
              <td>{body.parentBodyId ? bodyName.get(body.parentBodyId) : t("app.none")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={onSubmit} noValidate className="card">
        <h3>{t("admin.newBody")}</h3>
        <FormStatus error={create.error && !Object.keys(errors).length ? create.error.message : null} success={success} />
        <Field id="body-name" label={t("admin.name")} error={errors.name}>
          {(d) => <input id="body-name" name="name" required {...d} />}
        </Field>
        <Field id="body-kind" label={t("admin.kind")} error={errors.kind}>
          {(d) => (
            <select id="body-kind" name="kind" defaultValue="arbeitsgruppe" {...d}>
              {bodyKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`bodyKinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <SelectField
          id="body-parent"
          name="parentBodyId"
          label={t("admin.parentBody")}
          options={list.data}
          emptyLabel={t("admin.noParent")}
          error={errors.parentBodyId}
        />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={create.isPending}>
            {create.isPending ? t("app.saving") : t("app.create")}
          </button>
        </div>
      </form>
    </section>
  );
}
