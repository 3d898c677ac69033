import { describe, expect, it } from "vitest";
import { neutraliseFormula } from "./spreadsheet-safety";

describe("neutraliseFormula", () => {
  it.each(['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])("defuses %j", (input) => {
    expect(neutraliseFormula(input)).toBe(`'${input}`);
  });

  it("leaves ordinary text, numbers and negative numbers alone", () => {
    expect(neutraliseFormula("Budi Santoso")).toBe("Budi Santoso");
    expect(neutraliseFormula(-5)).toBe(-5);
    expect(neutraliseFormula(12.5)).toBe(12.5);
    expect(neutraliseFormula(null)).toBeNull();
  });
});
