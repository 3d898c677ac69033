import { z } from "zod";
import { hasControlCharacters, typedText } from "./base";
import { parseDateOnly } from "@/lib/dates";
import { checkNikAgainst, normaliseDigits, parseNik } from "@/lib/identity";
import { todayInJakarta } from "@/lib/period";
import { JKN, PRESENCE, SCHOOL } from "@/lib/regsosek";

// The household registry (admin): the list filters, the number search, the household and member
// edit forms and the status change. One schema each, shared by the forms, the server actions and
// the DAL (src/server/registry.ts). Rules that need the database (desa exists, NIK unique, one
// head of family) are checked in the DAL.

export const HOUSEHOLD_STATUSES = ["ACTIVE", "GRADUATED", "MOVED", "DECEASED", "INACTIVE"] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];
export const HOUSEHOLD_STATUS_LABEL: Record<HouseholdStatus, string> = {
  ACTIVE: "Aktif",
  GRADUATED: "Lulus (graduasi)",
  MOVED: "Pindah",
  DECEASED: "Meninggal",
  INACTIVE: "Tidak aktif",
};

export const WELFARE_CATEGORIES = ["MISKIN_EKSTREM", "MISKIN", "RENTAN"] as const;
export type WelfareCategory = (typeof WELFARE_CATEGORIES)[number];
export const WELFARE_CATEGORY_LABEL: Record<WelfareCategory, string> = {
  MISKIN_EKSTREM: "Miskin ekstrem",
  MISKIN: "Miskin",
  RENTAN: "Rentan",
};

export const SEXES = ["MALE", "FEMALE"] as const;
export const SEX_LABEL: Record<(typeof SEXES)[number], string> = { MALE: "Laki-laki", FEMALE: "Perempuan" };

/** Regsosek 409. */
export const RELATIONSHIPS = [
  "HEAD",
  "SPOUSE",
  "CHILD",
  "CHILD_IN_LAW",
  "GRANDCHILD",
  "PARENT",
  "HELPER",
  "OTHER",
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];
export const RELATIONSHIP_LABEL: Record<Relationship, string> = {
  HEAD: "Kepala keluarga",
  SPOUSE: "Istri/suami",
  CHILD: "Anak",
  CHILD_IN_LAW: "Menantu",
  GRANDCHILD: "Cucu",
  PARENT: "Orang tua/mertua",
  HELPER: "Pembantu/sopir",
  OTHER: "Lainnya",
};

export const SCHOOL_PARTICIPATIONS = ["NEVER_ENROLLED", "ENROLLED", "DROPPED_OUT"] as const;
export const SCHOOL_LABEL = SCHOOL;
export const JKN_STATUSES = ["NONE", "PBI", "MANDIRI", "EMPLOYER", "OTHER"] as const;
export const JKN_LABEL = JKN;
export const MEMBER_STATUSES = ["PRESENT", "DIED", "MOVED"] as const;
export const MEMBER_STATUS_LABEL = PRESENCE;

export const REGISTRY_PAGE_SIZE = 50;

const KECAMATAN_CODE = /^35\.10\.\d{2}$/;
const DESA_CODE = /^35\.10\.\d{2}\.[12]\d{3}$/;
const NIP = /^\d{18}$/;
/** The opaque handle of a number search (src/server/registry.ts sealIdentitySearch). */
export const SEARCH_TOKEN = /^[A-Za-z0-9_-]{22}$/;

/** Banyuwangi with a margin (the kabupaten spans about 7.7°–8.8° S, 113.9°–114.6° E). */
export const BANYUWANGI_BOUNDS = { latMin: -9.0, latMax: -7.4, lngMin: 113.7, lngMax: 114.8 } as const;

// ---------------------------------------------------------------------------------------------
// Helpers for FormData (every value arrives as a string; "" means "not filled in").

const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

const optionalText = (max: number, label: string) =>
  z.preprocess(
    emptyToNull,
    typedText()
      .trim()
      .max(max, { error: `${label} terlalu panjang (maksimal ${max} karakter).` })
      .nullable()
      .default(null),
  );

/** RT/RW: 1–3 digits, stored zero-padded ("3" → "003"). */
const rtRw = (label: string) =>
  z.preprocess(
    emptyToNull,
    z
      .string({ error: `${label} harus angka.` })
      .trim()
      .regex(/^\d{1,3}$/, { error: `${label} harus 1–3 digit angka, misalnya 003.` })
      .refine((v) => !/^\d{1,3}$/.test(v) || Number(v) > 0, { error: `${label} tidak boleh 000.` })
      .transform((v) => v.padStart(3, "0"))
      .nullable()
      .default(null),
  );

