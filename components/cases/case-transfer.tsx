"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type FormEvent } from "react";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { SelectField } from "../forms/select-field";
import { useTRPC } from "../trpc/client";
import { nestedFieldErrors } from "./create-case-form";

/** The coordination hands a case to another case manager, with a documented reason. */
export function CaseTransfer({ caseId, canTransfer }: { caseId: string; canTransfer: boolean }) {
  const t = useTranslations("cases.transfer");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const caseManagers = useQuery({ ...trpc.cases.caseManagers.queryOptions(), enabled: canTransfer });
  const transfers = useQuery(trpc.cases.transfers.queryOptions({ caseId }));
  const transfer = useMutation(
    trpc.cases.transfer.mutationOptions({
      onSuccess: async () => {
        await transfers.refetch();
        router.refresh();
      },
    }),
  );
  const errors = nestedFieldErrors(transfer.error);
  const name = new Map(caseManagers.data?.map((cm) => [cm.id, cm.displayName]));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    transfer.mutate({ caseId, toUserId: String(form.get("toUserId") ?? ""), reason: String(form.get("reason") ?? "") });
  }

  return (
    <section aria-labelledby="transfer-title" className="card wide">
      <h2 id="transfer-title">{t("title")}</h2>
      <h3>{t("history")}</h3>
      {transfers.data?.length ? (
        <ul>
          {transfers.data.map((row) => (
            <li key={row.id}>
              {format.dateTime(new Date(row.createdAt), { dateStyle: "medium" })}: {name.get(row.toUserId) ?? "—"} ({row.reason})
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("none")}</p>
      )}
      {canTransfer && (
        <form onSubmit={onSubmit} noValidate>
          <p className="muted">{t("intro")}</p>
          <FormStatus error={transfer.error?.message} success={transfer.isSuccess ? t("done") : null} />
          <SelectField
            id="transfer-to"
            name="toUserId"
            label={t("to")}
            options={caseManagers.data?.map((cm) => ({ id: cm.id, name: cm.displayName }))}
            emptyLabel="—"
            error={errors.toUserId}
          />
          <Field id="transfer-reason" label={t("reason")} error={errors.reason}>
            {(d) => <textarea id="transfer-reason" name="reason" {...d} />}
          </Field>
          <button type="submit" className="button-primary" disabled={transfer.isPending}>
            {t("submit")}
          </button>
        </form>
      )}
    </section>
  );
}
