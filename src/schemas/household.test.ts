import { describe, expect, it } from "vitest";
import {
  householdUpdateSchema,
  identitySearchSchema,
  memberSchema,
  parseRegistryQuery,
  statusChangeSchema,
} from "./household";

const HOUSEHOLD_ID = "4b0e7f5e-8d43-4a5e-9a3c-2f1d8c6b7a90";

const validHousehold = {
  householdId: HOUSEHOLD_ID,
  desaCode: "35.10.09.2001",
  dusun: "Krajan",
  rt: "3",
  rw: "012",
  street: "",
  latitude: "-8,2143",
  longitude: "114.3651",
  desil: "1",
  category: "MISKIN",
};

// 3510 01 | 17 05 80 | 0012: a man born 17 May 1980.
const validMember = {
  householdId: HOUSEHOLD_ID,
  memberId: "",
  nik: "3510 0117 0580 0012",
  name: " Budi Santoso ",
  sex: "MALE",
  birthDate: "1980-05-17",
  relationship: "HEAD",
  schoolParticipation: "",
  disability: "",
  chronicIllness: "",
  jknStatus: "PBI",
  status: "PRESENT",
};

function errors(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("householdUpdateSchema", () => {
  it("pads RT/RW, reads Indonesian decimals and turns empty fields into null", () => {
    const parsed = householdUpdateSchema.parse(validHousehold);
    expect(parsed).toMatchObject({
      rt: "003",
      rw: "012",
      street: null,
      latitude: -8.2143,
      longitude: 114.3651,
    });
    expect(parsed.desil).toBe(1);
  });

  it("explains bad RT, desil, coordinates and a missing desa in Indonesian", () => {
    const result = householdUpdateSchema.safeParse({
      ...validHousehold,
      rt: "12a",
      rw: "0",
      desil: "11",
      latitude: "8,2",
      longitude: "abc",
      desaCode: "",
    });
    expect(result.success).toBe(false);
    const e = errors(result);
    expect(e.rt).toBe("RT harus 1–3 digit angka, misalnya 003.");
    expect(e.rw).toBe("RW tidak boleh 000.");
    expect(e.desil).toBe("Desil harus 1–10.");
    expect(e.latitude).toMatch(/di luar wilayah Kabupaten Banyuwangi/);
    expect(e.longitude).toMatch(/harus angka desimal/);
    expect(e.desaCode).toBe("Pilih desa/kelurahan.");
  });

  it("wants both coordinates or neither", () => {
    const e = errors(householdUpdateSchema.safeParse({ ...validHousehold, longitude: "" }));
    expect(e.longitude).toBe("Isi lintang dan bujur sekaligus, atau kosongkan keduanya.");
    expect(householdUpdateSchema.safeParse({ ...validHousehold, latitude: "", longitude: "" }).success).toBe(
      true,
    );
  });
});

describe("memberSchema", () => {
  it("accepts a consistent member, normalising the NIK and trimming the name", () => {
    const parsed = memberSchema.parse(validMember);
    expect(parsed.nik).toBe("3510011705800012");
    expect(parsed.name).toBe("Budi Santoso");
    expect(parsed.memberId).toBeNull();
    expect(parsed.schoolParticipation).toBeNull();
  });

  it("rejects a malformed NIK and one that contradicts sex or birth date", () => {
    expect(errors(memberSchema.safeParse({ ...validMember, nik: "35100117058000" })).nik).toMatch(
      /harus 16 digit/,
    );
    expect(errors(memberSchema.safeParse({ ...validMember, sex: "FEMALE" })).nik).toMatch(
      /Jenis kelamin tidak cocok dengan NIK/,
    );
    expect(errors(memberSchema.safeParse({ ...validMember, birthDate: "1980-05-18" })).nik).toMatch(
      /Tanggal lahir tidak cocok dengan NIK/,
    );
  });

  it("requires name, a known relationship and a real, past birth date", () => {
    const e = errors(
      memberSchema.safeParse({ ...validMember, name: "  ", relationship: "BOSS", birthDate: "2999-01-01" }),
    );
    expect(e.name).toBe("Nama wajib diisi.");
    expect(e.relationship).toBe("Pilih hubungan dengan kepala keluarga.");
    expect(e.birthDate).toBe("Tanggal lahir tidak boleh di masa depan.");
  });
});

describe("statusChangeSchema and identitySearchSchema", () => {
  it("requires a reason for a status change", () => {
    const e = errors(
      statusChangeSchema.safeParse({ householdId: HOUSEHOLD_ID, status: "MOVED", reason: " " }),
    );
    expect(e.reason).toBe("Alasan wajib diisi (minimal 5 karakter).");
  });

  it("accepts 16 digits with separators for the number search, nothing else", () => {
    expect(identitySearchSchema.parse({ nomor: "3510-0117 0580.0012" }).nomor).toBe("3510011705800012");
    expect(identitySearchSchema.safeParse({ nomor: "351001170580001" }).success).toBe(false);
    expect(identitySearchSchema.safeParse({ nomor: "Budi" }).success).toBe(false);
  });
});

describe("parseRegistryQuery", () => {
  it("reads the URL filters and page", () => {
    const q = parseRegistryQuery({
      nama: " budi ",
      kecamatan: "35.10.09",
      desa: "35.10.09.2001",
      desil: "1",
      kategori: "MISKIN",
      status: "ACTIVE",
      penugasan: "belum",
      asn: "1986 0926 2015 05 1 001",
      halaman: "3",
      nomor: "abcdefghijklmnopqrstuv",
    });
    expect(q.filters).toEqual({
      name: "budi",
      kecamatanCode: "35.10.09",
      desaCode: "35.10.09.2001",
      desil: 1,
      category: "MISKIN",
      status: "ACTIVE",
      assigned: "belum",
      asn: "198609262015051001",
      identityNumber: null,
    });
    expect(q.page).toBe(3);
    expect(q.searchToken).toBe("abcdefghijklmnopqrstuv");
    expect(q.warnings).toEqual([]);
  });

  it("drops bad values with warnings, refuses digits as a name and a desa outside the kecamatan", () => {
    const q = parseRegistryQuery({
      nama: "3510011705800012",
      kecamatan: "35.10.05",
      desa: "35.10.09.2001",
      desil: "0",
      status: "GONE",
      halaman: "-1",
      nomor: "short",
    });
    expect(q.filters.name).toBeNull();
    expect(q.filters.desaCode).toBeNull();
    expect(q.filters.desil).toBeNull();
    expect(q.filters.status).toBeNull();
    expect(q.page).toBe(1);
    expect(q.searchToken).toBeNull();
    expect(q.warnings).toContain("Nama tidak boleh berisi angka. Untuk NIK/No KK gunakan pencarian nomor.");
  });

  it("ignores values with control characters (PostgreSQL cannot compare U+0000)", () => {
    const q = parseRegistryQuery({ nama: "budi\u0000", asn: ["x\u0001y"], kecamatan: "35.10.09" });
    expect(q.filters).toMatchObject({ name: null, asn: null, kecamatanCode: "35.10.09" });
    expect(q.warnings).toEqual(["Isian pencarian memuat karakter kontrol dan diabaikan."]);
  });
});
