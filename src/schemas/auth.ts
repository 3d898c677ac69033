import { z } from "zod";
import { typedText } from "./base";

/**
 * Sign-in form: ASN use their NIP, other roles a username. A login with a control character is
 * refused here: looked up in the database, it failed the query and next-auth put the database's
 * error text into the sign-in error URL.
 */
export const signInSchema = z.object({
  login: typedText({ error: "NIP / Nama pengguna wajib diisi." })
    .trim()
    .min(1, { error: "NIP / Nama pengguna wajib diisi." })
    .max(50, { error: "NIP / Nama pengguna terlalu panjang." }),
  password: z
    .string({ error: "Kata sandi wajib diisi." })
    .min(1, { error: "Kata sandi wajib diisi." })
    .max(200, { error: "Kata sandi terlalu panjang." }),
});

export type SignInInput = z.infer<typeof signInSchema>;

/** The one message for any failed sign-in: it never says which part was wrong. */
export const SIGN_IN_FAILED_MESSAGE = "NIP / nama pengguna atau kata sandi salah.";

/**
 * next-auth passes an error thrown in authorize() to the browser as its `error` code. A throttled
 * attempt is reported as `SignInThrottled:<seconds until retry>`; the same code and message for a
 * known and an unknown login, so neither reveals whether an account exists (docs/decisions/012).
 */
export const SIGN_IN_THROTTLED_ERROR = "SignInThrottled";
/** Anything unexpected (the database down): not the user's fault, so not "wrong password". */
export const SIGN_IN_UNAVAILABLE_ERROR = "SignInUnavailable";

export const SIGN_IN_UNAVAILABLE_MESSAGE = "Layanan masuk sedang bermasalah. Coba lagi beberapa saat lagi.";

export function signInThrottledError(retryAfterSeconds: number): string {
  return `${SIGN_IN_THROTTLED_ERROR}:${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

/** "Terlalu banyak percobaan masuk. Coba lagi dalam 15 menit." (whole minutes, rounded up). */
export function signInThrottledMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Terlalu banyak percobaan masuk. Coba lagi dalam ${minutes} menit.`;
}

/** The Indonesian message for next-auth's `error` code after a refused sign-in. */
export function signInErrorMessage(error: string | null | undefined): string {
  if (error === SIGN_IN_UNAVAILABLE_ERROR) return SIGN_IN_UNAVAILABLE_MESSAGE;
  const throttled = new RegExp(`^${SIGN_IN_THROTTLED_ERROR}:(\\d{1,6})$`).exec(error ?? "");
  return throttled ? signInThrottledMessage(Number(throttled[1])) : SIGN_IN_FAILED_MESSAGE;
}