/** A decimal typed the Indonesian way ("-8,2143") or the English way ("-8.2143"). */
const coordinate = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) => {
      const value = emptyToNull(v);
      if (typeof value !== "string") return value;
      const normalised = value.trim().replace(",", ".");
      return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
    },
    z
      .number({ error: `${label} harus angka desimal, misalnya ${min < 0 ? "-8,2143" : "114,3651"}.` })
      .min(min, { error: `${label} di luar wilayah Kabupaten Banyuwangi (${min} s.d. ${max}).` })
      .max(max, { error: `${label} di luar wilayah Kabupaten Banyuwangi (${min} s.d. ${max}).` })
      .nullable()
      .default(null),
  );

function enumOrNull<T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.preprocess(emptyToNull, z.enum(values, { error: message }).nullable().default(null));
}

const householdId = z.uuid({ error: "Keluarga tidak dikenal. Muat ulang halaman." });

// ---------------------------------------------------------------------------------------------
// Household edit: address, desil, category.

export const householdUpdateSchema = z
  .object({
    householdId,
    desaCode: z
      .string({ error: "Pilih desa/kelurahan." })
      .regex(DESA_CODE, { error: "Pilih desa/kelurahan." }),
    dusun: optionalText(100, "Dusun/lingkungan"),
    rt: rtRw("RT"),
    rw: rtRw("RW"),
    street: optionalText(200, "Alamat jalan"),
    latitude: coordinate("Lintang", BANYUWANGI_BOUNDS.latMin, BANYUWANGI_BOUNDS.latMax),
    longitude: coordinate("Bujur", BANYUWANGI_BOUNDS.lngMin, BANYUWANGI_BOUNDS.lngMax),
    desil: z.preprocess(
      emptyToNull,
      z.coerce
        .number({ error: "Desil harus 1–10." })
        .int({ error: "Desil harus 1–10." })
        .min(1, { error: "Desil harus 1–10." })
        .max(10, { error: "Desil harus 1–10." })
        .nullable()
        .default(null),
    ),
    category: enumOrNull(WELFARE_CATEGORIES, "Pilih kategori kemiskinan."),
  })
  .superRefine((v, ctx) => {
    if ((v.latitude === null) !== (v.longitude === null)) {
      const path = v.latitude === null ? "latitude" : "longitude";
      ctx.addIssue({
        code: "custom",
        path: [path],
        message: "Isi lintang dan bujur sekaligus, atau kosongkan keduanya.",
      });
    }
  });
export type HouseholdUpdate = z.infer<typeof householdUpdateSchema>;

// ---------------------------------------------------------------------------------------------
// Members: add or edit (NIK validated and cross-checked with sex and birth date).

export const memberSchema = z
  .object({
    householdId,
    /** Absent when adding a member. */
    memberId: z.preprocess(
      emptyToNull,
      z.uuid({ error: "Anggota keluarga tidak dikenal. Muat ulang halaman." }).nullable().default(null),
    ),
    nik: z
      .string({ error: "NIK wajib diisi." })
      .transform((v) => normaliseDigits(v))
      .superRefine((v, ctx) => {
        const parsed = parseNik(v);
        if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
      }),
    name: typedText({ error: "Nama wajib diisi." })
      .trim()
      .min(1, { error: "Nama wajib diisi." })
      .max(150, { error: "Nama terlalu panjang (maksimal 150 karakter)." }),
    sex: z.enum(SEXES, { error: "Pilih jenis kelamin." }),
    birthDate: z
      .string({ error: "Tanggal lahir wajib diisi." })
      .refine((v) => parseDateOnly(v) !== null, { error: "Tanggal lahir wajib diisi dengan benar." })
      .refine((v) => v <= todayInJakarta(), { error: "Tanggal lahir tidak boleh di masa depan." })
      .refine((v) => v >= "1900-01-01", { error: "Tanggal lahir terlalu lampau." }),
    relationship: z.enum(RELATIONSHIPS, { error: "Pilih hubungan dengan kepala keluarga." }),
    schoolParticipation: enumOrNull(SCHOOL_PARTICIPATIONS, "Pilih partisipasi sekolah."),
    disability: optionalText(200, "Disabilitas"),
    chronicIllness: optionalText(200, "Penyakit kronis"),
    jknStatus: z.enum(JKN_STATUSES, { error: "Pilih status JKN." }),
    status: z.enum(MEMBER_STATUSES, { error: "Pilih status anggota." }),
  })
  .superRefine((v, ctx) => {
    if (!parseNik(v.nik).ok || !parseDateOnly(v.birthDate)) return;
    for (const message of checkNikAgainst(v.nik, { sex: v.sex, birthDate: v.birthDate }))
      ctx.addIssue({ code: "custom", path: ["nik"], message });
  });
export type MemberInput = z.infer<typeof memberSchema>;

// ---------------------------------------------------------------------------------------------
// Status change (leaving ACTIVE ends the active assignment in the DAL).

