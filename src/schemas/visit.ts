import { z } from "zod";
import { typedText } from "./base";
import { parseRupiah } from "@/lib/money";
import { parsePeriodKey } from "@/lib/period";
import {
  DRINKING_WATER,
  ELECTRICITY,
  FLOOR,
  HEALTH,
  JKN,
  PRESENCE,
  ROOF,
  SANITATION,
  SCHOOL,
  WALL,
} from "@/lib/regsosek";

// The visit report ("Laporan kunjungan"): one schema for the form (instant feedback), the server
// action and the DAL. Rules that need the database (assignment, period window, member ages) are
// checked in src/server/visits.ts.

export const MAX_ITEM_QUANTITY = 1_000;
export const MAX_ITEM_VALUE_RUPIAH = 5_000_000;
export const MAX_PHOTO_BYTES = 1_048_576;

const trimmedOrNull = (max: number, label: string) =>
  typedText()
    .trim()
    .max(max, { error: `${label} terlalu panjang (maksimal ${max} karakter).` })
    .nullable()
    .transform((v) => (v ? v : null));

function codeOf(list: Readonly<Record<number, string>>, label: string) {
  const codes = Object.keys(list).map(Number);
  return z.coerce
    .number({ error: `Pilih ${label}.` })
    .int({ error: `Pilih ${label}.` })
    .refine((v) => codes.includes(v), { error: `Pilih ${label}.` });
}

const rupiah = z.preprocess(
  (v) => (typeof v === "string" ? (parseRupiah(v) ?? Number.NaN) : v),
  z
    .number({ error: "Nilai harus angka Rupiah bulat, misalnya 25.000." })
    .int({ error: "Nilai harus angka Rupiah bulat, tanpa sen." })
    .min(0, { error: "Nilai tidak boleh negatif." })
    .max(MAX_ITEM_VALUE_RUPIAH, { error: "Nilai terlalu besar (maksimal Rp5.000.000 per barang)." }),
);

export const visitItemSchema = z.object({
  name: typedText()
    .trim()
    .min(1, { error: "Nama barang wajib diisi." })
    .max(100, { error: "Nama barang terlalu panjang." }),
  quantity: z.coerce
    .number({ error: "Jumlah harus berupa angka." })
    .positive({ error: "Jumlah harus lebih dari 0." })
    .max(MAX_ITEM_QUANTITY, { error: "Jumlah terlalu besar (maksimal 1.000)." })
    .refine((v) => Number.isInteger(v * 100), { error: "Jumlah paling banyak dua angka di belakang koma." }),
  unit: typedText()
    .trim()
    .min(1, { error: "Satuan wajib diisi." })
    .max(30, { error: "Satuan terlalu panjang." }),
  valueRupiah: rupiah,
});

export const memberAnswerSchema = z
  .object({
    memberId: z.uuid({ error: "Anggota keluarga tidak dikenal." }),
    presence: z.enum(Object.keys(PRESENCE) as [keyof typeof PRESENCE], {
      error: "Pilih keberadaan anggota.",
    }),
    health: z
      .enum(Object.keys(HEALTH) as [keyof typeof HEALTH], { error: "Pilih kondisi kesehatan." })
      .nullable(),
    chronicDisease: trimmedOrNull(100, "Nama penyakit"),
    disability: trimmedOrNull(100, "Jenis disabilitas"),
    jkn: z.enum(Object.keys(JKN) as [keyof typeof JKN], { error: "Pilih status JKN." }).nullable(),
    school: z
      .enum(Object.keys(SCHOOL) as [keyof typeof SCHOOL], { error: "Pilih status sekolah." })
      .nullable(),
  })
  .superRefine((m, ctx) => {
    if (m.presence !== "PRESENT") return;
    if (!m.health) ctx.addIssue({ code: "custom", path: ["health"], message: "Pilih kondisi kesehatan." });
    if (!m.jkn) ctx.addIssue({ code: "custom", path: ["jkn"], message: "Pilih status JKN." });
    if (m.health === "CHRONIC" && !m.chronicDisease)
      ctx.addIssue({ code: "custom", path: ["chronicDisease"], message: "Sebutkan penyakit kronisnya." });
    if (m.health === "DISABLED" && !m.disability)
      ctx.addIssue({ code: "custom", path: ["disability"], message: "Sebutkan jenis disabilitasnya." });
  });

