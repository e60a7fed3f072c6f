import { TZDate } from "@date-fns/tz";
import {
  addDays as addDaysToDate,
  addMonths as addMonthsToDate,
  differenceInCalendarDays,
  differenceInYears,
  endOfMonth as endOfMonthOf,
  format,
} from "date-fns";

/**
 * Calendar days (date-only values such as `2026-03-29`) and "today" are always counted in the
 * municipalities' time zone, so the browser and the server agree on the date around midnight.
 * Client-safe: imported by services and by React components alike.
 */
export const calendarTimeZone = "Europe/Berlin";

/** A calendar day as `YYYY-MM-DD`. */
export type CalendarDay = string;
/** A calendar month as `YYYY-MM`. */
export type MonthKey = string;

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight of the day in Berlin, as a date that keeps computing in Berlin. */
function berlinMidnight(day: CalendarDay): TZDate {
  const match = dayPattern.exec(day);
  if (!match) throw new RangeError(`Not a calendar day: ${day}`);
  return new TZDate(Number(match[1]), Number(match[2]) - 1, Number(match[3]), calendarTimeZone);
}

/** Whether a value is a real calendar day written as `YYYY-MM-DD` (not `2026-02-30`). */
export function isCalendarDay(value: string): boolean {
  const match = dayPattern.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

const dayOf = (date: Date): CalendarDay => format(date, "yyyy-MM-dd");

/** The Berlin calendar day an instant falls on. */
export function calendarDayOf(instant: Date | number): CalendarDay {
  return dayOf(new TZDate(instant instanceof Date ? instant.getTime() : instant, calendarTimeZone));
}

/** Today in Berlin. */
export function todayInBerlin(now: Date | number = Date.now()): CalendarDay {
  return calendarDayOf(now);
}

/** The year of a calendar day. */
export function yearOf(day: CalendarDay): number {
  return berlinMidnight(day).getFullYear();
}

/** The month (`YYYY-MM`) of a calendar day. */
export function monthKey(day: CalendarDay): MonthKey {
  return format(berlinMidnight(day), "yyyy-MM");
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return dayOf(addDaysToDate(berlinMidnight(day), days));
}

/** Adds calendar months; a day that the target month lacks becomes its last day (31.01. + 1 → 28./29.02.). */
export function addMonths(day: CalendarDay, months: number): CalendarDay {
  return dayOf(addMonthsToDate(berlinMidnight(day), months));
}

export function startOfMonth(day: CalendarDay): CalendarDay {
  return `${monthKey(day)}-01`;
}

export function endOfMonth(day: CalendarDay): CalendarDay {
  return dayOf(endOfMonthOf(berlinMidnight(day)));
}

/** Negative if `a` is before `b`, zero on the same day, positive after; usable with `Array.sort`. */
export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return Math.sign(berlinMidnight(a).getTime() - berlinMidnight(b).getTime());
}

export function isBefore(a: CalendarDay, b: CalendarDay): boolean {
  return compareDays(a, b) < 0;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier), unaffected by DST. */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return differenceInCalendarDays(berlinMidnight(to), berlinMidnight(from));
}

/** Completed years from `from` to `to`, e.g. an age on a day. */
export function fullYearsBetween(from: CalendarDay, to: CalendarDay): number {
  return differenceInYears(berlinMidnight(to), berlinMidnight(from));
}

/** The instant the Berlin day begins, for ranges over `timestamp with time zone` columns. */
export function startOfDayInstant(day: CalendarDay): Date {
  return new Date(berlinMidnight(day).getTime());
}

/** German display of a calendar day: `dd.MM.yyyy`. */
export function formatCalendarDay(day: CalendarDay): string {
  return format(berlinMidnight(day), "dd.MM.yyyy");
}
