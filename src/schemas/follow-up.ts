import { z } from "zod";
import { typedText } from "./base";
import { FOLLOW_UP_TYPES } from "@/lib/follow-up-rules";

// Follow-up board ("Tindak lanjut"): filters from the URL and the two changes an OPD or Bappeda
// makes (status, target OPD), each with a required note. Shared by the forms, actions and the DAL.

export const FOLLOW_UP_STATUSES = ["OPEN", "IN_PROGRESS", "RESOLVED", "REJECTED"] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const FOLLOW_UP_STATUS_LABEL: Record<FollowUpStatus, string> = {
  OPEN: "Terbuka",
  IN_PROGRESS: "Sedang ditangani",
  RESOLVED: "Selesai",
  REJECTED: "Ditolak",
};

/** Allowed status changes: work on it, close it (resolved / rejected), or reopen a closed one. */
export const FOLLOW_UP_TRANSITIONS: Record<FollowUpStatus, readonly FollowUpStatus[]> = {
  OPEN: ["IN_PROGRESS", "RESOLVED", "REJECTED"],
  IN_PROGRESS: ["OPEN", "RESOLVED", "REJECTED"],
  RESOLVED: ["OPEN"],
  REJECTED: ["OPEN"],
};

export function canTransition(from: FollowUpStatus, to: FollowUpStatus): boolean {
  return FOLLOW_UP_TRANSITIONS[from].includes(to);
}

export const MAX_NOTE_LENGTH = 1000;

const note = typedText({ error: "Catatan wajib diisi." })
  .trim()
  .min(3, { error: "Catatan wajib diisi (minimal 3 karakter): jelaskan apa yang dilakukan." })
  .max(MAX_NOTE_LENGTH, { error: `Catatan terlalu panjang (maksimal ${MAX_NOTE_LENGTH} karakter).` });

const followUpId = z.uuid({ error: "Tindak lanjut tidak ditemukan." });

export const followUpStatusChangeSchema = z.object({
  followUpId,
  toStatus: z.enum(FOLLOW_UP_STATUSES, { error: "Pilih status baru." }),
  note,
});
export type FollowUpStatusChange = z.infer<typeof followUpStatusChangeSchema>;

export const followUpTargetChangeSchema = z.object({
  followUpId,
  targetOpdId: z.coerce
    .number({ error: "Pilih OPD tujuan." })
    .int({ error: "Pilih OPD tujuan." })
    .positive({ error: "Pilih OPD tujuan." }),
  note,
});
export type FollowUpTargetChange = z.infer<typeof followUpTargetChangeSchema>;

const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v[0] : v === "" ? undefined : v),
    schema.optional().catch(undefined),
  );

/** GET filters of the board; an unknown value is ignored rather than an error. */
export const followUpBoardFilterSchema = z.object({
  jenis: optionalParam(z.enum(FOLLOW_UP_TYPES)),
  status: optionalParam(z.enum([...FOLLOW_UP_STATUSES, "AKTIF"])),
  opd: optionalParam(z.coerce.number().int().positive()),
  kecamatan: optionalParam(z.string().regex(/^35\.10\.\d{2}$/)),
  halaman: optionalParam(z.coerce.number().int().min(1).max(100_000)),
});
export type FollowUpBoardFilterInput = z.infer<typeof followUpBoardFilterSchema>;
