"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { accessChannels } from "@/server/schemas/case-kinds";
import { createCaseSchema } from "@/server/schemas/cases";
import { FormField, FormSelectField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { fieldErrorsOf } from "../forms/use-field-errors";
import { errorsByPath, useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";
import { ScreeningFields, withoutEmptyProblems } from "./screening-fields";

export function CreateCaseForm() {
  const t = useTranslations("cases");
  const tIdentity = useTranslations("cases.identityFields");
  const trpc = useTRPC();
  const router = useRouter();
  const kommunen = useQuery(trpc.tenancy.listKommunen.queryOptions());
  const organisations = useQuery(trpc.tenancy.listOrganisations.queryOptions());
  const [withScreening, setWithScreening] = useState(false);
  // Fields leave the values when they leave the page: without the screening box there is no screening.
  const form = useZodForm(createCaseSchema, {
    shouldUnregister: true,
    defaultValues: {
      accessChannel: "walk_in",
      kommuneId: "",
      referringOrganisationId: "",
      openedOn: "",
      identity: { lastName: "", firstName: "", birthName: "", birthDate: "" },
    },
  });
  const create = useMutation(
    trpc.cases.create.mutationOptions({
      onSuccess: ({ id }) => router.push(`/cases/${id}`),
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const alert = useFormAlert(form, create.error);
  const errors = errorsByPath(form.formState.errors);
  const onSubmit = form.handleSubmit((values) =>
    create.mutate({ ...values, screening: values.screening ? withoutEmptyProblems(values.screening) : null }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="card wide">
      <p>{t("create.intro")}</p>
      <FormStatus error={alert} />
      <FormField form={form} name="accessChannel" id="case-access" label={t("create.accessChannel")}>
        {(control) => (
          <select {...control}>
            {accessChannels.map((c) => (
              <option key={c} value={c}>
                {t(`accessChannels.${c}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormSelectField
        form={form}
        name="kommuneId"
        id="case-kommune"
        label={t("create.kommune")}
        options={kommunen.data}
        emptyLabel={t("noKommune")}
      />
      <FormSelectField
        form={form}
        name="referringOrganisationId"
        id="case-referrer"
        label={t("create.referringOrganisation")}
        options={organisations.data}
        emptyLabel={t("create.noOrganisation")}
      />
      <FormField form={form} name="openedOn" id="case-opened-on" label={t("create.openedOn")}>
        {(control) => <input {...control} type="date" />}
      </FormField>
      <fieldset>
        <legend>{t("create.person")}</legend>
        <FormField form={form} name="identity.lastName" id="case-last-name" label={tIdentity("lastName")}>
          {(control) => <input {...control} autoComplete="off" />}
        </FormField>
        <FormField form={form} name="identity.firstName" id="case-first-name" label={tIdentity("firstName")}>
          {(control) => <input {...control} autoComplete="off" />}
        </FormField>
        <FormField form={form} name="identity.birthName" id="case-birth-name" label={tIdentity("birthName")}>
          {(control) => <input {...control} autoComplete="off" />}
        </FormField>
        <FormField form={form} name="identity.birthDate" id="case-birth-date" label={tIdentity("birthDate")}>
          {(control) => <input {...control} type="date" />}
        </FormField>
      </fieldset>
      <label className="inline-choice">
        <input type="checkbox" checked={withScreening} onChange={(e) => setWithScreening(e.target.checked)} /> {t("create.withScreening")}
      </label>
      {withScreening && <ScreeningFields errors={errors} register={(name) => form.register(name as "screening")} />}
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
