import "server-only";
import { calendarDateOfDayNumber, isExistingDate, toDateOnlyString } from "@/lib/dates";
import type { Sex } from "@/lib/identity";

// Cell readers for the import files: each returns the value, null for an empty cell, or an
// Indonesian message. Pure, so the integration tests exercise them through whole files.

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (message: string): Read<never> => ({ ok: false, message });

/** Lower case, single spaces, no dots: "Kepala  Keluarga." → "kepala keluarga". */
export function normaliseText(value: string): string {
  return value.toLowerCase().replace(/\./g, " ").replace(/\s+/g, " ").trim();
}

export type RelationshipValue =
  "HEAD" | "SPOUSE" | "CHILD" | "CHILD_IN_LAW" | "GRANDCHILD" | "PARENT" | "HELPER" | "OTHER";

const RELATIONSHIPS: Record<string, RelationshipValue> = {
  "1": "HEAD",
  "kepala keluarga": "HEAD",
  kepala: "HEAD",
  kk: "HEAD",
  "kepala rumah tangga": "HEAD",
  krt: "HEAD",
  "2": "SPOUSE",
  istri: "SPOUSE",
  isteri: "SPOUSE",
  suami: "SPOUSE",
  "istri/suami": "SPOUSE",
  "suami/istri": "SPOUSE",
  pasangan: "SPOUSE",
  "3": "CHILD",
  anak: "CHILD",
  "anak kandung": "CHILD",
  "anak angkat": "CHILD",
  "anak tiri": "CHILD",
  "4": "CHILD_IN_LAW",
  menantu: "CHILD_IN_LAW",
  "5": "GRANDCHILD",
  cucu: "GRANDCHILD",
  "6": "PARENT",
  "orang tua": "PARENT",
  orangtua: "PARENT",
  ayah: "PARENT",
  ibu: "PARENT",
  mertua: "PARENT",
  "orang tua/mertua": "PARENT",
  "7": "HELPER",
  pembantu: "HELPER",
  "pembantu/sopir": "HELPER",
  sopir: "HELPER",
  "8": "OTHER",
  lainnya: "OTHER",
  "famili lain": "OTHER",
  "keluarga lain": "OTHER",
};

export function readRelationship(value: string): Read<RelationshipValue | null> {
  if (value === "") return ok(null);
  const found = RELATIONSHIPS[normaliseText(value)];
  return found
    ? ok(found)
    : fail(
        `Hubungan "${value}" tidak dikenal. Isi kepala keluarga, istri, suami, anak, menantu, cucu, orang tua, mertua, pembantu, lainnya, atau kode 1–8.`,
      );
}

export function readSex(value: string): Read<Sex | null> {
  const v = normaliseText(value);
  if (v === "") return ok(null);
  if (["l", "lk", "laki-laki", "laki laki", "lakilaki", "pria", "1", "male", "m"].includes(v))
    return ok("MALE");
  if (["p", "pr", "perempuan", "wanita", "2", "female", "f", "w"].includes(v)) return ok("FEMALE");
  return fail(`Jenis kelamin "${value}" tidak dikenal. Isi L atau P (Laki-laki/Perempuan).`);
}

/** YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY (also D/M/YYYY, YYYY/MM/DD, DD.MM.YYYY) or an Excel serial. */
export function readDate(value: string): Read<string | null> {
  const v = value.trim();
  if (v === "") return ok(null);
  let y: number, m: number, d: number;
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$/.exec(v);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if (/^\d{1,5}$/.test(v) && Number(v) > 0 && Number(v) < 80_000) {
    // An Excel date serial that lost its date format: day 25569 is 1970-01-01.
    return ok(toDateOnlyString(calendarDateOfDayNumber(Number(v) - 25_569)));
  } else {
    return fail(`Tanggal lahir "${value}" tidak terbaca. Gunakan YYYY-MM-DD atau DD-MM-YYYY.`);
  }
  if (!isExistingDate(y, m, d) || y < 1880) return fail(`Tanggal lahir "${value}" tidak ada di kalender.`);
  return ok(toDateOnlyString({ year: y, month: m, day: d }));
}

/** "35.10.09.2001" or "3510092001" → "35.10.09.2001" (existence is checked by the caller). */
export function readDesaCode(value: string): Read<string | null> {
  const digits = value.replace(/[\s.]/g, "");
  if (digits === "") return ok(null);
  if (!/^\d{10}$/.test(digits)) {
    return fail(`Kode desa "${value}" tidak valid. Gunakan kode Kemendagri, mis. 35.10.09.2001.`);
  }
  return ok(`${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`);
}

