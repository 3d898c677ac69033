import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { serverEnv } from "@/lib/env";
import type { Actor, Role } from "@/lib/permissions";
import {
  decodeSessionToken,
  sessionClaimsOf,
  sessionCookieName,
  sessionTokenFrom,
  type CookieReader,
} from "./session-token";
import { actorForSession } from "./user-sessions";

/**
 * The actor behind a request's cookies, or null. The JWT alone is not trusted: its server-side
 * session must still be open (not signed out, not idle past SESSION_IDLE_TIMEOUT_SECONDS, not past
 * SESSION_MAX_AGE_SECONDS) and the account is re-read, so a deactivated user or a changed role
 * (token version bumped) loses access at once. One cookie decode and one query
 * (docs/decisions/014: no next-auth session round, which re-encrypted the token each time).
 */
export async function actorFromCookies(jar: CookieReader): Promise<Actor | null> {
  const env = serverEnv();
  const token = sessionTokenFrom(jar, sessionCookieName(env.NEXTAUTH_URL));
  if (!token) return null;
  let claims;
  try {
    claims = sessionClaimsOf(await decodeSessionToken({ token, secret: env.NEXTAUTH_SECRET }));
  } catch {
    return null; // tampered, expired or from another secret: signed out
  }
  return claims ? actorForSession(claims) : null;
}

/** The signed-in actor of this render, action or route handler, or null; cached per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  // cookies() first: it marks the render as per-request, so `next build` never gets further.
  return actorFromCookies(await cookies());
});

/** Where an account with a temporary password is sent until it has chosen its own. */
export const CHANGE_PASSWORD_PATH = "/ganti-sandi";

/**
 * For pages and server actions: the actor, or a redirect to the sign-in page. An account that
 * still has a temporary password is sent to /ganti-sandi instead: every page and every action
 * (which can be posted to any URL) is refused until the password is changed.
 */
export async function requireActor(): Promise<Actor> {
  const actor = await requireSignedIn();
  if (actor.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  return actor;
}

/**
 * Signed in, temporary password or not. Only for the (app) layout and the change-password page
 * and action; everything else uses requireActor()/requireRole().
 */
export async function requireSignedIn(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}

/** For a role's area: anyone else gets 404, so the area's existence is not confirmed. */
export async function requireRole(...roles: Role[]): Promise<Actor> {
  const actor = await requireActor();
  if (!roles.includes(actor.role)) notFound();
  return actor;
}
