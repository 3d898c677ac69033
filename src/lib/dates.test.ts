import { describe, expect, it } from "vitest";
import {
  ageOn,
  formatDate,
  formatDateShort,
  formatDateTime,
  isoWeekdayOf,
  isSchoolAge,
  jakartaStartOfDay,
  parseDateOnly,
  SCHOOL_AGE_MAX,
  SCHOOL_AGE_MIN,
  secondsAfter,
  utcMidnightOf,
} from "./dates";

describe("formatDate / formatDateShort", () => {
  it("formats a date-only string in Indonesian", () => {
    expect(formatDate("2026-11-29")).toBe("29 November 2026");
    expect(formatDateShort("2026-11-29")).toBe("29 Nov 2026");
    expect(formatDate("2027-01-01")).toBe("1 Januari 2027");
    expect(formatDateShort("1945-08-17")).toBe("17 Agu 1945");
    expect(formatDateShort("2026-12-05")).toBe("5 Des 2026");
  });

  it("reads a Prisma @db.Date (UTC midnight) as the same day", () => {
    expect(formatDate(new Date("1986-09-26T00:00:00Z"))).toBe("26 September 1986");
  });

  it("reads an instant on the WIB calendar around midnight", () => {
    expect(formatDate(new Date("2026-11-29T16:59:59Z"))).toBe("29 November 2026");
    expect(formatDate(new Date("2026-11-29T17:00:00Z"))).toBe("30 November 2026");
    expect(formatDateShort(new Date("2026-12-31T17:00:00Z"))).toBe("1 Jan 2027");
  });

  it("rejects malformed or impossible dates", () => {
    expect(() => formatDate("2026-02-29")).toThrow(RangeError);
    expect(() => formatDate("29-11-2026")).toThrow(RangeError);
    expect(() => formatDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("formatDateTime", () => {
  it("shows WIB time with the Indonesian dot separator", () => {
    expect(formatDateTime(new Date("2026-11-29T07:05:00Z"))).toBe("29 Nov 2026 14.05 WIB");
  });

  it("crosses midnight and the year at 17:00 UTC", () => {
    expect(formatDateTime(new Date("2026-12-31T16:59:00Z"))).toBe("31 Des 2026 23.59 WIB");
    expect(formatDateTime(new Date("2026-12-31T17:00:00Z"))).toBe("1 Jan 2027 00.00 WIB");
  });
});

describe("agreement with the runtime's id-ID / Asia/Jakarta formatting (full ICU)", () => {
  const instants = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2026, i, 15, 16, 59 + i)));

  it("matches Intl for long and short dates and the time", () => {
    const long = new Intl.DateTimeFormat("id-ID", {
      timeZone: "Asia/Jakarta",
      day: "numeric",
      month: "long",
      year: "numeric",
    });
    const short = new Intl.DateTimeFormat("id-ID", {
      timeZone: "Asia/Jakarta",
      day: "numeric",
      month: "short",
      year: "numeric",
    });
    const time = new Intl.DateTimeFormat("id-ID", {
      timeZone: "Asia/Jakarta",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    for (const instant of instants) {
      expect(formatDate(instant)).toBe(long.format(instant));
      expect(formatDateShort(instant)).toBe(short.format(instant));
      expect(formatDateTime(instant)).toBe(`${short.format(instant)} ${time.format(instant)} WIB`);
    }
  });
});

describe("ageOn", () => {
  it("counts whole years, turning older on the birthday itself", () => {
    expect(ageOn("2010-07-15", "2026-07-14")).toBe(15);
    expect(ageOn("2010-07-15", "2026-07-15")).toBe(16);
    expect(ageOn("2010-07-15", "2026-12-31")).toBe(16);
    expect(ageOn("2010-07-15", "2010-07-15")).toBe(0);
  });

  it("lets someone born on 29 February turn older on 1 March in common years", () => {
    expect(ageOn("2008-02-29", "2027-02-28")).toBe(18);
    expect(ageOn("2008-02-29", "2027-03-01")).toBe(19);
    expect(ageOn("2008-02-29", "2028-02-28")).toBe(19);
    expect(ageOn("2008-02-29", "2028-02-29")).toBe(20);
  });

  it("is negative before the birth date", () => {
    expect(ageOn("2026-11-30", "2026-11-29")).toBe(-1);
  });

  it("reads Date arguments on the WIB calendar", () => {
    const birth = new Date("2010-11-29T00:00:00Z");
    expect(ageOn(birth, new Date("2026-11-28T16:59:59Z"))).toBe(15);
    expect(ageOn(birth, new Date("2026-11-28T17:00:00Z"))).toBe(16);
  });
});

describe("isSchoolAge", () => {
  it("covers 7 to 18 inclusive", () => {
    expect([SCHOOL_AGE_MIN, SCHOOL_AGE_MAX]).toEqual([7, 18]);
    expect([6, 7, 12, 18, 19].map(isSchoolAge)).toEqual([false, true, true, true, false]);
  });

  it("rejects non-whole and non-numbers", () => {
    expect(isSchoolAge(7.5)).toBe(false);
    expect(isSchoolAge(Number.NaN)).toBe(false);
  });
});

describe("calendar primitives", () => {
  it("parses only strict existing YYYY-MM-DD dates", () => {
    expect(parseDateOnly("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseDateOnly("2000-02-29")).toEqual({ year: 2000, month: 2, day: 29 });
    expect(parseDateOnly("1900-02-29")).toBeNull();
    expect(parseDateOnly("2026-04-31")).toBeNull();
    expect(parseDateOnly("2026-13-01")).toBeNull();
    expect(parseDateOnly("2026-1-01")).toBeNull();
    expect(parseDateOnly("0999-01-01")).toBeNull();
    expect(parseDateOnly(" 2026-11-29")).toBeNull();
  });

  it("numbers ISO weekdays from Monday = 1", () => {
    expect(isoWeekdayOf({ year: 2026, month: 11, day: 23 })).toBe(1);
    expect(isoWeekdayOf({ year: 2026, month: 11, day: 29 })).toBe(7);
    expect(isoWeekdayOf({ year: 1969, month: 12, day: 31 })).toBe(3);
  });

  it("starts a WIB day at 17:00 UTC the day before", () => {
    expect(jakartaStartOfDay({ year: 2027, month: 1, day: 1 }).toISOString()).toBe(
      "2026-12-31T17:00:00.000Z",
    );
  });

  it("keeps two-digit years as written", () => {
    expect(utcMidnightOf({ year: 26, month: 3, day: 1 }).getUTCFullYear()).toBe(26);
  });
});

describe("secondsAfter", () => {
  it("moves an instant by whole seconds either way", () => {
    const t = new Date("2026-11-30T01:00:00.000Z");
    expect(secondsAfter(t, 900).toISOString()).toBe("2026-11-30T01:15:00.000Z");
    expect(secondsAfter(t, -1800).toISOString()).toBe("2026-11-30T00:30:00.000Z");
  });
});
