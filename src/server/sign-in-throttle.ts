import "server-only";
import { createHmac } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { secondsAfter } from "@/lib/dates";
import { serverEnv } from "@/lib/env";
import { db } from "./db";

// Failed sign-in counters in PostgreSQL, shared by every app instance (docs/decisions/012).
//
// One row per (scope, key): scope 'account' keyed by an HMAC of the normalised login string (an
// unknown login counts exactly like a known one, and a NIK typed by mistake is never stored), scope
// 'ip' keyed by the client address (src/server/client-ip.ts). An attempt is COUNTED BEFORE the
// password is checked, in one atomic upsert per attempt: parallel attempts serialize on the row,
// so a burst cannot buy more password checks than the limit allows. Afterwards:
//   - wrong password → rows that reached their limit get locked_until (a lockout);
//   - right password → the account's row is deleted, and the IP's count given back (an office
//     behind one NAT signing in all morning never adds up to a lockout).
// Every statement takes the row locks in one order (account, then ip) and the clean-up of stale
// rows runs alone with SKIP LOCKED, so the statements cannot deadlock one another.

export type ThrottleScope = "account" | "ip";

export type ThrottlePolicy = {
  accountMaxFailures: number;
  ipMaxFailures: number;
  windowSeconds: number;
  lockoutSeconds: number;
};

/** The configured limits (SIGN_IN_* in .env.example). */
export function throttlePolicy(): ThrottlePolicy {
  const env = serverEnv();
  return {
    accountMaxFailures: env.SIGN_IN_ACCOUNT_MAX_FAILURES,
    ipMaxFailures: env.SIGN_IN_IP_MAX_FAILURES,
    windowSeconds: env.SIGN_IN_WINDOW_SECONDS,
    lockoutSeconds: env.SIGN_IN_LOCKOUT_SECONDS,
  };
}

export type ThrottleKeys = { account: string; ip: string | null };

/** The account key: HMAC-SHA256 of the login as looked up (no spaces, lower case). */
export function accountThrottleKey(normalisedLogin: string, secret = serverEnv().NEXTAUTH_SECRET): string {
  return createHmac("sha256", secret).update(`asn-berbagi/sign-in-throttle/${normalisedLogin}`).digest("hex");
}

export type Reservation =
  { allowed: true } | { allowed: false; scopes: ThrottleScope[]; retryAfterSeconds: number };

type ReservationRow = {
  source: "locked" | "counted";
  scope: ThrottleScope;
  failures: number | null;
  locked_until: Date | null;
};

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function maxFailures(scope: ThrottleScope, policy: ThrottlePolicy): number {
  return scope === "account" ? policy.accountMaxFailures : policy.ipMaxFailures;
}

/**
 * Counts one attempt for the account and the IP, atomically, and says whether its password may be
 * checked. Refused: either key is locked (nothing is counted then), or the attempt is beyond the
 * limit of a window still open (a burst racing past the lockout that the attempt before it is
 * about to set). A lockout that has ended, or a window that has passed, starts a fresh count.
 */
export async function reserveSignInAttempt(
  keys: ThrottleKeys,
  now: Date,
  policy: ThrottlePolicy,
  client: PrismaClient = db,
): Promise<Reservation> {
  const windowStart = secondsAfter(now, -policy.windowSeconds);
  const rows = await client.$queryRaw<ReservationRow[]>`
    WITH attempt AS (
      SELECT v.scope, v.key
        FROM (VALUES ('account'::varchar, ${keys.account}::varchar), ('ip'::varchar, ${keys.ip}::varchar)) AS v(scope, key)
       WHERE v.key IS NOT NULL
    ), locked AS (
      SELECT t.scope, t.locked_until
        FROM sign_in_throttle t JOIN attempt a ON a.scope = t.scope AND a.key = t.key
       WHERE t.locked_until > ${now}::timestamptz
    ), counted AS (
      INSERT INTO sign_in_throttle AS t (scope, key, failures, window_started_at, locked_until, updated_at)
      SELECT a.scope, a.key, 1, ${now}::timestamptz, NULL, ${now}::timestamptz
        FROM attempt a
       WHERE NOT EXISTS (SELECT 1 FROM locked)
       ORDER BY a.scope
      ON CONFLICT (scope, key) DO UPDATE SET
        failures = CASE
          WHEN t.locked_until > ${now}::timestamptz THEN t.failures
          WHEN t.locked_until IS NOT NULL OR t.window_started_at <= ${windowStart}::timestamptz THEN 1
          ELSE t.failures + 1 END,
        window_started_at = CASE
          WHEN t.locked_until > ${now}::timestamptz THEN t.window_started_at
          WHEN t.locked_until IS NOT NULL OR t.window_started_at <= ${windowStart}::timestamptz THEN ${now}::timestamptz
          ELSE t.window_started_at END,
        locked_until = CASE WHEN t.locked_until > ${now}::timestamptz THEN t.locked_until END,
        updated_at = ${now}::timestamptz
      RETURNING t.scope, t.failures, t.locked_until
    )
    SELECT 'locked' AS source, scope, NULL::int AS failures, locked_until FROM locked
    UNION ALL
    SELECT 'counted', scope, failures, locked_until FROM counted`;

  const refusedUntil = new Map<ThrottleScope, number>();
  for (const row of rows) {
    if (row.locked_until && row.locked_until > now) refusedUntil.set(row.scope, row.locked_until.getTime());
    // A burst beyond the limit: the lockout is being set by the attempt before; say its length.
    else if (row.source === "counted" && (row.failures ?? 0) > maxFailures(row.scope, policy))
      refusedUntil.set(row.scope, secondsAfter(now, policy.lockoutSeconds).getTime());
  }
  if (refusedUntil.size === 0) return { allowed: true };
  return {
    allowed: false,
    scopes: [...refusedUntil.keys()].sort(),
    retryAfterSeconds: seconds(Math.max(...refusedUntil.values()) - now.getTime()),
  };
}

