import { z } from "zod";
import { typedText } from "./base";
import { normaliseDigits } from "@/lib/identity";

// Assignment of families to ASN (/admin/penugasan). ASN are named by NIP/NI PPPK in forms: it is
// what admins know and type, and it scales where a <select> of 12,000 ASN would not.

export const UNASSIGNED_PAGE_SIZE = 50;
/** The most families one automatic proposal previews and confirms at once. */
export const MAX_PROPOSAL_ROWS = 500;
export const MAX_BULK_ASSIGN = 500;

const uuid = z.uuid({ error: "Keluarga tidak dikenal." });

const asnNip = z
  .string({ error: "Isi NIP/NI PPPK ASN tujuan." })
  .transform((v) => normaliseDigits(v))
  .pipe(z.string().regex(/^[0-9]{18}$/, { error: "NIP/NI PPPK ASN tujuan harus 18 digit angka." }));

const reason = typedText()
  .trim()
  .max(200, { error: "Alasan maksimal 200 karakter." })
  .optional()
  .transform((v) => (v ? v : null));

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

/** Assign one or many selected families to one ASN. */
export const bulkAssignSchema = z.object({
  asnNip,
  householdIds: z
    .array(uuid)
    .min(1, { error: "Pilih minimal satu keluarga." })
    .max(MAX_BULK_ASSIGN, { error: `Maksimal ${MAX_BULK_ASSIGN} keluarga sekaligus.` }),
  reason,
  allowOverQuota: checkbox,
});
export type BulkAssignInput = z.infer<typeof bulkAssignSchema>;

/** Move every active family of one ASN to another. */
export const moveAllSchema = z.object({
  toNip: asnNip,
  reason: typedText({ error: "Alasan wajib diisi." })
    .trim()
    .min(3, { error: "Alasan wajib diisi." })
    .max(200, { error: "Alasan maksimal 200 karakter." }),
  allowOverQuota: checkbox,
});
export type MoveAllInput = z.infer<typeof moveAllSchema>;

/** The confirmed (possibly edited) automatic proposal: ticked rows with their ASN. */
export const confirmProposalSchema = z.object({
  rows: z
    .array(z.object({ householdId: uuid, asnNip }))
    .min(1, { error: "Centang minimal satu baris usulan." })
    .max(MAX_PROPOSAL_ROWS, { error: `Maksimal ${MAX_PROPOSAL_ROWS} baris sekaligus.` }),
});
export type ConfirmProposalInput = z.infer<typeof confirmProposalSchema>;

const regionCode = (pattern: RegExp) => z.string().regex(pattern).optional().catch(undefined);

/** /admin/penugasan URL filters. */
export const unassignedFilterSchema = z.object({
  kecamatan: regionCode(/^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$/),
  desa: regionCode(/^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}$/),
  halaman: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type UnassignedFilter = z.infer<typeof unassignedFilterSchema>;
