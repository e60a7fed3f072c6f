"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import type { BoardView } from "./board-view";

/** The Ablaufplan down the side of the room: every phase with its time budget, the current one marked. */
export function PhaseRail({ view }: { view: BoardView }) {
  const t = useTranslations("conferences.board");
  const { meta } = view.connection.board;
  if (view.phases.length === 0) return null;
  const mayJump = view.isModerator && !view.projector;
  return (
    <nav aria-label={t("flow")} className="board-phases">
      <ol>
        {view.phases.map((phase, index) => {
          const current = index === meta.phaseIndex;
          const label = (
            <>
              <span className="board-phase-title">{phase.title}</span>
              <span className="board-phase-meta">
                {current && <strong>{t("now")} · </strong>}
                {t("minutes", { minutes: phase.minutes })}
              </span>
            </>
          );
          return (
            <li key={phase.key} aria-current={current ? "step" : undefined} className={current ? "board-phase-current" : undefined}>
              {mayJump && !current ? (
                <button type="button" className="board-phase-jump" onClick={() => view.connection.submit({ kind: "phase.set", index })}>
                  {label}
                  <span className="visually-hidden">{t("jumpToPhase")}</span>
                </button>
              ) : (
                label
              )}
            </li>
          );
        })}
      </ol>
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

/** Everything the moderator steers the room with, in one bar above the wall. */
export function ModeratorToolbar({ view, beamerHref, children }: { view: BoardView; beamerHref: string; children?: ReactNode }) {
  const t = useTranslations("conferences.board");
  const { meta, cards } = view.connection.board;
  const submit = view.connection.submit;
  const hiddenCount = [...cards.values()].filter((c) => c.isHidden).length;
  const current = view.phases[meta.phaseIndex];
  function startTimer(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const minutes = Number(new FormData(event.currentTarget).get("minutes"));
    if (!Number.isFinite(minutes) || minutes < 1 || minutes > 240) return view.connection.reportError(t("timerRange"));
    submit({ kind: "timer.start", seconds: Math.round(minutes * 60) });
  }
  return (
    <section aria-label={t("moderation")} className="board-toolbar">
      {view.phases.length > 0 && (
        <div className="board-toolbar-group">
          <button
            type="button"
            className="button-secondary"
            disabled={meta.phaseIndex === 0}
            onClick={() => submit({ kind: "phase.set", index: meta.phaseIndex - 1 })}
          >
            {t("previousPhase")}
          </button>
          <button
            type="button"
            className="button-primary"
            disabled={meta.phaseIndex >= view.phases.length - 1}
            onClick={() => submit({ kind: "phase.set", index: meta.phaseIndex + 1 })}
          >
            {t("nextPhase")}
          </button>
          {current && (
            <button
              type="button"
              className="button-secondary"
              onClick={() => submit({ kind: "focus.set", target: `phase:${current.key}` })}
            >
              {t("followMe")}
            </button>
          )}
          {meta.focus && (
            <button type="button" className="button-link" onClick={() => submit({ kind: "focus.set", target: null })}>
              {t("stopFollow")}
            </button>
          )}
        </div>
      )}
      <form onSubmit={startTimer} className="board-toolbar-group">
        <label htmlFor="timer-minutes">{t("timerMinutes")}</label>
        <input id="timer-minutes" name="minutes" type="number" min={1} max={240} defaultValue={current?.minutes ?? 5} key={current?.key} />
        <button type="submit" className="button-secondary">
          {t("startTimer")}
        </button>
        {meta.timer && (
          <button type="button" className="button-link" onClick={() => submit({ kind: "timer.stop" })}>
            {t("stopTimer")}
          </button>
        )}
      </form>
      <div className="board-toolbar-group">
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
      </div>
      {view.cases.length > 0 && (
        <div className="board-toolbar-group">
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
      <a href={beamerHref} target="_blank" rel="noopener" className="board-toolbar-link">
        {t("openBeamer")}
      </a>
      {children}
    </section>
  );
}

/** Hand raising: a speakers' list in the order hands went up; the moderator gives the floor. */
export function SpeakersList({ view }: { view: BoardView }) {
  const t = useTranslations("conferences.board");
  const { hands } = view.connection.board.meta;
  return (
    <section aria-labelledby="speakers-title" className="board-speakers">
      <h2 id="speakers-title">{t("speakers")}</h2>
      {hands.length === 0 ? (
        <p>{t("noSpeakers")}</p>
      ) : (
        <ol>
          {hands.map((userId) => (
            <li key={userId}>
              {view.nameOf(userId)}
              {view.isModerator && !view.projector && (
                <button type="button" className="button-link" onClick={() => view.connection.submit({ kind: "hand.lower", userId })}>
                  {t("giveFloor")}
                  <span className="visually-hidden">: {view.nameOf(userId)}</span>
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Raise or lower one's own hand: in reach of the thumb on a phone. */
export function HandButton({ view }: { view: BoardView }) {
  const t = useTranslations("conferences.board");
  const raised = view.connection.board.meta.hands.includes(view.selfId);
  return (
    <button
      type="button"
      className="button-secondary"
      aria-pressed={raised}
      onClick={() => view.connection.submit(raised ? { kind: "hand.lower", userId: view.selfId } : { kind: "hand.raise" })}
    >
      {raised ? t("lowerHand") : t("raiseHand")}
    </button>
  );
}

/** Who is here, and who is writing a card right now. */
export function BoardPresence({ view }: { view: BoardView }) {
  const t = useTranslations("conferences.board");
  const { present, typing } = view.connection;
  const writers = typing.filter((id) => id !== view.selfId).map(view.nameOf);
  return (
    <section aria-labelledby="presence-title" className="board-presence">
      <h2 id="presence-title">{t("presenceTitle", { count: present.length })}</h2>
      <ul>
        {present.map((p) => (
          <li key={p.userId}>{p.displayName}</li>
        ))}
      </ul>
      <p className="board-card-meta" aria-live="polite">
        {writers.length > 0 ? t("writing", { names: writers.join(", ") }) : ""}
      </p>
    </section>
  );
}
