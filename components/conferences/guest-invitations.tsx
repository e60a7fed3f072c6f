"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { guestValidDays, type InviteGuestInput } from "@/server/schemas/guests";
import { nestedFieldErrors } from "../cases/create-case-form";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { SelectField } from "../forms/select-field";
import { useTRPC } from "../trpc/client";
import { OneTimeLink } from "../forms/one-time-link";

/** The moderator's personal links for external guests: invite (link shown once), see who confirmed, revoke. */
export function GuestInvitations({ conferenceId }: { conferenceId: string }) {
  const t = useTranslations("guests");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const guests = useQuery(trpc.conferences.guests.list.queryOptions({ conferenceId }));
  const organisations = useQuery(trpc.tenancy.listOrganisations.queryOptions());
  const [created, setCreated] = useState<{ link: string; expiresAt: Date } | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.conferences.guests.list.queryKey({ conferenceId }) });
    // The participant list on the same page shows guests too.
    await queryClient.invalidateQueries({ queryKey: trpc.conferences.get.queryKey({ conferenceId }) });
  };
  const invite = useMutation(trpc.conferences.guests.invite.mutationOptions());
  const revoke = useMutation(trpc.conferences.guests.revoke.mutationOptions());
  const errors = nestedFieldErrors(invite.error);
  const dateTime = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input: InviteGuestInput = {
      conferenceId,
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? "") || null,
      organisationId: String(form.get("organisationId") ?? "") || null,
      organisationName: String(form.get("organisationName") ?? ""),
      validDays: Number(form.get("validDays")),
    };
    setSuccess(null);
    setCreated(null);
    revoke.reset();
    invite.mutate(input, {
      onSuccess: async ({ link, expiresAt }) => {
        setCreated({ link: new URL(link, window.location.origin).toString(), expiresAt });
        setSuccess(t("invite.created", { name: input.name }));
        formElement.reset();
        await refresh();
      },
    });
  }

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

  const generalError = invite.error?.message ?? revoke.error?.message;

  return (
    <section aria-labelledby="guests-title" className="card">
      <h2 id="guests-title">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      <FormStatus error={generalError} success={success} />
      {created && (
        <OneTimeLink
          key={created.link}
          id="guest-link"
          link={created.link}
          validUntil={dateTime(created.expiresAt)}
          namespace="guests.link"
        />
      )}
      <form onSubmit={onSubmit} noValidate aria-labelledby="guest-invite-title">
        <h3 id="guest-invite-title">{t("invite.heading")}</h3>
        <Field id="guest-invite-name" label={t("invite.name")} error={errors.name}>
          {(d) => <input id="guest-invite-name" name="name" maxLength={120} autoComplete="off" required {...d} />}
        </Field>
        <Field id="guest-invite-email" label={t("invite.email")} hint={t("invite.emailHint")} error={errors.email}>
          {(d) => <input id="guest-invite-email" name="email" type="email" maxLength={200} autoComplete="off" {...d} />}
        </Field>
        <SelectField
          id="guest-invite-organisation"
          name="organisationId"
          label={t("invite.organisation")}
          hint={t("invite.organisationHint")}
          options={organisations.data}
          emptyLabel={t("invite.noOrganisation")}
          error={errors.organisationId}
        />
        <Field
          id="guest-invite-organisation-name"
          label={t("invite.organisationName")}
          hint={t("invite.organisationNameHint")}
          error={errors.organisationName}
        >
          {(d) => <input id="guest-invite-organisation-name" name="organisationName" maxLength={120} autoComplete="off" {...d} />}
        </Field>
        <Field id="guest-invite-days" label={t("invite.validDays")} hint={t("invite.validDaysHint")} error={errors.validDays}>
          {(d) => (
            <input
              id="guest-invite-days"
              name="validDays"
              type="number"
              min={guestValidDays.min}
              max={guestValidDays.max}
              defaultValue={guestValidDays.default}
              {...d}
            />
          )}
        </Field>
        <button type="submit" className="button-primary" disabled={invite.isPending}>
          {t("invite.submit")}
        </button>
      </form>
      <h3>{t("list.heading")}</h3>
      {guests.error && (
        <p role="alert" className="form-error">
          {guests.error.message}
        </p>
      )}
      {guests.data && guests.data.length === 0 && <p>{t("list.empty")}</p>}
      {guests.data && guests.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("list.name")}</th>
              <th scope="col">{t("list.organisation")}</th>
              <th scope="col">{t("list.confirmed")}</th>
              <th scope="col">{t("list.expiresAt")}</th>
              <th scope="col">{t("list.status")}</th>
              <th scope="col">{t("list.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {guests.data.map((guest) => (
              <tr key={guest.id}>
                <td>{guest.name}</td>
                <td>{guest.organisationName ?? t("list.noOrganisation")}</td>
                <td>{guest.confirmedAt ? t("list.yes") : t("list.no")}</td>
                <td>{dateTime(guest.expiresAt)}</td>
                <td>{t(`statuses.${guest.status}`)}</td>
                <td>
                  {(guest.status === "invited" || guest.status === "confirmed") && (
                    <button type="button" className="button-link" disabled={revoke.isPending} onClick={() => onRevoke(guest)}>
                      {t("list.revoke")} <span className="visually-hidden">{t("list.revokeContext", { name: guest.name })}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
