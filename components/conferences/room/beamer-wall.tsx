"use client";

import "./room.css";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { focusElementOf, PhaseWall, useBoardView } from "../board";
import { TimerDisplay } from "../board-controls";
import { RoomPending, useConferenceBoardProps } from "./use-conference-board";
import { useFitToBox } from "./use-fit-to-box";
import type { QrCode } from "./join-link";

/**
 * The projector: no navigation, no controls, large type, the phase and the timer for the back of
 * the room, and the whole wall on one screen. It follows the moderator's phase and focus.
 */
export function BeamerWall({
  conferenceId,
  selfId,
  joinUrl,
  joinQr,
}: {
  conferenceId: string;
  selfId: string;
  joinUrl: string;
  joinQr: QrCode;
}) {
  const { props, title, error } = useConferenceBoardProps(conferenceId, selfId, true);
  if (!props || !title) return <RoomPending error={error} />;
  return <Beamer props={props} title={title} joinUrl={joinUrl} joinQr={joinQr} />;
}

function Beamer({
  props,
  title,
  joinUrl,
  joinQr,
}: {
  props: NonNullable<ReturnType<typeof useConferenceBoardProps>["props"]>;
  title: string;
  joinUrl: string;
  joinQr: QrCode;
}) {
  const t = useTranslations("conferences.room");
  const tBoard = useTranslations("conferences.board");
  const view = useBoardView(props);
  const { meta, cards } = view.connection.board;
  const phase = view.phases[meta.phaseIndex];
  const wall = useRef<HTMLDivElement>(null);
  useFitToBox(wall, view.connection.board);
  useFocusHighlight(meta.focus);
  return (
    <div className="beamer" data-cards={cards.size}>
      <header className="beamer-header">
        <div>
          <h1>{title}</h1>
          {phase && (
            <p className="beamer-phase">
              {t("phaseOf", { index: meta.phaseIndex + 1, count: view.phases.length })} · <strong>{phase.title}</strong>
            </p>
          )}
          {!view.connection.connected && <p role="status">{tBoard("offline")}</p>}
        </div>
        <div className="beamer-clock">
          {meta.timer ? <TimerDisplay endsAt={meta.timer.endsAt} /> : phase && <p>{t("budget", { minutes: phase.minutes })}</p>}
        </div>
        <aside className="beamer-join" aria-label={t("joinTitle")}>
          <svg className="beamer-qr" viewBox={`-2 -2 ${joinQr.size + 4} ${joinQr.size + 4}`} role="img" aria-label={t("joinQr")}>
            <rect x={-2} y={-2} width={joinQr.size + 4} height={joinQr.size + 4} fill="#fff" />
            <path d={joinQr.path} fill="#000" />
          </svg>
          <p>
            {t("joinHint")}
            <br />
            <strong className="beamer-link">{joinUrl.replace(/^https?:\/\//, "")}</strong>
          </p>
        </aside>
      </header>
      <div className="beamer-wall" id="wall" ref={wall}>
        <PhaseWall view={view} />
      </div>
    </div>
  );
}

/** The beamer shows everything at once, so following the moderator means marking what they point at. */
function useFocusHighlight(focus: string | null) {
  useEffect(() => {
    if (!focus) return;
    const element = focusElementOf(focus);
    element?.classList.add("beamer-focus");
    return () => element?.classList.remove("beamer-focus");
  }, [focus]);
}
