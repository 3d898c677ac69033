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
