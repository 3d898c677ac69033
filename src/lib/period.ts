/**
 * The one period helper. A reporting period is an ISO 8601 week ("2026-W48", Monday start) or a calendar
 * month ("2026-11"), both on the WIB (Asia/Jakarta, UTC+7) calendar (product.md "Data that matters").
 * Universal: runs on the server and in the browser.
 *
 * parsePeriodKey validates untrusted input and returns null; every other function taking a key treats
 * an invalid key as a programming error and throws RangeError.
 */
import {
  type CalendarDate,
  calendarDateOfDayNumber,
  dayNumberOf,
  daysInMonth,
  isoWeekdayOf,
  jakartaCalendarDateOf,
  jakartaStartOfDay,
  monthName,
  monthShortName,
  parseDateOnly,
  toDateOnlyString,
} from "./dates";

export type Cadence = "WEEKLY" | "MONTHLY";

export type WeeklyPeriod = { cadence: "WEEKLY"; key: string; year: number; week: number };
export type MonthlyPeriod = { cadence: "MONTHLY"; key: string; year: number; month: number };
export type Period = WeeklyPeriod | MonthlyPeriod;

export type PeriodRange = {
  /** First instant of the period (00:00 WIB), inclusive. */
  start: Date;
  /** First instant after the period (00:00 WIB of the next period), exclusive. */
  end: Date;
  /** First WIB calendar day, "YYYY-MM-DD". */
  firstDay: string;
  /** Last WIB calendar day, "YYYY-MM-DD". */
  lastDay: string;
};

const WEEKLY_KEY = /^([1-9]\d{3})-W(\d{2})$/;
const MONTHLY_KEY = /^([1-9]\d{3})-(\d{2})$/;

/** Validates "YYYY-Www" (week 01 up to the number of ISO weeks of that year) or "YYYY-MM"; else null. */
export function parsePeriodKey(key: string): Period | null {
  const weekly = WEEKLY_KEY.exec(key);
  if (weekly) {
    const year = Number(weekly[1]);
    const week = Number(weekly[2]);
    if (week < 1 || week > isoWeeksInYear(year)) return null;
    return { cadence: "WEEKLY", key, year, week };
  }
  const monthly = MONTHLY_KEY.exec(key);
  if (monthly) {
    const year = Number(monthly[1]);
    const month = Number(monthly[2]);
    if (month < 1 || month > 12) return null;
    return { cadence: "MONTHLY", key, year, month };
  }
  return null;
}

/** The period containing an instant, on the WIB calendar. */
export function periodKeyOf(instant: Date, cadence: Cadence): string {
  return periodKeyOfCalendarDate(jakartaCalendarDateOf(instant), cadence);
}

/** The period containing a WIB calendar day "YYYY-MM-DD". */
export function dateOnlyToPeriodKey(dateOnly: string, cadence: Cadence): string {
  const date = parseDateOnly(dateOnly);
  if (!date) throw new RangeError(`Expected a date "YYYY-MM-DD", got "${dateOnly}"`);
  return periodKeyOfCalendarDate(date, cadence);
}

/** Today's WIB calendar day, "YYYY-MM-DD". */
export function todayInJakarta(instant: Date = new Date()): string {
  return toDateOnlyString(jakartaCalendarDateOf(instant));
}

export function periodRange(key: string): PeriodRange {
  const { firstDayNumber, dayCount } = periodDays(requirePeriod(key));
  const first = calendarDateOfDayNumber(firstDayNumber);
  const last = calendarDateOfDayNumber(firstDayNumber + dayCount - 1);
  return {
    start: jakartaStartOfDay(first),
    end: jakartaStartOfDay(calendarDateOfDayNumber(firstDayNumber + dayCount)),
    firstDay: toDateOnlyString(first),
    lastDay: toDateOnlyString(last),
  };
}

export function previousPeriodKey(key: string): string {
  return shiftPeriodKey(key, -1);
}

export function nextPeriodKey(key: string): string {
  return shiftPeriodKey(key, 1);
}

/** The n keys ending at key (inclusive), oldest first. n = 0 gives []. */
export function periodKeysBack(key: string, n: number): string[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
  requirePeriod(key);
  return Array.from({ length: n }, (_, i) => shiftPeriodKey(key, i - n + 1));
}

/**
 * 1-based number of key counted from startKey (startKey itself is 1), used for the menu rotation.
 * Zero or negative for keys before the start. Both keys must have the same cadence.
 */
