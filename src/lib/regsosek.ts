// BPS Regsosek 2022 answer codes used by the visit checklist (domain-indonesia.md §4.2, §6),
// with their Indonesian labels, and the BPS "rumah layak huni" rule (§4.1).

type CodeList = Readonly<Record<number, string>>;

/** Q303 jenis lantai terluas. */
export const FLOOR: CodeList = {
  1: "Marmer/granit",
  2: "Keramik",
  3: "Parket/vinil/karpet",
  4: "Ubin/tegel/teraso",
  5: "Kayu/papan",
  6: "Semen/bata merah",
  7: "Bambu",
  8: "Tanah",
  9: "Lainnya",
};

/** Q304 jenis dinding terluas. */
export const WALL: CodeList = {
  1: "Tembok",
  2: "Plesteran anyaman bambu/kawat",
  3: "Kayu/papan/gipsum/GRC/kalsiboard",
  4: "Anyaman bambu",
  5: "Batang kayu",
  6: "Bambu",
  7: "Lainnya",
};

/** Q305 jenis atap terluas. */
export const ROOF: CodeList = {
  1: "Beton",
  2: "Genteng",
  3: "Seng",
  4: "Asbes",
  5: "Kayu/sirap",
  6: "Bambu",
  7: "Jerami/ijuk/daun/rumbia",
  8: "Lainnya",
};

/** Q306a sumber air minum utama. */
export const DRINKING_WATER: CodeList = {
  1: "Air kemasan bermerek",
  2: "Air isi ulang",
  3: "Leding",
  4: "Sumur bor/pompa",
  5: "Sumur terlindung",
  6: "Sumur tak terlindung",
  7: "Mata air terlindung",
  8: "Mata air tak terlindung",
  9: "Air permukaan (sungai/danau)",
  10: "Air hujan",
  11: "Lainnya",
  12: "PDAM",
  13: "PAMDES/PAMSIMAS",
};

/** Q309a fasilitas buang air besar. */
export const SANITATION: CodeList = {
  1: "Ada, digunakan hanya anggota keluarga sendiri",
  2: "Ada, digunakan bersama rumah tangga tertentu",
  3: "Ada, MCK komunal",
  4: "Ada, MCK umum",
  5: "Ada, tetapi tidak digunakan",
  6: "Tidak ada",
};

/** Q307a sumber penerangan utama. */
export const ELECTRICITY: CodeList = {
  1: "Listrik PLN dengan meteran",
  2: "Listrik PLN tanpa meteran",
  3: "Listrik non-PLN",
  4: "Bukan listrik",
};

export const HOUSE_CODE_LISTS = {
  floor: FLOOR,
  wall: WALL,
  roof: ROOF,
  drinkingWater: DRINKING_WATER,
  sanitation: SANITATION,
  electricity: ELECTRICITY,
} as const;

// The house rule lives in its own module, so the visit form can show "layak huni" live without
// shipping these code lists in its first load (docs/performance.md).
export { isHouseLivable, MIN_FLOOR_AREA_PER_PERSON_M2, type HouseAnswers } from "./livable-house";

/** Routine aid programmes (domain-indonesia.md §3); local ones come from the programme settings. */
export const NATIONAL_AID = {
  PKH: "PKH (Program Keluarga Harapan)",
  BPNT: "BPNT / Program Sembako",
  BLT_DD: "BLT Dana Desa",
  PBI_JKN: "PBI-JKN (iuran BPJS dibayar pemerintah)",
  PIP: "PIP / KIP",
  RTLH: "Bedah rumah RTLH / BSPS",
} as const;
export type NationalAidCode = keyof typeof NATIONAL_AID;

export const HEALTH = {
  HEALTHY: "Sehat",
  SICK: "Sakit",
  CHRONIC: "Sakit kronis",
  DISABLED: "Disabilitas",
} as const;

/** Q431a. */
export const JKN = {
  NONE: "Tidak punya JKN",
  PBI: "JKN PBI",
  MANDIRI: "JKN mandiri",
  EMPLOYER: "JKN pemberi kerja",
  OTHER: "Asuransi lain",
} as const;

/** Q412, for members aged 7-18. */
export const SCHOOL = {
  ENROLLED: "Masih sekolah",
  DROPPED_OUT: "Putus sekolah",
  NEVER_ENROLLED: "Belum pernah sekolah",
} as const;

/** Q404. */
export const PRESENCE = {
  PRESENT: "Tinggal bersama keluarga",
  DIED: "Meninggal",
  MOVED: "Pindah",
} as const;

/** Q430, the common chronic diseases offered as suggestions. */
export const CHRONIC_DISEASES = [
  "Hipertensi",
  "Rematik",
  "Asma",
  "Jantung",
  "Diabetes",
  "TBC",
  "Stroke",
  "Kanker",
  "Gagal ginjal",
  "Lainnya",
] as const;

/** Q428 functional difficulties. */
export const DISABILITIES = [
  "Kesulitan melihat",
  "Kesulitan mendengar",
  "Kesulitan berjalan/naik tangga",
  "Kesulitan menggunakan tangan/jari",
  "Kesulitan belajar/intelektual",
  "Kesulitan perilaku/emosi",
  "Kesulitan berbicara/berkomunikasi",
  "Kesulitan mengurus diri sendiri",
  "Kesulitan mengingat/berkonsentrasi",
] as const;
