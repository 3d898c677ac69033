import { describe, expect, it } from "vitest";
import { menuItemFor, menuSlotOf } from "./menu";

const rotation = [
  { position: 2, name: "Ayam" },
  { position: 1, name: "Telur" },
  { position: 3, name: "Ikan" },
  { position: 4, name: "Tahu dan tempe" },
];

describe("menuSlotOf", () => {
  it("numbers a week by its Thursday's week of the month", () => {
    // 2026-W48 runs Mon 23 Nov – Sun 29 Nov; Thursday 26 Nov → week 4 of November.
    expect(menuSlotOf("2026-W48")).toEqual({ slot: 4, label: "Minggu ke-4 November" });
    // 2026-W49: Thursday 3 Dec → week 1 of December.
    expect(menuSlotOf("2026-W49")).toEqual({ slot: 1, label: "Minggu ke-1 Desember" });
    // 2026-W44: Mon 26 Oct – Sun 1 Nov; Thursday 29 Oct → week 5 of October.
    expect(menuSlotOf("2026-W44")).toEqual({ slot: 5, label: "Minggu ke-5 Oktober" });
    // A week across the new year belongs to the month of its Thursday: 2026-W53 → Thu 31 Dec.
    expect(menuSlotOf("2026-W53").label).toBe("Minggu ke-5 Desember");
  });

  it("uses the month for monthly periods", () => {
    expect(menuSlotOf("2026-11")).toEqual({ slot: 11, label: "November 2026" });
  });

  it("rejects unknown keys", () => {
    expect(() => menuSlotOf("2026-W60")).toThrow(RangeError);
  });
});

describe("menuItemFor", () => {
  it("walks the rotation by position and wraps around", () => {
    expect(menuItemFor("2026-W49", rotation)?.name).toBe("Telur");
    expect(menuItemFor("2026-W50", rotation)?.name).toBe("Ayam");
    expect(menuItemFor("2026-W48", rotation)?.name).toBe("Tahu dan tempe");
    expect(menuItemFor("2026-W44", rotation)?.name).toBe("Telur");
    expect(menuItemFor("2026-11", rotation)?.name).toBe("Ikan");
  });

  it("is null without a menu", () => {
    expect(menuItemFor("2026-W48", [])).toBeNull();
  });
});
