"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import type { AppRouter } from "@/server/app-router";
import { todayInBerlin } from "@/server/schemas/calendar-days";
import { consentKinds, indicationCriteria, intakeDecisions, lifeAreas } from "@/server/schemas/case-kinds";
import { addConsentSchema, saveIntakeSchema, saveScreeningSchema } from "@/server/schemas/cases";
import { FormCheckboxGroup, FormField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { errorsByPath, useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";
import { consentInput, intakeFormValues, newConsent, screeningFormValues } from "./case-form-values";
import type { CaseSectionProps } from "./case-props";
import { formatDay } from "./case-list";
import { ScreeningFields, withoutEmptyProblems } from "./screening-fields";
import { DraftNotice, useFormDraft } from "./use-form-draft";

export function IntakeFile({ caseId, abilities }: CaseSectionProps) {
  const t = useTranslations("cases");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const file = useQuery(trpc.cases.intakeFile.queryOptions({ caseId }));
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.cases.intakeFile.queryKey({ caseId }) });
    router.refresh();
  };
  const [messages, setMessages] = useState<Record<string, string | null>>({});
  if (!file.data)
    return file.error ? (
      <p role="alert" className="form-error">
        {file.error.message}
      </p>
    ) : (
      <p>{t("none")}</p>
    );
  const { screening, intake, consents } = file.data;

  return (
    <>
      <h1>{t("tabs.intake")}</h1>
      <section aria-labelledby="screening-title" className="card wide">
        <h2 id="screening-title">{t("screening.title")}</h2>
        <ScreeningForm
          caseId={caseId}
          saved={screening}
          canWrite={abilities.write}
          success={messages.screening ?? null}
          onSaved={async () => {
            setMessages({ screening: t("screening.saved") });
            await refresh();
          }}
        />
      </section>

      <Consents caseId={caseId} consents={consents} canWrite={abilities.write} onChange={refresh} />

      <section aria-labelledby="intake-title" className="card wide">
        <h2 id="intake-title">{t("intake.title")}</h2>
        <IntakeForm
          caseId={caseId}
          saved={intake}
          canWrite={abilities.write}
          success={messages.intake ?? null}
          onSaved={async (status) => {
            setMessages({ intake: `${t("intake.saved")} ${t("intake.statusNow", { status: t(`statuses.${status}`) })}` });
            await refresh();
          }}
        />
      </section>
    </>
  );
}

type IntakeFileData = NonNullable<inferRouterOutputs<AppRouter>["cases"]["intakeFile"]>;

