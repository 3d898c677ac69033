/**
 * The one date helper: Indonesian (`id-ID`) display in Asia/Jakarta (WIB), ages, and the WIB calendar
 * primitives that period.ts and identity.ts build on. Universal: runs on the server and in the browser.
 *
 * Conventions
 * - A "date-only" value is a string "YYYY-MM-DD" (a calendar day, no time zone), or a `Date` that is read
 *   as the WIB calendar day of that instant. A date-only stored by Prisma (`@db.Date`, UTC midnight)
 *   therefore reads as the same day, since UTC midnight is 07:00 WIB.
 * - WIB is UTC+7 without daylight saving (product.md "Data that matters"). We use fixed +7 arithmetic
 *   instead of `Intl` time zones so output is identical on every runtime (no hydration mismatch). The
 *   month names are CLDR `id` (the test checks them against Node's full ICU).
 * - Invalid input (an invalid `Date`, a malformed "YYYY-MM-DD") is a programming error: RangeError.
 */

export type CalendarDate = { year: number; month: number; day: number };

const MS_PER_DAY = 86_400_000;
const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Ages 7–18 inclusive: "Anak Tidak Sekolah" definition (domain-indonesia.md §5). */
export const SCHOOL_AGE_MIN = 7;
export const SCHOOL_AGE_MAX = 18;

export const MONTH_NAMES_ID = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
] as const;

export const MONTH_SHORT_NAMES_ID = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "Mei",
  "Jun",
  "Jul",
  "Agu",
  "Sep",
  "Okt",
  "Nov",
  "Des",
] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** True when year/month/day name a day that exists (no 31 Feb, 29 Feb only in leap years). */
export function isExistingDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Strict "YYYY-MM-DD" (four-digit year 1000–9999, a day that exists) → calendar date, else null. */
export function parseDateOnly(value: string): CalendarDate | null {
  const match = /^([1-9]\d{3})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isExistingDate(year, month, day) ? { year, month, day } : null;
}

export function toDateOnlyString({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

/** Days since 1970-01-01 for a calendar date (proleptic Gregorian), the unit of all calendar arithmetic. */
export function dayNumberOf({ year, month, day }: CalendarDate): number {
  // setUTCFullYear, because Date.UTC reads years 0–99 as 1900–1999.
  const utc = new Date(Date.UTC(2000, month - 1, day));
  utc.setUTCFullYear(year);
  return utc.getTime() / MS_PER_DAY;
}

export function calendarDateOfDayNumber(dayNumber: number): CalendarDate {
  const utc = new Date(dayNumber * MS_PER_DAY);
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export function isoWeekdayOf(date: CalendarDate): number {
  // 1970-01-01 (day 0) was a Thursday (ISO weekday 4).
  return ((((dayNumberOf(date) + 3) % 7) + 7) % 7) + 1;
}

/** The WIB calendar day of an instant. */
export function jakartaCalendarDateOf(instant: Date): CalendarDate {
  return calendarDateOfDayNumber(Math.floor(jakartaShiftedMs(instant) / MS_PER_DAY));
}

/** The instant (UTC) at which a WIB calendar day starts: 00:00 WIB = 17:00 UTC the day before. */
export function jakartaStartOfDay(date: CalendarDate): Date {
  return new Date(dayNumberOf(date) * MS_PER_DAY - JAKARTA_OFFSET_MS);
}

/** A calendar date as a Date at UTC midnight: how Prisma reads and writes `@db.Date` columns. */
export function utcMidnightOf(date: CalendarDate): Date {
  return new Date(dayNumberOf(date) * MS_PER_DAY);
}

/** A Date (WIB day of the instant) or "YYYY-MM-DD" → calendar date. */
export function toCalendarDate(value: Date | string): CalendarDate {
  if (typeof value !== "string") return jakartaCalendarDateOf(value);
  const parsed = parseDateOnly(value);
  if (!parsed) throw new RangeError(`Expected a date "YYYY-MM-DD", got "${value}"`);
  return parsed;
}

/** Negative when a is before b, 0 when the same day. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return dayNumberOf(a) - dayNumberOf(b);
}

/** "29 November 2026" */
export function formatDate(value: Date | string): string {
  const { year, month, day } = toCalendarDate(value);
  return `${day} ${monthName(month)} ${year}`;
}

/** "29 Nov 2026" */
export function formatDateShort(value: Date | string): string {
  const { year, month, day } = toCalendarDate(value);
  return `${day} ${monthShortName(month)} ${year}`;
}

/** "29 Nov 2026 14.05 WIB" (24-hour clock, Indonesian "." between hours and minutes). */
export function formatDateTime(instant: Date): string {
  const shifted = new Date(jakartaShiftedMs(instant));
  const time = `${pad2(shifted.getUTCHours())}.${pad2(shifted.getUTCMinutes())}`;
  return `${formatDateShort(instant)} ${time} WIB`;
}

/**
 * Age in whole years on a given day. Someone born on 29 February turns a year older on 1 March in
 * common years. Negative when onDate is before birthDate.
 */
export function ageOn(birthDate: Date | string, onDate: Date | string): number {
  const birth = toCalendarDate(birthDate);
  const on = toCalendarDate(onDate);
  const hadBirthdayThisYear = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (hadBirthdayThisYear ? 0 : 1);
}

/** School age as in "Anak Tidak Sekolah": 7–18 inclusive (domain-indonesia.md §5). */
export function isSchoolAge(age: number): boolean {
  return Number.isInteger(age) && age >= SCHOOL_AGE_MIN && age <= SCHOOL_AGE_MAX;
}

export function monthName(month: number): string {
  return requireMonth(MONTH_NAMES_ID[month - 1], month);
}

export function monthShortName(month: number): string {
  return requireMonth(MONTH_SHORT_NAMES_ID[month - 1], month);
}

function requireMonth(name: string | undefined, month: number): string {
  if (name === undefined) throw new RangeError(`Month must be 1–12, got ${month}`);
  return name;
}

function jakartaShiftedMs(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid Date");
  return ms + JAKARTA_OFFSET_MS;
}

function pad2(value: number): string {
  return String(value).padStart(2, "0");
}

/** The instant `seconds` later (earlier when negative): session and throttle deadlines. */
export function secondsAfter(instant: Date, seconds: number): Date {
  return new Date(instant.getTime() + seconds * 1000);
}
