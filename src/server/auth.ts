import "server-only";
import { hash, verify } from "@node-rs/argon2";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { PrismaClient } from "@/generated/prisma/client";
import { serverEnv } from "@/lib/env";
import { ASN_ID_LENGTH } from "@/lib/identity";
import type { Role } from "@/lib/permissions";
import { SIGN_IN_UNAVAILABLE_ERROR, signInSchema, signInThrottledError } from "@/schemas/auth";
import { recordAudit } from "./audit";
import { clientIpFrom } from "./client-ip";
import { db } from "./db";
import { AppError } from "./errors";
import { log } from "./log";
import { decodeSessionToken, encodeSessionToken } from "./session-token";
import {
  accountThrottleKey,
  clearAfterSuccess,
  lockIfOverLimit,
  purgeStaleThrottles,
  reserveSignInAttempt,
  throttlePolicy,
  type ThrottleKeys,
  type ThrottlePolicy,
} from "./sign-in-throttle";
import {
  endUserSession,
  purgeEndedSessions,
  sessionPolicy,
  startUserSession,
  type SessionPolicy,
} from "./user-sessions";

// Verifying against a throw-away hash when the account does not exist keeps the response time
// the same for "no such user" and "wrong password", so timing does not reveal valid NIPs.
let dummyHashPromise: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummyHashPromise ??= hash("tidak-ada-akun-ini");
  return dummyHashPromise;
}

function isAllDigits(value: string): boolean {
  return /^[0-9]+$/.test(value);
}

/** A sign-in refused by the throttle (docs/decisions/012); the same for known and unknown logins. */
export class SignInThrottledError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super("TOO_MANY_ATTEMPTS");
    this.name = "SignInThrottledError";
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Where the attempt comes from and when (tests pass a clock). */
export type SignInAttempt = { ip?: string | null; now?: Date };
/** Dependencies, injectable so tests can act as a second app instance or use other limits. */
export type SignInOptions = { client?: PrismaClient; throttle?: ThrottlePolicy; session?: SessionPolicy };

export type SignedInUser = { id: string; role: Role; name: string; tokenVersion: number; sessionId: string };

/**
 * The login string as the audit log may keep it: an 18-digit NIP / NI PPPK or a plain username.
 * Anything else (a 16-digit NIK or KK typed by mistake, a password typed in the wrong field) is
 * left out.
 */
function auditableLogin(normalisedLogin: string): string | null {
  if (isAllDigits(normalisedLogin)) return normalisedLogin.length === ASN_ID_LENGTH ? normalisedLogin : null;
  if (/\d{16}/.test(normalisedLogin)) return null;
  return /^[a-z0-9._@-]{1,50}$/.test(normalisedLogin) ? normalisedLogin : null;
}

/**
 * Checks a sign-in; returns the user (with a new server-side session) or null. Throws
 * SignInThrottledError while the login string or the client IP is locked, even for the right
 * password. Exported for integration tests.
 */
