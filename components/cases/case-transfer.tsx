"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { transferCaseSchema } from "@/server/schemas/cases";
import { FormField, FormSelectField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";

/** The coordination hands a case to another case manager, with a documented reason. */
export function CaseTransfer({ caseId, canTransfer }: { caseId: string; canTransfer: boolean }) {
  const t = useTranslations("cases.transfer");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const caseManagers = useQuery({ ...trpc.cases.caseManagers.queryOptions(), enabled: canTransfer });
  const transfers = useQuery(trpc.cases.transfers.queryOptions({ caseId }));
  const form = useZodForm(transferCaseSchema, { defaultValues: { caseId, toUserId: "", reason: "" } });
  const transfer = useMutation(
    trpc.cases.transfer.mutationOptions({
      onSuccess: async () => {
        await transfers.refetch();
        router.refresh();
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const name = new Map(caseManagers.data?.map((cm) => [cm.id, cm.displayName]));

  const onSubmit = form.handleSubmit((values) => transfer.mutate(values));
  const alert = useFormAlert(form, transfer.error);

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
          <FormStatus error={alert} success={transfer.isSuccess ? t("done") : null} />
          <FormSelectField
            form={form}
            name="toUserId"
            id="transfer-to"
            label={t("to")}
            options={caseManagers.data?.map((cm) => ({ id: cm.id, name: cm.displayName }))}
            emptyLabel="—"
          />
          <FormField form={form} name="reason" id="transfer-reason" label={t("reason")}>
            {(control) => <textarea {...control} />}
          </FormField>
          <button type="submit" className="button-primary" disabled={transfer.isPending}>
            {t("submit")}
          </button>
        </form>
      )}
    </section>
  );
}
