import { z } from "zod";
import "./base";

/** The demo accounts' password (scripts/lib/demo-accounts.mjs): never acceptable as a real one. */
const DEMO_PASSWORD = "berbagi-demo";
export const PASSWORD_MIN_LENGTH = 10;
const PASSWORD_MAX_LENGTH = 200;

export const PASSWORD_MESSAGES = {
  required: "Kata sandi wajib diisi.",
  tooShort: `Kata sandi minimal ${PASSWORD_MIN_LENGTH} karakter.`,
  tooLong: `Kata sandi maksimal ${PASSWORD_MAX_LENGTH} karakter.`,
  demo: "Kata sandi demo tidak boleh dipakai. Pilih kata sandi lain.",
  containsNip: "Kata sandi tidak boleh memuat NIP/NI PPPK.",
  containsUsername: "Kata sandi tidak boleh memuat nama pengguna.",
  allDigits: "Kata sandi tidak boleh hanya berisi angka. Tambahkan huruf.",
  mismatch: "Ulangi kata sandi baru dengan persis sama.",
  sameAsCurrent: "Kata sandi baru harus berbeda dari kata sandi saat ini.",
} as const;

/** Who the password belongs to: it must not contain their sign-in name. */
export type PasswordOwner = { nip?: string | null; username?: string | null };

/** Every policy violation of a new password, in Indonesian ([] when acceptable). */
export function passwordPolicyIssues(password: string, owner: PasswordOwner = {}): string[] {
  if (password.length === 0) return [PASSWORD_MESSAGES.required];
  const issues: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) issues.push(PASSWORD_MESSAGES.tooShort);
  if (password.length > PASSWORD_MAX_LENGTH) issues.push(PASSWORD_MESSAGES.tooLong);
  const lower = password.toLowerCase();
  if (lower.includes(DEMO_PASSWORD)) issues.push(PASSWORD_MESSAGES.demo);
  const compact = lower.replace(/[\s.\-]/g, "");
  if (owner.nip && compact.includes(owner.nip.replace(/\D/g, ""))) issues.push(PASSWORD_MESSAGES.containsNip);
  if (owner.username && owner.username.length >= 3 && lower.includes(owner.username.toLowerCase())) {
    issues.push(PASSWORD_MESSAGES.containsUsername);
  }
  if (/^[0-9\s]+$/.test(password)) issues.push(PASSWORD_MESSAGES.allDigits);
  return issues;
}

/** A new password (temporary or chosen) for the account of `owner`. */
export function newPasswordSchema(owner: PasswordOwner = {}) {
  return z.string({ error: PASSWORD_MESSAGES.required }).superRefine((value, ctx) => {
    for (const message of passwordPolicyIssues(value, owner)) ctx.addIssue({ code: "custom", message });
  });
}

/** /ganti-sandi: the current (possibly temporary) password, then the new one twice. */
export function changePasswordSchema(owner: PasswordOwner) {
  return z
    .object({
      currentPassword: z
        .string({ error: "Kata sandi saat ini wajib diisi." })
        .min(1, { error: "Kata sandi saat ini wajib diisi." })
        .max(PASSWORD_MAX_LENGTH, { error: PASSWORD_MESSAGES.tooLong }),
      newPassword: newPasswordSchema(owner),
      confirmPassword: z.string({ error: PASSWORD_MESSAGES.mismatch }),
    })
    .superRefine((value, ctx) => {
      if (value.newPassword !== value.confirmPassword) {
        ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: PASSWORD_MESSAGES.mismatch });
      }
      if (value.currentPassword.length > 0 && value.newPassword === value.currentPassword) {
        ctx.addIssue({ code: "custom", path: ["newPassword"], message: PASSWORD_MESSAGES.sameAsCurrent });
      }
    });
}

export type ChangePasswordInput = z.infer<ReturnType<typeof changePasswordSchema>>;
