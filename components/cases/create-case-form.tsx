"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { accessChannels } from "@/server/schemas/case-kinds";
import type { CreateCaseInput } from "@/server/schemas/cases";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { SelectField } from "../forms/select-field";
import { fieldErrorsOf } from "../forms/use-field-errors";
import { useTRPC } from "../trpc/client";
import { ScreeningFields, screeningFromForm } from "./screening-fields";

export function CreateCaseForm() {
  const t = useTranslations("cases");
  const tIdentity = useTranslations("cases.identityFields");
  const trpc = useTRPC();
  const router = useRouter();
  const kommunen = useQuery(trpc.tenancy.listKommunen.queryOptions());
  const organisations = useQuery(trpc.tenancy.listOrganisations.queryOptions());
  const [withScreening, setWithScreening] = useState(false);
  const create = useMutation(trpc.cases.create.mutationOptions({ onSuccess: ({ id }) => router.push(`/cases/${id}`) }));
  const errors = nestedFieldErrors(create.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input: CreateCaseInput = {
      accessChannel: String(form.get("accessChannel")) as CreateCaseInput["accessChannel"],
      kommuneId: String(form.get("kommuneId") ?? "") || null,
      referringOrganisationId: String(form.get("referringOrganisationId") ?? "") || null,
      identity: {
        lastName: String(form.get("lastName") ?? ""),
        firstName: String(form.get("firstName") ?? ""),
        birthName: String(form.get("birthName") ?? ""),
        birthDate: String(form.get("birthDate") ?? ""),
      } as CreateCaseInput["identity"],
      screening: withScreening ? screeningFromForm(form) : null,
      openedOn: String(form.get("openedOn") ?? "") || null,
    };
    create.mutate(input);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="card wide">
      <p>{t("create.intro")}</p>
      <FormStatus error={create.error?.message} />
      <Field id="case-access" label={t("create.accessChannel")} error={errors.accessChannel}>
        {(d) => (
          <select id="case-access" name="accessChannel" defaultValue="walk_in" {...d}>
            {accessChannels.map((c) => (
              <option key={c} value={c}>
                {t(`accessChannels.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SelectField
        id="case-kommune"
        name="kommuneId"
        label={t("create.kommune")}
        options={kommunen.data}
        emptyLabel={t("noKommune")}
        error={errors.kommuneId}
      />
      <SelectField
        id="case-referrer"
        name="referringOrganisationId"
        label={t("create.referringOrganisation")}
        options={organisations.data}
        emptyLabel={t("create.noOrganisation")}
        error={errors.referringOrganisationId}
      />
      <Field id="case-opened-on" label={t("create.openedOn")} error={errors.openedOn}>
        {(d) => <input id="case-opened-on" name="openedOn" type="date" {...d} />}
      </Field>
      <fieldset>
        <legend>{t("create.person")}</legend>
        <Field id="case-last-name" label={tIdentity("lastName")} error={errors["identity.lastName"]}>
          {(d) => <input id="case-last-name" name="lastName" autoComplete="off" {...d} />}
        </Field>
        <Field id="case-first-name" label={tIdentity("firstName")} error={errors["identity.firstName"]}>
          {(d) => <input id="case-first-name" name="firstName" autoComplete="off" {...d} />}
        </Field>
        <Field id="case-birth-name" label={tIdentity("birthName")} error={errors["identity.birthName"]}>
          {(d) => <input id="case-birth-name" name="birthName" autoComplete="off" {...d} />}
        </Field>
        <Field id="case-birth-date" label={tIdentity("birthDate")} error={errors["identity.birthDate"]}>
          {(d) => <input id="case-birth-date" name="birthDate" type="date" {...d} />}
        </Field>
      </fieldset>
      <label className="inline-choice">
        <input type="checkbox" checked={withScreening} onChange={(e) => setWithScreening(e.target.checked)} /> {t("create.withScreening")}
      </label>
      {withScreening && <ScreeningFields errors={errors} />}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {t("create.submit")}
        </button>
      </div>
    </form>
  );
}

/** Field errors keyed by dotted path ("identity.lastName"), as zod reports nested issues. */
export function nestedFieldErrors(error: Parameters<typeof fieldErrorsOf>[0]): Record<string, string> {
  const result: Record<string, string> = { ...fieldErrorsOf(error) };
  for (const [path, messages] of Object.entries(error?.data?.issuePaths ?? {})) {
    if (messages[0] && !result[path]) result[path] = messages[0];
  }
  return result;
}
