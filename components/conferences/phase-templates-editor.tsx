"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { phaseBoards, type ConferenceType, type PhaseDefinition } from "@/server/schemas/conference-kinds";
import { nestedFieldErrors } from "../cases/create-case-form";
import { Field } from "../forms/field";
import { FormStatus } from "../forms/form-status";
import { useTRPC } from "../trpc/client";

/** The coordination edits the Ablaufplan of each conference type: titles, board kind, minutes, order. */
export function PhaseTemplatesEditor() {
  const trpc = useTRPC();
  const templates = useQuery(trpc.conferences.templates.queryOptions());
  if (templates.error)
    return (
      <p role="alert" className="form-error">
        {templates.error.message}
      </p>
    );
  if (!templates.data) return null;
  return (
    <>
      {templates.data.map((template) => (
        <TemplateForm key={template.type} type={template.type} initial={template.phases} />
      ))}
    </>
  );
}

function TemplateForm({ type, initial }: { type: ConferenceType; initial: PhaseDefinition[] }) {
  const t = useTranslations("conferences");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [phases, setPhases] = useState(initial);
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.conferences.saveTemplate.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.conferences.templates.queryKey() });
      },
    }),
  );
  const errors = nestedFieldErrors(save.error);
  const update = (index: number, change: Partial<PhaseDefinition>) =>
    setPhases((list) => list.map((p, i) => (i === index ? { ...p, ...change } : p)));
  const move = (index: number, by: number) =>
    setPhases((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    save.mutate({ type, phases });
  }
  const id = (index: number, field: string) => `${type}-${index}-${field}`;
  return (
    <form onSubmit={submit} aria-labelledby={`template-${type}`} className="card">
      <h2 id={`template-${type}`}>{t(`types.${type}`)}</h2>
      <FormStatus error={save.error?.message} success={saved ? t("templates.saved") : null} />
      <ol>
        {phases.map((phase, index) => (
          <li key={`${phase.key}-${index}`}>
            <fieldset>
              <legend>{t("templates.phase", { number: index + 1 })}</legend>
              <Field id={id(index, "title")} label={t("templates.phaseTitle")} error={errors[`phases.${index}.title`]}>
                {(aria) => (
                  <input id={id(index, "title")} value={phase.title} onChange={(e) => update(index, { title: e.target.value })} {...aria} />
                )}
              </Field>
              <Field id={id(index, "key")} label={t("templates.key")} error={errors[`phases.${index}.key`]}>
                {(aria) => (
                  <input id={id(index, "key")} value={phase.key} onChange={(e) => update(index, { key: e.target.value })} {...aria} />
                )}
              </Field>
              <Field id={id(index, "board")} label={t("templates.board")} error={errors[`phases.${index}.board`]}>
                {(aria) => (
                  <select
                    id={id(index, "board")}
                    value={phase.board}
                    onChange={(e) => update(index, { board: e.target.value as PhaseDefinition["board"] })}
                    {...aria}
                  >
                    {phaseBoards.map((board) => (
                      <option key={board} value={board}>
                        {t(`templates.boards.${board}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id={id(index, "minutes")} label={t("templates.minutes")} error={errors[`phases.${index}.minutes`]}>
                {(aria) => (
                  <input
                    id={id(index, "minutes")}
                    type="number"
                    value={phase.minutes}
                    onChange={(e) => update(index, { minutes: Number(e.target.value) })}
                    {...aria}
                  />
                )}
              </Field>
              <div className="row-actions">
                <button type="button" className="button-link" disabled={index === 0} onClick={() => move(index, -1)}>
                  {t("templates.up", { number: index + 1 })}
                </button>
                <button type="button" className="button-link" disabled={index === phases.length - 1} onClick={() => move(index, 1)}>
                  {t("templates.down", { number: index + 1 })}
                </button>
                <button type="button" className="button-link" onClick={() => setPhases((list) => list.filter((_, i) => i !== index))}>
                  {t("templates.remove", { number: index + 1 })}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      {errors.phases && <p className="field-error">{errors.phases}</p>}
      <div className="row-actions">
        <button
          type="button"
          className="button-secondary"
          onClick={() => setPhases((list) => [...list, { key: `phase-${list.length + 1}`, title: "", board: "cards", minutes: 15 }])}
        >
          {t("templates.add")}
        </button>
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {t("templates.save")}
        </button>
      </div>
    </form>
  );
}
