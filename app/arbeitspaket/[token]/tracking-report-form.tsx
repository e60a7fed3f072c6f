"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormField } from "@/components/forms/form-field";
import { FormStatus } from "@/components/forms/form-status";
import { setServerErrors } from "@/components/forms/server-errors";
import { useFormAlert, useZodForm } from "@/components/forms/use-zod-form";
import { useTRPC } from "@/components/trpc/client";
import { workPackageStatuses, type WorkPackageStatus } from "@/server/schemas/conference-kinds";
import { reportByTrackingLinkSchema } from "@/server/schemas/work-packages";

/** The responsible actor's report through the link: their name, the status and a note. */
export function TrackingReportForm({ token, status }: { token: string; status: WorkPackageStatus }) {
  const t = useTranslations("workPackages");
  const trpc = useTRPC();
  const router = useRouter();
  const [success, setSuccess] = useState<string | null>(null);
  const form = useZodForm(reportByTrackingLinkSchema, { defaultValues: { token, name: "", status, note: "" } });
  const report = useMutation(
    trpc.workPackages.reportByLink.mutationOptions({
      onSuccess: () => {
        setSuccess(t("public.saved"));
        // The history above is rendered on the server: fetch it again.
        router.refresh();
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const alert = useFormAlert(form, report.error);

  const onSubmit = form.handleSubmit((values) => {
    setSuccess(null);
    report.mutate(values, { onSuccess: () => form.reset() });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="card wide" aria-labelledby="tracking-form-title">
      <h2 id="tracking-form-title">{t("public.formHeading")}</h2>
      <FormStatus error={alert} success={success} />
      <FormField form={form} name="name" id="tracking-name" label={t("public.name")}>
        {(control) => <input {...control} autoComplete="name" maxLength={120} required />}
      </FormField>
      <FormField form={form} name="status" id="tracking-status" label={t("report.status")}>
        {(control) => (
          <select {...control}>
            {workPackageStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField form={form} name="note" id="tracking-note" label={t("report.note")} hint={t("report.noteHint")}>
        {(control) => <textarea {...control} rows={4} maxLength={2000} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={report.isPending}>
          {t("public.submit")}
        </button>
      </div>
    </form>
  );
}
