"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { nestedFieldErrors } from "@/components/cases/create-case-form";
import { Field } from "@/components/forms/field";
import { FormStatus } from "@/components/forms/form-status";
import { useTRPC } from "@/components/trpc/client";
import { workPackageStatuses, type WorkPackageStatus } from "@/server/schemas/conference-kinds";

/** The responsible actor's report through the link: their name, the status and a note. */
export function TrackingReportForm({ token, status }: { token: string; status: WorkPackageStatus }) {
  const t = useTranslations("workPackages");
  const trpc = useTRPC();
  const router = useRouter();
  const [success, setSuccess] = useState<string | null>(null);
  const report = useMutation(
    trpc.workPackages.reportByLink.mutationOptions({
      onSuccess: () => {
        setSuccess(t("public.saved"));
        // The history above is rendered on the server: fetch it again.
        router.refresh();
      },
    }),
  );
  const errors = nestedFieldErrors(report.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    setSuccess(null);
    report.mutate(
      {
        token,
        name: String(form.get("name") ?? ""),
        status: String(form.get("status")) as WorkPackageStatus,
        note: String(form.get("note") ?? ""),
      },
      { onSuccess: () => element.reset() },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="card wide" aria-labelledby="tracking-form-title">
      <h2 id="tracking-form-title">{t("public.formHeading")}</h2>
      <FormStatus error={report.error?.message} success={success} />
      <Field id="tracking-name" label={t("public.name")} error={errors.name}>
        {(d) => <input id="tracking-name" name="name" autoComplete="name" maxLength={120} required {...d} />}
      </Field>
      <Field id="tracking-status" label={t("report.status")} error={errors.status}>
        {(d) => (
          <select id="tracking-status" name="status" defaultValue={status} {...d}>
            {workPackageStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="tracking-note" label={t("report.note")} hint={t("report.noteHint")} error={errors.note}>
        {(d) => <textarea id="tracking-note" name="note" rows={4} maxLength={2000} {...d} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={report.isPending}>
          {t("public.submit")}
        </button>
      </div>
    </form>
  );
}
