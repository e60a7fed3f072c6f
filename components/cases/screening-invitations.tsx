"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { createScreeningInvitationSchema, invitationValidDays } from "@/server/schemas/screening-invitations";
import { FormField, FormSelectField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";
import { OneTimeLink } from "../forms/one-time-link";
import { SecretLinkTable } from "../secret-links/secret-link-table";
import { useShownOnceLink } from "../secret-links/shown-once-link";

/** The case manager's links for network partners: create one (shown once), see what became of each, revoke. */
export function ScreeningInvitations() {
  const t = useTranslations("invitations");
  const tCases = useTranslations("cases");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.cases.invitations.list.queryOptions());
  const organisations = useQuery(trpc.tenancy.listOrganisations.queryOptions());
  const kommunen = useQuery(trpc.tenancy.listKommunen.queryOptions());
  const created = useShownOnceLink();
  const [success, setSuccess] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.cases.invitations.list.queryKey() });
  const form = useZodForm(createScreeningInvitationSchema, {
    defaultValues: { organisationId: "", kommuneId: "", note: "", validDays: invitationValidDays.default },
  });
  const create = useMutation(
    trpc.cases.invitations.create.mutationOptions({
      onError: (error) => setServerErrors(form, error),
      onSuccess: async ({ link, expiresAt }) => {
        created.show({ link, expiresAt });
        setSuccess(t("create.created"));
        await refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.cases.invitations.revoke.mutationOptions({
      onSuccess: async () => {
        setSuccess(t("list.revoked"));
        await refresh();
      },
    }),
  );
  const dateTime = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });

  const onSubmit = form.handleSubmit((values) => {
    setSuccess(null);
    created.clear();
    create.mutate(values, { onSuccess: () => form.reset() });
  });
  const alert = useFormAlert(form, create.error);

  return (
    <section aria-labelledby="invitations-title" className="card">
      <h2 id="invitations-title">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      <FormStatus error={alert ?? revoke.error?.message} success={success} />
      {created.link && (
        <OneTimeLink
          key={created.link.url}
          id="invitation-link"
          link={created.link.url}
          validUntil={dateTime(created.link.expiresAt)}
          namespace="invitations.link"
        />
      )}
      <form onSubmit={onSubmit} noValidate>
        <h3>{t("create.heading")}</h3>
        <FormSelectField
          form={form}
          name="organisationId"
          id="invitation-organisation"
          label={t("create.organisation")}
          options={organisations.data}
          emptyLabel={t("create.chooseOrganisation")}
        />
        <FormSelectField
          form={form}
          name="kommuneId"
          id="invitation-kommune"
          label={t("create.kommune")}
          options={kommunen.data}
          emptyLabel={t("create.noKommune")}
        />
        <FormField form={form} name="note" id="invitation-note" label={t("create.note")} hint={t("create.noteHint")}>
          {(control) => <input {...control} maxLength={200} autoComplete="off" />}
        </FormField>
        <FormField
          form={form}
          name="validDays"
          id="invitation-days"
          label={t("create.validDays")}
          hint={t("create.validDaysHint")}
          registerOptions={{ valueAsNumber: true }}
        >
          {(control) => <input {...control} type="number" min={invitationValidDays.min} max={invitationValidDays.max} />}
        </FormField>
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {t("create.submit")}
        </button>
      </form>
      <SecretLinkTable
        heading={t("list.heading")}
        error={invitations.error?.message}
        rows={invitations.data}
        empty={t("list.empty")}
        columns={[
          { label: t("list.organisation"), cell: (invitation) => invitation.organisationName },
          { label: t("list.kommune"), cell: (invitation) => invitation.kommuneName ?? tCases("noKommune") },
          { label: t("list.note"), cell: (invitation) => invitation.note },
          { label: t("list.createdAt"), cell: (invitation) => dateTime(invitation.createdAt) },
          { label: t("list.expiresAt"), cell: (invitation) => dateTime(invitation.expiresAt) },
          {
            label: t("list.status"),
            cell: (invitation) => (
              <>
                {t(`statuses.${invitation.status}`)}
                {invitation.status === "used" && invitation.caseId && invitation.casePseudonym && (
                  <>
                    {": "}
                    <Link href={`/cases/${invitation.caseId}`} aria-label={t("list.openCase", { pseudonym: invitation.casePseudonym })}>
                      {invitation.casePseudonym}
                    </Link>
                  </>
                )}
              </>
            ),
          },
        ]}
        actionsLabel={t("list.actions")}
        actions={(invitation) =>
          invitation.status === "open" && (
            <button type="button" className="button-link" disabled={revoke.isPending} onClick={() => revoke.mutate({ id: invitation.id })}>
              {t("list.revoke")}{" "}
              <span className="visually-hidden">
                {t("list.revokeContext", { organisation: invitation.organisationName, date: dateTime(invitation.createdAt) })}
              </span>
            </button>
          )
        }
      />
    </section>
  );
}
