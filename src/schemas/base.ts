import { z } from "zod";

// What every schema module shares. Importing this module also sets zod's Indonesian messages as
// the default for any rule that has no message of its own (a malformed API request, say), so no
// English text reaches a user or an API client (tests/e2e/fuzz.spec.ts).
z.config(z.locales.id());

// C0 control characters (tab, line feed and carriage return aside) and DEL. Nobody types them;
// PostgreSQL cannot store U+0000 in text or jsonb at all, so one in a request used to fail the
// write with a server error instead of a message.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const CONTROL_CHARACTER_MESSAGE =
  "Isian memuat karakter kontrol yang tidak dapat disimpan. Ketik ulang isian ini.";

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

/** z.string() for text a person types (names, notes, reasons): refuses control characters. */
export function typedText(params?: Parameters<typeof z.string>[0]) {
  return z
    .string(params)
    .refine((value) => !hasControlCharacters(value), { error: CONTROL_CHARACTER_MESSAGE });
}
