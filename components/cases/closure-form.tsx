"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { closingTypes } from "@/server/schemas/case-kinds";
import { closeCaseSchema } from "@/server/schemas/cases";
import { FormField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { errorsByPath, useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";
import { closureInput, newClosure } from "./case-form-values";
import type { CaseSectionProps } from "./case-props";
import { formatDay } from "./case-list";
import { ReviewFields } from "./review-fields";
import { DraftNotice, useFormDraft } from "./use-form-draft";

export function ClosureForm({ caseId, status, abilities }: CaseSectionProps) {
  const t = useTranslations("cases");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const monitoring = useQuery({ ...trpc.cases.monitoringFile.queryOptions({ caseId }), enabled: abilities.readContent });
  const form = useZodForm(closeCaseSchema, { defaultValues: newClosure(caseId) });
  const closingType = form.watch("closingType");
  const { attachForm, ...draft } = useFormDraft(caseId, "closure", abilities.write && status === "active", { form });
  const close = useMutation(
    trpc.cases.close.mutationOptions({
      onSuccess: () => {
        draft.clear();
        router.refresh();
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const alert = useFormAlert(form, close.error);
  const errors = errorsByPath(form.formState.errors);
  const closure = monitoring.data?.closure;

  if (status === "closed") {
    return (
      <section aria-labelledby="closure-title">
        <h1 id="closure-title">{t("closure.title")}</h1>
        {closure ? (
          <>
            <p>{t("closure.alreadyClosed", { date: formatDay(format, closure.closedOn) })}</p>
            <dl className="facts">
              <div>
                <dt>{t("closure.closingType")}</dt>
                <dd>{t(`closingTypes.${closure.closingType}`)}</dd>
              </div>
              <div>
                <dt>{t("monitoring.situationChange")}</dt>
                <dd>{t(`situationChanges.${closure.situationChange}`)}</dd>
              </div>
            </dl>
          </>
        ) : (
          <p>{t("closure.alreadyClosed", { date: "" })}</p>
        )}
      </section>
    );
  }
  if (status !== "active" || !abilities.write) {
    return (
      <section aria-labelledby="closure-title">
        <h1 id="closure-title">{t("closure.title")}</h1>
        <p>{t("closure.notYet")}</p>
      </section>
    );
  }

  const onSubmit = form.handleSubmit((values) => close.mutate(closureInput(values)));

  return (
    <form ref={attachForm} onChange={draft.onChange} onSubmit={onSubmit} noValidate className="card wide" aria-labelledby="closure-title">
      <h1 id="closure-title">{t("closure.title")}</h1>
      <FormStatus error={alert} success={close.isSuccess ? t("closure.closed") : null} />
      <DraftNotice draft={draft} />
      <FormField form={form} name="closedOn" id="closure-date" label={t("closure.closedOn")}>
        {(control) => <input {...control} type="date" />}
      </FormField>
      <fieldset aria-describedby={errors.closingType ? "closure-type-error" : undefined}>
        <legend>{t("closure.closingType")}</legend>
        {errors.closingType && (
          <p className="field-error" id="closure-type-error">
            {errors.closingType}
          </p>
        )}
        {closingTypes.map((type) => (
          <label key={type} className="inline-choice block-choice">
            <input type="radio" {...form.register("closingType")} value={type} /> {t(`closingTypes.${type}`)}
          </label>
        ))}
      </fieldset>
      {closingType === "agreed_handed_over" && (
        <FormField form={form} name="handedOverTo" id="closure-handed-over" label={t("closure.handedOverTo")}>
          {(control) => <input {...control} />}
        </FormField>
      )}
      {closingType === "other" && (
        <FormField form={form} name="otherReason" id="closure-other" label={t("closure.otherReason")}>
          {(control) => <input {...control} />}
        </FormField>
      )}
      <ReviewFields idPrefix="closure" errors={errors} register={(name) => form.register(name as "closingType")} />
      <button type="submit" className="button-primary" disabled={close.isPending}>
        {t("closure.submit")}
      </button>
    </form>
  );
}
