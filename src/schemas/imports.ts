import { z } from "zod";
import "./base";

// The columns of the two import files (docs/import-format.md). Headers are matched after
// normalisation (lower case, only letters and digits), so "No. KK", "NO_KK" and "no kk" are one
// column. Shared by the parser (src/server/imports), the templates and the upload page.

export const IMPORT_KINDS = ["HOUSEHOLDS", "ROSTER"] as const;
export type ImportKindValue = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABEL: Record<ImportKindValue, string> = {
  HOUSEHOLDS: "Keluarga (DTSEN/SIKS-NG)",
  ROSTER: "Daftar ASN",
};

/** The URL spelling of a kind: /api/admin/imports?kind=keluarga|asn. */
export const IMPORT_KIND_SLUG: Record<ImportKindValue, string> = { HOUSEHOLDS: "keluarga", ROSTER: "asn" };

export function importKindFromSlug(slug: string | null): ImportKindValue | null {
  if (slug === "keluarga") return "HOUSEHOLDS";
  if (slug === "asn") return "ROSTER";
  return null;
}

export type ImportColumn<Key extends string> = {
  key: Key;
  /** The header written in templates and error reports. */
  header: string;
  /** Other spellings found in DTSEN / SIKS-NG / BKPSDM exports (normalised by normaliseHeader). */
  aliases: readonly string[];
  description: string;
  example: readonly [string, string];
};

export const HOUSEHOLD_COLUMNS = [
  {
    key: "kk",
    header: "No KK",
    aliases: ["nokk", "nomorkk", "kk", "nkk", "nokartukeluarga", "nomorkartukeluarga"],
    description: "Nomor Kartu Keluarga, 16 digit. Wajib.",
    example: ["3510091503260001", "3510091503260001"],
  },
  {
    key: "nik",
    header: "NIK",
    aliases: ["nik", "noktp", "nomorindukkependudukan", "niknomorindukkependudukan"],
    description: "NIK anggota keluarga, 16 digit. Wajib.",
    example: ["3510090505750001", "3510095708800002"],
  },
  {
    key: "name",
    header: "Nama",
    aliases: ["nama", "namalengkap", "namaanggota", "namaart"],
    description: "Nama lengkap anggota keluarga. Wajib.",
    example: ["Sutrisno", "Siti Aminah"],
  },
  {
    key: "relationship",
    header: "Hubungan",
    aliases: [
      "hubungan",
      "hubungankeluarga",
      "hubungandengankepalakeluarga",
      "hubungandengankk",
      "shdk",
      "statushubungan",
      "hubkel",
    ],
    description:
      "Hubungan dengan kepala keluarga: kepala keluarga, istri, suami, anak, menantu, cucu, orang tua, mertua, pembantu, lainnya; atau kode Regsosek 409 (1–8). Wajib; tepat satu kepala keluarga per No KK.",
    example: ["kepala keluarga", "istri"],
  },
  {
    key: "sex",
    header: "Jenis Kelamin",
    aliases: ["jeniskelamin", "jk", "kelamin", "sex"],
    description: "L/P atau Laki-laki/Perempuan. Jika kosong diambil dari NIK; harus cocok dengan NIK.",
    example: ["L", "P"],
  },
  {
    key: "birthDate",
    header: "Tanggal Lahir",
    aliases: ["tanggallahir", "tgllahir", "tgllhr", "tanggallhr"],
    description:
      "YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY atau sel tanggal Excel. Jika kosong diambil dari NIK; harus cocok dengan NIK.",
    example: ["1975-05-05", "17/08/1980"],
  },
  {
    key: "desaCode",
    header: "Kode Desa",
    aliases: ["kodedesa", "kodedesakelurahan", "kodekelurahan", "kodewilayah", "kddesa", "kodedesakel"],
    description:
      'Kode Kemendagri desa/kelurahan di Banyuwangi, "35.10.09.2001" atau "3510092001". Wajib, kecuali Nama Kecamatan dan Nama Desa diisi.',
    example: ["35.10.09.2001", "35.10.09.2001"],
  },
  {
    key: "kecamatanName",
    header: "Nama Kecamatan",
    aliases: ["namakecamatan", "kecamatan", "kec", "namakec"],
    description: "Nama kecamatan (tanpa huruf besar/kecil dibedakan); dipakai bila Kode Desa kosong.",
    example: ["Genteng", "Genteng"],
  },
  {
    key: "desaName",
    header: "Nama Desa",
    aliases: ["namadesa", "desa", "desakelurahan", "kelurahan", "namadesakelurahan", "namakelurahan"],
    description: "Nama desa/kelurahan di kecamatan tersebut; dipakai bila Kode Desa kosong.",
    example: ["Kembiritan", "Kembiritan"],
  },
  {
    key: "dusun",
    header: "Dusun",
    aliases: ["dusun", "dusunlingkungan", "lingkungan"],
    description: "Dusun/lingkungan (boleh kosong).",
    example: ["Krajan", "Krajan"],
  },
  {
    key: "rt",
    header: "RT",
    aliases: ["rt", "nort"],
    description: "RT, 1–3 digit (disimpan 3 digit, mis. 001).",
    example: ["1", "1"],
  },
  {
    key: "rw",
    header: "RW",
    aliases: ["rw", "norw"],
    description: "RW, 1–3 digit.",
    example: ["2", "2"],
  },
  {
    key: "street",
    header: "Alamat",
    aliases: ["alamat", "jalan", "alamatjalan", "alamatlengkap"],
    description: "Nama jalan / keterangan alamat (boleh kosong).",
    example: ["Jl. Diponegoro No. 5", "Jl. Diponegoro No. 5"],
  },
  {
    key: "desil",
    header: "Desil",
    aliases: ["desil", "desilkesejahteraan", "desilnasional", "peringkatdesil"],
    description: "Desil kesejahteraan DTSEN 1–10 (boleh kosong).",
    example: ["1", "1"],
  },
  {
    key: "category",
    header: "Kategori",
    aliases: ["kategori", "kategorikemiskinan", "statuskesejahteraan", "statuskemiskinan"],
    description: "miskin ekstrem, miskin atau rentan (boleh kosong).",
    example: ["miskin ekstrem", "miskin ekstrem"],
  },
  {
    key: "school",
    header: "Sekolah",
    aliases: ["sekolah", "partisipasisekolah", "statussekolah"],
    description:
      "Opsional. Partisipasi sekolah (Regsosek 412): 1/tidak pernah sekolah, 2/masih sekolah, 3/tidak sekolah lagi.",
    example: ["", ""],
  },
  {
    key: "jkn",
    header: "JKN",
    aliases: ["jkn", "kepesertaanjkn", "statusjkn", "jaminankesehatan"],
    description:
      "Opsional. Kepesertaan JKN (Regsosek 431a): 0/tidak ada, 1/PBI, 2/mandiri, 4/pemberi kerja, 8/lainnya.",
    example: ["PBI", "PBI"],
  },
] as const satisfies readonly ImportColumn<string>[];

