import { describe, expect, it } from "vitest";
import {
  dateOnlyToPeriodKey,
  isoWeeksInYear,
  nextPeriodKey,
  parsePeriodKey,
  periodIndexSince,
  periodKeyOf,
  periodKeysBack,
  periodLabel,
  periodRange,
  previousPeriodKey,
  todayInJakarta,
} from "./period";

describe("periodKeyOf around WIB midnight", () => {
  it("switches weeks at Monday 00:00 WIB (Sunday 17:00 UTC)", () => {
    expect(periodKeyOf(new Date("2026-11-29T16:59:59Z"), "WEEKLY")).toBe("2026-W48");
    expect(periodKeyOf(new Date("2026-11-29T17:00:00Z"), "WEEKLY")).toBe("2026-W49");
  });

  it("switches months at the 1st 00:00 WIB", () => {
    expect(periodKeyOf(new Date("2026-11-30T16:59:59.999Z"), "MONTHLY")).toBe("2026-11");
    expect(periodKeyOf(new Date("2026-11-30T17:00:00Z"), "MONTHLY")).toBe("2026-12");
    expect(periodKeyOf(new Date("2026-12-31T17:00:00Z"), "MONTHLY")).toBe("2027-01");
  });

  it("uses the WIB date even when UTC is still on the previous day", () => {
    // 2027-01-03T17:30Z is Monday 4 January 00:30 WIB.
    expect(periodKeyOf(new Date("2027-01-03T17:30:00Z"), "WEEKLY")).toBe("2027-W01");
  });
});

describe("dateOnlyToPeriodKey and ISO week-years", () => {
  it.each([
    ["2026-11-23", "2026-W48"],
    ["2026-11-29", "2026-W48"],
    ["2026-12-31", "2026-W53"],
    ["2027-01-01", "2026-W53"],
    ["2027-01-03", "2026-W53"],
    ["2027-01-04", "2027-W01"],
    ["2024-12-30", "2025-W01"],
    ["2021-01-03", "2020-W53"],
    ["2026-01-01", "2026-W01"],
  ])("puts %s in week %s", (date, key) => {
    expect(dateOnlyToPeriodKey(date, "WEEKLY")).toBe(key);
  });

  it("gives the calendar month for MONTHLY", () => {
    expect(dateOnlyToPeriodKey("2027-01-01", "MONTHLY")).toBe("2027-01");
  });

  it("rejects a malformed date", () => {
    expect(() => dateOnlyToPeriodKey("2026-02-30", "WEEKLY")).toThrow(RangeError);
  });

  it("counts 53 ISO weeks only when 1 Jan is Thursday (or Wednesday in a leap year)", () => {
    expect([2015, 2020, 2021, 2025, 2026, 2027, 2032].map(isoWeeksInYear)).toEqual([
      53, 53, 52, 52, 53, 52, 53,
    ]);
  });
});

describe("parsePeriodKey", () => {
  it("parses valid keys", () => {
    expect(parsePeriodKey("2026-W48")).toEqual({ cadence: "WEEKLY", key: "2026-W48", year: 2026, week: 48 });
    expect(parsePeriodKey("2026-11")).toEqual({ cadence: "MONTHLY", key: "2026-11", year: 2026, month: 11 });
    expect(parsePeriodKey("2020-W53")).not.toBeNull();
    expect(parsePeriodKey("2026-W53")).not.toBeNull();
  });

  it.each(["2026-W54", "2026-W00", "2021-W53", "2027-W53", "2026-13", "2026-00", "2026-W5", "2026-w48"])(
    "rejects %s",
    (key) => {
      expect(parsePeriodKey(key)).toBeNull();
    },
  );

  it.each(["", " 2026-W48", "2026-11-01", "26-11", "0999-01", "2026-1"])("rejects malformed %j", (key) => {
    expect(parsePeriodKey(key)).toBeNull();
  });
});

