import { z } from "zod";
import { typedText } from "./base";
import { normaliseDigits, parseAsnId } from "@/lib/identity";
import { newPasswordSchema } from "./account";

// ASN roster: create and edit an ASN account (/admin/asn). Form values arrive as strings.

export const ROSTER_PAGE_SIZE = 50;
export const MAX_QUOTA = 50;

const KECAMATAN_CODE = /^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$/;

/** "0812-3456 7890", "+62 812 3456 7890", "62812…" → "081234567890"; null when not an Indonesian mobile number. */
export function normaliseMobilePhone(value: string): string | null {
  const compact = value.replace(/[\s.\-()]/g, "");
  const local = compact.startsWith("+62")
    ? `0${compact.slice(3)}`
    : compact.startsWith("62")
      ? `0${compact.slice(2)}`
      : compact;
  return /^08[1-9][0-9]{7,10}$/.test(local) ? local : null;
}

const optionalText = (max: number, label: string) =>
  typedText()
    .trim()
    .max(max, { error: `${label} maksimal ${max} karakter.` })
    .optional()
    .transform((v) => (v ? v : null));

const optionalKecamatan = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      if (!KECAMATAN_CODE.test(v)) {
        ctx.addIssue({ code: "custom", message: `${label} tidak dikenal.` });
        return z.NEVER;
      }
      return v;
    });

const asnFields = {
  nip: z.string({ error: "NIP/NI PPPK wajib diisi." }).transform((value, ctx) => {
    const parsed = parseAsnId(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }
    return { id: parsed.id, employmentType: parsed.employmentType };
  }),
  name: typedText({ error: "Nama wajib diisi." })
    .trim()
    .min(3, { error: "Nama minimal 3 karakter." })
    .max(150, { error: "Nama maksimal 150 karakter." }),
  opdId: z.coerce
    .number({ error: "Pilih OPD." })
    .int({ error: "Pilih OPD." })
    .positive({ error: "Pilih OPD." }),
  position: optionalText(150, "Jabatan"),
  phone: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v || !v.trim()) return null;
      const phone = normaliseMobilePhone(v);
      if (!phone) {
        ctx.addIssue({
          code: "custom",
          message: "Nomor HP harus nomor seluler Indonesia, mis. 0812 3456 7890.",
        });
        return z.NEVER;
      }
      return phone;
    }),
  /** Empty on create: the programme's default quota. */
  quota: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return null;
      const n = Number(v.trim());
      if (!Number.isInteger(n)) {
        ctx.addIssue({ code: "custom", message: "Kuota harus bilangan bulat." });
        return z.NEVER;
      }
      if (n < 0) {
        ctx.addIssue({ code: "custom", message: "Kuota tidak boleh kurang dari 0." });
        return z.NEVER;
      }
      if (n > MAX_QUOTA) {
        ctx.addIssue({ code: "custom", message: `Kuota maksimal ${MAX_QUOTA} keluarga.` });
        return z.NEVER;
      }
      return n;
    }),
  workKecamatanCode: optionalKecamatan("Kecamatan tempat kerja"),
  homeKecamatanCode: optionalKecamatan("Kecamatan tempat tinggal"),
};

export const asnUpdateSchema = z.object(asnFields);
export type AsnUpdateInput = z.infer<typeof asnUpdateSchema>;

/** Create: the fields plus a temporary password the admin hands over (policy checked against the NIP). */
export const asnCreateSchema = z
  .object({ ...asnFields, temporaryPassword: z.string({ error: "Kata sandi sementara wajib diisi." }) })
  .superRefine((value, ctx) => {
    const result = newPasswordSchema({ nip: value.nip.id }).safeParse(value.temporaryPassword);
    if (!result.success) {
      for (const issue of result.error.issues) {
        ctx.addIssue({ code: "custom", path: ["temporaryPassword"], message: issue.message });
      }
    }
  });
export type AsnCreateInput = z.infer<typeof asnCreateSchema>;

export const resetPasswordSchema = z.object({
  temporaryPassword: z.string({ error: "Kata sandi sementara wajib diisi." }),
});

export const deactivateSchema = z.object({
  reason: typedText({ error: "Alasan wajib diisi." })
    .trim()
    .min(3, { error: "Alasan wajib diisi (mis. pensiun, mutasi ke luar kabupaten)." })
    .max(200, { error: "Alasan maksimal 200 karakter." }),
  /** NIP of the ASN who takes over the families; required when the ASN still fosters families. */
  moveToNip: typedText()
    .optional()
    .transform((v) => (v ? normaliseDigits(v) : null)),
  allowOverQuota: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
});
export type DeactivateInput = z.infer<typeof deactivateSchema>;

export const transferSchema = z.object({
  opdId: asnFields.opdId,
  moveToNip: deactivateSchema.shape.moveToNip,
  allowOverQuota: deactivateSchema.shape.allowOverQuota,
});
export type TransferInput = z.infer<typeof transferSchema>;

export const ROSTER_STATUS = ["aktif", "nonaktif", "semua"] as const;

/** The roster list's URL filters (?q=&opd=&status=&halaman=). Bad values fall back to defaults. */
export const rosterFilterSchema = z.object({
  q: typedText()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined)),
  opd: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(ROSTER_STATUS).catch("aktif").default("aktif"),
  halaman: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type RosterFilter = z.infer<typeof rosterFilterSchema>;
