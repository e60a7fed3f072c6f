"use client";

import { generateKeyBetween } from "fractional-indexing";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { sortByOrderKey } from "@/server/conferences/board-state";
import { cardMonthSchema, isFutureMonth, type BoardCard } from "@/server/schemas/board";
import { monthKey, todayInBerlin } from "@/server/schemas/calendar-days";
import { Field } from "../forms/field";
import { writableCases } from "./board-cards";
import { timelineLanes, type TimelineLane } from "./board-timeline-layout";
import type { BoardView } from "./board-view";
import styles from "./board-timeline.module.css";

/** The same checks as the server, so a wrong month is named at its field before anything is sent. */
function monthProblem(value: string): "monthFormat" | "monthInFuture" | null {
  if (!value) return null;
  if (!cardMonthSchema.safeParse(value).success) return "monthFormat";
  return isFutureMonth(value) ? "monthInFuture" : null;
}

export function TimelineAddForm({ view }: { view: BoardView }) {
  const t = useTranslations("conferences.timeline");
  const tBoard = useTranslations("conferences.board");
  const [monthError, setMonthError] = useState<string | undefined>();
  const cases = writableCases(view);
  const active = view.connection.board.meta.activeCaseId;
  const currentMonth = monthKey(todayInBerlin());

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = String(data.get("text") ?? "").trim();
    const month = String(data.get("month") ?? "");
    const lane = timelineLanes.find((l) => l === data.get("lane")) ?? "verlauf";
    const problem = monthProblem(month);
    setMonthError(problem ? t(problem) : undefined);
    if (problem) return (form.elements.namedItem("month") as HTMLInputElement | null)?.focus();
    if (!text) return view.connection.reportError(tBoard("emptyCard"));
    const inLane = sortByOrderKey([...view.connection.board.cards.values()].filter((c) => c.lane === lane));
    view.connection.submit({
      kind: "card.add",
      cardId: crypto.randomUUID(),
      lane,
      text,
      orderKey: generateKeyBetween(inLane.at(-1)?.orderKey ?? null, null),
      caseId: String(data.get("caseId") ?? "") || null,
      perspective: null,
      month: month || null,
    });
    // The kind and month often repeat for the next card of the same stretch; only the text is cleared.
    (form.elements.namedItem("text") as HTMLTextAreaElement).value = "";
  }

  return (
    <form onSubmit={add} className={styles.addForm} noValidate>
      <fieldset>
        <legend>{t("newCard")}</legend>
        <Field id="timeline-text" label={t("text")}>
          {(described) => (
            <textarea id="timeline-text" name="text" rows={2} maxLength={500} onInput={view.connection.notifyTyping} {...described} />
          )}
        </Field>
        <div className={styles.formRow}>
          <Field id="timeline-month" label={t("month")} hint={t("monthHint")} error={monthError}>
            {(described) => (
              <input
                id="timeline-month"
                name="month"
                type="month"
                max={currentMonth}
                min="1900-01"
                placeholder="JJJJ-MM"
                onChange={() => setMonthError(undefined)}
                {...described}
              />
            )}
          </Field>
          <Field id="timeline-kind" label={t("kind")}>
            {(described) => (
              <select id="timeline-kind" name="lane" defaultValue="verlauf" {...described}>
                {timelineLanes.map((lane: TimelineLane) => (
                  <option key={lane} value={lane}>
                    {t(`kinds.${lane}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {cases.length > 0 && (
            <Field id="timeline-case" label={tBoard("cardCase")}>
              {(described) => (
                <select
                  id="timeline-case"
                  name="caseId"
                  defaultValue={active && cases.some((c) => c.caseId === active) ? active : ""}
                  key={active ?? "none"}
                  {...described}
                >
                  <option value="">{tBoard("noCase")}</option>
                  {cases.map((c) => (
                    <option key={c.caseId} value={c.caseId}>
                      {tBoard("caseBadge", { pseudonym: c.pseudonym })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </div>
        <button type="submit" className="button-secondary">
          {t("add")}
        </button>
      </fieldset>
    </form>
  );
}

/** Setting, changing or clearing one card's month. */
export function TimelineMonthForm({ view, card, onDone }: { view: BoardView; card: BoardCard; onDone: () => void }) {
  const t = useTranslations("conferences.timeline");
  const [error, setError] = useState<string | undefined>();
  const id = `timeline-month-${card.id}`;
  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const month = String(new FormData(event.currentTarget).get("month") ?? "");
    const problem = monthProblem(month);
    if (problem) return setError(t(problem));
    if ((card.month ?? "") !== month) view.connection.submit({ kind: "card.month", cardId: card.id, month: month || null });
    onDone();
  }
  return (
    <form onSubmit={save} className={styles.monthForm} noValidate>
      <Field id={id} label={t("monthOf")} error={error}>
        {(described) => (
          <input
            id={id}
            name="month"
            type="month"
            max={monthKey(todayInBerlin())}
            min="1900-01"
            defaultValue={card.month ?? ""}
            autoFocus
            onKeyDown={(event) => event.key === "Escape" && onDone()}
            {...described}
          />
        )}
      </Field>
      <div className="row-actions">
        <button type="submit" className="button-link">
          {t("saveMonth")}
        </button>
        {card.month && (
          <button
            type="button"
            className="button-link"
            onClick={() => {
              view.connection.submit({ kind: "card.month", cardId: card.id, month: null });
              onDone();
            }}
          >
            {t("clearMonth")}
          </button>
        )}
      </div>
    </form>
  );
}
