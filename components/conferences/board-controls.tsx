"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import type { BoardView } from "./board-view";

/** The Ablaufplan with the current phase marked; the moderator moves between phases. */
export function PhaseBar({ view }: { view: BoardView }) {
  const t = useTranslations("conferences.board");
  const { meta } = view.connection.board;
  if (view.phases.length === 0) return null;
  const go = (index: number) => view.connection.submit({ kind: "phase.set", index });
  const current = view.phases[meta.phaseIndex];
  return (
    <nav aria-label={t("flow")} className="board-phases">
      <ol>
        {view.phases.map((phase, index) => (
          <li
            key={phase.key}
            aria-current={index === meta.phaseIndex ? "step" : undefined}
            className={index === meta.phaseIndex ? "board-phase-current" : undefined}
          >
            {phase.title} <span className="board-card-meta">({t("minutes", { minutes: phase.minutes })})</span>
          </li>
        ))}
      </ol>
      {view.isModerator && !view.projector && (
        <div className="row-actions">
          <button type="button" className="button-secondary" disabled={meta.phaseIndex === 0} onClick={() => go(meta.phaseIndex - 1)}>
            {t("previousPhase")}
          </button>
          <button
            type="button"
            className="button-secondary"
            disabled={meta.phaseIndex >= view.phases.length - 1}
            onClick={() => go(meta.phaseIndex + 1)}
          >
            {t("nextPhase")}
          </button>
          {current && (
            <button
              type="button"
              className="button-link"
              onClick={() => view.connection.submit({ kind: "focus.set", target: `phase:${current.key}` })}
            >
              {t("followMe")}
            </button>
          )}
        </div>
      )}
    </nav>
  );
}

/** Shared countdown: the end time comes from the server, each screen counts down to it. */
export function TimerDisplay({ endsAt }: { endsAt: string }) {
  const t = useTranslations("conferences.board");
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const interval = setInterval(tick, 1000);
    return () => clearInterval(interval);
  }, [endsAt]);
  if (now === null) return null;
  const remaining = Math.max(0, Math.round((new Date(endsAt).getTime() - now) / 1000));
  const minutes = Math.floor(remaining / 60);
  const seconds = String(remaining % 60).padStart(2, "0");
  return (
    <p className={remaining === 0 ? "board-timer board-timer-over" : "board-timer"}>
      {remaining === 0 ? t("timeIsUp") : t("timeLeft", { time: `${minutes}:${seconds}` })}
    </p>
  );
}

export function ModeratorControls({ view }: { view: BoardView }) {
  const t = useTranslations("conferences.board");
  const { meta, cards } = view.connection.board;
  const submit = view.connection.submit;
  const hiddenCount = [...cards.values()].filter((c) => c.isHidden).length;
  function startTimer(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const minutes = Number(new FormData(event.currentTarget).get("minutes"));
    if (!Number.isFinite(minutes) || minutes < 1 || minutes > 240) return view.connection.reportError(t("timerRange"));
    submit({ kind: "timer.start", seconds: Math.round(minutes * 60) });
  }
  return (
    <section aria-labelledby="moderation-title" className="board-moderation">
      <h3 id="moderation-title">{t("moderation")}</h3>
      <form onSubmit={startTimer} className="inline-form">
        <label htmlFor="timer-minutes">{t("timerMinutes")}</label>
        <input
          id="timer-minutes"
          name="minutes"
          type="number"
          min={1}
          max={240}
          defaultValue={view.phases[meta.phaseIndex]?.minutes ?? 5}
        />
        <button type="submit" className="button-secondary">
          {t("startTimer")}
        </button>
        {meta.timer && (
          <button type="button" className="button-link" onClick={() => submit({ kind: "timer.stop" })}>
            {t("stopTimer")}
          </button>
        )}
      </form>
      <div className="row-actions">
        <button
          type="button"
          className="button-secondary"
          aria-pressed={meta.locked}
          onClick={() => submit({ kind: "board.lock", locked: !meta.locked })}
        >
          {meta.locked ? t("unlock") : t("lock")}
        </button>
        <button
          type="button"
          className="button-secondary"
          aria-pressed={meta.anonymous}
          onClick={() => submit({ kind: "board.anonymous", anonymous: !meta.anonymous })}
        >
          {meta.anonymous ? t("anonymousOff") : t("anonymousOn")}
        </button>
        {hiddenCount > 0 && (
          <button type="button" className="button-secondary" onClick={() => submit({ kind: "cards.reveal" })}>
            {t("reveal", { count: hiddenCount })}
          </button>
        )}
        {meta.focus && (
          <button type="button" className="button-link" onClick={() => submit({ kind: "focus.set", target: null })}>
            {t("stopFollow")}
          </button>
        )}
      </div>
      {view.cases.length > 0 && (
        <div className="inline-form">
          <label htmlFor="active-case">{t("activeCase")}</label>
          <select
            id="active-case"
            value={meta.activeCaseId ?? ""}
            onChange={(event) => submit({ kind: "case.activate", caseId: event.target.value || null })}
          >
            <option value="">{t("noActiveCase")}</option>
            {view.cases.map((c) => (
              <option key={c.caseId} value={c.caseId}>
                {t("caseBadge", { pseudonym: c.pseudonym })}
              </option>
            ))}
          </select>
        </div>
      )}
    </section>
  );
}

/** Hand raising: a speakers' list in the order hands went up. */
export function SpeakersList({ view }: { view: BoardView }) {
  const t = useTranslations("conferences.board");
  const { hands } = view.connection.board.meta;
  const raised = hands.includes(view.selfId);
  return (
    <section aria-labelledby="speakers-title" className="board-speakers">
      <h3 id="speakers-title">{t("speakers")}</h3>
      {hands.length === 0 ? (
        <p>{t("noSpeakers")}</p>
      ) : (
        <ol>
          {hands.map((userId) => (
            <li key={userId}>
              {view.nameOf(userId)}
              {view.isModerator && (
                <button type="button" className="button-link" onClick={() => view.connection.submit({ kind: "hand.lower", userId })}>
                  {t("giveFloor")}
                  <span className="visually-hidden">: {view.nameOf(userId)}</span>
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        className="button-secondary"
        aria-pressed={raised}
        onClick={() => view.connection.submit(raised ? { kind: "hand.lower", userId: view.selfId } : { kind: "hand.raise" })}
      >
        {raised ? t("lowerHand") : t("raiseHand")}
      </button>
    </section>
  );
}
