import "server-only";

// Structured logs: one JSON object per line on stdout (info) or stderr (warn, error), for any log
// collector. Personal data never reaches a log (UU 27/2022; docs/security.md): every line passes
// through redact(), which masks runs of 16+ digits (NIK, No KK; an 18-digit NIP too) anywhere in
// text and the values of secret or identity keys (password, token, cookie, authorization, nik…).

export type LogLevel = "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

const MASK = "[disamarkan]";
const LONG_DIGIT_RUN = /\d{16,}/g;
const SECRET_KEY =
  /pass(word|wd)?|secret|token|cookie|authori[sz]ation|session|api[-_]?key|credential|^nik$|nik$|^kk$|kk_?number|no_?kk/i;
const MAX_DEPTH = 6;
const MAX_STRING = 4_000;

function redactString(text: string): string {
  const masked = text.replace(LONG_DIGIT_RUN, MASK);
  return masked.length > MAX_STRING ? `${masked.slice(0, MAX_STRING)}…` : masked;
}

/** An error as plain data: name, message, stack, digest (Next), code (pg/Prisma), cause. */
function serializeError(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const extra = error as Error & { digest?: unknown; code?: unknown };
  return {
    name: error.name,
    message: redactString(error.message),
    ...(typeof extra.code === "string" ? { code: extra.code } : {}),
    ...(typeof extra.digest === "string" ? { digest: extra.digest } : {}),
    ...(error.stack ? { stack: redactString(error.stack) } : {}),
    ...(error.cause !== undefined ? { cause: redactValue(error.cause, depth + 1, seen) } : {}),
  };
}

function redactValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return redactString(value);
  if (typeof value === "bigint") return redactString(value.toString());
  if (value === null || typeof value !== "object") {
    if (typeof value === "number") return redactString(String(value)) === MASK ? MASK : value;
    return typeof value === "function" || typeof value === "symbol" ? undefined : value;
  }
  if (seen.has(value)) return "[circular]";
  if (depth >= MAX_DEPTH) return "[depth]";
  seen.add(value);
  if (value instanceof Error) return serializeError(value, depth, seen);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redactValue(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? MASK : redactValue(item, depth + 1, seen);
  }
  return out;
}

/** Masks personal numbers and secrets in any value (strings, objects, errors); exported for tests. */
export function redact(value: unknown): unknown {
  return redactValue(value, 0, new WeakSet());
}

/** One log line (without the newline). */
export function formatLogLine(
  level: LogLevel,
  msg: string,
  fields: LogFields = {},
  now = new Date(),
): string {
  const { error, ...rest } = fields;
  const line: Record<string, unknown> = {
    time: now.toISOString(),
    level,
    msg: redactString(msg),
    ...(redact(rest) as Record<string, unknown>),
  };
  if (error !== undefined)
    line.error =
      error instanceof Error ? redact(error) : { name: "NonError", message: redact(String(error)) };
  return JSON.stringify(line);
}

function write(level: LogLevel, msg: string, fields?: LogFields): void {
  let line: string;
  try {
    line = formatLogLine(level, msg, fields);
  } catch {
    line = JSON.stringify({ time: new Date().toISOString(), level, msg: redactString(msg), logError: true });
  }
  if (level === "info") console.log(line);
  else console.error(line);
}

/**
 * The app's logger. Pass `requestId` in the fields when known, and `error` for a caught value.
 *   log.error("import analysis failed", { requestId, batchId, error });
 */
export const log = {
  info: (msg: string, fields?: LogFields) => write("info", msg, fields),
  warn: (msg: string, fields?: LogFields) => write("warn", msg, fields),
  error: (msg: string, fields?: LogFields) => write("error", msg, fields),
};

/**
 * Logs the stop signal (from src/instrumentation.ts). `next start` handles SIGTERM/SIGINT itself:
 * it stops accepting connections, waits for the requests in flight, then exits. The Prisma pool
 * needs no explicit $disconnect(): disconnecting on the signal would race with, and break, those
 * last requests; at exit the sockets close and PostgreSQL ends the sessions (no transaction is
 * open then: each belongs to a request that has finished).
 */
export function logShutdownSignals(): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const)
    process.once(signal, () => log.info("shutdown requested; finishing requests in flight", { signal }));
}
