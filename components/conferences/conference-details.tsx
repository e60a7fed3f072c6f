"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { ParticipantRole } from "@/server/schemas/conference-kinds";
import type { AppRouter } from "@/server/app-router";
import { nestedFieldErrors } from "../cases/create-case-form";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { useTRPC } from "../trpc/client";
import { placeLabel } from "./conference-list";
import { CaseSummary } from "./case-summary";
import { GuestCaseReleases } from "./guest-case-releases";

/** A conference for one participant: date, people, cases behind the consent gate, and the planner's checks. */
export function ConferenceDetails({ conferenceId }: { conferenceId: string }) {
  const t = useTranslations("conferences");
  const format = useFormatter();
  const trpc = useTRPC();
  const details = useQuery(trpc.conferences.get.queryOptions({ conferenceId }));
  const data = details.data;
  const showConflicts = !!data?.viewer.abilities.seeConsentConflicts;

  if (details.error)
    return (
      <p role="alert" className="form-error">
        {details.error.message}
      </p>
    );
  if (!data) return null;
  const { conference } = data;

  return (
    <>
      <p>
        {t(`types.${conference.type}`)} · <span className="status-badge">{t(`statuses.${conference.status}`)}</span>
      </p>
      <dl>
        <dt>{t("details.when")}</dt>
        <dd>{format.dateTime(new Date(conference.scheduledAt), { dateStyle: "full", timeStyle: "short" })}</dd>
        <dt>{t("details.where")}</dt>
        <dd>{placeLabel(t, conference.place, conference.isOnline)}</dd>
        <dt>{t("details.kommune")}</dt>
        <dd>{conference.kommuneName ?? t("details.wholeDistrict")}</dd>
      </dl>

      <section aria-labelledby="participants-title">
        <h2 id="participants-title">{t("details.participants")}</h2>
        <ul>
          {data.participants.map((p) => (
            <li key={p.userId}>
              {p.organisationName
                ? t("details.withOrganisation", { name: p.displayName, organisation: p.organisationName })
                : t("details.withoutOrganisation", { name: p.displayName })}
              <ParticipantMark role={p.role} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="cases-title">
        <h2 id="cases-title">{t("details.cases")}</h2>
        <AgendaCases conferenceId={conferenceId} cases={data.cases} />
        {data.viewer.abilities.attachCases && conference.status !== "finished" && (
          <AddOwnCase conferenceId={conferenceId} attachable={data.attachableCases} />
        )}
      </section>

      {showConflicts && <ConsentConflicts conferenceId={conferenceId} />}
      {data.cases.some((c) => c.isMine) && <GuestCaseReleases conferenceId={conferenceId} />}
      <MeetingControls conferenceId={conferenceId} status={conference.status} isModerator={data.viewer.abilities.moderate} />
    </>
  );
}

/** How the list marks a place on it: moderators and guests are named, participants are not. */
function ParticipantMark({ role }: { role: ParticipantRole }) {
  const t = useTranslations("conferences");
  switch (role) {
    case "moderator":
      return <strong> – {t("details.moderator")}</strong>;
    case "guest":
      return <span> – {t("roles.guest")}</span>;
    case "participant":
      return null;
  }
}

/** The moderator opens and closes the meeting; everyone can put the board on a projector. */
function MeetingControls({
  conferenceId,
  status,
  isModerator,
}: {
  conferenceId: string;
  status: Details["conference"]["status"];
  isModerator: boolean;
}) {
  const t = useTranslations("conferences.details");
  const trpc = useTRPC();
  const refresh = useRefreshConference(conferenceId);
  const router = useRouter();
  // Starting the meeting opens the room; finishing it leads to the follow-up.
  const setStatus = useMutation(
    trpc.conferences.setStatus.mutationOptions({
      onSuccess: async (_, input) => {
        await refresh();
        router.push(`/conferences/${conferenceId}/${input.status === "running" ? "live" : "nachbereitung"}`);
      },
    }),
  );
  return (
    <div className="meeting-controls">
      <FormStatus
        error={setStatus.error?.message}
        success={status === "running" ? t("started") : status === "finished" ? t("finishedNotice") : null}
      />
      <div className="row-actions">
        {isModerator && status === "planned" && (
          <button
            type="button"
            className="button-primary"
            disabled={setStatus.isPending}
            onClick={() => setStatus.mutate({ conferenceId, status: "running" })}
          >
            {t("start")}
          </button>
        )}
        {isModerator && status === "running" && (
          <button
            type="button"
            className="button-secondary"
            disabled={setStatus.isPending}
            onClick={() => setStatus.mutate({ conferenceId, status: "finished" })}
          >
            {t("finish")}
          </button>
        )}
        {status === "running" && <Link href={`/conferences/${conferenceId}/live`}>{t("openRoom")}</Link>}
        <a href={`/conferences/${conferenceId}/beamer`} target="_blank" rel="noopener">
          {t("projector")}
        </a>
      </div>
    </div>
  );
}

type Details = inferRouterOutputs<AppRouter>["conferences"]["get"];

function useRefreshConference(conferenceId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.conferences.get.queryKey({ conferenceId }) });
    await queryClient.invalidateQueries({ queryKey: trpc.conferences.consentConflicts.queryKey({ conferenceId }) });
  };
}

