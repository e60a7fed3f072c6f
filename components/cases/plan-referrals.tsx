"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { todayInBerlin } from "@/server/schemas/calendar-days";
import { cmRoles, handoverModes, referralStatuses } from "@/server/schemas/case-kinds";
import { createReferralSchema } from "@/server/schemas/plans";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { fieldErrorsOf } from "../forms/use-field-errors";
import { useTRPC } from "../trpc/client";
import { focusFirstInvalid, useFormatDay, useSchemaErrors } from "./plan-form-errors";
import type { PlanFile, PlanReferral } from "./plan-types";

interface Props {
  caseId: string;
  file: PlanFile;
  onChanged: () => Promise<void>;
}

/**
 * Leistungsvermittlung: the referrals with their state, and a new referral. The organisation list
 * shows which organisations a valid Schweigepflichtentbindung covers; the server enforces it.
 */
export function PlanReferrals({ caseId, file, onChanged }: Props) {
  const t = useTranslations("plans");
  const tCases = useTranslations("cases");
  const formatDay = useFormatDay();
  const [success, setSuccess] = useState<string | null>(null);

  return (
    <>
      <p>{t("referrals.intro")}</p>
      <FormStatus success={success} />
      {file.referrals.length === 0 ? (
        <p>{t("referrals.none")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("referrals.organisation")}</th>
              <th scope="col">{t("referrals.status")}</th>
              <th scope="col">{t("referrals.cmRole")}</th>
              <th scope="col">{t("referrals.mode")}</th>
              <th scope="col">{t("referrals.referredOn")}</th>
              <th scope="col">{t("referrals.note")}</th>
              <th scope="col">{t("referrals.consent")}</th>
              {file.canWrite && <th scope="col">{t("referrals.updateStatus")}</th>}
            </tr>
          </thead>
          <tbody>
            {file.referrals.map((referral) => (
              <tr key={referral.id}>
                <td>{referral.organisationName}</td>
                <td>{t(`referralStatuses.${referral.status}`)}</td>
                <td>{t(`cmRoles.${referral.cmRole}`)}</td>
                <td>{t(`handoverModes.${referral.mode}`)}</td>
                <td>{formatDay(referral.referredOn)}</td>
                <td>{referral.note || tCases("none")}</td>
                <td>
                  {referral.isCoveredByConsent ? (
                    t("referrals.consentOk")
                  ) : referral.consentOverrideReason ? (
                    <strong>{t("referrals.overridden")}</strong>
                  ) : (
                    <strong>{t("referrals.consentMissing")}</strong>
                  )}
                </td>
                {file.canWrite && (
                  <td>
                    {referral.isCoveredByConsent ? (
                      <ReferralStatusForm
                        caseId={caseId}
                        referral={referral}
                        onSaved={async () => {
                          setSuccess(t("referrals.updated", { organisation: referral.organisationName }));
                          await onChanged();
                        }}
                      />
                    ) : (
                      tCases("none")
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {file.canWrite && (
        <NewReferralForm
          caseId={caseId}
          file={file}
          onSaved={async () => {
            setSuccess(t("referrals.added"));
            await onChanged();
          }}
        />
      )}
    </>
  );
}

function ReferralStatusForm({ caseId, referral, onSaved }: { caseId: string; referral: PlanReferral; onSaved: () => Promise<void> }) {
  const t = useTranslations("plans");
  const trpc = useTRPC();
  const update = useMutation(trpc.cases.plans.updateReferral.mutationOptions({ onSuccess: onSaved }));
  const selectId = `referral-${referral.id}-status`;
  const errorId = `${selectId}-error`;
  return (
    <form
      noValidate
      className="plan-inline-form"
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        const status = String(new FormData(event.currentTarget).get("status")) as (typeof referralStatuses)[number];
        update.mutate({ caseId, referralId: referral.id, status });
      }}
    >
      <label htmlFor={selectId} className="visually-hidden">
        {t("referrals.newStatus", { organisation: referral.organisationName })}
      </label>
      <select
        id={selectId}
        name="status"
        defaultValue={referral.status}
        aria-describedby={update.error ? errorId : undefined}
        aria-invalid={update.error ? true : undefined}
      >
        {referralStatuses.map((status) => (
          <option key={status} value={status}>
            {t(`referralStatuses.${status}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="button-secondary" disabled={update.isPending}>
        {t("referrals.updateStatus")} <span className="visually-hidden">{referral.organisationName}</span>
      </button>
      {update.error && (
        <p className="field-error" id={errorId} role="alert">
          {update.error.message}
        </p>
      )}
    </form>
  );
}

function NewReferralForm({ caseId, file, onSaved }: { caseId: string; file: PlanFile; onSaved: () => Promise<void> }) {
  const t = useTranslations("plans");
  const tApp = useTranslations("app");
  const tErrors = useTranslations("errors");
  const trpc = useTRPC();
  const { check, translateKey } = useSchemaErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const create = useMutation(trpc.cases.plans.createReferral.mutationOptions({ onSuccess: onSaved }));
  const me = useQuery(trpc.profile.me.queryOptions());
  const mayOverride = me.data?.abilities["cases.consent_override"] ?? false;
  const [override, setOverride] = useState(false);
  const serverErrors = fieldErrorsOf(create.error);
  const errors = { ...serverErrors, ...clientErrors };
  const fieldKeys = ["organisationId", "measureId", "status", "cmRole", "mode", "referredOn", "note", "consentOverrideReason"];
  const generalError = Object.keys(clientErrors).length
    ? tErrors("invalidInput")
    : create.error && !Object.keys(serverErrors).some((key) => fieldKeys.includes(key))
      ? create.error.message
      : null;
  const covered = file.organisations.filter((organisation) => organisation.isCoveredByConsent);
  const uncovered = file.organisations.filter((organisation) => !organisation.isCoveredByConsent);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.reset();
    const form = new FormData(event.currentTarget);
    const input = {
      caseId,
      organisationId: String(form.get("organisationId") ?? ""),
      measureId: String(form.get("measureId") ?? "") || null,
      status: String(form.get("status") ?? "planned"),
      cmRole: String(form.get("cmRole") ?? ""),
      mode: String(form.get("mode") ?? ""),
      referredOn: String(form.get("referredOn") ?? ""),
      note: String(form.get("note") ?? ""),
      consentOverrideReason: override ? String(form.get("consentOverrideReason") ?? "") : null,
    };
    const result = check(createReferralSchema, input);
    if (result.errors) {
      setClientErrors(input.organisationId ? result.errors : { ...result.errors, organisationId: translateKey("validation.choose") });
      focusFirstInvalid(formRef.current);
      return;
    }
    setClientErrors({});
    const formElement = event.currentTarget;
    create.mutate(result.data, { onSuccess: () => formElement.reset(), onError: () => focusFirstInvalid(formElement) });
  }

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="card" aria-labelledby="referral-form-title">
      <h3 id="referral-form-title">{t("referrals.newTitle")}</h3>
      <FormStatus error={generalError} />
      <Field
        id="referral-organisation"
        label={t("referrals.organisation")}
        hint={t("referrals.organisationHint", { count: covered.length })}
        error={errors.organisationId}
      >
        {(d) => (
          <select id="referral-organisation" name="organisationId" defaultValue="" {...d}>
            <option value="">{t("choose")}</option>
            {covered.length > 0 && (
              <optgroup label={t("referrals.coveredGroup")}>
                {covered.map((organisation) => (
                  <option key={organisation.id} value={organisation.id}>
                    {organisation.name}
                  </option>
                ))}
              </optgroup>
            )}
            {uncovered.length > 0 && (
              <optgroup label={t("referrals.notCoveredGroup")}>
                {uncovered.map((organisation) => (
                  <option key={organisation.id} value={organisation.id}>
                    {organisation.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        )}
      </Field>
      <Field id="referral-measure" label={t("referrals.measure")} error={errors.measureId}>
        {(d) => (
          <select id="referral-measure" name="measureId" defaultValue="" {...d}>
            <option value="">{t("referrals.noMeasure")}</option>
            {file.measures.map((measure) => (
              <option key={measure.id} value={measure.id}>
                {measure.task}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="plan-row">
        <Field id="referral-cm-role" label={t("referrals.cmRole")} error={errors.cmRole}>
          {(d) => (
            <select id="referral-cm-role" name="cmRole" defaultValue="" {...d}>
              <option value="">{t("choose")}</option>
              {cmRoles.map((role) => (
                <option key={role} value={role}>
                  {t(`cmRoles.${role}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="referral-mode" label={t("referrals.mode")} error={errors.mode}>
          {(d) => (
            <select id="referral-mode" name="mode" defaultValue="" {...d}>
              <option value="">{t("choose")}</option>
              {handoverModes.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`handoverModes.${mode}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="plan-row">
        <Field id="referral-status" label={t("referrals.status")} error={errors.status}>
          {(d) => (
            <select id="referral-status" name="status" defaultValue="planned" {...d}>
              {referralStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`referralStatuses.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="referral-date" label={t("referrals.referredOn")} error={errors.referredOn}>
          {(d) => <input id="referral-date" name="referredOn" type="date" defaultValue={todayInBerlin()} {...d} />}
        </Field>
      </div>
      <Field id="referral-note" label={t("referrals.note")} error={errors.note}>
        {(d) => <textarea id="referral-note" name="note" {...d} />}
      </Field>
      {mayOverride && (
        <>
          <label className="inline-choice">
            <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} /> {t("referrals.override")}
          </label>
          {override && (
            <Field
              id="referral-override-reason"
              label={t("referrals.overrideReason")}
              hint={t("referrals.overrideHint")}
              error={errors.consentOverrideReason}
            >
              {(d) => <textarea id="referral-override-reason" name="consentOverrideReason" {...d} />}
            </Field>
          )}
        </>
      )}
      <button type="submit" className="button-primary" disabled={create.isPending}>
        {create.isPending ? tApp("saving") : t("referrals.add")}
      </button>
    </form>
  );
}
