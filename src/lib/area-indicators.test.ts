import { describe, expect, it } from "vitest";
import { AREA_INDICATORS, classBreaks, isAreaIndicator, ratio } from "./area-indicators";

const area = {
  targetFamilies: 40,
  fosteredFamilies: 30,
  participatingAsn: 8,
  reportsFiled: 27,
  deliveredRupiah: 810_000,
  openFollowUps: 6,
};

describe("area indicators", () => {
  it("computes coverage, compliance, aid and follow-up density", () => {
    expect(AREA_INDICATORS.cakupan.value(area)).toBe(75);
    expect(AREA_INDICATORS.kepatuhan.value(area)).toBe(90);
    expect(AREA_INDICATORS.bantuan.value(area)).toBe(810_000);
    expect(AREA_INDICATORS["tindak-lanjut"].value(area)).toBe(15);
  });

  it("has no value where there is nothing to divide by", () => {
    const empty = { ...area, targetFamilies: 0, fosteredFamilies: 0 };
    expect(AREA_INDICATORS.cakupan.value(empty)).toBeNull();
    expect(AREA_INDICATORS.kepatuhan.value(empty)).toBeNull();
    expect(AREA_INDICATORS["tindak-lanjut"].value(empty)).toBeNull();
    expect(ratio(1, 0)).toBeNull();
  });

  it("recognises only known indicator keys", () => {
    expect(isAreaIndicator("kepatuhan")).toBe(true);
    expect(isAreaIndicator("toString")).toBe(false);
    expect(isAreaIndicator(null)).toBe(false);
  });
});

describe("classBreaks", () => {
  it("splits the range into five classes and leaves missing values unclassed", () => {
    const classOf = classBreaks([0, 25, 50, 75, 100, null]);
    expect([0, 19, 20, 50, 99, 100].map(classOf)).toEqual([0, 0, 1, 2, 4, 4]);
    expect(classOf(null)).toBeNull();
  });

  it("puts equal values in the top class", () => {
    expect(classBreaks([5, 5])(5)).toBe(4);
  });
});