export type Lockout = { scope: ThrottleScope; failures: number; lockedUntil: Date };

/** After a wrong password: locks the keys whose count reached the limit. Returns the new lockouts. */
export async function lockIfOverLimit(
  keys: ThrottleKeys,
  now: Date,
  policy: ThrottlePolicy,
  client: PrismaClient = db,
): Promise<Lockout[]> {
  const lockedUntil = secondsAfter(now, policy.lockoutSeconds);
  const rows = await client.$queryRaw<{ scope: ThrottleScope; failures: number }[]>`
    WITH target AS (
      SELECT scope, key FROM sign_in_throttle
       WHERE (scope = 'account' AND key = ${keys.account}::varchar) OR (scope = 'ip' AND key = ${keys.ip}::varchar)
       ORDER BY scope
         FOR UPDATE
    )
    UPDATE sign_in_throttle t SET locked_until = ${lockedUntil}::timestamptz, updated_at = ${now}::timestamptz
      FROM target
     WHERE t.scope = target.scope AND t.key = target.key AND t.locked_until IS NULL
       AND t.failures >= CASE t.scope WHEN 'account' THEN ${policy.accountMaxFailures}::int ELSE ${policy.ipMaxFailures}::int END
    RETURNING t.scope, t.failures`;
  return rows.map((row) => ({ scope: row.scope, failures: row.failures, lockedUntil }));
}

/**
 * After a right password: the account starts again from zero, and this attempt no longer counts
 * against the IP (unless the IP is locked or its window restarted since the attempt was counted).
 */
export async function clearAfterSuccess(
  keys: ThrottleKeys,
  attemptAt: Date,
  client: PrismaClient = db,
): Promise<void> {
  await client.$executeRaw`
    WITH target AS (
      SELECT scope, key FROM sign_in_throttle
       WHERE (scope = 'account' AND key = ${keys.account}::varchar) OR (scope = 'ip' AND key = ${keys.ip}::varchar)
       ORDER BY scope
         FOR UPDATE
    ), reset AS (
      DELETE FROM sign_in_throttle t USING target
       WHERE t.scope = 'account' AND t.scope = target.scope AND t.key = target.key
    )
    UPDATE sign_in_throttle t SET failures = t.failures - 1
      FROM target
     WHERE t.scope = 'ip' AND t.scope = target.scope AND t.key = target.key
       AND t.failures > 0 AND t.locked_until IS NULL AND t.window_started_at <= ${attemptAt}::timestamptz`;
}

/**
 * Deletes rows whose window and lockout have both passed (such a row means the same as no row).
 * Runs on its own after a failed attempt; SKIP LOCKED: it never waits for, nor blocks, a sign-in.
 * Returns how many rows it removed.
 */
export async function purgeStaleThrottles(
  now: Date,
  policy: ThrottlePolicy,
  client: PrismaClient = db,
  batch = 500,
): Promise<number> {
  const staleBefore = secondsAfter(now, -Math.max(policy.windowSeconds, policy.lockoutSeconds));
  return client.$executeRaw`
    DELETE FROM sign_in_throttle t
     WHERE (t.scope, t.key) IN (
       SELECT scope, key FROM sign_in_throttle
        WHERE updated_at < ${staleBefore}::timestamptz
        ORDER BY updated_at
        LIMIT ${batch}::int
          FOR UPDATE SKIP LOCKED)`;
}
