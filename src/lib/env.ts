import { z } from "zod";

// The one place that reads process.env. Validated on first use, not at import: `next build`
// imports route modules while collecting page data and must not need a database or secrets.
const serverEnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.string().url({ message: "DATABASE_URL harus berupa URL PostgreSQL" }),
    NEXTAUTH_SECRET: z.string().min(32, { message: "NEXTAUTH_SECRET minimal 32 karakter" }),
    NEXTAUTH_URL: z.string().url().optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    /** Sign-in session lifetime in seconds (absolute). */
    SESSION_MAX_AGE_SECONDS: z.coerce
      .number()
      .int()
      .min(300)
      .default(8 * 60 * 60),
    /** A session unused for this long ends (docs/decisions/012). */
    SESSION_IDLE_TIMEOUT_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .default(30 * 60),
    /** Failed sign-ins per login string within the window before it is locked. */
    SIGN_IN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).max(1_000).default(5),
    /** Failed sign-ins per client IP within the window before that IP is locked. */
    SIGN_IN_IP_MAX_FAILURES: z.coerce.number().int().min(1).max(1_000_000).default(30),
    /** The window the failures are counted in, in seconds. */
    SIGN_IN_WINDOW_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(24 * 60 * 60)
      .default(15 * 60),
    /** How long a locked login string or IP is refused, in seconds. */
    SIGN_IN_LOCKOUT_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(24 * 60 * 60)
      .default(15 * 60),
    /** Reverse proxies in front of the app that append to X-Forwarded-For; 0 = trust none. */
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  })
  .refine((env) => env.SIGN_IN_IP_MAX_FAILURES >= env.SIGN_IN_ACCOUNT_MAX_FAILURES, {
    path: ["SIGN_IN_IP_MAX_FAILURES"],
    message: "SIGN_IN_IP_MAX_FAILURES tidak boleh lebih kecil dari SIGN_IN_ACCOUNT_MAX_FAILURES",
  });

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  cached ??= serverEnvSchema.parse(process.env);
  return cached;
}

/** The database URL without validation, for building clients lazily (never throws). */
export function databaseUrlOrUndefined(): string | undefined {
  return process.env.DATABASE_URL;
}

export function isProduction(): boolean {
  return process.env.NODE_ENV === "production";
}