export function periodIndexSince(startKey: string, key: string): number {
  const start = requirePeriod(startKey);
  const period = requirePeriod(key);
  if (start.cadence !== period.cadence) {
    throw new RangeError(
      `Cannot count ${period.cadence} period ${key} from ${start.cadence} start ${startKey}`,
    );
  }
  return periodOrdinal(period) - periodOrdinal(start) + 1;
}

/**
 * Indonesian label: "Minggu ke-48 2026 (23–29 Nov)", "Minggu ke-49 2026 (30 Nov–6 Des)",
 * "Minggu ke-1 2026 (29 Des 2025–4 Jan 2026)", "November 2026".
 */
export function periodLabel(key: string): string {
  const period = requirePeriod(key);
  if (period.cadence === "MONTHLY") return `${monthName(period.month)} ${period.year}`;
  const { firstDayNumber, dayCount } = periodDays(period);
  const first = calendarDateOfDayNumber(firstDayNumber);
  const last = calendarDateOfDayNumber(firstDayNumber + dayCount - 1);
  return `Minggu ke-${period.week} ${period.year} (${weekSpanLabel(first, last)})`;
}

/** 53 when 1 January is a Thursday, or a Wednesday in a leap year; otherwise 52 (ISO 8601). */
export function isoWeeksInYear(year: number): number {
  // 28 December always lies in the last ISO week of its year.
  return isoWeekOf({ year, month: 12, day: 28 }).week;
}

function periodKeyOfCalendarDate(date: CalendarDate, cadence: Cadence): string {
  if (cadence === "MONTHLY") return monthlyKey(date.year, date.month);
  const { year, week } = isoWeekOf(date);
  return weeklyKey(year, week);
}

/** ISO week-year and week: the week belongs to the year holding its Thursday. */
function isoWeekOf(date: CalendarDate): { year: number; week: number } {
  const thursday = calendarDateOfDayNumber(dayNumberOf(date) - isoWeekdayOf(date) + 4);
  const dayOfYear = dayNumberOf(thursday) - dayNumberOf({ year: thursday.year, month: 1, day: 1 });
  return { year: thursday.year, week: Math.floor(dayOfYear / 7) + 1 };
}

/** Day number of the Monday of ISO week 1: the week holding 4 January. */
function isoWeekOneMonday(year: number): number {
  const january4 = { year, month: 1, day: 4 };
  return dayNumberOf(january4) - isoWeekdayOf(january4) + 1;
}

function periodDays(period: Period): { firstDayNumber: number; dayCount: number } {
  if (period.cadence === "WEEKLY") {
    return { firstDayNumber: isoWeekOneMonday(period.year) + (period.week - 1) * 7, dayCount: 7 };
  }
  return {
    firstDayNumber: dayNumberOf({ year: period.year, month: period.month, day: 1 }),
    dayCount: daysInMonth(period.year, period.month),
  };
}

/** A running count of periods of one cadence: weeks since an arbitrary Monday, or months since year 0. */
function periodOrdinal(period: Period): number {
  if (period.cadence === "MONTHLY") return period.year * 12 + (period.month - 1);
  return (periodDays(period).firstDayNumber - isoWeekOneMonday(1970)) / 7;
}

function shiftPeriodKey(key: string, by: number): string {
  const period = requirePeriod(key);
  if (period.cadence === "MONTHLY") {
    const ordinal = periodOrdinal(period) + by;
    return monthlyKey(Math.floor(ordinal / 12), (ordinal % 12) + 1);
  }
  const monday = calendarDateOfDayNumber(periodDays(period).firstDayNumber + by * 7);
  return periodKeyOfCalendarDate(monday, "WEEKLY");
}

function weekSpanLabel(first: CalendarDate, last: CalendarDate): string {
  if (first.year !== last.year) {
    return `${first.day} ${monthShortName(first.month)} ${first.year}–${last.day} ${monthShortName(last.month)} ${last.year}`;
  }
  if (first.month !== last.month) {
    return `${first.day} ${monthShortName(first.month)}–${last.day} ${monthShortName(last.month)}`;
  }
  return `${first.day}–${last.day} ${monthShortName(last.month)}`;
}

function requirePeriod(key: string): Period {
  const period = parsePeriodKey(key);
  if (!period) throw new RangeError(`Invalid period key "${key}"`);
  return period;
}

function weeklyKey(year: number, week: number): string {
  return `${year}-W${String(week).padStart(2, "0")}`;
}

function monthlyKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}
