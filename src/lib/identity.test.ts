import { describe, expect, it } from "vitest";
import {
  checkNikAgainst,
  maskPersonalNumber,
  normaliseDigits,
  parseAsnId,
  parseKkNumber,
  parseNik,
  parseNip,
} from "./identity";

/** Sunday 29 November 2026, 10:00 WIB. */
const TODAY = new Date("2026-11-29T03:00:00Z");
const utcMidnight = (date: string) => new Date(`${date}T00:00:00.000Z`);

/** Builds a NIK from its parts so each test shows the digit it is about. */
function nik(parts: { region?: string; day: string; month: string; year: string; serial?: string }): string {
  return `${parts.region ?? "351001"}${parts.day}${parts.month}${parts.year}${parts.serial ?? "0001"}`;
}

describe("parseNik", () => {
  it("reads region, birth date and sex of a man", () => {
    expect(parseNik("3510012609860001", TODAY)).toEqual({
      ok: true,
      nik: "3510012609860001",
      regionCode: "35.10.01",
      birthDate: utcMidnight("1986-09-26"),
      sex: "MALE",
    });
  });

  it("subtracts 40 from the day for a woman", () => {
    expect(parseNik("3510016609860002", TODAY)).toMatchObject({
      ok: true,
      birthDate: utcMidnight("1986-09-26"),
      sex: "FEMALE",
    });
  });

  it("accepts spaces, dots and dashes between digit groups", () => {
    expect(parseNik(" 3510 0126-0986.0001 ", TODAY)).toMatchObject({ ok: true, nik: "3510012609860001" });
  });

  it("accepts any province, not only Banyuwangi", () => {
    expect(parseNik(nik({ region: "317101", day: "41", month: "01", year: "00" }), TODAY)).toMatchObject({
      ok: true,
      regionCode: "31.71.01",
      birthDate: utcMidnight("2000-01-01"),
      sex: "FEMALE",
    });
    expect(parseNik(nik({ region: "960101", day: "12", month: "01", year: "20" }), TODAY).ok).toBe(true);
    expect(parseNik(nik({ region: "110101", day: "12", month: "01", year: "20" }), TODAY).ok).toBe(true);
  });

  it.each(["00", "10", "20", "22", "37", "54", "77", "97", "99"])("rejects province code %s", (province) => {
    const result = parseNik(nik({ region: `${province}1001`, day: "26", month: "09", year: "86" }), TODAY);
    expect(result).toEqual({
      ok: false,
      message: `Dua digit pertama NIK (${province}) bukan kode provinsi yang dikenal.`,
    });
  });

  it.each([
    ["", "NIK wajib diisi."],
    ["   ", "NIK wajib diisi."],
    ["351001260986000", "NIK harus 16 digit angka (yang diisi 15 digit)."],
    ["35100126098600011", "NIK harus 16 digit angka (yang diisi 17 digit)."],
    ["35100126O9860001", "NIK hanya boleh berisi angka."],
    ["+3510012609860001", "NIK hanya boleh berisi angka."],
  ])("rejects %j with a clear message", (value, message) => {
    expect(parseNik(value, TODAY)).toEqual({ ok: false, message });
  });

  it.each(["00", "32", "40", "72", "99"])("rejects day digits %s", (day) => {
    expect(parseNik(nik({ day, month: "01", year: "86" }), TODAY)).toEqual({
      ok: false,
      message: "Digit 7–8 NIK (tanggal lahir) harus 01–31 untuk laki-laki atau 41–71 untuk perempuan.",
    });
  });

  it("accepts the edge days 01, 31, 41 and 71", () => {
    for (const day of ["01", "31", "41", "71"]) {
      expect(parseNik(nik({ day, month: "01", year: "86" }), TODAY).ok).toBe(true);
    }
  });

  it.each(["00", "13"])("rejects month %s", (month) => {
    expect(parseNik(nik({ day: "10", month, year: "86" }), TODAY)).toEqual({
      ok: false,
      message: "Digit 9–10 NIK (bulan lahir) harus 01–12.",
    });
  });

  it("rejects dates that do not exist", () => {
    expect(parseNik(nik({ day: "31", month: "02", year: "86" }), TODAY)).toEqual({
      ok: false,
      message: "Tanggal lahir pada NIK (31 Februari) tidak ada di kalender.",
    });
    expect(parseNik(nik({ day: "71", month: "04", year: "86" }), TODAY).ok).toBe(false);
    // 29 Feb: 2001 and 1901 are common years; 2000 is a leap year.
    expect(parseNik(nik({ day: "69", month: "02", year: "01" }), TODAY).ok).toBe(false);
    expect(parseNik(nik({ day: "69", month: "02", year: "00" }), TODAY)).toMatchObject({
      ok: true,
      birthDate: utcMidnight("2000-02-29"),
    });
  });

  it("rejects serial 0000", () => {
    expect(parseNik(nik({ day: "26", month: "09", year: "86", serial: "0000" }), TODAY)).toEqual({
      ok: false,
      message: "Digit 13–16 NIK (nomor urut) tidak boleh 0000.",
    });
  });

  describe("two-digit year", () => {
    const birthDateOf = (value: string, today: Date) => {
      const result = parseNik(value, today);
      return result.ok ? result.birthDate : result.message;
    };

    it("takes this century up to today and the previous one after", () => {
      expect(birthDateOf(nik({ day: "15", month: "01", year: "26" }), TODAY)).toEqual(
        utcMidnight("2026-01-15"),
      );
      expect(birthDateOf(nik({ day: "29", month: "11", year: "26" }), TODAY)).toEqual(
        utcMidnight("2026-11-29"),
      );
      expect(birthDateOf(nik({ day: "15", month: "01", year: "27" }), TODAY)).toEqual(
        utcMidnight("1927-01-15"),
      );
      expect(birthDateOf(nik({ day: "15", month: "01", year: "00" }), TODAY)).toEqual(
        utcMidnight("2000-01-15"),
      );
    });

    it("never returns a birth date in the future: a later day this year is a centenarian", () => {
      expect(birthDateOf(nik({ day: "30", month: "11", year: "26" }), TODAY)).toEqual(
        utcMidnight("1926-11-30"),
      );
      expect(birthDateOf(nik({ day: "15", month: "12", year: "26" }), TODAY)).toEqual(
        utcMidnight("1926-12-15"),
      );
    });

    it("compares with today on the WIB calendar", () => {
      const value = nik({ day: "15", month: "12", year: "26" });
      expect(birthDateOf(value, new Date("2026-12-14T16:59:59Z"))).toEqual(utcMidnight("1926-12-15"));
      expect(birthDateOf(value, new Date("2026-12-14T17:00:00Z"))).toEqual(utcMidnight("2026-12-15"));
    });
  });
});