export const statusChangeSchema = z.object({
  householdId,
  status: z.enum(HOUSEHOLD_STATUSES, { error: "Pilih status keluarga." }),
  reason: typedText({ error: "Alasan wajib diisi." })
    .trim()
    .min(5, { error: "Alasan wajib diisi (minimal 5 karakter)." })
    .max(300, { error: "Alasan terlalu panjang (maksimal 300 karakter)." }),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

// ---------------------------------------------------------------------------------------------
// Number search (POST only: NIK/No KK never travel in a URL).

export const identitySearchSchema = z.object({
  nomor: z
    .string({ error: "Masukkan 16 digit NIK atau No KK." })
    .transform((v) => normaliseDigits(v))
    .refine((v) => /^\d{16}$/.test(v), { error: "Masukkan 16 digit NIK atau No KK (hanya angka)." }),
});

// ---------------------------------------------------------------------------------------------
// List filters, read from the URL (GET form). A bad value is dropped with a warning, never a crash.

export type RegistryFilters = {
  /** Case-insensitive prefix of the head of family's name. */
  name: string | null;
  kecamatanCode: string | null;
  desaCode: string | null;
  desil: number | null;
  category: WelfareCategory | null;
  status: HouseholdStatus | null;
  assigned: "ada" | "belum" | null;
  /** The fostering ASN: an 18-digit NIP (exact) or the start of their name. */
  asn: string | null;
  /** An exact NIK or No KK (head or any member); only ever from the sealed cookie, never the URL. */
  identityNumber: string | null;
};

export const EMPTY_FILTERS: RegistryFilters = {
  name: null,
  kecamatanCode: null,
  desaCode: null,
  desil: null,
  category: null,
  status: null,
  assigned: null,
  asn: null,
  identityNumber: null,
};

export type ParsedRegistryQuery = {
  filters: RegistryFilters;
  page: number;
  /** The number-search handle from the URL (`nomor`), when well-formed. */
  searchToken: string | null;
  warnings: string[];
};

type SearchParams = Record<string, string | string[] | undefined>;

/** A filter value; one with control characters is dropped like an empty one (see parseRegistryQuery). */
function one(params: SearchParams, key: string): string | null {
  const value = params[key];
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text && !hasControlCharacters(text) ? text : null;
}

export function parseRegistryQuery(params: SearchParams): ParsedRegistryQuery {
  const warnings: string[] = [];
  const filters: RegistryFilters = { ...EMPTY_FILTERS };
  if (Object.values(params).some((v) => [v ?? []].flat().some(hasControlCharacters)))
    warnings.push("Isian pencarian memuat karakter kontrol dan diabaikan.");

  const name = one(params, "nama");
  if (name !== null) {
    if (/\d/.test(name))
      warnings.push("Nama tidak boleh berisi angka. Untuk NIK/No KK gunakan pencarian nomor.");
    else filters.name = name.slice(0, 100);
  }
  const kecamatan = one(params, "kecamatan");
  if (kecamatan !== null) {
    if (KECAMATAN_CODE.test(kecamatan)) filters.kecamatanCode = kecamatan;
    else warnings.push("Kecamatan tidak dikenal.");
  }
  const desa = one(params, "desa");
  if (desa !== null) {
    if (DESA_CODE.test(desa) && (!filters.kecamatanCode || desa.startsWith(`${filters.kecamatanCode}.`)))
      filters.desaCode = desa;
    else if (!DESA_CODE.test(desa)) warnings.push("Desa/kelurahan tidak dikenal.");
  }
  const desil = one(params, "desil");
  if (desil !== null) {
    const n = Number(desil);
    if (Number.isInteger(n) && n >= 1 && n <= 10) filters.desil = n;
    else warnings.push("Desil harus 1–10.");
  }
  const category = one(params, "kategori");
  if (category !== null) {
    if ((WELFARE_CATEGORIES as readonly string[]).includes(category))
      filters.category = category as WelfareCategory;
    else warnings.push("Kategori tidak dikenal.");
  }
  const status = one(params, "status");
  if (status !== null) {
    if ((HOUSEHOLD_STATUSES as readonly string[]).includes(status))
      filters.status = status as HouseholdStatus;
    else warnings.push("Status tidak dikenal.");
  }
  const assigned = one(params, "penugasan");
  if (assigned === "ada" || assigned === "belum") filters.assigned = assigned;
  else if (assigned !== null) warnings.push("Pilihan penugasan tidak dikenal.");
  const asn = one(params, "asn");
  if (asn !== null) {
    const digits = normaliseDigits(asn);
    if (/^\d+$/.test(digits) && !NIP.test(digits)) warnings.push("NIP ASN harus 18 digit.");
    else filters.asn = NIP.test(digits) ? digits : asn.slice(0, 100);
  }
  const pageText = one(params, "halaman");
  const pageNumber = pageText === null ? 1 : Number(pageText);
  const page = Number.isInteger(pageNumber) && pageNumber >= 1 && pageNumber <= 100_000 ? pageNumber : 1;
  const token = one(params, "nomor");
  const searchToken = token !== null && SEARCH_TOKEN.test(token) ? token : null;
  return { filters, page, searchToken, warnings };
}
