"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useFieldArray } from "react-hook-form";
import { fullYearsBetween, isCalendarDay, todayInBerlin } from "@/server/schemas/calendar-days";
import { authorityKinds, saveIdentitySchema, type IdentityInput } from "@/server/schemas/cases";
import { FormField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";
import { authorityContactsFromDraft } from "./case-form-values";
import type { CaseSectionProps } from "./case-props";
import { DraftNotice, useFormDraft } from "./use-form-draft";

type TextField = Exclude<keyof IdentityInput, "authorityContacts">;

const sections: { fields: TextField[]; multiline?: TextField[] }[] = [
  {
    fields: [
      "lastName",
      "firstName",
      "birthName",
      "birthDate",
      "birthPlace",
      "nationalities",
      "residenceTitle",
      "gender",
      "countryOfOrigin",
    ],
  },
  { fields: ["maritalStatus", "householdType", "childrenInHousehold"] },
  { fields: ["street", "town", "phone", "email", "alsoReachableAt"] },
  {
    fields: ["relatives", "legalAdviser", "previousCounselling", "otherReferencePersons"],
    multiline: ["relatives", "previousCounselling", "otherReferencePersons"],
  },
];

function ageOn(birthDate: string, day = todayInBerlin()): number | null {
  if (!isCalendarDay(birthDate)) return null;
  return fullYearsBetween(birthDate, day);
}

/** The Aktendeckblatt: decrypted for the responsible case manager only; the server audits each read. */
export function IdentitySheet({ caseId, abilities }: CaseSectionProps) {
  const trpc = useTRPC();
  const identity = useQuery(trpc.cases.identity.queryOptions({ caseId }, { staleTime: 0, gcTime: 0 }));
  if (!identity.data)
    return identity.error ? (
      <p role="alert" className="form-error">
        {identity.error.message}
      </p>
    ) : null;
  return <IdentityForm caseId={caseId} canWrite={abilities.write} current={identity.data} />;
}

function IdentityForm({ caseId, canWrite, current }: { caseId: string; canWrite: boolean; current: IdentityInput }) {
  const t = useTranslations("cases");
  const tField = useTranslations("cases.identityFields");
  const trpc = useTRPC();
  const form = useZodForm(saveIdentitySchema, { defaultValues: { caseId, identity: current } });
  const contacts = useFieldArray({ control: form.control, name: "identity.authorityContacts" });
  const [success, setSuccess] = useState<string | null>(null);
  // The draft of the Aktendeckblatt holds identifying data, so, like the other case drafts, it is kept
  // only on the server, encrypted with the identity key and readable by this case manager alone: no
  // localStorage or sessionStorage copy (browsers restore session storage with the last session) can
  // linger on a shared office computer. Saving the sheet discards the draft.
  const { attachForm, ...draft } = useFormDraft(caseId, "identity", canWrite, {
    form,
    onRestore: (fields) => contacts.replace(authorityContactsFromDraft(fields)),
  });
  const { capture } = draft;
  const save = useMutation(
    trpc.cases.saveIdentity.mutationOptions({
      onSuccess: () => {
        setSuccess(t("identity.saved"));
        draft.clear();
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  // Adding or removing a row fires no change event: save the draft once the new rows are rendered.
  const [rowsChanged, setRowsChanged] = useState(0);
  useEffect(() => {
    if (rowsChanged > 0) capture();
  }, [rowsChanged, capture]);
  const alert = useFormAlert(form, save.error);
  const age = ageOn(current.birthDate);
  const onSubmit = form.handleSubmit((values) => {
    setSuccess(null);
    save.mutate(values);
  });

  return (
    <form ref={attachForm} onChange={draft.onChange} onSubmit={onSubmit} noValidate className="card wide" aria-labelledby="identity-title">
      <h1 id="identity-title">{t("identity.title")}</h1>
      <p className="notice">{t("identity.notice")}</p>
      <FormStatus error={alert} success={success} />
      <DraftNotice draft={draft} />
      {age !== null && (
        <p>
          {tField("age")}: {t("identity.years", { age })}
        </p>
      )}
      {sections.map((section, index) => (
        <fieldset key={index}>
          {section.fields.map((field) => (
            <FormField key={field} form={form} name={`identity.${field}`} id={`identity-${field}`} label={tField(field)}>
              {(control) =>
                section.multiline?.includes(field) ? (
                  <textarea {...control} readOnly={!canWrite} />
                ) : (
                  <input
                    {...control}
                    type={field === "birthDate" ? "date" : field === "email" ? "email" : field === "phone" ? "tel" : "text"}
                    readOnly={!canWrite}
                    autoComplete="off"
                  />
                )
              }
            </FormField>
          ))}
        </fieldset>
      ))}
      <fieldset>
        <legend>{tField("authorityContacts")}</legend>
        {contacts.fields.map((row, index) => (
          <div className="grant-row" key={row.id}>
            <FormField
              form={form}
              name={`identity.authorityContacts.${index}.authority`}
              id={`authority-${index}`}
              label={`${tField("authority")} ${index + 1}`}
            >
              {(control) => (
                <select {...control} disabled={!canWrite}>
                  {authorityKinds.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`authorities.${kind}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField
              form={form}
              name={`identity.authorityContacts.${index}.contactPerson`}
              id={`authority-person-${index}`}
              label={`${tField("contactPerson")} ${index + 1}`}
            >
              {(control) => <input {...control} readOnly={!canWrite} />}
            </FormField>
            <FormField
              form={form}
              name={`identity.authorityContacts.${index}.fileNumber`}
              id={`authority-file-${index}`}
              label={`${tField("fileNumber")} ${index + 1}`}
            >
              {(control) => <input {...control} readOnly={!canWrite} />}
            </FormField>
            {canWrite && (
              <button
                type="button"
                className="button-link"
                onClick={() => {
                  contacts.remove(index);
                  setRowsChanged((n) => n + 1);
                }}
              >
                {tField("removeAuthority", { index: index + 1 })}
              </button>
            )}
          </div>
        ))}
        {canWrite && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              contacts.append({ authority: "jobcenter", contactPerson: "", fileNumber: "" }, { shouldFocus: false });
              setRowsChanged((n) => n + 1);
            }}
          >
            {tField("addAuthority")}
          </button>
        )}
      </fieldset>
      {canWrite && (
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {t("identity.save")}
        </button>
      )}
      <h2>{t("export.heading")}</h2>
      <p className="row-actions">
        <a href={`/api/cases/${caseId}/export?format=json`} download>
          {t("export.json")}
        </a>
        <a href={`/api/cases/${caseId}/export?format=pdf`} download>
          {t("export.pdf")}
        </a>
      </p>
    </form>
  );
}
