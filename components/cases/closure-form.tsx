"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { todayInBerlin } from "@/server/schemas/calendar-days";
import { closingTypes } from "@/server/schemas/case-kinds";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { useTRPC } from "../trpc/client";
import type { CaseSectionProps } from "./case-props";
import { formatDay } from "./case-list";
import { nestedFieldErrors } from "./create-case-form";
import { ReviewFields, reviewFromForm } from "./review-fields";
import { DraftNotice, useFormDraft } from "./use-form-draft";

export function ClosureForm({ caseId, status, abilities }: CaseSectionProps) {
  const t = useTranslations("cases");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const monitoring = useQuery({ ...trpc.cases.monitoringFile.queryOptions({ caseId }), enabled: abilities.readContent });
  const [closingType, setClosingType] = useState<(typeof closingTypes)[number] | "">("");
  // Shown only for some closing types, so they appear after the draft was put back: they take its values then.
  const [restored, setRestored] = useState<Record<string, string[]>>({});
  const { attachForm, ...draft } = useFormDraft(caseId, "closure", abilities.write && status === "active", {
    onRestore: (fields) => {
      const type = fields.closingType?.[0];
      if (type && (closingTypes as readonly string[]).includes(type)) setClosingType(type as (typeof closingTypes)[number]);
      setRestored(fields);
    },
  });
  const close = useMutation(
    trpc.cases.close.mutationOptions({
      onSuccess: () => {
        draft.clear();
        router.refresh();
      },
    }),
  );
  const errors = nestedFieldErrors(close.error);
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

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    close.mutate({
      caseId,
      closedOn: String(form.get("closedOn") ?? ""),
      closingType: closingType as (typeof closingTypes)[number],
      handedOverTo: String(form.get("handedOverTo") ?? ""),
      otherReason: String(form.get("otherReason") ?? ""),
      ...reviewFromForm(form),
    });
  }

  return (
    <form ref={attachForm} onChange={draft.onChange} onSubmit={onSubmit} noValidate className="card wide" aria-labelledby="closure-title">
      <h1 id="closure-title">{t("closure.title")}</h1>
      <FormStatus error={close.error?.message} success={close.isSuccess ? t("closure.closed") : null} />
      <DraftNotice draft={draft} />
      <Field id="closure-date" label={t("closure.closedOn")} error={errors.closedOn}>
        {(d) => <input id="closure-date" name="closedOn" type="date" defaultValue={todayInBerlin()} {...d} />}
      </Field>
      <fieldset aria-describedby={errors.closingType ? "closure-type-error" : undefined}>
        <legend>{t("closure.closingType")}</legend>
        {errors.closingType && (
          <p className="field-error" id="closure-type-error">
            {errors.closingType}
          </p>
        )}
        {closingTypes.map((type) => (
          <label key={type} className="inline-choice block-choice">
            <input type="radio" name="closingType" value={type} checked={closingType === type} onChange={() => setClosingType(type)} />{" "}
            {t(`closingTypes.${type}`)}
          </label>
        ))}
      </fieldset>
      {closingType === "agreed_handed_over" && (
        <Field id="closure-handed-over" label={t("closure.handedOverTo")} error={errors.handedOverTo}>
          {(d) => <input id="closure-handed-over" name="handedOverTo" defaultValue={restored.handedOverTo?.[0]} {...d} />}
        </Field>
      )}
      {closingType === "other" && (
        <Field id="closure-other" label={t("closure.otherReason")} error={errors.otherReason}>
          {(d) => <input id="closure-other" name="otherReason" defaultValue={restored.otherReason?.[0]} {...d} />}
        </Field>
      )}
      <ReviewFields idPrefix="closure" errors={errors} />
      <button type="submit" className="button-primary" disabled={close.isPending}>
        {t("closure.submit")}
      </button>
    </form>
  );
}
