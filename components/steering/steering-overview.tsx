"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { createProposalSchema, createVorlageSchema } from "@/server/schemas/decisions";
import type { RichTextDoc } from "@/server/rich-text/validate";
import type { AppRouter } from "@/server/app-router";
import { Field } from "../forms/field";
import { FormField, FormSelectField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { fieldErrorsOf } from "../forms/use-field-errors";
import { setServerErrors } from "../forms/server-errors";
import { firstErrorMessage, useFormAlert, useZodForm } from "../forms/use-zod-form";
import { RichTextView } from "../themes/rich-text-view";
import { useTRPC } from "../trpc/client";
import { RichTextEditor } from "./rich-text-editor";

const emptyRichTextDoc: RichTextDoc = { type: "doc", content: [{ type: "paragraph" }] };

type Proposal = inferRouterOutputs<AppRouter>["steering"]["proposals"]["list"][number];

/** The steering area: Vorlagen, proposals, and the forms the actor may use. */
export function SteeringOverview({ mayDraft, mayManage }: { mayDraft: boolean; mayManage: boolean }) {
  const t = useTranslations("decisions");
  const trpc = useTRPC();
  const vorlagen = useQuery(trpc.steering.vorlagen.list.queryOptions());
  const proposals = useQuery(trpc.steering.proposals.list.queryOptions({}));
  const [fromProposal, setFromProposal] = useState<Proposal | null>(null);
  return (
    <>
      <p>
        <Link href="/steering/follow-up">{t("overview.followUpLink")}</Link>
      </p>
      <section aria-labelledby="vorlagen-heading">
        <h2 id="vorlagen-heading">{t("overview.vorlagenHeading")}</h2>
        {vorlagen.error && (
          <p role="alert" className="form-error">
            {vorlagen.error.message}
          </p>
        )}
        {vorlagen.data?.length === 0 && <p>{t("overview.vorlagenEmpty")}</p>}
        <ul>
          {vorlagen.data?.map((vorlage) => (
            <li key={vorlage.id}>
              <Link href={`/steering/vorlagen/${vorlage.id}`}>{vorlage.title}</Link>{" "}
              <span className="status-badge">{t(`vorlageStatuses.${vorlage.status}`)}</span>
              <br />
              <span className="muted">{t("overview.vorlageLine", { theme: vorlage.themeTitle, version: vorlage.latestVersion })}</span>
            </li>
          ))}
        </ul>
      </section>
      {mayManage && <CreateVorlageForm key={fromProposal?.id ?? "theme"} fromProposal={fromProposal} />}
      <section aria-labelledby="proposals-heading">
        <h2 id="proposals-heading">{t("overview.proposalsHeading")}</h2>
        {proposals.error && (
          <p role="alert" className="form-error">
            {proposals.error.message}
          </p>
        )}
        {proposals.data?.length === 0 && <p>{t("overview.proposalsEmpty")}</p>}
        {proposals.data?.map((proposal) => (
          <ProposalCard key={proposal.id} proposal={proposal} onMakeVorlage={() => setFromProposal(proposal)} />
        ))}
      </section>
      {mayDraft && <CreateProposalForm />}
    </>
  );
}

function ProposalCard({ proposal, onMakeVorlage }: { proposal: Proposal; onMakeVorlage: () => void }) {
  const t = useTranslations("decisions");
  const [editing, setEditing] = useState(false);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const submit = useMutation(
    trpc.steering.proposals.submit.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.steering.proposals.list.queryKey() }),
    }),
  );
  return (
    <article className="card" aria-labelledby={`proposal-${proposal.id}`}>
      <h3 id={`proposal-${proposal.id}`}>
        {proposal.title} <span className="status-badge">{t(`proposalStatuses.${proposal.status}`)}</span>
      </h3>
      <p className="muted">
        {t("overview.proposalLine", { theme: proposal.themeTitle, body: proposal.bodyName, author: proposal.authorName })}
      </p>
      {editing ? <EditProposalForm proposal={proposal} onDone={() => setEditing(false)} /> : <RichTextView doc={proposal.body} />}
      <FormStatus error={submit.error?.message} success={submit.isSuccess ? t("proposal.submitted") : null} />
      <div className="row-actions">
        {proposal.abilities.submit && (
          <button
            type="button"
            className="button-secondary"
            aria-label={t("proposal.submitContext", { title: proposal.title })}
            disabled={submit.isPending}
            onClick={() => submit.mutate({ proposalId: proposal.id })}
          >
            {t("proposal.submit")}
          </button>
        )}
        {proposal.abilities.submit && proposal.status === "draft" && !editing && (
          <button
            type="button"
            className="button-link"
            aria-label={t("proposal.editContext", { title: proposal.title })}
            onClick={() => setEditing(true)}
          >
            {t("proposal.edit")}
          </button>
        )}
        {proposal.abilities.makeVorlage && (
          <button
            type="button"
            className="button-secondary"
            aria-label={t("proposal.makeVorlageContext", { title: proposal.title })}
            onClick={onMakeVorlage}
          >
            {t("proposal.makeVorlage")}
          </button>
        )}
      </div>
    </article>
  );
}

