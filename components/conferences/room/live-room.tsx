"use client";

import "./room.css";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConferenceWorkPackages } from "../../work-packages/work-packages";
import { ConferenceFormulations } from "../formulations";
import { PhaseWall, useBoardView, useFollowFocus } from "../board";
import { BoardPresence, HandButton, ModeratorToolbar, PhaseRail, SpeakersList, TimerDisplay } from "../board-controls";
import type { BoardProps, BoardView } from "../board-view";
import { CaseInTurn } from "./case-in-turn";
import { FinishMeeting } from "./finish-meeting";
import { RoomViewsNav } from "./room-views-nav";
import { RoomPending, useConferenceBoardProps } from "./use-conference-board";

/**
 * The Live view: the wall fills the screen; the Ablaufplan, the timer, who is here and the
 * speakers' list stay in sight around it, and only the wall's own lanes scroll.
 */
export function LiveRoom({ conferenceId, selfId }: { conferenceId: string; selfId: string }) {
  const { props, title, error } = useConferenceBoardProps(conferenceId, selfId);
  if (!props || !title) return <RoomPending error={error} />;
  return <Room props={props} title={title} />;
}

function Room({ props, title }: { props: BoardProps; title: string }) {
  const t = useTranslations("conferences.board");
  const tRoom = useTranslations("conferences.room");
  const view = useBoardView(props);
  const [following, setFollowing] = useState(true);
  const { meta } = view.connection.board;
  const phase = view.phases[meta.phaseIndex];
  useFollowFocus(meta.focus, following && !view.isModerator);
  // The phases that agree on something show the real record beside the wall's cards.
  const formulating = phase?.board === "formulation" && view.type !== "fallkonferenz";
  const handingOut = phase?.board === "work_packages" && view.type === "fallkonferenz";

  return (
    <div className="room" data-moderator={view.isModerator ? "" : undefined}>
      <header className="room-header">
        <div className="room-title">
          <Link href="/conferences" className="room-back">
            {tRoom("backToList")}
          </Link>
          <h1>{title}</h1>
          <RoomViewsNav conferenceId={view.conferenceId} current="live" />
        </div>
        <div className="room-now">
          {phase && (
            <p className="room-phase">
              <span className="visually-hidden">{tRoom("currentPhase")}: </span>
              {tRoom("phaseOf", { index: meta.phaseIndex + 1, count: view.phases.length })} · <strong>{phase.title}</strong>
            </p>
          )}
          {meta.timer ? (
            <TimerDisplay endsAt={meta.timer.endsAt} />
          ) : (
            phase && <p className="room-budget">{tRoom("budget", { minutes: phase.minutes })}</p>
          )}
          {meta.locked && <p className="status-badge">{t("lockedNotice")}</p>}
          {meta.anonymous && <p className="status-badge">{t("anonymousNotice")}</p>}
        </div>
      </header>
      <ConnectionBanner view={view} />
      {view.isModerator && (
        <ModeratorToolbar view={view} beamerHref={`/conferences/${view.conferenceId}/beamer`}>
          <FinishMeeting conferenceId={view.conferenceId} onError={view.connection.reportError} />
        </ModeratorToolbar>
      )}
      <div className="room-body">
        {/* Each area scrolls on its own, so each can be reached and scrolled by keyboard. */}
        <div className="room-rail" tabIndex={0} role="region" aria-label={tRoom("railRegion")}>
          <PhaseRail view={view} />
        </div>
        <div className="room-wall" id="wall" tabIndex={0} role="region" aria-label={tRoom("wallRegion")}>
          <PhaseWall view={view} />
          {formulating && <ConferenceFormulations conferenceId={view.conferenceId} />}
          {handingOut && <ConferenceWorkPackages conferenceId={view.conferenceId} />}
        </div>
        <aside className="room-side" aria-label={tRoom("sidebar")} tabIndex={0}>
          <CaseInTurn conferenceId={view.conferenceId} activeCaseId={meta.activeCaseId} />
          <SpeakersList view={view} />
          <BoardPresence view={view} />
        </aside>
      </div>
      <div className="room-actions">
        <HandButton view={view} />
        {!view.isModerator && (
          <button type="button" className="button-secondary" aria-pressed={following} onClick={() => setFollowing(!following)}>
            {tRoom("follow")}
          </button>
        )}
      </div>
    </div>
  );
}

/** Offline is said quietly, once, above the wall; what was typed stays and is sent on reconnect. */
function ConnectionBanner({ view }: { view: BoardView }) {
  const t = useTranslations("conferences.board");
  const { connected, pendingCount, error, clearError } = view.connection;
  return (
    <>
      <p role="status" className={connected ? "visually-hidden" : "room-banner"}>
        {connected ? t("connected") : t("offline")}
        {pendingCount > 0 && ` ${t("pending", { count: pendingCount })}`}
      </p>
      <div role="alert" className={error ? "room-error" : undefined}>
        {error && (
          <>
            {error}{" "}
            <button type="button" className="button-link" onClick={clearError}>
              {t("dismiss")}
            </button>
          </>
        )}
      </div>
    </>
  );
}
