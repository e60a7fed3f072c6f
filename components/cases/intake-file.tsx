"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { todayInBerlin } from "@/server/schemas/calendar-days";
import { consentKinds, indicationCriteria, intakeDecisions, lifeAreas } from "@/server/schemas/case-kinds";
import type { AddConsentInput } from "@/server/schemas/cases";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { useTRPC } from "../trpc/client";
import type { CaseSectionProps } from "./case-props";
import { formatDay } from "./case-list";
import { nestedFieldErrors } from "./create-case-form";
import { ScreeningFields, screeningFromForm } from "./screening-fields";
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
  const { attachForm: attachScreeningForm, ...screeningDraft } = useFormDraft(caseId, "screening", abilities.write);
  const { attachForm: attachIntakeForm, ...intakeDraft } = useFormDraft(caseId, "intake", abilities.write);
  const saveScreening = useMutation(
    trpc.cases.saveScreening.mutationOptions({
      onSuccess: async () => {
        setMessages({ screening: t("screening.saved") });
        screeningDraft.clear();
        await refresh();
      },
    }),
  );
  const saveIntake = useMutation(
    trpc.cases.saveIntake.mutationOptions({
      onSuccess: async (r) => {
        setMessages({ intake: `${t("intake.saved")} ${t("intake.statusNow", { status: t(`statuses.${r.status}`) })}` });
        intakeDraft.clear();
        await refresh();
      },
    }),
  );
  if (!file.data)
    return file.error ? (
      <p role="alert" className="form-error">
        {file.error.message}
      </p>
    ) : (
      <p>{t("none")}</p>
    );
  const { screening, intake, consents } = file.data;
  const screeningErrors = nestedFieldErrors(saveScreening.error);
  const intakeErrors = nestedFieldErrors(saveIntake.error);

  return (
    <>
      <h1>{t("tabs.intake")}</h1>
      <section aria-labelledby="screening-title" className="card wide">
        <h2 id="screening-title">{t("screening.title")}</h2>
        <form
          ref={attachScreeningForm}
          onChange={screeningDraft.onChange}
          noValidate
          onSubmit={(event: FormEvent<HTMLFormElement>) => {
            event.preventDefault();
            saveScreening.mutate({ caseId, screening: screeningFromForm(new FormData(event.currentTarget)) });
          }}
        >
          <FormStatus error={saveScreening.error?.message} success={messages.screening} />
          <DraftNotice draft={screeningDraft} />
          <ScreeningFields initial={screening} errors={screeningErrors} />
          {abilities.write && (
            <button type="submit" className="button-primary">
              {t("screening.save")}
            </button>
          )}
        </form>
      </section>

      <Consents caseId={caseId} consents={consents} canWrite={abilities.write} onChange={refresh} />

      <section aria-labelledby="intake-title" className="card wide">
        <h2 id="intake-title">{t("intake.title")}</h2>
        <form
          ref={attachIntakeForm}
          onChange={intakeDraft.onChange}
          noValidate
          onSubmit={(event: FormEvent<HTMLFormElement>) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            saveIntake.mutate({
              caseId,
              conductedOn: String(form.get("conductedOn") ?? ""),
              criteria: form.getAll("criteria").map(String) as (typeof indicationCriteria)[number][],
              decision: String(form.get("decision") ?? "") as (typeof intakeDecisions)[number],
              reason: String(form.get("reason") ?? ""),
            });
          }}
        >
          <FormStatus error={saveIntake.error?.message} success={messages.intake} />
          <DraftNotice draft={intakeDraft} />
          <Field id="intake-date" label={t("intake.conductedOn")} error={intakeErrors.conductedOn}>
            {(d) => <input id="intake-date" name="conductedOn" type="date" defaultValue={intake?.conductedOn ?? todayInBerlin()} {...d} />}
          </Field>
          <fieldset>
            <legend>{t("intake.criteria")}</legend>
            <ul className="checkbox-list">
              {indicationCriteria.map((criterion) => (
                <li key={criterion}>
                  <label className="inline-choice">
                    <input type="checkbox" name="criteria" value={criterion} defaultChecked={intake?.criteria.includes(criterion)} />{" "}
                    {t(`criteria.${criterion}`)}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <fieldset aria-describedby={intakeErrors.decision ? "intake-decision-error" : undefined}>
            <legend>{t("intake.decision")}</legend>
            {intakeErrors.decision && (
              <p className="field-error" id="intake-decision-error">
                {intakeErrors.decision}
              </p>
            )}
            {intakeDecisions.map((decision) => (
              <label key={decision} className="inline-choice block-choice">
                <input type="radio" name="decision" value={decision} defaultChecked={intake?.decision === decision} />{" "}
                {t(`decisions.${decision}`)}
              </label>
            ))}
          </fieldset>
          <Field id="intake-reason" label={t("intake.reason")} error={intakeErrors.reason}>
            {(d) => <textarea id="intake-reason" name="reason" defaultValue={intake?.reason ?? ""} {...d} />}
          </Field>
          {abilities.write && (
            <button type="submit" className="button-primary">
              {t("intake.save")}
            </button>
          )}
        </form>
      </section>
    </>
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
  const [kind, setKind] = useState<(typeof consentKinds)[number]>("processing");
  // The organisation boxes appear only for a Schweigepflichtentbindung and after the list has loaded.
  const [restoredOrganisations, setRestoredOrganisations] = useState<string[]>([]);
  const { attachForm, ...draft } = useFormDraft(caseId, "consent", canWrite, {
    onRestore: (fields) => {
      const restoredKind = fields.kind?.[0];
      if (restoredKind && (consentKinds as readonly string[]).includes(restoredKind))
        setKind(restoredKind as (typeof consentKinds)[number]);
      setRestoredOrganisations(fields.organisationIds ?? []);
    },
  });
  const [success, setSuccess] = useState<string | null>(null);
  const add = useMutation(
    trpc.cases.addConsent.mutationOptions({
      onSuccess: async () => {
        setSuccess(t("consents.added"));
        draft.clear();
        await onChange();
      },
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
  const errors = nestedFieldErrors(add.error);
  const today = todayInBerlin();

  return (
    <section aria-labelledby="consents-title" className="card wide">
      <h2 id="consents-title">{t("consents.title")}</h2>
      <p className="muted">{t("consents.intro")}</p>
      <FormStatus error={add.error?.message ?? revoke.error?.message} success={success} />
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
        <form
          ref={attachForm}
          onChange={draft.onChange}
          noValidate
          onSubmit={(event: FormEvent<HTMLFormElement>) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const input: AddConsentInput = {
              caseId,
              kind,
              organisationIds: form.getAll("organisationIds").map(String),
              lifeAreas: form.getAll("lifeAreas").map(String) as AddConsentInput["lifeAreas"],
              grantedOn: String(form.get("grantedOn") ?? ""),
              validUntil: String(form.get("validUntil") ?? "") || null,
              scopeNote: String(form.get("scopeNote") ?? ""),
            };
            add.mutate(input);
          }}
        >
          <h3>{t("consents.add")}</h3>
          <DraftNotice draft={draft} />
          <Field id="consent-kind" label={t("consents.kind")} error={errors.kind}>
            {(d) => (
              <select id="consent-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} {...d}>
                {consentKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`consentKinds.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {kind === "confidentiality_release" && (
            <fieldset aria-describedby={errors.organisationIds ? "consent-orgs-error" : undefined}>
              <legend>{t("consents.organisations")}</legend>
              {errors.organisationIds && (
                <p className="field-error" id="consent-orgs-error">
                  {errors.organisationIds}
                </p>
              )}
              <ul className="checkbox-list">
                {organisations.data?.map((o) => (
                  <li key={o.id}>
                    <label className="inline-choice">
                      <input type="checkbox" name="organisationIds" value={o.id} defaultChecked={restoredOrganisations.includes(o.id)} />{" "}
                      {o.name}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
          <fieldset>
            <legend>{t("consents.lifeAreas")}</legend>
            <ul className="checkbox-list">
              {lifeAreas.map((area) => (
                <li key={area}>
                  <label className="inline-choice">
                    <input type="checkbox" name="lifeAreas" value={area} /> {t(`lifeAreas.${area}`)}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <Field id="consent-granted" label={t("consents.grantedOn")} error={errors.grantedOn}>
            {(d) => <input id="consent-granted" name="grantedOn" type="date" defaultValue={today} {...d} />}
          </Field>
          <Field id="consent-valid-until" label={t("consents.validUntil")} error={errors.validUntil}>
            {(d) => <input id="consent-valid-until" name="validUntil" type="date" {...d} />}
          </Field>
          <Field id="consent-scope" label={t("consents.scopeNote")} error={errors.scopeNote}>
            {(d) => <input id="consent-scope" name="scopeNote" {...d} />}
          </Field>
          <button type="submit" className="button-primary" disabled={add.isPending}>
            {t("consents.add")}
          </button>
        </form>
      )}
    </section>
  );
}
