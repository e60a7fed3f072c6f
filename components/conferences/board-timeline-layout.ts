import { sortByOrderKey } from "@/server/conferences/board-state";
import type { BoardCard } from "@/server/schemas/board";

/** The lanes of a Fallrekonstruktion that stand on the time axis: the course itself and what marks it. */
export const timelineLanes = ["verlauf", "barrieren", "schnittstellen", "wendepunkte"] as const;
export type TimelineLane = (typeof timelineLanes)[number];

export function isTimelineLane(lane: string): lane is TimelineLane {
  return (timelineLanes as readonly string[]).includes(lane);
}

/** Months counted from year 0, so that the distance between two months is a subtraction. */
export function monthNumber(month: string): number {
  const [year, number] = month.split("-").map(Number);
  return year! * 12 + (number! - 1);
}

export function monthOfNumber(value: number): string {
  const year = Math.floor(value / 12);
  return `${String(year).padStart(4, "0")}-${String((value % 12) + 1).padStart(2, "0")}`;
}

/** "März 2023": fixed to UTC so that the label never slips into the neighbouring month. */
export function monthLabel(month: string): string {
  const [year, number] = month.split("-").map(Number);
  return new Intl.DateTimeFormat("de-DE", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year!, number! - 1, 1)),
  );
}

export interface TimelineColumn {
  month: string;
  /** 1-based column on the axis: the month's x position. */
  column: number;
  /** Set on the first column and on every January, so the axis shows where a year begins. */
  yearMark: number | null;
  cards: BoardCard[];
}

export interface TimelineLayout {
  /** Every month from the earliest to the latest dated card, with or without cards; empty when none is dated. */
  columns: TimelineColumn[];
  undated: BoardCard[];
}

/** The column a month stands in on an axis that starts at `first` (both `YYYY-MM`). */
export function monthColumn(first: string, month: string): number {
  return monthNumber(month) - monthNumber(first) + 1;
}

/**
 * The time axis of a Fallrekonstruktion: the timeline lanes' cards in their months, from the
 * earliest to the latest dated card, within a month the course before barriers, interfaces and
 * turning points and then in the order they were pinned; cards without a month wait in a tray.
 */
export function layoutTimeline(cards: Iterable<BoardCard>): TimelineLayout {
  const onAxis = [...cards].filter((card) => isTimelineLane(card.lane));
  const ordered = sortByOrderKey(onAxis).sort((a, b) => laneRank(a.lane) - laneRank(b.lane));
  const dated = ordered.filter((card) => !!card.month);
  const undated = ordered.filter((card) => !card.month);
  if (dated.length === 0) return { columns: [], undated };
  const numbers = dated.map((card) => monthNumber(card.month!));
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  const columns: TimelineColumn[] = [];
  for (let value = first; value <= last; value++) {
    const month = monthOfNumber(value);
    columns.push({
      month,
      column: value - first + 1,
      yearMark: value === first || value % 12 === 0 ? Math.floor(value / 12) : null,
      cards: dated.filter((card) => card.month === month),
    });
  }
  return { columns, undated };
}

function laneRank(lane: string): number {
  return timelineLanes.indexOf(lane as TimelineLane);
}

/**
 * The width of each month on the axis: a month with cards gets room for them, an empty one a
 * narrow step, so long quiet stretches stay visible as distance without pushing cards apart.
 */
export function axisTemplate(columns: TimelineColumn[]): string {
  return columns.map((c) => (c.cards.length > 0 ? "var(--month-width, 14em)" : "1.5em")).join(" ");
}
