"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { guestValidDays, inviteGuestSchema } from "@/server/schemas/guests";
import { FormField, FormSelectField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";
import { OneTimeLink } from "../forms/one-time-link";
import { SecretLinkTable } from "../secret-links/secret-link-table";
import { useShownOnceLink } from "../secret-links/shown-once-link";

/** The moderator's personal links for external guests: invite (link shown once), see who confirmed, revoke. */
export function GuestInvitations({ conferenceId }: { conferenceId: string }) {
  const t = useTranslations("guests");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const guests = useQuery(trpc.conferences.guests.list.queryOptions({ conferenceId }));
  const organisations = useQuery(trpc.tenancy.listOrganisations.queryOptions());
  const created = useShownOnceLink();
  const [success, setSuccess] = useState<string | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.conferences.guests.list.queryKey({ conferenceId }) });
    // The participant list on the same page shows guests too.
    await queryClient.invalidateQueries({ queryKey: trpc.conferences.get.queryKey({ conferenceId }) });
  };
  const form = useZodForm(inviteGuestSchema, {
    defaultValues: { conferenceId, name: "", email: "", organisationId: "", organisationName: "", validDays: guestValidDays.default },
  });
  const invite = useMutation(trpc.conferences.guests.invite.mutationOptions({ onError: (error) => setServerErrors(form, error) }));
  const revoke = useMutation(trpc.conferences.guests.revoke.mutationOptions());
  const resetDevice = useMutation(trpc.conferences.guests.resetDevice.mutationOptions());
  const dateTime = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });

  const onSubmit = form.handleSubmit((values) => {
    setSuccess(null);
    created.clear();
    revoke.reset();
    invite.mutate(values, {
      onSuccess: async (invitation) => {
        created.show(invitation);
        setSuccess(t("invite.created", { name: values.name }));
        form.reset();
        await refresh();
      },
    });
  });

  function onRevoke(guest: { id: string; name: string }) {
    setSuccess(null);
    invite.reset();
    revoke.mutate(
      { conferenceId, guestId: guest.id },
      {
        onSuccess: async () => {
          setSuccess(t("list.revoked", { name: guest.name }));
          await refresh();
        },
      },
    );
  }

  function onResetDevice(guest: { id: string; name: string }) {
    setSuccess(null);
    invite.reset();
    resetDevice.mutate(
      { conferenceId, guestId: guest.id },
      {
        onSuccess: async () => {
          setSuccess(t("list.deviceReset", { name: guest.name }));
          await refresh();
        },
      },
    );
  }

  const generalError = useFormAlert(form, invite.error) ?? revoke.error?.message ?? resetDevice.error?.message;

  return (
    <section aria-labelledby="guests-title" className="card">
      <h2 id="guests-title">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      <FormStatus error={generalError} success={success} />
      {created.link && (
        <OneTimeLink
          key={created.link.url}
          id="guest-link"
          link={created.link.url}
          validUntil={dateTime(created.link.expiresAt)}
          namespace="guests.link"
        />
      )}
      <form onSubmit={onSubmit} noValidate aria-labelledby="guest-invite-title">
        <h3 id="guest-invite-title">{t("invite.heading")}</h3>
        <FormField form={form} name="name" id="guest-invite-name" label={t("invite.name")}>
          {(control) => <input {...control} maxLength={120} autoComplete="off" required />}
        </FormField>
        <FormField form={form} name="email" id="guest-invite-email" label={t("invite.email")} hint={t("invite.emailHint")}>
          {(control) => <input {...control} type="email" maxLength={200} autoComplete="off" />}
        </FormField>
        <FormSelectField
          form={form}
          name="organisationId"
          id="guest-invite-organisation"
          label={t("invite.organisation")}
          hint={t("invite.organisationHint")}
          options={organisations.data}
          emptyLabel={t("invite.noOrganisation")}
        />
        <FormField
          form={form}
          name="organisationName"
          id="guest-invite-organisation-name"
          label={t("invite.organisationName")}
          hint={t("invite.organisationNameHint")}
        >
          {(control) => <input {...control} maxLength={120} autoComplete="off" />}
        </FormField>
        <FormField
          form={form}
          name="validDays"
          id="guest-invite-days"
          label={t("invite.validDays")}
          hint={t("invite.validDaysHint")}
          registerOptions={{ valueAsNumber: true }}
        >
          {(control) => <input {...control} type="number" min={guestValidDays.min} max={guestValidDays.max} />}
        </FormField>
        <button type="submit" className="button-primary" disabled={invite.isPending}>
          {t("invite.submit")}
        </button>
      </form>
      <SecretLinkTable
        heading={t("list.heading")}
        error={guests.error?.message}
        rows={guests.data}
        empty={t("list.empty")}
        columns={[
          { label: t("list.name"), cell: (guest) => guest.name },
          { label: t("list.organisation"), cell: (guest) => guest.organisationName ?? t("list.noOrganisation") },
          { label: t("list.confirmed"), cell: (guest) => (guest.confirmedAt ? t("list.yes") : t("list.no")) },
          { label: t("list.expiresAt"), cell: (guest) => dateTime(guest.expiresAt) },
          { label: t("list.status"), cell: (guest) => t(`statuses.${guest.status}`) },
        ]}
        actionsLabel={t("list.actions")}
        actions={(guest) => (
          <>
            {(guest.status === "invited" || guest.status === "confirmed") && (
              <button type="button" className="button-link" disabled={revoke.isPending} onClick={() => onRevoke(guest)}>
                {t("list.revoke")} <span className="visually-hidden">{t("list.revokeContext", { name: guest.name })}</span>
              </button>
            )}
            {guest.isDeviceBound && guest.status === "confirmed" && (
              <button type="button" className="button-link" disabled={resetDevice.isPending} onClick={() => onResetDevice(guest)}>
                {t("list.resetDevice")} <span className="visually-hidden">{t("list.revokeContext", { name: guest.name })}</span>
              </button>
            )}
          </>
        )}
      />
    </section>
  );
}
