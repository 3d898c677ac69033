import { z } from "zod";
import { typedText } from "./base";
import { parseRupiah } from "@/lib/money";

// Programme settings (/admin/pengaturan): the settings row, the menu rotation and the official
// poverty figures. Shared by the forms, the server actions and the DAL. Messages in Indonesian.

export const LATE_REPORT_LIMIT_MAX_DAYS = 60;
export const DEFAULT_QUOTA_MAX = 50;
export const GPS_FLAG_DISTANCE_MIN_METERS = 50;
export const GPS_FLAG_DISTANCE_MAX_METERS = 50_000;
export const MENU_MAX_ITEMS = 12;
export const LOCAL_AID_MAX_ITEMS = 20;
export const MENU_MAX_VALUE_RUPIAH = 5_000_000;

export const CADENCE_LABEL = { WEEKLY: "Mingguan", MONTHLY: "Bulanan" } as const;

export const POVERTY_FIGURE_STATUSES = ["bps-official", "bps-cited", "bappeda"] as const;
export const POVERTY_FIGURE_STATUS_LABEL: Record<(typeof POVERTY_FIGURE_STATUSES)[number], string> = {
  "bps-official": "Rilis resmi BPS",
  "bps-cited": "Angka BPS (dikutip)",
  bappeda: "Perkiraan Bappeda",
};

/** "7,34" or "7.34" → 7.34; "" → undefined (so optional fields stay empty). */
function decimalInput(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  return Number(trimmed.replace(/\s/g, "").replace(",", "."));
}

function wholeInput(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim().replace(/[.\s]/g, "");
  return trimmed === "" ? undefined : Number(trimmed);
}

const wholeNumber = (label: string, min: number, max: number, unit = "") =>
  z.preprocess(
    wholeInput,
    z
      .number({ error: `${label} wajib diisi dengan angka.` })
      .int({ error: `${label} harus bilangan bulat.` })
      .min(min, { error: `${label} paling sedikit ${min.toLocaleString("id-ID")}${unit}.` })
      .max(max, { error: `${label} paling banyak ${max.toLocaleString("id-ID")}${unit}.` }),
  );

const twoDecimals = (v: number) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6;

const percent = (label: string) =>
  z
    .number({ error: `${label} harus berupa angka, misalnya 6,54.` })
    .min(0, { error: `${label} tidak boleh kurang dari 0.` })
    .max(100, { error: `${label} tidak boleh lebih dari 100.` })
    .refine(twoDecimals, { error: `${label} paling banyak dua angka di belakang koma.` });

export const programmeSettingsSchema = z.object({
  cadence: z.enum(["WEEKLY", "MONTHLY"], { error: "Pilih irama kunjungan: mingguan atau bulanan." }),
  lateReportLimitDays: wholeNumber("Batas laporan terlambat", 0, LATE_REPORT_LIMIT_MAX_DAYS, " hari"),
  defaultQuota: wholeNumber("Kuota bawaan ASN", 0, DEFAULT_QUOTA_MAX, " keluarga"),
  gpsFlagDistanceMeters: wholeNumber(
    "Jarak penanda GPS",
    GPS_FLAG_DISTANCE_MIN_METERS,
    GPS_FLAG_DISTANCE_MAX_METERS,
    " meter",
  ),
  povertyTargetPercent: z.preprocess(
    decimalInput,
    percent("Target angka kemiskinan").nullable().default(null),
  ),
  localAidProgrammes: z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter((line) => line !== "")
        : v,
    z
      .array(
        typedText().max(100, { error: "Nama program bantuan daerah paling panjang 100 karakter per baris." }),
      )
      .max(LOCAL_AID_MAX_ITEMS, { error: `Paling banyak ${LOCAL_AID_MAX_ITEMS} program bantuan daerah.` })
      .refine((list) => new Set(list.map((x) => x.toLowerCase())).size === list.length, {
        error: "Ada program bantuan daerah yang tercantum dua kali.",
      }),
  ),
});
export type ProgrammeSettingsInput = z.output<typeof programmeSettingsSchema>;

export const menuItemSchema = z.object({
  name: typedText({ error: "Nama menu wajib diisi." })
    .trim()
    .min(1, { error: "Nama menu wajib diisi." })
    .max(100, { error: "Nama menu paling panjang 100 karakter." }),
  unit: typedText({ error: "Satuan wajib diisi." })
    .trim()
    .min(1, { error: "Satuan wajib diisi." })
    .max(30, { error: "Satuan paling panjang 30 karakter." }),
  defaultQuantity: z.preprocess(
    decimalInput,
    z
      .number({ error: "Jumlah bawaan harus berupa angka." })
      .positive({ error: "Jumlah bawaan harus lebih dari 0." })
      .max(1000, { error: "Jumlah bawaan paling banyak 1.000." })
      .refine(twoDecimals, { error: "Jumlah bawaan paling banyak dua angka di belakang koma." }),
  ),
  defaultValueRupiah: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : (parseRupiah(v) ?? Number.NaN)) : v),
    z
      .number({ error: "Nilai bawaan harus angka Rupiah bulat, misalnya 25.000." })
      .int({ error: "Nilai bawaan harus Rupiah bulat, tanpa sen." })
      .min(0, { error: "Nilai bawaan tidak boleh negatif." })
      .max(MENU_MAX_VALUE_RUPIAH, { error: "Nilai bawaan paling banyak Rp5.000.000." }),
  ),
});

/** The whole rotation, in order: position = index + 1. */
export const menuRotationSchema = z
  .array(menuItemSchema)
  .min(1, { error: "Menu bergilir harus berisi minimal satu item." })
  .max(MENU_MAX_ITEMS, { error: `Menu bergilir paling banyak ${MENU_MAX_ITEMS} item.` });
export type MenuRotationInput = z.output<typeof menuRotationSchema>;

export const povertyFigureSchema = z.object({
  year: wholeNumber("Tahun", 2000, 2100),
  percentPoor: z.preprocess(decimalInput, percent("Persentase penduduk miskin")),
  poorPeople: z.preprocess(
    wholeInput,
    z
      .number({ error: "Jumlah penduduk miskin harus berupa angka." })
      .int({ error: "Jumlah penduduk miskin harus bilangan bulat." })
      .min(0, { error: "Jumlah penduduk miskin tidak boleh negatif." })
      .max(2_000_000, { error: "Jumlah penduduk miskin terlalu besar." })
      .nullable()
      .default(null),
  ),
  source: typedText({ error: "Sumber wajib diisi." })
    .trim()
    .min(3, { error: "Sumber wajib diisi (misalnya BPS Kabupaten Banyuwangi)." })
    .max(300, { error: "Sumber paling panjang 300 karakter." }),
  status: z.enum(POVERTY_FIGURE_STATUSES, { error: "Pilih status angka." }),
});
export type PovertyFigureInput = z.output<typeof povertyFigureSchema>;

/** zod issues → `{ "0.name": ["…"] }` for the form. */
export function settingsFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