export const houseSchema = z.object({
  floor: codeOf(FLOOR, "jenis lantai"),
  wall: codeOf(WALL, "jenis dinding"),
  roof: codeOf(ROOF, "jenis atap"),
  drinkingWater: codeOf(DRINKING_WATER, "sumber air minum"),
  sanitation: codeOf(SANITATION, "fasilitas buang air besar"),
  electricity: codeOf(ELECTRICITY, "sumber penerangan"),
  floorAreaM2: z.coerce
    .number({ error: "Luas lantai harus berupa angka." })
    .positive({ error: "Luas lantai harus lebih dari 0." })
    .max(2_000, { error: "Luas lantai terlalu besar." })
    .nullable(),
});

export const visitReportSchema = z
  .object({
    householdId: z.uuid({ error: "Keluarga tidak dikenal." }),
    periodKey: z.string().refine((k) => parsePeriodKey(k) !== null, { error: "Periode tidak dikenal." }),
    /** Generated once per report on the phone; a retry with the same key is stored once. */
    idempotencyKey: z.uuid({ error: "Kunci pengiriman tidak sah. Muat ulang halaman." }),
    visitDate: z.iso.date({ error: "Tanggal kunjungan wajib diisi dengan benar." }),
    delivered: z.boolean({ error: "Pilih apakah bantuan diantar." }),
    items: z.array(visitItemSchema).max(10, { error: "Paling banyak 10 barang." }),
    notDeliveredReason: trimmedOrNull(300, "Alasan"),
    livingAlone: z.object({
      anyoneAlone: z.boolean({ error: "Jawab apakah ada yang tinggal sebatang kara." }),
      hasCaregiver: z.boolean().nullable(),
    }),
    members: z.array(memberAnswerSchema).max(30),
    aid: z.array(typedText().trim().min(1).max(100)).max(20, { error: "Terlalu banyak program bantuan." }),
    house: houseSchema.nullable(),
    changes: z.object({
      familyMoved: z.boolean(),
      familyNotFound: z.boolean(),
      newMember: z.boolean(),
    }),
    notes: trimmedOrNull(2000, "Catatan"),
    location: z
      .object({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        accuracyMeters: z.number().min(0).max(100_000).nullable(),
      })
      .nullable(),
  })
  .superRefine((v, ctx) => {
    if (v.delivered && v.items.length === 0)
      ctx.addIssue({ code: "custom", path: ["items"], message: "Isi minimal satu barang yang diantar." });
    if (!v.delivered && !v.notDeliveredReason)
      ctx.addIssue({
        code: "custom",
        path: ["notDeliveredReason"],
        message: "Tuliskan alasan bantuan tidak diantar.",
      });
    if (v.livingAlone.anyoneAlone && v.livingAlone.hasCaregiver === null)
      ctx.addIssue({
        code: "custom",
        path: ["livingAlone", "hasCaregiver"],
        message: "Jawab apakah ada pendamping/perawat.",
      });
    const familyAbsent = v.changes.familyMoved || v.changes.familyNotFound;
    if (!familyAbsent && v.house === null)
      ctx.addIssue({ code: "custom", path: ["house"], message: "Isi kondisi rumah." });
    const ids = v.members.map((m) => m.memberId);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: "custom", path: ["members"], message: "Anggota keluarga tercantum dua kali." });
  });

export type VisitReportInput = z.input<typeof visitReportSchema>;
export type VisitReport = z.output<typeof visitReportSchema>;
export type MemberAnswer = z.output<typeof memberAnswerSchema>;

/** The checklist as stored in visit.checklist (jsonb), versioned for later changes. */
export type StoredChecklist = {
  version: 1;
  livingAlone: VisitReport["livingAlone"];
  members: MemberAnswer[];
  aid: string[];
  house: (NonNullable<VisitReport["house"]> & { livable: boolean }) | null;
  changes: VisitReport["changes"];
  notes: string | null;
};
