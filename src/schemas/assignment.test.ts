import { describe, expect, it } from "vitest";
import { bulkAssignSchema, confirmProposalSchema, unassignedFilterSchema } from "./assignment";

const id = "7d3f8a9e-2b1c-4d5e-8f6a-0b1c2d3e4f5a";

describe("bulkAssignSchema", () => {
  it("normalises the NIP and needs at least one family", () => {
    const ok = bulkAssignSchema.parse({ asnNip: "19860926 201505 1 001", householdIds: [id] });
    expect(ok).toMatchObject({ asnNip: "198609262015051001", allowOverQuota: false, reason: null });
    const none = bulkAssignSchema.safeParse({ asnNip: "198609262015051001", householdIds: [] });
    expect(none.error?.issues[0]?.message).toBe("Pilih minimal satu keluarga.");
    const badNip = bulkAssignSchema.safeParse({ asnNip: "123", householdIds: [id] });
    expect(badNip.error?.issues[0]?.message).toMatch(/18 digit/);
    const badId = bulkAssignSchema.safeParse({ asnNip: "198609262015051001", householdIds: ["x"] });
    expect(badId.error?.issues[0]?.message).toBe("Keluarga tidak dikenal.");
  });
});

describe("confirmProposalSchema", () => {
  it("needs at least one ticked row", () => {
    expect(confirmProposalSchema.safeParse({ rows: [] }).error?.issues[0]?.message).toBe(
      "Centang minimal satu baris usulan.",
    );
  });
});

describe("unassignedFilterSchema", () => {
  it("ignores malformed region codes", () => {
    expect(unassignedFilterSchema.parse({ kecamatan: "35.10.09", desa: "drop table" })).toEqual({
      kecamatan: "35.10.09",
      desa: undefined,
      halaman: 1,
    });
  });
});
