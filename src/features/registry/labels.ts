import {
  HOUSEHOLD_STATUS_LABEL,
  JKN_LABEL,
  MEMBER_STATUS_LABEL,
  RELATIONSHIP_LABEL,
  SCHOOL_LABEL,
  SEX_LABEL,
  WELFARE_CATEGORY_LABEL,
} from "@/schemas/household";

/** Audit actions of the registry and of neighbouring features that write household entries. */
export const AUDIT_ACTION_LABEL: Record<string, string> = {
  "household.update": "Data keluarga diubah",
  "household.member_create": "Anggota keluarga ditambahkan",
  "household.member_update": "Data anggota keluarga diubah",
  "household.status_change": "Status keluarga diubah",
  "household.view_identity": "NIK/No KK lengkap dilihat",
};

export const AUDIT_FIELD_LABEL: Record<string, string> = {
  desaCode: "Desa/kelurahan",
  dusun: "Dusun/lingkungan",
  rt: "RT",
  rw: "RW",
  street: "Alamat jalan",
  latitude: "Lintang",
  longitude: "Bujur",
  desil: "Desil",
  category: "Kategori",
  status: "Status",
  nik: "NIK",
  headNik: "NIK kepala keluarga",
  kkNumber: "No KK",
  headName: "Nama kepala keluarga",
  name: "Nama",
  sex: "Jenis kelamin",
  birthDate: "Tanggal lahir",
  relationship: "Hubungan",
  schoolParticipation: "Partisipasi sekolah",
  disability: "Disabilitas",
  chronicIllness: "Penyakit kronis",
  jknStatus: "JKN",
};

const VALUE_LABELS: Record<string, Record<string, string>> = {
  status: { ...HOUSEHOLD_STATUS_LABEL, ...MEMBER_STATUS_LABEL },
  category: WELFARE_CATEGORY_LABEL,
  sex: SEX_LABEL,
  relationship: RELATIONSHIP_LABEL,
  schoolParticipation: SCHOOL_LABEL,
  jknStatus: JKN_LABEL,
};

/** A stored audit value shown to people: enum codes as labels, empty as "–". */
export function auditValueText(field: string, value: unknown, regionNames: Map<string, string>): string {
  if (value === null || value === undefined || value === "") return "–";
  const text = String(value);
  if (field === "desaCode") return regionNames.get(text) ?? text;
  return VALUE_LABELS[field]?.[text] ?? text;
}