export type HouseholdColumnKey = (typeof HOUSEHOLD_COLUMNS)[number]["key"];

export const ROSTER_COLUMNS = [
  {
    key: "nip",
    header: "NIP",
    aliases: ["nip", "nipnipppk", "nippppk", "nipppk", "nomorindukpegawai", "nomorindukpppk", "nipbaru"],
    description: "NIP PNS (18 digit) atau NI PPPK (18 digit). Wajib; dipakai ASN untuk masuk.",
    example: ["198701152012031002", "199203152022212004"],
  },
  {
    key: "name",
    header: "Nama",
    aliases: ["nama", "namalengkap", "namapegawai", "namaasn"],
    description: "Nama lengkap (boleh dengan gelar). Wajib.",
    example: ["Budi Santoso, S.Kom.", "Dewi Lestari"],
  },
  {
    key: "opd",
    header: "OPD",
    aliases: ["opd", "kodeopd", "namaopd", "unitkerja", "perangkatdaerah", "instansi"],
    description: "Kode OPD atau nama OPD persis seperti di aplikasi. Wajib.",
    example: ["BAPPEDA", "DINSOS"],
  },
  {
    key: "position",
    header: "Jabatan",
    aliases: ["jabatan", "namajabatan"],
    description: "Jabatan (boleh kosong).",
    example: ["Perencana Ahli Muda", "Pekerja Sosial"],
  },
  {
    key: "phone",
    header: "Telepon",
    aliases: ["telepon", "telp", "notelepon", "nomortelepon", "nohp", "nomorhp", "hp", "whatsapp", "nowa"],
    description: "Nomor telepon/WhatsApp, 8–15 digit, boleh diawali + (boleh kosong).",
    example: ["081234567890", "085712345678"],
  },
  {
    key: "quota",
    header: "Kuota",
    aliases: ["kuota", "kuotakeluarga", "jumlahkeluarga"],
    description: "Jumlah keluarga asuhan paling banyak, 0–50 (boleh kosong: memakai kuota bawaan).",
    example: ["5", "3"],
  },
] as const satisfies readonly ImportColumn<string>[];

export type RosterColumnKey = (typeof ROSTER_COLUMNS)[number]["key"];

export const HOUSEHOLD_REQUIRED_COLUMNS: readonly HouseholdColumnKey[] = [
  "kk",
  "nik",
  "name",
  "relationship",
];
export const ROSTER_REQUIRED_COLUMNS: readonly RosterColumnKey[] = ["nip", "name", "opd"];

/** "No. KK" → "nokk"; "Tgl_Lahir" → "tgllahir". */
export function normaliseHeader(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** A whole-kabupaten DTSEN export (200,000 households, ~800,000 member rows) is ~110 MB as CSV. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
export const MAX_IMPORT_LABEL = "200 MB";

export const importBatchIdSchema = z.uuid({ error: "Impor tidak ditemukan." });

/** The status endpoint's JSON (polled by the upload form). */
export type ImportStatusPayload = {
  id: string;
  status: "ANALYSING" | "PREVIEW" | "COMMITTED" | "FAILED" | "CANCELLED";
  progressPercent: number;
  rowsRead: number;
  failureMessage: string | null;
};

export const IMPORT_STATUS_LABEL: Record<ImportStatusPayload["status"], string> = {
  ANALYSING: "Sedang diperiksa",
  PREVIEW: "Pratinjau (belum disimpan)",
  COMMITTED: "Disimpan",
  FAILED: "Gagal",
  CANCELLED: "Dibatalkan",
};
