"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { CreateWorkPackageInput } from "@/server/schemas/work-packages";
import { nestedFieldErrors } from "../cases/create-case-form";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { SelectField } from "../forms/select-field";
import { useTRPC } from "../trpc/client";
import { type CreateOptions } from "./work-package-parts";

export function CreateWorkPackageForm({ conferenceId, options }: { conferenceId: string; options: CreateOptions }) {
  const t = useTranslations("workPackages");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [success, setSuccess] = useState<string | null>(null);
  const [task, setTask] = useState("");
  const [cardId, setCardId] = useState("");
  const [caseId, setCaseId] = useState("");
  const create = useMutation(
    trpc.workPackages.create.mutationOptions({
      onSuccess: async () => {
        setSuccess(t("create.created"));
        await queryClient.invalidateQueries({ queryKey: trpc.workPackages.listForConference.queryKey({ conferenceId }) });
      },
    }),
  );
  const errors = nestedFieldErrors(create.error);

  function chooseCard(id: string) {
    setCardId(id);
    const card = options.cards.find((c) => c.id === id);
    if (card) {
      setTask(card.text);
      if (card.caseId) setCaseId(card.caseId);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    setSuccess(null);
    const input: CreateWorkPackageInput = {
      conferenceId,
      task,
      caseId: caseId || null,
      sourceCardId: cardId || null,
      responsibleOrganisationId: String(form.get("responsibleOrganisationId") ?? ""),
      responsibleUserId: String(form.get("responsibleUserId") ?? "") || null,
      responsiblePerson: String(form.get("responsiblePerson") ?? ""),
      dueDate: String(form.get("dueDate") ?? ""),
    };
    create.mutate(input, {
      onSuccess: () => {
        element.reset();
        setTask("");
        setCardId("");
        setCaseId("");
      },
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="card wide" aria-labelledby="create-work-package-title">
      <h3 id="create-work-package-title">{t("create.heading")}</h3>
      <FormStatus error={create.error?.message} success={success} />
      {options.cards.length > 0 && (
        <Field id="work-package-card" label={t("create.fromCard")} hint={t("create.fromCardHint")} error={errors.sourceCardId}>
          {(d) => (
            <select id="work-package-card" value={cardId} onChange={(e) => chooseCard(e.target.value)} {...d}>
              <option value="">{t("create.noCard")}</option>
              {options.cards.map((card) => (
                <option key={card.id} value={card.id}>
                  {card.text.length > 80 ? `${card.text.slice(0, 80)}…` : card.text}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id="work-package-task" label={t("create.task")} error={errors.task}>
        {(d) => (
          <textarea
            id="work-package-task"
            name="task"
            rows={3}
            maxLength={1000}
            value={task}
            onChange={(e) => setTask(e.target.value)}
            {...d}
          />
        )}
      </Field>
      <Field id="work-package-case" label={t("create.case")} error={errors.caseId}>
        {(d) => (
          <select id="work-package-case" value={caseId} onChange={(e) => setCaseId(e.target.value)} {...d}>
            <option value="">{t("create.noCaseOption")}</option>
            {options.cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SelectField
        id="work-package-organisation"
        name="responsibleOrganisationId"
        label={t("create.organisation")}
        options={options.organisations}
        emptyLabel={t("create.chooseOrganisation")}
        error={errors.responsibleOrganisationId}
      />
      <SelectField
        id="work-package-user"
        name="responsibleUserId"
        label={t("create.user")}
        options={options.users}
        emptyLabel={t("create.noUser")}
        error={errors.responsibleUserId}
      />
      <Field id="work-package-person" label={t("create.person")} hint={t("create.personHint")} error={errors.responsiblePerson}>
        {(d) => <input id="work-package-person" name="responsiblePerson" maxLength={120} autoComplete="off" {...d} />}
      </Field>
      <Field id="work-package-due" label={t("create.dueDate")} error={errors.dueDate}>
        {(d) => <input id="work-package-due" name="dueDate" type="date" {...d} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {t("create.submit")}
        </button>
      </div>
    </form>
  );
}