/** A draft proposal is revised by its group until it is submitted. */
function EditProposalForm({ proposal, onDone }: { proposal: Proposal; onDone: () => void }) {
  const t = useTranslations("decisions.proposal");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [body, setBody] = useState<RichTextDoc>(proposal.body as RichTextDoc);
  const update = useMutation(
    trpc.steering.proposals.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.steering.proposals.list.queryKey() });
        onDone();
      },
    }),
  );
  const errors = fieldErrorsOf(update.error);
  const id = `edit-proposal-${proposal.id}`;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({ proposalId: proposal.id, title: String(new FormData(event.currentTarget).get("title") ?? ""), body });
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("editContext", { title: proposal.title })}>
      <FormStatus error={update.error && !Object.keys(errors).length ? update.error.message : null} success={null} />
      <Field id={`${id}-title`} label={t("title")} error={errors.title}>
        {(d) => <input id={`${id}-title`} name="title" maxLength={200} defaultValue={proposal.title} {...d} />}
      </Field>
      <RichTextEditor id={`${id}-body`} label={t("body")} error={errors.body} initial={proposal.body as RichTextDoc} onChange={setBody} />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={update.isPending}>
          {t("save")}
        </button>
        <button type="button" className="button-link" onClick={onDone}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

function CreateProposalForm() {
  const t = useTranslations("decisions.proposal");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = useQuery(trpc.steering.proposals.options.queryOptions());
  const [generation, setGeneration] = useState(0);
  const [success, setSuccess] = useState<string | null>(null);
  const form = useZodForm(createProposalSchema, { defaultValues: { themeId: "", bodyId: "", title: "", body: emptyRichTextDoc } });
  const create = useMutation(
    trpc.steering.proposals.create.mutationOptions({
      onSuccess: async () => {
        setSuccess(t("created"));
        // A fresh editor for the next proposal; theme, group and title stay for a similar one.
        form.setValue("body", emptyRichTextDoc);
        setGeneration((g) => g + 1);
        await queryClient.invalidateQueries({ queryKey: trpc.steering.proposals.list.queryKey() });
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const alert = useFormAlert(form, create.error, { hideWhenFieldsNamed: true });
  if (!options.data) return null;
  if (options.data.themes.length === 0 || options.data.groups.length === 0) return <p>{t("noThemes")}</p>;
  const onSubmit = form.handleSubmit((values) => {
    setSuccess(null);
    create.mutate(values);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="card wide" aria-labelledby="create-proposal-title">
      <h2 id="create-proposal-title">{t("createHeading")}</h2>
      <FormStatus error={alert} success={success} />
      <FormSelectField
        form={form}
        name="themeId"
        id="proposal-theme"
        label={t("theme")}
        options={options.data.themes.map((th) => ({ id: th.id, name: th.title }))}
        emptyLabel={t("choose")}
      />
      <FormSelectField
        form={form}
        name="bodyId"
        id="proposal-group"
        label={t("group")}
        options={options.data.groups}
        emptyLabel={t("choose")}
      />
      <FormField form={form} name="title" id="proposal-title" label={t("title")}>
        {(control) => <input {...control} maxLength={200} />}
      </FormField>
      <RichTextEditor
        key={generation}
        id="proposal-body"
        label={t("body")}
        error={firstErrorMessage(form.formState.errors.body)}
        initial={emptyRichTextDoc}
        onChange={(doc) => form.setValue("body", doc)}
      />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {t("create")}
        </button>
      </div>
    </form>
  );
}

function CreateVorlageForm({ fromProposal }: { fromProposal: Proposal | null }) {
  const t = useTranslations("decisions.vorlage");
  const trpc = useTRPC();
  const router = useRouter();
  const themes = useQuery(trpc.themes.list.queryOptions());
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useZodForm(createVorlageSchema, {
    defaultValues: {
      themeId: fromProposal ? null : "",
      proposalId: fromProposal?.id ?? null,
      title: fromProposal?.title ?? "",
      body: fromProposal?.body ?? emptyRichTextDoc,
    },
  });
  const create = useMutation(
    trpc.steering.vorlagen.create.mutationOptions({
      onSuccess: (created) => router.push(`/steering/vorlagen/${created.id}`),
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const alert = useFormAlert(form, create.error, { hideWhenFieldsNamed: true });
  useEffect(() => {
    if (fromProposal) heading.current?.focus();
  }, [fromProposal]);
  const onSubmit = form.handleSubmit((values) => create.mutate(values));
  return (
    <form onSubmit={onSubmit} noValidate className="card wide" aria-labelledby="create-vorlage-title">
      <h2 id="create-vorlage-title" ref={heading} tabIndex={-1}>
        {t("createHeading")}
      </h2>
      {fromProposal && <p>{t("fromProposal", { title: fromProposal.title })}</p>}
      <FormStatus error={alert} />
      {!fromProposal && (
        <FormSelectField
          form={form}
          name="themeId"
          id="vorlage-theme"
          label={t("theme")}
          options={themes.data?.map((th) => ({ id: th.id, name: th.title }))}
          emptyLabel={t("choose")}
        />
      )}
      <FormField form={form} name="title" id="new-vorlage-title" label={t("title")}>
        {(control) => <input {...control} maxLength={200} />}
      </FormField>
      <RichTextEditor
        id="new-vorlage-body"
        label={t("body")}
        hint={t("bodyHint")}
        error={firstErrorMessage(form.formState.errors.body)}
        initial={fromProposal?.body ?? emptyRichTextDoc}
        onChange={(doc) => form.setValue("body", doc)}
      />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {t("create")}
        </button>
      </div>
    </form>
  );
}
