"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormStatus } from "../forms/form-status";
import { useTRPC } from "../trpc/client";

/**
 * For the responsible case manager of agenda cases: the conference's guests per own case, and the
 * confirmation that the Schweigepflichtentbindung covers a guest. Without it the guest sees nothing
 * of the case; the moderator cannot give it.
 */
export function GuestCaseReleases({ conferenceId }: { conferenceId: string }) {
  const t = useTranslations("guests.caseReleases");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const releases = useQuery(trpc.conferences.guests.caseReleases.queryOptions({ conferenceId }));
  const [success, setSuccess] = useState<string | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.conferences.guests.caseReleases.queryKey({ conferenceId }) });
    await queryClient.invalidateQueries({ queryKey: trpc.conferences.consentConflicts.queryKey({ conferenceId }) });
  };
  const confirm = useMutation(trpc.conferences.guests.confirmForCase.mutationOptions());
  const withdraw = useMutation(trpc.conferences.guests.withdrawForCase.mutationOptions());
  const error = confirm.error?.message ?? withdraw.error?.message ?? releases.error?.message ?? null;

  if (!releases.error && !releases.data?.some((c) => c.guests.length > 0)) return null;

  function act(kind: "confirm" | "withdraw", input: { caseId: string; guestUserId: string }, names: { name: string; pseudonym: string }) {
    setSuccess(null);
    confirm.reset();
    withdraw.reset();
    (kind === "confirm" ? confirm : withdraw).mutate(
      { conferenceId, ...input },
      {
        onSuccess: async () => {
          setSuccess(t(kind === "confirm" ? "confirmedNotice" : "withdrawnNotice", names));
          await refresh();
        },
      },
    );
  }

  return (
    <section aria-labelledby="guest-case-releases-title">
      <h2 id="guest-case-releases-title">{t("heading")}</h2>
      <p>{t("intro")}</p>
      <FormStatus error={error} success={success} />
      {releases.data?.map((c) => (
        <div key={c.caseId}>
          <h3 id={`guest-releases-${c.caseId}`}>{t("caseHeading", { pseudonym: c.pseudonym })}</h3>
          {c.guests.length === 0 ? (
            <p>{t("noGuests")}</p>
          ) : (
            <table aria-labelledby={`guest-releases-${c.caseId}`}>
              <thead>
                <tr>
                  <th scope="col">{t("name")}</th>
                  <th scope="col">{t("organisation")}</th>
                  <th scope="col">{t("consent")}</th>
                  <th scope="col">{t("status")}</th>
                  <th scope="col">{t("actions")}</th>
                </tr>
              </thead>
              <tbody>
                {c.guests.map((guest) => {
                  const names = { name: guest.name, pseudonym: c.pseudonym };
                  const input = { caseId: c.caseId, guestUserId: guest.userId };
                  const busy = confirm.isPending || withdraw.isPending;
                  return (
                    <tr key={guest.userId}>
                      <th scope="row">{guest.name}</th>
                      <td>{guest.organisationName ?? t("noOrganisation")}</td>
                      <td>{guest.isCoveredOrganisation ? t("covered") : t("notCovered")}</td>
                      <td>{guest.isConfirmed ? t("confirmed") : guest.isCoveredOrganisation ? t("awaiting") : t("notPossible")}</td>
                      <td>
                        {guest.isConfirmed ? (
                          <button type="button" className="button-link" disabled={busy} onClick={() => act("withdraw", input, names)}>
                            {t("withdraw")} <span className="visually-hidden">{t("actionContext", names)}</span>
                          </button>
                        ) : (
                          guest.isCoveredOrganisation && (
                            <button type="button" className="button-secondary" disabled={busy} onClick={() => act("confirm", input, names)}>
                              {t("confirm")} <span className="visually-hidden">{t("actionContext", names)}</span>
                            </button>
                          )
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  );
}
