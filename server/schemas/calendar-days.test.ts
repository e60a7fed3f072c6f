import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  calendarDayOf,
  compareDays,
  daysBetween,
  endOfMonth,
  formatCalendarDay,
  fullYearsBetween,
  isBefore,
  isCalendarDay,
  monthKey,
  startOfDayInstant,
  startOfMonth,
  todayInBerlin,
  yearOf,
} from "./calendar-days";

describe("today and the day of an instant, in Berlin", () => {
  it("is already the next day in Berlin while UTC is still before midnight", () => {
    // 23:30 UTC on Saturday is 00:30 CET on Sunday, the day summer time begins.
    expect(todayInBerlin(new Date("2026-03-28T23:30:00Z"))).toBe("2026-03-29");
    expect(todayInBerlin(new Date("2026-03-28T22:59:59Z"))).toBe("2026-03-28");
  });

  it("uses summer time's two hours of offset", () => {
    expect(calendarDayOf(new Date("2026-07-14T22:30:00Z"))).toBe("2026-07-15");
    expect(calendarDayOf(new Date("2026-07-14T21:59:59Z"))).toBe("2026-07-14");
  });

  it("turns the year at Berlin midnight, not UTC midnight", () => {
    const newYearsNight = new Date("2026-12-31T23:30:00Z");
    expect(todayInBerlin(newYearsNight)).toBe("2027-01-01");
    expect(monthKey(todayInBerlin(newYearsNight))).toBe("2027-01");
    expect(yearOf(todayInBerlin(newYearsNight))).toBe(2027);
  });

  it("accepts milliseconds as well as dates", () => {
    expect(calendarDayOf(Date.parse("2026-10-31T23:00:00Z"))).toBe("2026-11-01");
  });
});

describe("the instant a Berlin day begins", () => {
  it("is 23:00 UTC the evening before in winter and 22:00 UTC in summer", () => {
    expect(startOfDayInstant("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(startOfDayInstant("2026-07-15").toISOString()).toBe("2026-07-14T22:00:00.000Z");
  });

  it("follows the switch to summer time on the last Sunday of March", () => {
    expect(startOfDayInstant("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDayInstant("2026-03-30").toISOString()).toBe("2026-03-29T22:00:00.000Z");
  });

  it("follows the switch back on the last Sunday of October", () => {
    expect(startOfDayInstant("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(startOfDayInstant("2026-10-26").toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });
});

describe("day arithmetic", () => {
  it("adds days across the DST changes, whose days last 23 and 25 hours", () => {
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-03-30", -2)).toBe("2026-03-28");
    expect(addDays("2026-10-24", 2)).toBe("2026-10-26");
    expect(addDays("2026-10-26", -2)).toBe("2026-10-24");
  });

  it("adds days across month and year ends", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-01-01", -91)).toBe("2025-10-02");
  });

  it("counts calendar days, not 24-hour spans, across the DST changes", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysBetween("2026-03-01", "2026-02-01")).toBe(-28);
  });

  it("adds months and keeps to the last day of a shorter month", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-15");
    expect(addMonths("2026-12-01", 1)).toBe("2027-01-01");
  });

  it("counts full years, e.g. the age of someone born on a leap day", () => {
    expect(fullYearsBetween("2008-02-29", "2026-02-28")).toBe(17);
    expect(fullYearsBetween("2008-02-29", "2026-03-01")).toBe(18);
    expect(fullYearsBetween("1990-06-15", "2026-06-14")).toBe(35);
    expect(fullYearsBetween("1990-06-15", "2026-06-15")).toBe(36);
  });
});

describe("months", () => {
  it("finds the first and last day of a month, February of a leap year included", () => {
    expect(startOfMonth("2026-03-29")).toBe("2026-03-01");
    expect(endOfMonth("2024-02-10")).toBe("2024-02-29");
    expect(endOfMonth("2026-02-01")).toBe("2026-02-28");
    expect(endOfMonth("2000-02-15")).toBe("2000-02-29");
    expect(endOfMonth("2100-02-15")).toBe("2100-02-28");
    expect(endOfMonth("2026-10-25")).toBe("2026-10-31");
    expect(endOfMonth("2026-12-05")).toBe("2026-12-31");
  });

  it("names the month of a day", () => {
    expect(monthKey("2026-03-29")).toBe("2026-03");
  });
});

describe("comparing and formatting days", () => {
  it("orders days", () => {
    expect(isBefore("2026-12-31", "2027-01-01")).toBe(true);
    expect(isBefore("2027-01-01", "2027-01-01")).toBe(false);
    expect(compareDays("2027-01-01", "2026-12-31")).toBe(1);
    expect(compareDays("2026-03-29", "2026-03-29")).toBe(0);
    expect(["2026-10-26", "2026-03-29", "2026-10-25"].sort(compareDays)).toEqual(["2026-03-29", "2026-10-25", "2026-10-26"]);
  });

  it("formats a day the German way", () => {
    expect(formatCalendarDay("2026-03-09")).toBe("09.03.2026");
    expect(formatCalendarDay("2027-01-01")).toBe("01.01.2027");
  });

  it("refuses what is not a calendar day", () => {
    expect(isCalendarDay("2024-02-29")).toBe(true);
    expect(isCalendarDay("2026-02-29")).toBe(false);
    expect(isCalendarDay("29.03.2026")).toBe(false);
    expect(isCalendarDay("")).toBe(false);
    expect(() => addDays("29.03.2026", 1)).toThrow(RangeError);
  });
});