describe("checkNikAgainst", () => {
  const man = "3510012609860001";

  it("returns nothing when sex and birth date agree", () => {
    expect(checkNikAgainst(man, { sex: "MALE", birthDate: "1986-09-26" }, TODAY)).toEqual([]);
    expect(checkNikAgainst(man, { birthDate: utcMidnight("1986-09-26") }, TODAY)).toEqual([]);
    // Midnight WIB stored as an instant is still 26 September.
    expect(checkNikAgainst(man, { birthDate: new Date("1986-09-25T17:00:00Z") }, TODAY)).toEqual([]);
    expect(checkNikAgainst(man, {}, TODAY)).toEqual([]);
  });

  it("reports a sex that contradicts digits 7–8", () => {
    expect(checkNikAgainst(man, { sex: "FEMALE" }, TODAY)).toEqual([
      "Jenis kelamin tidak cocok dengan NIK: NIK menunjukkan laki-laki, sedangkan yang diisi perempuan.",
    ]);
  });

  it("reports a different birth date, even one day off", () => {
    expect(checkNikAgainst(man, { birthDate: "1986-09-27" }, TODAY)).toEqual([
      "Tanggal lahir tidak cocok dengan NIK: NIK menunjukkan 26 September 1986, sedangkan yang diisi 27 September 1986.",
    ]);
    expect(checkNikAgainst(man, { birthDate: "1987-09-26" }, TODAY)).toHaveLength(1);
  });

  it("reports both mismatches at once", () => {
    expect(checkNikAgainst("3510016609860002", { sex: "MALE", birthDate: "1986-06-26" }, TODAY)).toHaveLength(
      2,
    );
  });

  it("compares years by their last two digits, as the NIK has no century", () => {
    const centenarian = nik({ day: "15", month: "12", year: "26" });
    expect(checkNikAgainst(centenarian, { birthDate: "1926-12-15" }, TODAY)).toEqual([]);
    expect(checkNikAgainst(centenarian, { birthDate: "1925-12-15" }, TODAY)).toHaveLength(1);
  });

  it("returns the format error for an invalid NIK and ignores an unreadable birth date", () => {
    expect(checkNikAgainst("123", { sex: "MALE" }, TODAY)).toEqual([
      "NIK harus 16 digit angka (yang diisi 3 digit).",
    ]);
    expect(checkNikAgainst(man, { birthDate: "26-09-1986" }, TODAY)).toEqual([]);
  });
});

describe("parseKkNumber", () => {
  it("reads a KK number and its issuing region", () => {
    expect(parseKkNumber("3510 0120 0115 0003")).toEqual({
      ok: true,
      kk: "3510012001150003",
      regionCode: "35.10.01",
    });
  });

  it("does not validate digits 7–12 (their meaning is unverified)", () => {
    expect(parseKkNumber("3510019999990001").ok).toBe(true);
    expect(parseKkNumber("3510010000000001").ok).toBe(true);
  });

  it.each([
    ["0010012001150003", "Dua digit pertama Nomor KK (00) bukan kode provinsi yang dikenal."],
    ["3510012001150000", "Digit 13–16 Nomor KK (nomor urut) tidak boleh 0000."],
    ["35100120011500031", "Nomor KK harus 16 digit angka (yang diisi 17 digit)."],
    ["3510O12001150003", "Nomor KK hanya boleh berisi angka."],
    ["", "Nomor KK wajib diisi."],
  ])("rejects %j", (value, message) => {
    expect(parseKkNumber(value)).toEqual({ ok: false, message });
  });
});

