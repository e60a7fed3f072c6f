"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { consentVotes, type ConsentVote } from "@/server/schemas/conference-kinds";
import { startFormulationSchema } from "@/server/schemas/formulations";
import type { ConferenceDocumentKey } from "@/server/schemas/shared-documents";
import type { AppRouter } from "@/server/app-router";
import { FormField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";
import { SharedEditor } from "../shared-documents/shared-editor";

type Formulation = inferRouterOutputs<AppRouter>["conferences"]["formulations"]["list"]["formulations"][number];

// Votes and status come from the database; a short poll keeps everyone's consent check current.
const refreshMs = 3_000;

/**
 * The consensual formulation of generative themes: one shared text per cluster of the board,
 * edited by everyone at once, a visible consent check per person, and the moderator's finalisation
 * that hands the agreed wording to the theme registry.
 */
export function ConferenceFormulations({ conferenceId }: { conferenceId: string }) {
  const t = useTranslations("formulations");
  const trpc = useTRPC();
  const list = useQuery({ ...trpc.conferences.formulations.list.queryOptions({ conferenceId }), refetchInterval: refreshMs });

  return (
    <section aria-labelledby="formulations-title">
      <h2 id="formulations-title">{t("title")}</h2>
      <p>{t("intro")}</p>
      {list.error && (
        <p role="alert" className="form-error">
          {list.error.message}
        </p>
      )}
      {list.data?.mayStart && <StartFormulation conferenceId={conferenceId} />}
      {list.data && list.data.formulations.length === 0 && <p>{t("none")}</p>}
      {list.data?.formulations.map((formulation) => (
        <FormulationCard key={formulation.id} conferenceId={conferenceId} formulation={formulation} />
      ))}
    </section>
  );
}

function useRefreshFormulations(conferenceId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.conferences.formulations.list.queryKey({ conferenceId }) });
    await queryClient.invalidateQueries({ queryKey: trpc.conferences.formulations.clusters.queryKey({ conferenceId }) });
  };
}

function StartFormulation({ conferenceId }: { conferenceId: string }) {
  const t = useTranslations("formulations");
  const trpc = useTRPC();
  const refresh = useRefreshFormulations(conferenceId);
  const clusters = useQuery({ ...trpc.conferences.formulations.clusters.queryOptions({ conferenceId }), refetchInterval: refreshMs * 2 });
  const [success, setSuccess] = useState<string | null>(null);
  const form = useZodForm(startFormulationSchema, { defaultValues: { conferenceId, clusterId: "", title: "" } });
  const start = useMutation(
    trpc.conferences.formulations.start.mutationOptions({
      onSuccess: async () => {
        setSuccess(t("start.started"));
        await refresh();
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const alert = useFormAlert(form, start.error, { hideWhenFieldsNamed: true });
  const open = clusters.data?.filter((c) => !c.hasFormulation) ?? [];

  const onSubmit = form.handleSubmit((values) => {
    setSuccess(null);
    start.mutate(values, { onSuccess: () => form.reset() });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="card" aria-labelledby="start-formulation-title">
      <h3 id="start-formulation-title">{t("start.title")}</h3>
      <FormStatus error={alert} success={success} />
      {clusters.data && open.length === 0 ? (
        <p>{t("start.noClusters")}</p>
      ) : (
        <>
          <FormField form={form} name="clusterId" id="formulation-cluster" label={t("start.cluster")}>
            {(control) => (
              <select {...control}>
                <option value="">{t("start.chooseCluster")}</option>
                {open.map((cluster) => (
                  <option key={cluster.clusterId} value={cluster.clusterId}>
                    {cluster.title}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField form={form} name="title" id="formulation-title" label={t("start.titleField")} hint={t("start.titleHint")}>
            {(control) => <input {...control} type="text" maxLength={200} />}
          </FormField>
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={start.isPending}>
              {t("start.submit")}
            </button>
          </div>
        </>
      )}
    </form>
  );
}

function FormulationCard({ conferenceId, formulation }: { conferenceId: string; formulation: Formulation }) {
  const t = useTranslations("formulations");
  const trpc = useTRPC();
  const refresh = useRefreshFormulations(conferenceId);
  const [success, setSuccess] = useState<string | null>(null);
  const vote = useMutation(
    trpc.conferences.formulations.vote.mutationOptions({
      onSuccess: async () => {
        setSuccess(t("voted"));
        await refresh();
      },
    }),
  );
  const finalise = useMutation(
    trpc.conferences.formulations.finalise.mutationOptions({
      onSuccess: async () => {
        setSuccess(t("finalised"));
        await refresh();
      },
    }),
  );
  const headingId = `formulation-${formulation.id}-title`;
  const voteLegendId = `formulation-${formulation.id}-vote`;
  const isFinalised = formulation.status === "finalised";

  function cast(choice: ConsentVote) {
    setSuccess(null);
    vote.mutate({ formulationId: formulation.id, vote: choice });
  }

  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {formulation.title} <span className="status-badge">{t(`statuses.${formulation.status}`)}</span>
      </h3>
      <SharedEditor
        id={`formulation-${formulation.id}`}
        address={{ conferenceId, key: formulation.documentKey as ConferenceDocumentKey }}
        label={t("wordingLabel", { title: formulation.title })}
        readOnly={isFinalised}
      />
      <FormStatus error={vote.error?.message ?? finalise.error?.message} success={success} />

      <h4>{t("consentTitle")}</h4>
      <p>{t("tally", formulation.tally)}</p>
      <ul>
        {formulation.votes.map((person) => (
          <li key={person.userId}>
            {t("voteOf", { name: person.displayName, vote: person.vote ? t(`votes.${person.vote}`) : t("notVoted") })}
          </li>
        ))}
      </ul>

      {formulation.mayVote && (
        <div role="group" aria-labelledby={voteLegendId} className="row-actions">
          <p id={voteLegendId} className="visually-hidden">
            {t("voteLegend", { title: formulation.title })}
          </p>
          {consentVotes.map((choice) => (
            <button
              key={choice}
              type="button"
              className={formulation.viewerVote === choice ? "button-primary" : "button-secondary"}
              aria-pressed={formulation.viewerVote === choice}
              disabled={vote.isPending}
              onClick={() => cast(choice)}
            >
              {t(`votes.${choice}`)}
            </button>
          ))}
        </div>
      )}

      {formulation.mayFinalise && (
        <div className="form-actions">
          {formulation.blockedBy && <p id={`formulation-${formulation.id}-blocked`}>{t(`blocked.${formulation.blockedBy}`)}</p>}
          <button
            type="button"
            className="button-primary"
            disabled={finalise.isPending}
            aria-describedby={formulation.blockedBy ? `formulation-${formulation.id}-blocked` : undefined}
            onClick={() => {
              setSuccess(null);
              finalise.mutate({ formulationId: formulation.id });
            }}
          >
            {t("finalise", { title: formulation.title })}
          </button>
        </div>
      )}

      {formulation.themeId && (
        <p>
          <Link href={`/themes/${formulation.themeId}`}>{t("openTheme", { title: formulation.title })}</Link>
        </p>
      )}
    </article>
  );
}
