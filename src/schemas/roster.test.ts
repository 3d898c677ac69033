import { describe, expect, it } from "vitest";
import { asnUpdateSchema, normaliseMobilePhone, rosterFilterSchema } from "./roster";

const base = {
  nip: "198609262015051001",
  name: "Agus Prasetyo",
  opdId: "3",
  position: "",
  phone: "",
  quota: "",
  workKecamatanCode: "",
  homeKecamatanCode: "",
};

describe("normaliseMobilePhone", () => {
  it("accepts Indonesian mobile numbers in the usual spellings", () => {
    expect(normaliseMobilePhone("0812 3456 7890")).toBe("081234567890");
    expect(normaliseMobilePhone("+62 812-3456-789")).toBe("08123456789");
    expect(normaliseMobilePhone("6285712345678")).toBe("085712345678");
  });

  it("rejects landlines and wrong lengths", () => {
    expect(normaliseMobilePhone("0333 424 123")).toBeNull();
    expect(normaliseMobilePhone("0812")).toBeNull();
    expect(normaliseMobilePhone("08123456789012345")).toBeNull();
  });
});

describe("asnUpdateSchema", () => {
  it("infers PNS or PPPK from the number and turns empty optionals into null", () => {
    const pns = asnUpdateSchema.parse(base);
    expect(pns).toMatchObject({ nip: { employmentType: "PNS" }, quota: null, phone: null, position: null });
    const pppk = asnUpdateSchema.parse({ ...base, nip: "202301012023211001" });
    expect(pppk.nip.employmentType).toBe("PPPK");
  });

  it("rejects a bad NIP, a negative or fractional quota, an unknown OPD value and a bad kecamatan code", () => {
    const messages = (over: Record<string, string>) =>
      asnUpdateSchema.safeParse({ ...base, ...over }).error?.issues.map((i) => i.message) ?? [];
    expect(messages({ nip: "1986" })[0]).toMatch(/18 digit/);
    expect(messages({ nip: "000000000000000000" })[0]).toMatch(/angka 0 semua/);
    expect(messages({ quota: "-2" })).toEqual(["Kuota tidak boleh kurang dari 0."]);
    expect(messages({ quota: "1.5" })).toEqual(["Kuota harus bilangan bulat."]);
    expect(messages({ opdId: "" })).toEqual(["Pilih OPD."]);
    expect(messages({ workKecamatanCode: "Genteng" })).toEqual(["Kecamatan tempat kerja tidak dikenal."]);
    expect(asnUpdateSchema.parse({ ...base, quota: "0" }).quota).toBe(0);
  });
});

describe("rosterFilterSchema", () => {
  it("falls back to defaults on bad URL values", () => {
    expect(rosterFilterSchema.parse({ status: "x", halaman: "-3", opd: "abc" })).toEqual({
      q: undefined,
      opd: undefined,
      status: "aktif",
      halaman: 1,
    });
  });
});
