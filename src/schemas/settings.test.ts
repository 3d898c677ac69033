import { describe, expect, it } from "vitest";
import { menuRotationSchema, povertyFigureSchema, programmeSettingsSchema } from "./settings";

const validForm = {
  cadence: "WEEKLY",
  lateReportLimitDays: "10",
  defaultQuota: "6",
  gpsFlagDistanceMeters: "750",
  povertyTargetPercent: "5,5",
  localAidProgrammes: "Rantang Kasih\n\n  Warung Naik Kelas  \n",
};

describe("settings schemas", () => {
  it("parses Indonesian input: decimal comma, one programme per line, empty target", () => {
    const parsed = programmeSettingsSchema.parse(validForm);
    expect(parsed).toEqual({
      cadence: "WEEKLY",
      lateReportLimitDays: 10,
      defaultQuota: 6,
      gpsFlagDistanceMeters: 750,
      povertyTargetPercent: 5.5,
      localAidProgrammes: ["Rantang Kasih", "Warung Naik Kelas"],
    });
    expect(
      programmeSettingsSchema.parse({ ...validForm, povertyTargetPercent: "" }).povertyTargetPercent,
    ).toBeNull();
  });

  it.each([
    ["lateReportLimitDays", "61", "Batas laporan terlambat paling banyak 60 hari."],
    ["lateReportLimitDays", "-1", "Batas laporan terlambat paling sedikit 0 hari."],
    ["lateReportLimitDays", "", "Batas laporan terlambat wajib diisi dengan angka."],
    ["defaultQuota", "51", "Kuota bawaan ASN paling banyak 50 keluarga."],
    ["defaultQuota", "2,5", "Kuota bawaan ASN wajib diisi dengan angka."],
    ["povertyTargetPercent", "101", "Target angka kemiskinan tidak boleh lebih dari 100."],
    ["povertyTargetPercent", "5,555", "Target angka kemiskinan paling banyak dua angka di belakang koma."],
    ["cadence", "DAILY", "Pilih irama kunjungan: mingguan atau bulanan."],
    ["localAidProgrammes", "A\na", "Ada program bantuan daerah yang tercantum dua kali."],
  ])("rejects %s = %j with an Indonesian message", (field, value, message) => {
    const result = programmeSettingsSchema.safeParse({ ...validForm, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toContain(message);
  });

  it("validates menu rows and poverty figures", () => {
    expect(menuRotationSchema.safeParse([]).error!.issues[0]!.message).toMatch(/minimal satu item/);
    const bad = menuRotationSchema.safeParse([
      { name: "", unit: "kg", defaultQuantity: "0", defaultValueRupiah: "x" },
    ]);
    expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual([
      "0.name",
      "0.defaultQuantity",
      "0.defaultValueRupiah",
    ]);
    expect(
      menuRotationSchema.parse([
        { name: "Telur", unit: "kg", defaultQuantity: "1,5", defaultValueRupiah: "Rp 30.000" },
      ]),
    ).toEqual([{ name: "Telur", unit: "kg", defaultQuantity: 1.5, defaultValueRupiah: 30000 }]);
    const figure = povertyFigureSchema.safeParse({
      year: "2025",
      percentPoor: "6,134",
      source: "B",
      status: "x",
    });
    expect(figure.error!.issues.map((i) => i.message)).toEqual([
      "Persentase penduduk miskin paling banyak dua angka di belakang koma.",
      "Sumber wajib diisi (misalnya BPS Kabupaten Banyuwangi).",
      "Pilih status angka.",
    ]);
    expect(
      povertyFigureSchema.parse({
        year: "2026",
        percentPoor: "5,9",
        poorPeople: "",
        source: "BPS Banyuwangi",
        status: "bappeda",
      }),
    ).toEqual({
      year: 2026,
      percentPoor: 5.9,
      poorPeople: null,
      source: "BPS Banyuwangi",
      status: "bappeda",
    });
  });
});