describe("parseNip", () => {
  it("reads the PNS layout, spaces allowed", () => {
    expect(parseNip("19860926 201505 1 001", TODAY)).toEqual({
      ok: true,
      nip: "198609262015051001",
      birthDate: utcMidnight("1986-09-26"),
      appointment: { year: 2015, month: 5 },
      sex: "MALE",
    });
    expect(parseNip("198609262015052001", TODAY)).toMatchObject({ ok: true, sex: "FEMALE" });
  });

  it.each([
    ["19860926201505100", "NIP harus 18 digit angka (yang diisi 17 digit)."],
    ["19860926201505100A", "NIP hanya boleh berisi angka."],
    [
      "198602302015051001",
      "Digit 1–8 NIP harus tanggal lahir yang ada (tahun, bulan, tanggal; mis. 19860926).",
    ],
    [
      "000009262015051001",
      "Digit 1–8 NIP harus tanggal lahir yang ada (tahun, bulan, tanggal; mis. 19860926).",
    ],
    ["198609262015131001", "Digit 9–14 NIP (TMT CPNS) harus tahun dan bulan yang ada (mis. 201505)."],
    ["198609262015001001", "Digit 9–14 NIP (TMT CPNS) harus tahun dan bulan yang ada (mis. 201505)."],
    ["198609262026121001", "TMT CPNS pada NIP (Desember 2026) belum terjadi."],
    ["198609262004081001", "TMT CPNS pada NIP (Agustus 2004) kurang dari 18 tahun setelah tanggal lahir."],
    ["195001012011011001", "TMT CPNS pada NIP (Januari 2011) lebih dari 60 tahun setelah tanggal lahir."],
    ["198609262015053001", "Digit 15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan)."],
    ["198609262015050001", "Digit 15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan)."],
    ["198609262015051000", "Digit 16–18 NIP (nomor urut) tidak boleh 000."],
  ])("rejects %s", (value, message) => {
    expect(parseNip(value, TODAY)).toEqual({ ok: false, message });
  });

  it("accepts the boundaries: this month's TMT, age 18 and age 60 at month precision", () => {
    expect(parseNip("198609262026111001", TODAY).ok).toBe(true);
    expect(parseNip("198609262004091001", TODAY).ok).toBe(true);
    expect(parseNip("195001012010121001", TODAY).ok).toBe(true);
  });
});

describe("parseAsnId", () => {
  it("recognises a valid PNS NIP", () => {
    expect(parseAsnId("19860926 201505 2 003", TODAY)).toMatchObject({
      ok: true,
      id: "198609262015052003",
      employmentType: "PNS",
      appointment: { year: 2015, month: 5 },
      sex: "FEMALE",
    });
  });

  it("accepts other 18-digit numbers as NI PPPK", () => {
    expect(parseAsnId("198501012023211001", TODAY)).toEqual({
      ok: true,
      id: "198501012023211001",
      employmentType: "PPPK",
    });
    // Would be a PNS NIP, but the TMT is in the future: not rejected, read as PPPK.
    expect(parseAsnId("198609262027011001", TODAY)).toMatchObject({ ok: true, employmentType: "PPPK" });
  });

  it.each([
    ["", "NIP/NI PPPK wajib diisi."],
    ["19860926201505100", "NIP/NI PPPK harus 18 digit angka (yang diisi 17 digit)."],
    ["3510012609860001", "NIP/NI PPPK harus 18 digit angka (yang diisi 16 digit)."],
    ["NIP198609262015051", "NIP/NI PPPK hanya boleh berisi angka."],
    ["000000000000000000", "NIP/NI PPPK tidak boleh berisi angka 0 semua."],
  ])("rejects %j", (value, message) => {
    expect(parseAsnId(value, TODAY)).toEqual({ ok: false, message });
  });
});

describe("maskPersonalNumber and normaliseDigits", () => {
  it("shows the first and last four digits only", () => {
    expect(maskPersonalNumber("3510012345670012")).toBe(
      "3510\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u20220012",
    );
    expect(maskPersonalNumber("19860926 201505 1 001")).toBe(`1986${"•".repeat(10)}1001`);
    expect(maskPersonalNumber("123456789")).toBe("1234•6789");
  });

  it("hides short values entirely", () => {
    expect(maskPersonalNumber("12345678")).toBe("••••••••");
    expect(maskPersonalNumber("")).toBe("");
  });

  it("strips spaces, dots and dashes but keeps everything else", () => {
    expect(normaliseDigits(" 3510\u00a001-26.0986\t0001 ")).toBe("3510012609860001");
    expect(normaliseDigits("35–10")).toBe("3510");
    expect(normaliseDigits("35a/10")).toBe("35a/10");
  });
});
