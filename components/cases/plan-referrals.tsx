"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { cmRoles, handoverModes, referralStatuses } from "@/server/schemas/case-kinds";
import { createReferralSchema, updateReferralSchema } from "@/server/schemas/plans";
import { FormField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";
import { todayInBerlin } from "@/server/schemas/calendar-days";
import { useFormatDay } from "./plan-format-day";
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
  const form = useZodForm(updateReferralSchema, { defaultValues: { caseId, referralId: referral.id, status: referral.status } });
  const update = useMutation(trpc.cases.plans.updateReferral.mutationOptions({ onSuccess: onSaved }));
  const selectId = `referral-${referral.id}-status`;
  const errorId = `${selectId}-error`;
  return (
    <form noValidate className="plan-inline-form" onSubmit={form.handleSubmit((values) => update.mutate(values))}>
      <label htmlFor={selectId} className="visually-hidden">
        {t("referrals.newStatus", { organisation: referral.organisationName })}
      </label>
      <select
        id={selectId}
        {...form.register("status")}
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
  const tValidation = useTranslations("validation");
  const trpc = useTRPC();
  const create = useMutation(trpc.cases.plans.createReferral.mutationOptions({ onSuccess: onSaved }));
  const me = useQuery(trpc.profile.me.queryOptions());
  const mayOverride = me.data?.abilities["cases.consent_override"] ?? false;
  const [override, setOverride] = useState(false);
  // Role and mode start on their empty "Bitte wählen" choice, which the schema refuses.
  const defaultValues = { caseId, organisationId: "", measureId: "", status: "planned" as const, referredOn: todayInBerlin(), note: "" };
  const form = useZodForm(createReferralSchema, { defaultValues });
  const covered = file.organisations.filter((organisation) => organisation.isCoveredByConsent);
  const uncovered = file.organisations.filter((organisation) => !organisation.isCoveredByConsent);

  const onSubmit = form.handleSubmit(
    (values) => {
      create.reset();
      create.mutate(values, {
        onSuccess: () => form.reset({ ...defaultValues, referredOn: todayInBerlin() }),
        onError: (error) => setServerErrors(form, error),
      });
    },
    () => {
      create.reset();
      // No organisation chosen yet is a missing choice, not a broken id.
      if (!form.getValues("organisationId")) form.setError("organisationId", { type: "required", message: tValidation("choose") });
    },
  );
  const alert = useFormAlert(form, create.error, { hideWhenFieldsNamed: true });

  return (
    <form noValidate onSubmit={onSubmit} className="card" aria-labelledby="referral-form-title">
      <h3 id="referral-form-title">{t("referrals.newTitle")}</h3>
      <FormStatus error={alert} />
      <FormField
        form={form}
        name="organisationId"
        id="referral-organisation"
        label={t("referrals.organisation")}
        hint={t("referrals.organisationHint", { count: covered.length })}
      >
        {(control) => (
          <select {...control}>
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
      </FormField>
      <FormField form={form} name="measureId" id="referral-measure" label={t("referrals.measure")}>
        {(control) => (
          <select {...control}>
            <option value="">{t("referrals.noMeasure")}</option>
            {file.measures.map((measure) => (
              <option key={measure.id} value={measure.id}>
                {measure.task}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="plan-row">
        <FormField form={form} name="cmRole" id="referral-cm-role" label={t("referrals.cmRole")}>
          {(control) => (
            <select {...control}>
              <option value="">{t("choose")}</option>
              {cmRoles.map((role) => (
                <option key={role} value={role}>
                  {t(`cmRoles.${role}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField form={form} name="mode" id="referral-mode" label={t("referrals.mode")}>
          {(control) => (
            <select {...control}>
              <option value="">{t("choose")}</option>
              {handoverModes.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`handoverModes.${mode}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <div className="plan-row">
        <FormField form={form} name="status" id="referral-status" label={t("referrals.status")}>
          {(control) => (
            <select {...control}>
              {referralStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`referralStatuses.${status}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField form={form} name="referredOn" id="referral-date" label={t("referrals.referredOn")}>
          {(control) => <input {...control} type="date" />}
        </FormField>
      </div>
      <FormField form={form} name="note" id="referral-note" label={t("referrals.note")}>
        {(control) => <textarea {...control} />}
      </FormField>
      {mayOverride && (
        <>
          <label className="inline-choice">
            <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} /> {t("referrals.override")}
          </label>
          {override && (
            <FormField
              form={form}
              name="consentOverrideReason"
              registerOptions={{ shouldUnregister: true }}
              id="referral-override-reason"
              label={t("referrals.overrideReason")}
              hint={t("referrals.overrideHint")}
            >
              {(control) => <textarea {...control} />}
            </FormField>
          )}
        </>
      )}
      <button type="submit" className="button-primary" disabled={create.isPending}>
        {create.isPending ? tApp("saving") : t("referrals.add")}
      </button>
    </form>
  );
}
