"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { z } from "zod";
import { createWorkPackageSchema } from "@/server/schemas/work-packages";
import { FormField, FormSelectField } from "../forms/form-field";
import { FormStatus } from "../forms/form-status";
import { setServerErrors } from "../forms/server-errors";
import { useFormAlert, useZodForm } from "../forms/use-zod-form";
import { useTRPC } from "../trpc/client";
import { type CreateOptions } from "./work-package-parts";

/** The form before anything is chosen: empty choices are sent as "" and read as "none" by the schema. */
export function emptyWorkPackage(conferenceId: string): z.input<typeof createWorkPackageSchema> {
  return {
    conferenceId,
    task: "",
    caseId: "",
    sourceCardId: "",
    responsibleOrganisationId: "",
    responsibleUserId: "",
    responsiblePerson: "",
    dueDate: "",
  };
}

export function CreateWorkPackageForm({ conferenceId, options }: { conferenceId: string; options: CreateOptions }) {
  const t = useTranslations("workPackages");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [success, setSuccess] = useState<string | null>(null);
  const form = useZodForm(createWorkPackageSchema, { defaultValues: emptyWorkPackage(conferenceId) });
  const create = useMutation(
    trpc.workPackages.create.mutationOptions({
      onSuccess: async () => {
        setSuccess(t("create.created"));
        form.reset();
        await queryClient.invalidateQueries({ queryKey: trpc.workPackages.listForConference.queryKey({ conferenceId }) });
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const alert = useFormAlert(form, create.error);

  /** A card of the board becomes the task; its case comes along, so the package is filed where it was agreed. */
  function chooseCard(id: string) {
    const card = options.cards.find((c) => c.id === id);
    if (!card) return;
    // After a refused submit, the fields filled from the card are checked again at once.
    const check = { shouldValidate: form.formState.isSubmitted };
    form.setValue("task", card.text, check);
    if (card.caseId) form.setValue("caseId", card.caseId, check);
  }

  const onSubmit = form.handleSubmit((values) => {
    setSuccess(null);
    create.mutate(values);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="card wide" aria-labelledby="create-work-package-title">
      <h3 id="create-work-package-title">{t("create.heading")}</h3>
      <FormStatus error={alert} success={success} />
      {options.cards.length > 0 && (
        <FormField
          form={form}
          name="sourceCardId"
          id="work-package-card"
          label={t("create.fromCard")}
          hint={t("create.fromCardHint")}
          registerOptions={{ onChange: (event: { target: { value: string } }) => chooseCard(event.target.value) }}
        >
          {(control) => (
            <select {...control}>
              <option value="">{t("create.noCard")}</option>
              {options.cards.map((card) => (
                <option key={card.id} value={card.id}>
                  {card.text.length > 80 ? `${card.text.slice(0, 80)}…` : card.text}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <FormField form={form} name="task" id="work-package-task" label={t("create.task")}>
        {(control) => <textarea {...control} rows={3} maxLength={1000} />}
      </FormField>
      <FormSelectField
        form={form}
        name="caseId"
        id="work-package-case"
        label={t("create.case")}
        options={options.cases}
        emptyLabel={t("create.noCaseOption")}
      />
      <FormSelectField
        form={form}
        name="responsibleOrganisationId"
        id="work-package-organisation"
        label={t("create.organisation")}
        options={options.organisations}
        emptyLabel={t("create.chooseOrganisation")}
      />
      <FormSelectField
        form={form}
        name="responsibleUserId"
        id="work-package-user"
        label={t("create.user")}
        options={options.users}
        emptyLabel={t("create.noUser")}
      />
      <FormField form={form} name="responsiblePerson" id="work-package-person" label={t("create.person")} hint={t("create.personHint")}>
        {(control) => <input {...control} maxLength={120} autoComplete="off" />}
      </FormField>
      <FormField form={form} name="dueDate" id="work-package-due" label={t("create.dueDate")}>
        {(control) => <input {...control} type="date" />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {t("create.submit")}
        </button>
      </div>
    </form>
  );
}
