"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import { fullYearsBetween, isCalendarDay, todayInBerlin } from "@/server/schemas/calendar-days";
import { authorityKinds, type IdentityInput } from "@/server/schemas/cases";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { useTRPC } from "../trpc/client";
import type { CaseSectionProps } from "./case-props";
import { nestedFieldErrors } from "./create-case-form";
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

const authorityField = /^authorityContacts\.(\d+)\.(authority|contactPerson|fileNumber)$/;

/** The authority rows of a draft; the draft always holds every row, so none means all were removed. */
function authorityContactsFromDraft(fields: Record<string, string[]>): IdentityInput["authorityContacts"] {
  const rows: Partial<IdentityInput["authorityContacts"][number]>[] = [];
  for (const [name, values] of Object.entries(fields)) {
    const match = authorityField.exec(name);
    if (!match) continue;
    const row = (rows[Number(match[1])] ??= {});
    const value = values[0] ?? "";
    if (match[2] === "authority")
      row.authority = (authorityKinds as readonly string[]).includes(value) ? (value as (typeof authorityKinds)[number]) : "other";
    else row[match[2] as "contactPerson" | "fileNumber"] = value;
  }
  return rows
    .filter(Boolean)
    .map((row) => ({ authority: row.authority ?? "other", contactPerson: row.contactPerson ?? "", fileNumber: row.fileNumber ?? "" }));
}

/** The Aktendeckblatt: decrypted for the responsible case manager only; the server audits each read. */
export function IdentitySheet({ caseId, abilities }: CaseSectionProps) {
  const t = useTranslations("cases");
  const tField = useTranslations("cases.identityFields");
  const trpc = useTRPC();
  const identity = useQuery(trpc.cases.identity.queryOptions({ caseId }, { staleTime: 0, gcTime: 0 }));
  const [contacts, setContacts] = useState<IdentityInput["authorityContacts"] | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  // The draft of the Aktendeckblatt holds identifying data, so, like the other case drafts, it is kept
  // only on the server, encrypted with the identity key and readable by this case manager alone: no
  // localStorage or sessionStorage copy (browsers restore session storage with the last session) can
  // linger on a shared office computer. Saving the sheet discards the draft.
  const { attachForm, ...draft } = useFormDraft(caseId, "identity", abilities.write, {
    onRestore: (fields) => setContacts(authorityContactsFromDraft(fields)),
  });
  const { capture } = draft;
  const save = useMutation(
    trpc.cases.saveIdentity.mutationOptions({
      onSuccess: () => {
        setSuccess(t("identity.saved"));
        draft.clear();
      },
    }),
  );
  // Adding or removing a row fires no change event: save the draft once the new rows are rendered.
  const [rowsChanged, setRowsChanged] = useState(0);
  useEffect(() => {
    if (rowsChanged > 0) capture();
  }, [rowsChanged, capture]);
  const errors = nestedFieldErrors(save.error);
  if (!identity.data)
    return identity.error ? (
      <p role="alert" className="form-error">
        {identity.error.message}
      </p>
    ) : null;
  const current = identity.data;
  const authorityContacts = contacts ?? current.authorityContacts;
  const age = ageOn(current.birthDate);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = { authorityContacts } as IdentityInput;
    for (const section of sections) for (const field of section.fields) next[field] = String(form.get(field) ?? "");
    setSuccess(null);
    save.mutate({ caseId, identity: next });
  }

  return (
    <form ref={attachForm} onChange={draft.onChange} onSubmit={onSubmit} noValidate className="card wide" aria-labelledby="identity-title">
      <h1 id="identity-title">{t("identity.title")}</h1>
      <p className="notice">{t("identity.notice")}</p>
      <FormStatus error={save.error?.message} success={success} />
      <DraftNotice draft={draft} />
      {age !== null && (
        <p>
          {tField("age")}: {t("identity.years", { age })}
        </p>
      )}
      {sections.map((section, index) => (
        <fieldset key={index}>
          {section.fields.map((field) => (
            <Field key={field} id={`identity-${field}`} label={tField(field)} error={errors[`identity.${field}`]}>
              {(d) =>
                section.multiline?.includes(field) ? (
                  <textarea id={`identity-${field}`} name={field} defaultValue={current[field]} readOnly={!abilities.write} {...d} />
                ) : (
                  <input
                    id={`identity-${field}`}
                    name={field}
                    type={field === "birthDate" ? "date" : field === "email" ? "email" : field === "phone" ? "tel" : "text"}
                    defaultValue={current[field]}
                    readOnly={!abilities.write}
                    autoComplete="off"
                    {...d}
                  />
                )
              }
            </Field>
          ))}
        </fieldset>
      ))}
      <fieldset>
        <legend>{tField("authorityContacts")}</legend>
        {authorityContacts.map((contact, index) => (
          <div className="grant-row" key={index}>
            <div className="field">
              <label htmlFor={`authority-${index}`}>
                {tField("authority")} {index + 1}
              </label>
              <select
                id={`authority-${index}`}
                name={`authorityContacts.${index}.authority`}
                value={contact.authority}
                disabled={!abilities.write}
                onChange={(e) =>
                  setContacts(
                    authorityContacts.map((c, i) => (i === index ? { ...c, authority: e.target.value as typeof c.authority } : c)),
                  )
                }
              >
                {authorityKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`authorities.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`authority-person-${index}`}>
                {tField("contactPerson")} {index + 1}
              </label>
              <input
                id={`authority-person-${index}`}
                name={`authorityContacts.${index}.contactPerson`}
                value={contact.contactPerson}
                readOnly={!abilities.write}
                onChange={(e) => setContacts(authorityContacts.map((c, i) => (i === index ? { ...c, contactPerson: e.target.value } : c)))}
              />
            </div>
            <div className="field">
              <label htmlFor={`authority-file-${index}`}>
                {tField("fileNumber")} {index + 1}
              </label>
              <input
                id={`authority-file-${index}`}
                name={`authorityContacts.${index}.fileNumber`}
                value={contact.fileNumber}
                readOnly={!abilities.write}
                onChange={(e) => setContacts(authorityContacts.map((c, i) => (i === index ? { ...c, fileNumber: e.target.value } : c)))}
              />
            </div>
            {abilities.write && (
              <button
                type="button"
                className="button-link"
                onClick={() => {
                  setContacts(authorityContacts.filter((_, i) => i !== index));
                  setRowsChanged((n) => n + 1);
                }}
              >
                {tField("removeAuthority", { index: index + 1 })}
              </button>
            )}
          </div>
        ))}
        {abilities.write && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setContacts([...authorityContacts, { authority: "jobcenter", contactPerson: "", fileNumber: "" }]);
              setRowsChanged((n) => n + 1);
            }}
          >
            {tField("addAuthority")}
          </button>
        )}
      </fieldset>
      {abilities.write && (
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
