"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import type { ConferenceType, PhaseDefinition } from "@/server/schemas/conference-kinds";
import { lanesFor } from "./board-lanes";
import { ClusterBoard } from "./board-clusters";
import { ModeratorControls, PhaseBar, SpeakersList, TimerDisplay } from "./board-controls";
import { ReconstructionGrid } from "./board-reconstruction";
import { TimelineBoard } from "./board-timeline";
import { useBoard } from "./use-board";
import type { BoardProps, BoardView } from "./board-view";
import { CardLanes } from "./board-cards";

/** The live moderation board: the Ablaufplan's current phase decides what the wall shows. */
export function ConferenceBoard(props: BoardProps) {
  const t = useTranslations("conferences.board");
  const connection = useBoard(props.conferenceId, props.selfId, { sessionEnded: t("sessionEnded") }, props.onResync);
  const { board, connected, pendingCount, error } = connection;
  const { meta } = board;
  const phase = props.phases[meta.phaseIndex];
  const names = new Map(props.participants.map((p) => [p.userId, p.displayName]));
  const view: BoardView = {
    ...props,
    connection,
    readOnly: !!props.projector || (meta.locked && !props.isModerator),
    nameOf: (userId) => names.get(userId) ?? t("someone"),
  };
  useFollowFocus(meta.focus, !props.isModerator);

  return (
    <section aria-labelledby="board-title" className={props.projector ? "board board-projector" : "board"}>
      <h2 id="board-title">{t("title")}</h2>
      <p role="status" className={connected ? "board-online" : "board-offline"}>
        {connected ? t("connected") : t("offline")}
        {pendingCount > 0 && ` ${t("pending", { count: pendingCount })}`}
      </p>
      <div role="alert" className={error ? "form-error" : undefined}>
        {error}
      </div>
      <BoardPresence view={view} />
      <PhaseBar view={view} />
      <div className="board-status">
        {meta.timer && <TimerDisplay endsAt={meta.timer.endsAt} />}
        {meta.locked && <p className="status-badge">{t("lockedNotice")}</p>}
        {meta.anonymous && <p className="status-badge">{t("anonymousNotice")}</p>}
      </div>
      {props.isModerator && !props.projector && <ModeratorControls view={view} />}
      {!props.projector && <SpeakersList view={view} />}
      {phase ? <PhaseView view={view} phase={phase} /> : <CardLanes view={view} lanes={legacyLanes[props.type]} />}
    </section>
  );
}

/** Who is here, and who is writing a card right now. */
function BoardPresence({ view }: { view: BoardView }) {
  const t = useTranslations("conferences.board");
  const { present, typing } = view.connection;
  const writers = typing.filter((id) => id !== view.selfId).map(view.nameOf);
  return (
    <div className="board-presence">
      <p>{t("present", { count: present.length, names: present.map((p) => p.displayName).join(", ") })}</p>
      {writers.length > 0 && <p className="board-card-meta">{t("writing", { names: writers.join(", ") })}</p>}
    </div>
  );
}

/** Conferences planned before the Ablaufplan existed keep one page of lanes. */
const legacyLanes: Record<ConferenceType, string[]> = {
  fallkonferenz: ["perspektiven", "ideen", "arbeitspakete"],
  planungskonferenz: ["themen", "generative-themen", "parkplatz"],
  fallrekonstruktion: ["verlauf", "barrieren", "zentrale-probleme"],
};

function PhaseView({ view, phase }: { view: BoardView; phase: PhaseDefinition }) {
  const t = useTranslations("conferences.board");
  const heading = (
    <h3 id={`focus-phase-${phase.key}`} tabIndex={-1}>
      {phase.title}
    </h3>
  );
  switch (phase.board) {
    case "reconstruction":
      return (
        <section aria-labelledby={`focus-phase-${phase.key}`}>
          {heading}
          <ReconstructionGrid view={view} />
        </section>
      );
    case "clustering":
    case "voting":
    case "formulation":
      return (
        <section aria-labelledby={`focus-phase-${phase.key}`}>
          {heading}
          <ClusterBoard view={view} mode={phase.board} />
        </section>
      );
    case "timeline":
      return <TimelineBoard view={view} phaseKey={phase.key} heading={heading} />;
    case "none":
      return (
        <section aria-labelledby={`focus-phase-${phase.key}`}>
          {heading}
          <p>{t("talkPhase")}</p>
        </section>
      );
    default:
      return (
        <section aria-labelledby={`focus-phase-${phase.key}`}>
          {heading}
          <CardLanes view={view} lanes={lanesFor(view.type, phase.board)} />
        </section>
      );
  }
}

/** "Follow me": participants' screens scroll to what the moderator points at. */
function useFollowFocus(focus: string | null, follow: boolean) {
  useEffect(() => {
    if (!follow || !focus) return;
    const element = document.getElementById(`focus-${focus.replace(":", "-")}`);
    element?.scrollIntoView({ behavior: "smooth", block: "start" });
  }, [focus, follow]);
}
