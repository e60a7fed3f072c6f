"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { createBodySchema } from "@/server/schemas/bodies";
import { bodyKinds } from "@/server/schemas/tenancy-kinds";
import { FormField, FormSelectField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";

export function BodiesAdmin() {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.bodies.list.queryOptions());
  const bodyName = new Map(list.data?.map((b) => [b.id, b.name]));
  const [success, setSuccess] = useState<string | null>(null);
  const form = useZodForm(createBodySchema, { defaultValues: { name: "", kind: "arbeitsgruppe", parentBodyId: "" } });
  const create = useMutation(
    trpc.bodies.create.mutationOptions({
      onSuccess: async (body) => {
        setSuccess(t("admin.created", { name: body.name }));
        await queryClient.invalidateQueries({ queryKey: trpc.bodies.list.queryKey() });
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );

  const onSubmit = form.handleSubmit((values) => {
    setSuccess(null);
    create.mutate(values, { onSuccess: () => form.reset() });
  });
  const alert = useFormAlert(form, create.error, { hideWhenFieldsNamed: true });

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
        <FormStatus error={alert} success={success} />
        <FormField form={form} name="name" id="body-name" label={t("admin.name")}>
          {(control) => <input {...control} required />}
        </FormField>
        <FormField form={form} name="kind" id="body-kind" label={t("admin.kind")}>
          {(control) => (
            <select {...control}>
              {bodyKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`bodyKinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormSelectField
          form={form}
          name="parentBodyId"
          id="body-parent"
          label={t("admin.parentBody")}
          options={list.data}
          emptyLabel={t("admin.noParent")}
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