export async function authenticate(
  login: string,
  password: string,
  attempt: SignInAttempt = {},
  options: SignInOptions = {},
): Promise<SignedInUser | null> {
  const parsed = signInSchema.safeParse({ login, password });
  if (!parsed.success) return null;
  const client = options.client ?? db;
  const now = attempt.now ?? new Date();
  const throttle = options.throttle ?? throttlePolicy();
  const normalisedLogin = parsed.data.login.replace(/\s+/g, "").toLowerCase();
  const keys: ThrottleKeys = { account: accountThrottleKey(normalisedLogin), ip: attempt.ip ?? null };
  const context = { login: auditableLogin(normalisedLogin), ip: keys.ip };

  const reservation = await reserveSignInAttempt(keys, now, throttle, client);
  if (!reservation.allowed) {
    const details = {
      ...context,
      scopes: reservation.scopes,
      retryAfterSeconds: reservation.retryAfterSeconds,
    };
    log.warn("sign-in throttled", details);
    await recordAudit(
      { actorId: null, action: "auth.sign_in_throttled", entityType: "user", changes: details },
      client,
    );
    throw new SignInThrottledError(reservation.retryAfterSeconds);
  }

  const user = await client.user.findUnique({
    where: isAllDigits(normalisedLogin) ? { nip: normalisedLogin } : { username: normalisedLogin },
    select: { id: true, role: true, name: true, passwordHash: true, isActive: true, tokenVersion: true },
  });
  const passwordOk = await verify(user?.passwordHash ?? (await dummyHash()), parsed.data.password);
  if (!user || !user.isActive || !passwordOk) {
    await recordAudit(
      {
        actorId: user?.id ?? null,
        action: "auth.sign_in_failed",
        entityType: "user",
        entityId: user?.id ?? null,
      },
      client,
    );
    for (const lockout of await lockIfOverLimit(keys, now, throttle, client)) {
      const details = { ...context, ...lockout, lockoutSeconds: throttle.lockoutSeconds };
      log.warn("sign-in locked", details);
      await recordAudit(
        {
          actorId: null,
          action: "auth.sign_in_locked",
          entityType: "user",
          entityId: lockout.scope === "account" ? (user?.id ?? null) : null,
          changes: { ...details, lockedUntil: lockout.lockedUntil.toISOString() },
        },
        client,
      );
    }
    await purgeStaleThrottles(now, throttle, client);
    return null;
  }

  await clearAfterSuccess(keys, now, client);
  const sessions = options.session ?? sessionPolicy();
  const sessionId = await client.$transaction(async (tx) => {
    const id = await startUserSession(user.id, now, sessions, tx);
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await recordAudit(
      { actorId: user.id, action: "auth.sign_in", entityType: "user", entityId: user.id },
      tx,
    );
    return id;
  });
  await purgeEndedSessions(now, sessions, client);
  return {
    id: user.id,
    role: user.role as Role,
    name: user.name,
    tokenVersion: user.tokenVersion,
    sessionId,
  };
}

/** Sign-out: ends the server-side session (its cookie is then dead anywhere) and audits it. */
export async function signOutSession(
  token: { uid?: string; sid?: string } | null | undefined,
  client: PrismaClient = db,
): Promise<void> {
  if (token?.sid) await endUserSession(token.sid, client);
  if (token?.uid)
    await recordAudit(
      { actorId: token.uid, action: "auth.sign_out", entityType: "user", entityId: token.uid },
      client,
    );
}

let warnedNoTrustedProxy = false;

/** The client address for the per-IP limit, when TRUST_PROXY allows reading it (client-ip.ts). */
function clientIpOf(headers: Record<string, string | string[] | undefined> | undefined): string | null {
  const trustedProxies = serverEnv().TRUST_PROXY;
  if (trustedProxies === 0 && serverEnv().NODE_ENV === "production" && !warnedNoTrustedProxy) {
    warnedNoTrustedProxy = true;
    log.warn("per-IP sign-in limit is off: set TRUST_PROXY to the number of reverse proxies in front");
  }
  return clientIpFrom(headers ?? {}, trustedProxies);
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: Number(process.env.SESSION_MAX_AGE_SECONDS ?? 8 * 60 * 60) },
  secret: process.env.NEXTAUTH_SECRET,
  // next-auth's token format with the derived key cached (src/server/session-token.ts).
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  pages: { signIn: "/login", error: "/login" },
  // next-auth's own messages go through the redacting JSON logger.
  logger: {
    error: (code, metadata) => log.error(`next-auth: ${code}`, { metadata }),
    warn: (code) => log.warn(`next-auth: ${code}`),
    debug: () => {},
  },
  providers: [
    CredentialsProvider({
      name: "NIP",
      credentials: {
        login: { label: "NIP / Nama pengguna", type: "text" },
        password: { label: "Kata sandi", type: "password" },
      },
      // A thrown error's message reaches the browser as next-auth's `error` code: only the two
      // codes of src/schemas/auth.ts, never a database message.
      async authorize(credentials, req) {
        let user: SignedInUser | null;
        try {
          user = await authenticate(credentials?.login ?? "", credentials?.password ?? "", {
            ip: clientIpOf(req.headers),
          });
        } catch (error) {
          if (error instanceof SignInThrottledError)
            throw new Error(signInThrottledError(error.retryAfterSeconds));
          log.error("sign-in failed unexpectedly", { error });
          throw new Error(SIGN_IN_UNAVAILABLE_ERROR);
        }
        if (!user) return null;
        return {
          id: user.id,
          name: user.name,
          role: user.role,
          tokenVersion: user.tokenVersion,
          sessionId: user.sessionId,
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.tv = user.tokenVersion;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.uid,
        role: token.role,
        tokenVersion: token.tv,
        sessionId: token.sid ?? "",
        name: token.name ?? "",
      };
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      await signOutSession(token);
    },
  },
};
