import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { secondsAfter } from "@/lib/dates";
import { serverEnv } from "@/lib/env";
import type { Actor, Role } from "@/lib/permissions";
import { db, PREPARED } from "./db";

// Server-side session rows (docs/decisions/012). next-auth's JWT cookie carries the row's id; the
// token alone is never enough: the row must exist (sign-out deletes it), must have been used
// within the idle timeout and must be before its absolute expiry. Server components cannot
// rewrite the cookie, so the state lives here, read with the account in one query per request.

export type SessionPolicy = { maxAgeSeconds: number; idleTimeoutSeconds: number };

/** SESSION_MAX_AGE_SECONDS and SESSION_IDLE_TIMEOUT_SECONDS. */
export function sessionPolicy(): SessionPolicy {
  const env = serverEnv();
  return { maxAgeSeconds: env.SESSION_MAX_AGE_SECONDS, idleTimeoutSeconds: env.SESSION_IDLE_TIMEOUT_SECONDS };
}

/** last_seen_at is written at most this often per session: the idle timeout is exact to a minute. */
export const SESSION_TOUCH_INTERVAL_SECONDS = 60;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type SessionWriter = Pick<Prisma.TransactionClient, "userSession">;

/** Opens a session for a successful sign-in and returns its id (for the token). */
export async function startUserSession(
  userId: string,
  now: Date,
  policy: SessionPolicy,
  client: SessionWriter = db,
): Promise<string> {
  const session = await client.userSession.create({
    data: { userId, createdAt: now, lastSeenAt: now, expiresAt: secondsAfter(now, policy.maxAgeSeconds) },
    select: { id: true },
  });
  return session.id;
}

/**
 * Deletes sessions of any user that have ended (idle or expired), after each sign-in, so the table
 * holds about one row per person signed in. Alone, with SKIP LOCKED: it never waits for a request.
 */
export async function purgeEndedSessions(
  now: Date,
  policy: SessionPolicy,
  client: PrismaClient = db,
  batch = 500,
): Promise<number> {
  const idleSince = secondsAfter(now, -policy.idleTimeoutSeconds);
  return client.$executeRaw`
    DELETE FROM user_session
     WHERE id IN (
       SELECT id FROM user_session
        WHERE expires_at <= ${now}::timestamptz OR last_seen_at <= ${idleSince}::timestamptz
        LIMIT ${batch}::int
          FOR UPDATE SKIP LOCKED)`;
}

/** Sign-out: the session's row goes, so its token (wherever a copy is) no longer opens anything. */
export async function endUserSession(sessionId: string, client: PrismaClient = db): Promise<void> {
  if (!UUID.test(sessionId)) return;
  await client.userSession.deleteMany({ where: { id: sessionId } });
}

/** What the session token claims; checked against the database on every request. */
export type SessionClaims = { userId: string; sessionId: string; tokenVersion: number };

type ActorRow = {
  id: string;
  role: Role;
  name: string;
  opdId: number | null;
  supervisedRegionCode: string | null;
  mustChangePassword: boolean;
};

/**
 * The actor behind a session token, or null when the session was ended (signed out), has been
 * idle longer than the timeout, is past its absolute expiry, or the account was deactivated or its
 * token version bumped (role change, password change or reset). One statement: the check, the
 * account, and (at most once a minute) the last-seen time.
 */
export async function actorForSession(
  claims: SessionClaims,
  now: Date = new Date(),
  policy: SessionPolicy = sessionPolicy(),
  client: PrismaClient = db,
): Promise<Actor | null> {
  if (!UUID.test(claims.sessionId) || !UUID.test(claims.userId)) return null;
  const idleSince = secondsAfter(now, -policy.idleTimeoutSeconds);
  const touchBefore = secondsAfter(now, -SESSION_TOUCH_INTERVAL_SECONDS);
  const [row] = await client.$queryRaw<ActorRow[]>`${PREPARED}
    WITH touched AS (
      UPDATE user_session SET last_seen_at = ${now}::timestamptz
       WHERE id = ${claims.sessionId}::uuid AND user_id = ${claims.userId}::uuid
         AND expires_at > ${now}::timestamptz AND last_seen_at > ${idleSince}::timestamptz
         AND last_seen_at <= ${touchBefore}::timestamptz
      RETURNING id
    )
    SELECT u.id, u.role::text AS role, u.name, u.opd_id AS "opdId",
           u.supervised_region_code AS "supervisedRegionCode", u.must_change_password AS "mustChangePassword"
      FROM user_session s JOIN app_user u ON u.id = s.user_id
     WHERE s.id = ${claims.sessionId}::uuid AND s.user_id = ${claims.userId}::uuid
       AND s.expires_at > ${now}::timestamptz AND s.last_seen_at > ${idleSince}::timestamptz
       AND u.is_active AND u.token_version = ${claims.tokenVersion}::int`;
  if (!row) return null;
  return {
    id: row.id,
    role: row.role,
    name: row.name,
    opdId: row.opdId,
    supervisedRegionCode: row.supervisedRegionCode,
    ...(row.mustChangePassword ? { mustChangePassword: true } : {}),
  };
}
