"use client";

import "./board.css";

import { useTranslations } from "next-intl";
import { useEffect, useMemo } from "react";
import type { ConferenceType, PhaseDefinition } from "@/server/schemas/conference-kinds";
import { lanesFor } from "./board-lanes";
import { ClusterBoard } from "./board-clusters";
import { ReconstructionGrid } from "./board-reconstruction";
import { TimelineBoard } from "./board-timeline";
import { useBoard } from "./use-board";
import type { BoardProps, BoardView, CardView } from "./board-view";
import { CardLanes } from "./board-cards";

/** The connection and the meeting's facts, as every part of the wall needs them. */
export function useBoardView(props: BoardProps): BoardView {
  const t = useTranslations("conferences.board");
  const connection = useBoard(props.conferenceId, props.selfId, { sessionEnded: t("sessionEnded") }, props.onResync);
  const { meta } = connection.board;
  const someone = t("someone");
  const nameOf = useMemo(() => {
    const names = new Map(props.participants.map((p) => [p.userId, p.displayName]));
    return (userId: string) => names.get(userId) ?? someone;
  }, [props.participants, someone]);
  const readOnly = !!props.projector || (meta.locked && !props.isModerator);
  const { selfId, isModerator, type, cases } = props;
  const { submit, notifyTyping, reportError } = connection;
  const cardView = useMemo<CardView>(
    () => ({ selfId, isModerator, type, cases, readOnly, anonymous: meta.anonymous, nameOf, submit, notifyTyping, reportError }),
    [selfId, isModerator, type, cases, readOnly, meta.anonymous, nameOf, submit, notifyTyping, reportError],
  );
  return { ...props, ...cardView, connection, cardView };
}

/** Conferences planned before the Ablaufplan existed keep one page of lanes. */
const legacyLanes: Record<ConferenceType, string[]> = {
  fallkonferenz: ["perspektiven", "ideen", "arbeitspakete"],
  planungskonferenz: ["themen", "generative-themen", "parkplatz"],
  fallrekonstruktion: ["verlauf", "barrieren", "zentrale-probleme"],
};

/** The wall itself: the Ablaufplan's current phase decides what it shows. */
export function PhaseWall({ view }: { view: BoardView }) {
  const phase = view.phases[view.connection.board.meta.phaseIndex];
  if (!phase) return <CardLanes view={view} lanes={legacyLanes[view.type]} />;
  return <PhaseView view={view} phase={phase} />;
}

function PhaseView({ view, phase }: { view: BoardView; phase: PhaseDefinition }) {
  const t = useTranslations("conferences.board");
  const heading = (
    <h2 id={`focus-phase-${phase.key}`} tabIndex={-1} className="visually-hidden">
      {phase.title}
    </h2>
  );
  switch (phase.board) {
    case "reconstruction":
      return (
        <section aria-labelledby={`focus-phase-${phase.key}`} className="board-phase">
          {heading}
          <ReconstructionGrid view={view} />
        </section>
      );
    case "clustering":
    case "voting":
    case "formulation":
      return (
        <section aria-labelledby={`focus-phase-${phase.key}`} className="board-phase">
          {heading}
          <ClusterBoard view={view} mode={phase.board} />
        </section>
      );
    case "timeline":
      return <TimelineBoard view={view} phaseKey={phase.key} heading={heading} />;
    case "none":
      return (
        <section aria-labelledby={`focus-phase-${phase.key}`} className="board-phase">
          {heading}
          <p className="board-talk">{t("talkPhase")}</p>
        </section>
      );
    default:
      return (
        <section aria-labelledby={`focus-phase-${phase.key}`} className="board-phase">
          {heading}
          <CardLanes view={view} lanes={lanesFor(view.type, phase.board)} />
        </section>
      );
  }
}

/** The element a focus target ("card:<id>", "phase:<key>", …) names on the wall. */
export function focusElementOf(focus: string): HTMLElement | null {
  return document.getElementById(`focus-${focus.replace(":", "-")}`);
}

/** "Follow me": a following screen brings what the moderator points at into view. */
export function useFollowFocus(focus: string | null, follow: boolean) {
  useEffect(() => {
    if (!follow || !focus) return;
    const element = focusElementOf(focus);
    const calm = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    element?.scrollIntoView({ behavior: calm ? "auto" : "smooth", block: "nearest", inline: "nearest" });
  }, [focus, follow]);
}
