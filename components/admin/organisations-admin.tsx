"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { createOrganisationSchema } from "@/server/schemas/tenancy";
import { organisationKinds } from "@/server/schemas/tenancy-kinds";
import { FormSelectField } from "../forms/form-field";
import { useTRPC } from "../trpc/client";
import { NamedEntriesAdmin } from "./named-entries-admin";

export function OrganisationsAdmin() {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.tenancy.listOrganisations.queryOptions());
  const kommunen = useQuery(trpc.tenancy.listKommunen.queryOptions());
  const kommuneName = new Map(kommunen.data?.map((k) => [k.id, k.name]));
  const create = useMutation(trpc.tenancy.createOrganisation.mutationOptions());
  const update = useMutation(trpc.tenancy.updateOrganisation.mutationOptions());
  return (
    <NamedEntriesAdmin
      idPrefix="organisation"
      titleId="organisations-title"
      title={t("admin.organisations")}
      newTitle={t("admin.newOrganisation")}
      kinds={organisationKinds}
      kindLabel={(kind) => t(`organisationKinds.${kind}`)}
      entries={list.data}
      extraColumns={[
        {
          label: t("admin.kommune"),
          cell: (organisation) => (organisation.kommuneId ? kommuneName.get(organisation.kommuneId) : t("admin.noKommune")),
        },
      ]}
      schema={createOrganisationSchema}
      defaultValues={(editing) => ({
        name: editing?.name ?? "",
        kind: editing?.kind ?? "wohlfahrtsverband",
        kommuneId: editing?.kommuneId ?? "",
      })}
      extraFields={(form) => (
        <FormSelectField
          form={form}
          name="kommuneId"
          id="organisation-kommune"
          label={t("admin.kommune")}
          options={kommunen.data}
          emptyLabel={t("admin.noKommune")}
        />
      )}
      create={create}
      update={update}
      onSaved={() => queryClient.invalidateQueries({ queryKey: trpc.tenancy.listOrganisations.queryKey() })}
    />
  );
}
