"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { createKommuneSchema } from "@/server/schemas/tenancy";
import { kommuneKinds } from "@/server/schemas/tenancy-kinds";
import { useTRPC } from "../trpc/client";
import { NamedEntriesAdmin } from "./named-entries-admin";

export function KommunenAdmin() {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.tenancy.listKommunen.queryOptions());
  const create = useMutation(trpc.tenancy.createKommune.mutationOptions());
  const update = useMutation(trpc.tenancy.updateKommune.mutationOptions());
  return (
    <NamedEntriesAdmin
      idPrefix="kommune"
      titleId="kommunen-title"
      title={t("admin.kommunen")}
      newTitle={t("admin.newKommune")}
      kinds={kommuneKinds}
      kindLabel={(kind) => t(`kommuneKinds.${kind}`)}
      entries={list.data}
      schema={createKommuneSchema}
      defaultValues={(editing) => ({ name: editing?.name ?? "", kind: editing?.kind ?? "kommune" })}
      create={create}
      update={update}
      onSaved={() => queryClient.invalidateQueries({ queryKey: trpc.tenancy.listKommunen.queryKey() })}
    />
  );
}
