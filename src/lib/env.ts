import { z } from "zod";

// The one place that reads process.env. Validated on first use, not at import: `next build`
// imports route modules while collecting page data and must not need a database or secrets.
const serverEnvSchema = z.object({
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
