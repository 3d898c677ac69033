import { describe, expect, it } from "vitest";
import { formatRupiah, MAX_RUPIAH_INPUT, parseRupiah } from "./money";

describe("formatRupiah", () => {
  it.each([
    [25000, "Rp25.000"],
    [0, "Rp0"],
    [999, "Rp999"],
    [1000, "Rp1.000"],
    [1234567, "Rp1.234.567"],
    [1_000_000_000, "Rp1.000.000.000"],
    [-25000, "-Rp25.000"],
  ])("formats %d as %s", (amount, text) => {
    expect(formatRupiah(amount)).toBe(text);
  });

  it("rounds fractions to whole Rupiah and never shows -Rp0", () => {
    expect(formatRupiah(2499.5)).toBe("Rp2.500");
    expect(formatRupiah(-0.4)).toBe("Rp0");
    expect(formatRupiah(-0)).toBe("Rp0");
  });

  it("refuses non-finite amounts", () => {
    expect(() => formatRupiah(Number.NaN)).toThrow(RangeError);
    expect(() => formatRupiah(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("parseRupiah", () => {
  it.each([
    ["25000", 25000],
    ["25.000", 25000],
    ["Rp 25.000", 25000],
    ["Rp25.000", 25000],
    ["Rp25.000,-", 25000],
    ["Rp. 25.000", 25000],
    ["rp25000", 25000],
    ["Rp25.000,00", 25000],
    ["  1.250.000  ", 1250000],
    ["0", 0],
    ["1.000.000.000", MAX_RUPIAH_INPUT],
  ])("reads %j as %d", (input, amount) => {
    expect(parseRupiah(input)).toBe(amount);
  });

  it.each([
    "",
    "Rp",
    "25.000,50",
    "25000,5",
    "-25000",
    "Rp-25.000",
    "-Rp25.000",
    "25rb",
    "dua puluh ribu",
    "25,000",
    "2.50",
    "25.00",
    "2.5000",
    ".500",
    "1.000.000.001",
    "99999999999999999999",
  ])("rejects %j", (input) => {
    expect(parseRupiah(input)).toBeNull();
  });

  it("reads back what formatRupiah writes", () => {
    for (const amount of [0, 7, 25000, 1_234_567, MAX_RUPIAH_INPUT]) {
      expect(parseRupiah(formatRupiah(amount))).toBe(amount);
    }
  });
});