function AgendaCases({ conferenceId, cases }: { conferenceId: string; cases: Details["cases"] }) {
  const t = useTranslations("conferences");
  const trpc = useTRPC();
  const refresh = useRefreshConference(conferenceId);
  const [success, setSuccess] = useState<string | null>(null);
  const remove = useMutation(
    trpc.conferences.removeCase.mutationOptions({
      onSuccess: async () => {
        setSuccess(t("details.removed"));
        await refresh();
      },
    }),
  );

  return (
    <>
      <FormStatus error={remove.error?.message} success={success} />
      {cases.length === 0 && <p>{t("details.noCases")}</p>}
      {cases.map((c) => (
        <article key={c.caseId} className="card" aria-labelledby={`case-${c.caseId}-title`}>
          {c.released && c.summary ? (
            <>
              <h3 id={`case-${c.caseId}-title`}>{t("details.caseHeading", { pseudonym: c.pseudonym })}</h3>
              {c.ownPseudonym && <p className="muted">{t("details.yourCase", { pseudonym: c.ownPseudonym })}</p>}
              {c.caseFileId && c.ownPseudonym && (
                <p>
                  <Link href={`/cases/${c.caseFileId}`}>{t("details.openCaseFile", { pseudonym: c.ownPseudonym })}</Link>
                </p>
              )}
              <CaseSummary caseId={c.caseId} summary={c.summary} headingLevel={4} />
            </>
          ) : (
            <>
              <h3 id={`case-${c.caseId}-title`}>{t("details.notReleased", { pseudonym: c.pseudonym })}</h3>
              <p className="muted">{t("details.notReleasedHint")}</p>
            </>
          )}
          {c.mayRemove && (
            <button
              type="button"
              className="button-secondary"
              disabled={remove.isPending}
              onClick={() => {
                setSuccess(null);
                remove.mutate({ conferenceId, caseId: c.caseId });
              }}
            >
              {t("details.removeCase", { pseudonym: c.pseudonym })}
            </button>
          )}
        </article>
      ))}
    </>
  );
}

function AddOwnCase({ conferenceId, attachable }: { conferenceId: string; attachable: Details["attachableCases"] }) {
  const t = useTranslations("conferences");
  const trpc = useTRPC();
  const refresh = useRefreshConference(conferenceId);
  const [success, setSuccess] = useState<string | null>(null);
  const add = useMutation(
    trpc.conferences.addCase.mutationOptions({
      onSuccess: async () => {
        setSuccess(t("details.added"));
        await refresh();
      },
    }),
  );
  const errors = nestedFieldErrors(add.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSuccess(null);
    add.mutate({ conferenceId, caseId: String(new FormData(event.currentTarget).get("caseId") ?? "") });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="card" aria-labelledby="add-case-title">
      <h3 id="add-case-title">{t("details.addCase")}</h3>
      <FormStatus error={add.error && !errors.caseId ? add.error.message : null} success={success} />
      {attachable.length === 0 ? (
        <p>{t("details.noAttachable")}</p>
      ) : (
        <>
          <Field id="add-case-select" label={t("details.addCaseField")} error={errors.caseId}>
            {(d) => (
              <select id="add-case-select" name="caseId" defaultValue="" {...d}>
                <option value="">{t("details.chooseCase")}</option>
                {attachable.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.pseudonym}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={add.isPending}>
              {t("details.addCaseSubmit")}
            </button>
          </div>
        </>
      )}
    </form>
  );
}

function ConsentConflicts({ conferenceId }: { conferenceId: string }) {
  const t = useTranslations("conferences");
  const trpc = useTRPC();
  const conflicts = useQuery(trpc.conferences.consentConflicts.queryOptions({ conferenceId }));
  return (
    <section aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t("details.conflicts")}</h2>
      <p>{t("details.conflictsIntro")}</p>
      {conflicts.error && (
        <p role="alert" className="form-error">
          {conflicts.error.message}
        </p>
      )}
      {conflicts.data && conflicts.data.length === 0 && <p>{t("details.noCasesForConflicts")}</p>}
      {conflicts.data?.map((c) => (
        <div key={c.caseId}>
          <h3>{t("details.conflictCase", { pseudonym: c.pseudonym })}</h3>
          {c.uncovered.length === 0 ? (
            <p>{t("details.noConflicts")}</p>
          ) : (
            <ul>
              {c.uncovered.map((p) => (
                <li key={p.userId}>
                  {p.organisationName
                    ? t("details.withOrganisation", { name: p.displayName, organisation: p.organisationName })
                    : t("details.withoutOrganisation", { name: p.displayName })}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
