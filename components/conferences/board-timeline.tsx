"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, type ReactNode } from "react";
import type { BoardCard } from "@/server/schemas/board";
import { CardBody } from "./board-cards";
import { TimelineAddForm, TimelineMonthForm } from "./board-timeline-forms";
import { axisTemplate, layoutTimeline, monthLabel, timelineLanes, type TimelineLane } from "./board-timeline-layout";
import { abilitiesOn, type BoardView } from "./board-view";
import styles from "./board-timeline.module.css";

/** A marker per kind: shape and symbol carry the kind as well as the colour does, and a text label names it. */
const markers: Record<TimelineLane, { symbol: string; className: string }> = {
  verlauf: { symbol: "●", className: styles.verlauf! },
  barrieren: { symbol: "■", className: styles.barrieren! },
  schnittstellen: { symbol: "◆", className: styles.schnittstellen! },
  wendepunkte: { symbol: "▲", className: styles.wendepunkte! },
};

/**
 * The Fallrekonstruktion's course as a real time axis: months from the earliest to the latest
 * dated card along the x axis, each card at its month with a marker of its kind (course, barrier,
 * interface, turning point), cards without a month in a tray below.
 */
export function TimelineBoard({ view, phaseKey, heading }: { view: BoardView; phaseKey: string; heading: ReactNode }) {
  const t = useTranslations("conferences.timeline");
  const { columns, undated } = layoutTimeline(view.connection.board.cards.values());
  const first = columns[0];
  const last = columns.at(-1);
  return (
    <section aria-labelledby={`focus-phase-${phaseKey}`} className={styles.timeline}>
      {heading}
      <Legend />
      {first && last ? (
        <div
          className={`${styles.scroller} board-scroll`}
          role="region"
          aria-label={t("axis", { from: monthLabel(first.month), to: monthLabel(last.month) })}
          // The axis scrolls sideways; keyboard users scroll it once it has focus.
          tabIndex={0}
        >
          <ol className={styles.axis} style={{ gridTemplateColumns: axisTemplate(columns) }}>
            {columns.map((column) => (
              <li
                key={column.month}
                className={column.cards.length > 0 ? styles.month : styles.emptyMonth}
                aria-hidden={column.cards.length === 0 ? true : undefined}
                style={{ gridColumn: column.column }}
              >
                <span className={styles.yearMark} aria-hidden="true">
                  {column.yearMark ?? ""}
                </span>
                <span className={styles.tick} aria-hidden="true">
                  {column.cards.map((card) => (
                    <span key={card.id} className={`${styles.marker} ${markers[card.lane as TimelineLane].className}`}>
                      {markers[card.lane as TimelineLane].symbol}
                    </span>
                  ))}
                </span>
                {column.cards.length > 0 && (
                  <>
                    <h4 className={styles.monthLabel} id={`timeline-${column.month}`}>
                      {monthLabel(column.month)}
                      <span className="visually-hidden">, {t("monthCount", { count: column.cards.length })}</span>
                    </h4>
                    <ul className={styles.cards} aria-labelledby={`timeline-${column.month}`}>
                      {column.cards.map((card) => (
                        <TimelineCard key={card.id} view={view} card={card} />
                      ))}
                    </ul>
                  </>
                )}
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <p>{t("empty")}</p>
      )}
      <section aria-labelledby="timeline-undated" className={styles.tray}>
        <h4 id="timeline-undated">
          {t("undated")} <span className={styles.count}>({undated.length})</span>
        </h4>
        <p className="field-hint">{t("undatedHint")}</p>
        {undated.length > 0 && (
          <ul className={styles.trayCards}>
            {undated.map((card) => (
              <TimelineCard key={card.id} view={view} card={card} />
            ))}
          </ul>
        )}
      </section>
      {!view.readOnly && <TimelineAddForm view={view} />}
    </section>
  );
}

function Legend() {
  const t = useTranslations("conferences.timeline");
  return (
    <div className={styles.legend}>
      <span className={styles.legendTitle}>{t("legend")}:</span>
      <ul>
        {timelineLanes.map((lane) => (
          <li key={lane}>
            <span aria-hidden="true" className={`${styles.marker} ${markers[lane].className}`}>
              {markers[lane].symbol}
            </span>{" "}
            {t(`kinds.${lane}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function TimelineCard({ view, card }: { view: BoardView; card: BoardCard }) {
  const t = useTranslations("conferences.timeline");
  const tBoard = useTranslations("conferences.board");
  const [editingMonth, setEditingMonth] = useState(false);
  const changeButton = useRef<HTMLButtonElement>(null);
  // Back to the button that opened the month field, so keyboard users keep their place on the axis.
  const closeMonthForm = () => {
    setEditingMonth(false);
    requestAnimationFrame(() => changeButton.current?.focus());
  };
  const lane = card.lane as TimelineLane;
  const may = view.readOnly || card.restricted ? null : abilitiesOn(view, card);
  const label = <span className="visually-hidden">: {card.text || tBoard("hiddenCard")}</span>;
  return (
    <li id={`focus-card-${card.id}`} className={`${styles.card} ${markers[lane].className}`}>
      <p className={styles.kind}>
        <span aria-hidden="true" className={styles.marker}>
          {markers[lane].symbol}
        </span>{" "}
        {t(`kinds.${lane}`)}
      </p>
      <CardBody view={view} card={card} />
      {editingMonth && may?.edit && <TimelineMonthForm view={view} card={card} onDone={closeMonthForm} />}
      {(may?.edit || may?.delete) && (
        <div className="row-actions">
          {may?.edit && !editingMonth && (
            <button ref={changeButton} type="button" className="button-link" onClick={() => setEditingMonth(true)}>
              {t("changeMonth")}
              {label}
            </button>
          )}
          {may?.delete && (
            <button type="button" className="button-link" onClick={() => view.connection.submit({ kind: "card.delete", cardId: card.id })}>
              {tBoard("delete")}
              {label}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