/** Screeningbogen of the case, autosaved as a draft until it is saved. */
function ScreeningForm({
  caseId,
  saved,
  canWrite,
  success,
  onSaved,
}: {
  caseId: string;
  saved: IntakeFileData["screening"];
  canWrite: boolean;
  success: string | null;
  onSaved: () => Promise<void>;
}) {
  const t = useTranslations("cases");
  const trpc = useTRPC();
  const form = useZodForm(saveScreeningSchema, { defaultValues: screeningFormValues(caseId, saved) });
  const { attachForm, ...draft } = useFormDraft(caseId, "screening", canWrite, { form });
  const save = useMutation(
    trpc.cases.saveScreening.mutationOptions({
      onSuccess: async () => {
        draft.clear();
        await onSaved();
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const alert = useFormAlert(form, save.error);
  const onSubmit = form.handleSubmit((values) => save.mutate({ caseId, screening: withoutEmptyProblems(values.screening) }));

  return (
    <form ref={attachForm} onChange={draft.onChange} noValidate onSubmit={onSubmit}>
      <FormStatus error={alert} success={success} />
      <DraftNotice draft={draft} />
      <ScreeningFields
        initial={saved}
        errors={errorsByPath(form.formState.errors)}
        register={(name) => form.register(name as "screening")}
      />
      {canWrite && (
        <button type="submit" className="button-primary">
          {t("screening.save")}
        </button>
      )}
    </form>
  );
}

/** Erstgespräch: criteria and the admission decision, autosaved as a draft until it is saved. */
function IntakeForm({
  caseId,
  saved,
  canWrite,
  success,
  onSaved,
}: {
  caseId: string;
  saved: IntakeFileData["intake"];
  canWrite: boolean;
  success: string | null;
  onSaved: (status: string) => Promise<void>;
}) {
  const t = useTranslations("cases");
  const trpc = useTRPC();
  const form = useZodForm(saveIntakeSchema, { defaultValues: intakeFormValues(caseId, saved) });
  const { attachForm, ...draft } = useFormDraft(caseId, "intake", canWrite, { form });
  const save = useMutation(
    trpc.cases.saveIntake.mutationOptions({
      onSuccess: async (result) => {
        draft.clear();
        await onSaved(result.status);
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const alert = useFormAlert(form, save.error);
  const decisionError = form.formState.errors.decision?.message;
  const onSubmit = form.handleSubmit((values) => save.mutate(values));

  return (
    <form ref={attachForm} onChange={draft.onChange} noValidate onSubmit={onSubmit}>
      <FormStatus error={alert} success={success} />
      <DraftNotice draft={draft} />
      <FormField form={form} name="conductedOn" id="intake-date" label={t("intake.conductedOn")}>
        {(control) => <input {...control} type="date" />}
      </FormField>
      <FormCheckboxGroup
        form={form}
        name="criteria"
        legend={t("intake.criteria")}
        options={indicationCriteria.map((criterion) => ({ value: criterion, label: t(`criteria.${criterion}`) }))}
      />
      <fieldset aria-describedby={decisionError ? "intake-decision-error" : undefined}>
        <legend>{t("intake.decision")}</legend>
        {decisionError && (
          <p className="field-error" id="intake-decision-error">
            {decisionError}
          </p>
        )}
        {intakeDecisions.map((decision) => (
          <label key={decision} className="inline-choice block-choice">
            <input type="radio" {...form.register("decision")} value={decision} /> {t(`decisions.${decision}`)}
          </label>
        ))}
      </fieldset>
      <FormField form={form} name="reason" id="intake-reason" label={t("intake.reason")}>
        {(control) => <textarea {...control} />}
      </FormField>
      {canWrite && (
        <button type="submit" className="button-primary">
          {t("intake.save")}
        </button>
      )}
    </form>
  );
}

interface ConsentRow {
  id: string;
  kind: (typeof consentKinds)[number];
  organisationIds: string[];
  lifeAreas: string[];
  grantedOn: string;
  validUntil: string | null;
  scopeNote: string;
  revokedAt: Date | null;
}

function Consents({
  caseId,
  consents,
  canWrite,
  onChange,
}: {
  caseId: string;
  consents: ConsentRow[];
  canWrite: boolean;
  onChange: () => Promise<void>;
}) {
  const t = useTranslations("cases");
  const format = useFormatter();
  const trpc = useTRPC();
  const organisations = useQuery(trpc.tenancy.listOrganisations.queryOptions());
  const organisationName = new Map(organisations.data?.map((o) => [o.id, o.name]));
  const form = useZodForm(addConsentSchema, { defaultValues: newConsent(caseId) });
  const kind = form.watch("kind");
  const { attachForm, ...draft } = useFormDraft(caseId, "consent", canWrite, { form });
  const [success, setSuccess] = useState<string | null>(null);
  const add = useMutation(
    trpc.cases.addConsent.mutationOptions({
      onSuccess: async () => {
        setSuccess(t("consents.added"));
        draft.clear();
        await onChange();
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const revoke = useMutation(
    trpc.cases.revokeConsent.mutationOptions({
      onSuccess: async () => {
        setSuccess(t("consents.revokedNow"));
        await onChange();
      },
    }),
  );
  const alert = useFormAlert(form, add.error);
  const organisationsError = form.formState.errors.organisationIds?.message;
  const today = todayInBerlin();
  const onSubmit = form.handleSubmit((values) => add.mutate(consentInput(values)));

  return (
    <section aria-labelledby="consents-title" className="card wide">
      <h2 id="consents-title">{t("consents.title")}</h2>
      <p className="muted">{t("consents.intro")}</p>
      <FormStatus error={alert ?? revoke.error?.message} success={success} />
      {consents.length === 0 ? (
        <p>{t("consents.none")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("consents.kind")}</th>
              <th scope="col">{t("consents.organisations")}</th>
              <th scope="col">{t("consents.grantedOn")}</th>
              <th scope="col">{t("consents.status")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("consents.revoke")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {consents.map((c) => {
              const expired = c.validUntil !== null && c.validUntil < today;
              return (
                <tr key={c.id}>
                  <td>{t(`consentKinds.${c.kind}`)}</td>
                  <td>{c.organisationIds.map((id) => organisationName.get(id) ?? id).join(", ") || t("none")}</td>
                  <td>{formatDay(format, c.grantedOn)}</td>
                  <td>
                    {c.revokedAt
                      ? t("consents.revoked", { date: format.dateTime(new Date(c.revokedAt), { dateStyle: "medium" }) })
                      : expired
                        ? t("consents.expired")
                        : t("consents.valid")}
                  </td>
                  <td>
                    {!c.revokedAt && (
                      <button type="button" className="button-link" onClick={() => revoke.mutate({ caseId, consentId: c.id })}>
                        {t("consents.revoke")} <span className="visually-hidden">{t(`consentKinds.${c.kind}`)}</span>
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {canWrite && (
        <form ref={attachForm} onChange={draft.onChange} noValidate onSubmit={onSubmit}>
          <h3>{t("consents.add")}</h3>
          <DraftNotice draft={draft} />
          <FormField form={form} name="kind" id="consent-kind" label={t("consents.kind")}>
            {(control) => (
              <select {...control}>
                {consentKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`consentKinds.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {kind === "confidentiality_release" && (
            <fieldset aria-describedby={organisationsError ? "consent-orgs-error" : undefined}>
              <legend>{t("consents.organisations")}</legend>
              {organisationsError && (
                <p className="field-error" id="consent-orgs-error">
                  {organisationsError}
                </p>
              )}
              <ul className="checkbox-list">
                {organisations.data?.map((o) => (
                  <li key={o.id}>
                    <label className="inline-choice">
                      <input type="checkbox" {...form.register("organisationIds")} value={o.id} /> {o.name}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
          <FormCheckboxGroup
            form={form}
            name="lifeAreas"
            legend={t("consents.lifeAreas")}
            options={lifeAreas.map((area) => ({ value: area, label: t(`lifeAreas.${area}`) }))}
          />
          <FormField form={form} name="grantedOn" id="consent-granted" label={t("consents.grantedOn")}>
            {(control) => <input {...control} type="date" />}
          </FormField>
          <FormField form={form} name="validUntil" id="consent-valid-until" label={t("consents.validUntil")}>
            {(control) => <input {...control} type="date" />}
          </FormField>
          <FormField form={form} name="scopeNote" id="consent-scope" label={t("consents.scopeNote")}>
            {(control) => <input {...control} />}
          </FormField>
          <button type="submit" className="button-primary" disabled={add.isPending}>
            {t("consents.add")}
          </button>
        </form>
      )}
    </section>
  );
}