describe("periodRange", () => {
  it("gives WIB boundaries of a week as UTC instants", () => {
    expect(periodRange("2026-W48")).toEqual({
      start: new Date("2026-11-22T17:00:00Z"),
      end: new Date("2026-11-29T17:00:00Z"),
      firstDay: "2026-11-23",
      lastDay: "2026-11-29",
    });
  });

  it("spans the year for week 53", () => {
    expect(periodRange("2026-W53")).toMatchObject({ firstDay: "2026-12-28", lastDay: "2027-01-03" });
  });

  it("gives month boundaries, including leap February", () => {
    expect(periodRange("2028-02")).toEqual({
      start: new Date("2028-01-31T17:00:00Z"),
      end: new Date("2028-02-29T17:00:00Z"),
      firstDay: "2028-02-01",
      lastDay: "2028-02-29",
    });
    expect(periodRange("2026-12").end).toEqual(new Date("2026-12-31T17:00:00Z"));
  });

  it("tiles time without gaps: each end is the next start and maps back to its key", () => {
    for (const cadence of ["WEEKLY", "MONTHLY"] as const) {
      let key = periodKeyOf(new Date("2019-12-20T00:00:00Z"), cadence);
      for (let i = 0; i < 450; i++) {
        const { start, end } = periodRange(key);
        const next = nextPeriodKey(key);
        expect(periodKeyOf(start, cadence)).toBe(key);
        expect(periodKeyOf(new Date(end.getTime() - 1), cadence)).toBe(key);
        expect(periodRange(next).start).toEqual(end);
        if (cadence === "WEEKLY") expect(end.getTime() - start.getTime()).toBe(7 * 86_400_000);
        key = next;
      }
    }
  });

  it("throws on an invalid key", () => {
    expect(() => periodRange("2026-W54")).toThrow(RangeError);
  });
});

describe("previous/next and periodKeysBack", () => {
  it("steps across ISO week-year boundaries", () => {
    expect(nextPeriodKey("2026-W52")).toBe("2026-W53");
    expect(nextPeriodKey("2026-W53")).toBe("2027-W01");
    expect(previousPeriodKey("2027-W01")).toBe("2026-W53");
    expect(previousPeriodKey("2026-W01")).toBe("2025-W52");
    expect(previousPeriodKey("2021-W01")).toBe("2020-W53");
  });

  it("steps across months and years", () => {
    expect(nextPeriodKey("2026-12")).toBe("2027-01");
    expect(previousPeriodKey("2027-01")).toBe("2026-12");
    expect(nextPeriodKey("2026-09")).toBe("2026-10");
  });

  it("lists n keys ending at key, oldest first", () => {
    expect(periodKeysBack("2027-W02", 3)).toEqual(["2026-W53", "2027-W01", "2027-W02"]);
    expect(periodKeysBack("2027-02", 4)).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
    expect(periodKeysBack("2026-11", 1)).toEqual(["2026-11"]);
    expect(periodKeysBack("2026-11", 0)).toEqual([]);
  });

  it("rejects a bad n or key", () => {
    expect(() => periodKeysBack("2026-11", -1)).toThrow(RangeError);
    expect(() => periodKeysBack("2026-11", 1.5)).toThrow(RangeError);
    expect(() => periodKeysBack("2026-13", 0)).toThrow(RangeError);
  });
});

describe("periodLabel", () => {
  it.each([
    ["2026-W48", "Minggu ke-48 2026 (23–29 Nov)"],
    ["2026-W49", "Minggu ke-49 2026 (30 Nov–6 Des)"],
    ["2026-W53", "Minggu ke-53 2026 (28 Des 2026–3 Jan 2027)"],
    ["2027-W01", "Minggu ke-1 2027 (4–10 Jan)"],
    ["2026-11", "November 2026"],
    ["2027-08", "Agustus 2027"],
  ])("labels %s as %s", (key, label) => {
    expect(periodLabel(key)).toBe(label);
  });
});

describe("periodIndexSince", () => {
  it("numbers periods from 1 at the start, across week 53", () => {
    expect(periodIndexSince("2026-W48", "2026-W48")).toBe(1);
    expect(periodIndexSince("2026-W48", "2026-W49")).toBe(2);
    expect(periodIndexSince("2026-W48", "2027-W01")).toBe(7);
    expect(periodIndexSince("2025-W01", "2026-W01")).toBe(53);
  });

  it("numbers months across years", () => {
    expect(periodIndexSince("2026-11", "2027-02")).toBe(4);
    expect(periodIndexSince("2026-11", "2027-11")).toBe(13);
  });

  it("is zero or negative before the start", () => {
    expect(periodIndexSince("2026-W48", "2026-W47")).toBe(0);
    expect(periodIndexSince("2026-11", "2026-09")).toBe(-1);
  });

  it("refuses to mix cadences", () => {
    expect(() => periodIndexSince("2026-11", "2026-W48")).toThrow(RangeError);
  });
});

describe("todayInJakarta", () => {
  it("gives the WIB calendar day", () => {
    expect(todayInJakarta(new Date("2026-11-29T16:59:59Z"))).toBe("2026-11-29");
    expect(todayInJakarta(new Date("2026-11-29T17:00:00Z"))).toBe("2026-11-30");
  });

  it("defaults to now", () => {
    expect(todayInJakarta()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