/** Region names as written by people: "Kec. Genteng", "DESA KEMBIRITAN" → "genteng", "kembiritan". */
export function normaliseRegionName(value: string): string {
  return normaliseText(value)
    .replace(/^(kecamatan|kec|desa|kelurahan|kel|ds)\s+/, "")
    .replace(/[^a-z0-9 ]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export function readRtRw(value: string, label: "RT" | "RW"): Read<string | null> {
  const v = value.trim();
  if (v === "") return ok(null);
  if (!/^\d{1,3}$/.test(v) || Number(v) === 0) return fail(`${label} "${value}" harus angka 1–999.`);
  return ok(v.padStart(3, "0"));
}

export function readDesil(value: string): Read<number | null> {
  const v = value.trim();
  if (v === "") return ok(null);
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 10) return fail(`Desil "${value}" harus bilangan bulat 1–10.`);
  return ok(n);
}

export type CategoryValue = "MISKIN_EKSTREM" | "MISKIN" | "RENTAN";

export function readCategory(value: string): Read<CategoryValue | null> {
  const v = normaliseText(value).replace(/_/g, " ");
  if (v === "") return ok(null);
  if (v === "miskin ekstrem" || v === "miskin ekstrim" || v === "sangat miskin") return ok("MISKIN_EKSTREM");
  if (v === "miskin") return ok("MISKIN");
  if (v === "rentan" || v === "rentan miskin" || v === "hampir miskin") return ok("RENTAN");
  return fail(`Kategori "${value}" tidak dikenal. Isi miskin ekstrem, miskin atau rentan.`);
}

export type SchoolValue = "NEVER_ENROLLED" | "ENROLLED" | "DROPPED_OUT";

export function readSchool(value: string): Read<SchoolValue | null> {
  const v = normaliseText(value);
  if (v === "") return ok(null);
  if (
    [
      "1",
      "tidak pernah",
      "tidak/belum pernah sekolah",
      "belum pernah sekolah",
      "tidak pernah sekolah",
    ].includes(v)
  )
    return ok("NEVER_ENROLLED");
  if (["2", "masih sekolah", "sekolah", "ya"].includes(v)) return ok("ENROLLED");
  if (["3", "tidak sekolah lagi", "putus sekolah", "tidak bersekolah lagi"].includes(v))
    return ok("DROPPED_OUT");
  return fail(
    `Sekolah "${value}" tidak dikenal. Isi 1 (tidak pernah), 2 (masih sekolah) atau 3 (tidak sekolah lagi).`,
  );
}

export type JknValue = "NONE" | "PBI" | "MANDIRI" | "EMPLOYER" | "OTHER";

export function readJkn(value: string): Read<JknValue | null> {
  const v = normaliseText(value);
  if (v === "") return ok(null);
  if (["0", "tidak", "tidak ada", "tidak punya", "belum"].includes(v)) return ok("NONE");
  if (["1", "pbi", "pbi jkn", "pbi-jkn", "jkn pbi"].includes(v)) return ok("PBI");
  if (["2", "mandiri", "jkn mandiri", "non pbi", "pbpu"].includes(v)) return ok("MANDIRI");
  if (["4", "pemberi kerja", "jkn pemberi kerja", "ppu"].includes(v)) return ok("EMPLOYER");
  if (["8", "lainnya"].includes(v)) return ok("OTHER");
  return fail(
    `JKN "${value}" tidak dikenal. Isi 0 (tidak ada), 1/PBI, 2/mandiri, 4/pemberi kerja atau 8/lainnya.`,
  );
}

export function readText(value: string, label: string, max: number, required: boolean): Read<string | null> {
  const v = value.replace(/\s+/g, " ").trim();
  if (v === "") return required ? fail(`${label} wajib diisi.`) : ok(null);
  if (v.length > max) return fail(`${label} terlalu panjang (maksimal ${max} karakter).`);
  if (v.includes("\uFFFD"))
    return fail(`${label} berisi karakter yang tidak terbaca. Simpan berkas sebagai CSV UTF-8.`);
  return ok(v);
}

export function readPhone(value: string): Read<string | null> {
  const v = value.replace(/[\s\-().]/g, "");
  if (v === "") return ok(null);
  if (!/^\+?\d{8,15}$/.test(v)) return fail(`Telepon "${value}" harus 8–15 digit angka, boleh diawali +.`);
  return ok(v);
}

export function readQuota(value: string): Read<number | null> {
  const v = value.trim();
  if (v === "") return ok(null);
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 50) return fail(`Kuota "${value}" harus bilangan bulat 0–50.`);
  return ok(n);
}
