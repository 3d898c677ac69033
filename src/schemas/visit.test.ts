import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/action-result";
import { visitReportSchema, type VisitReportInput } from "./visit";

const member = "5b0b3f0e-8a43-4a55-9d64-2f6a1c1d0a01";

function valid(overrides: Partial<VisitReportInput> = {}): VisitReportInput {
  return {
    householdId: "0f8fad5b-d9cb-469f-a165-70867728950e",
    periodKey: "2026-W48",
    idempotencyKey: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
    visitDate: "2026-11-25",
    delivered: true,
    items: [{ name: "Telur", quantity: 1, unit: "kg", valueRupiah: 28_000 }],
    notDeliveredReason: null,
    livingAlone: { anyoneAlone: false, hasCaregiver: null },
    members: [
      {
        memberId: member,
        presence: "PRESENT",
        health: "HEALTHY",
        chronicDisease: null,
        disability: null,
        jkn: "PBI",
        school: null,
      },
    ],
    aid: [],
    house: { floor: 2, wall: 1, roof: 2, drinkingWater: 4, sanitation: 1, electricity: 1, floorAreaM2: null },
    changes: { familyMoved: false, familyNotFound: false, newMember: false },
    notes: null,
    location: null,
    ...overrides,
  };
}

function errorsOf(input: unknown): Record<string, string[]> {
  const result = visitReportSchema.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe("visitReportSchema", () => {
  it("accepts a complete report and parses Rupiah typed with dots", () => {
    const parsed = visitReportSchema.parse(
      valid({ items: [{ name: "Ayam", quantity: 1.5, unit: "kg", valueRupiah: "Rp45.000" as never }] }),
    );
    expect(parsed.items[0]).toEqual({ name: "Ayam", quantity: 1.5, unit: "kg", valueRupiah: 45_000 });
  });

  it.each([
    ["a negative quantity", { quantity: -1 }, "items.0.quantity", "lebih dari 0"],
    ["an absurd quantity", { quantity: 50_000 }, "items.0.quantity", "terlalu besar"],
    ["a negative value", { valueRupiah: -5 }, "items.0.valueRupiah", "negatif"],
    ["an absurd value", { valueRupiah: 900_000_000 }, "items.0.valueRupiah", "terlalu besar"],
    ["a value with cents", { valueRupiah: "25.000,50" }, "items.0.valueRupiah", "Rupiah bulat"],
    ["a missing item name", { name: " " }, "items.0.name", "wajib"],
  ])("rejects %s with an Indonesian message", (_, itemOverrides, path, text) => {
    const errors = errorsOf(
      valid({
        items: [{ name: "Telur", quantity: 1, unit: "kg", valueRupiah: 28_000, ...itemOverrides } as never],
      }),
    );
    expect(errors[path]?.[0]).toContain(text);
  });

  it("asks for an item when delivered and a reason when not", () => {
    expect(errorsOf(valid({ items: [] })).items?.[0]).toContain("minimal satu barang");
    expect(errorsOf(valid({ delivered: false, items: [] })).notDeliveredReason?.[0]).toContain("alasan");
    expect(
      errorsOf(valid({ delivered: false, items: [], notDeliveredReason: "Keluarga tidak di rumah" })),
    ).toEqual({});
  });

  it("requires the caregiver answer when someone lives alone, and house answers unless the family is gone", () => {
    expect(
      errorsOf(valid({ livingAlone: { anyoneAlone: true, hasCaregiver: null } }))["livingAlone.hasCaregiver"],
    ).toBeDefined();
    expect(errorsOf(valid({ house: null })).house?.[0]).toContain("kondisi rumah");
    expect(
      errorsOf(
        valid({ house: null, changes: { familyMoved: false, familyNotFound: true, newMember: false } }),
      ),
    ).toEqual({});
  });

  it("rejects unknown house codes and missing member answers", () => {
    const errors = errorsOf(
      valid({
        house: {
          floor: 42,
          wall: 1,
          roof: 2,
          drinkingWater: 4,
          sanitation: 1,
          electricity: 1,
          floorAreaM2: null,
        },
      }),
    );
    expect(errors["house.floor"]?.[0]).toBe("Pilih jenis lantai.");
    const chronic = errorsOf(
      valid({
        members: [
          {
            memberId: member,
            presence: "PRESENT",
            health: "CHRONIC",
            chronicDisease: null,
            disability: null,
            jkn: null,
            school: null,
          },
        ],
      }),
    );
    expect(chronic["members.0.chronicDisease"]?.[0]).toContain("penyakit");
    expect(chronic["members.0.jkn"]?.[0]).toContain("JKN");
  });

  it("rejects malformed dates, periods and keys", () => {
    expect(errorsOf(valid({ visitDate: "25/11/2026" })).visitDate).toBeDefined();
    expect(errorsOf(valid({ periodKey: "2026-W99" })).periodKey).toBeDefined();
    expect(errorsOf(valid({ idempotencyKey: "1" })).idempotencyKey).toBeDefined();
  });
});
