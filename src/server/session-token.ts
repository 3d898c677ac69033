import "server-only";
import { hkdfSync, randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";
import type { SessionClaims } from "./user-sessions";

// The session cookie, in next-auth's own format (a JWE: "dir" + A256GCM, the key derived from
// NEXTAUTH_SECRET with HKDF-SHA256 and next-auth's info string), so tokens stay valid across this
// change and next-auth's sign-in and sign-out keep working. Two differences (docs/decisions/014):
// the derived key is computed once per secret instead of on every encode/decode (an HKDF call
// per request, twice when next-auth re-encoded the token), and a request reads the cookie and
// decodes it once, without next-auth's session machinery (which also re-encrypted the token and
// sent a new cookie on every API call). The expiry is therefore absolute: SESSION_MAX_AGE_SECONDS
// from sign-in, the same as the server-side session row; idle timeout and revocation are checked
// on that row (src/server/user-sessions.ts).

const DEFAULT_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const CLOCK_TOLERANCE_SECONDS = 15;

const keys = new Map<string, Uint8Array>();

function encryptionKey(secret: string | Buffer, salt: string): Uint8Array {
  const id = `${salt}\u0000${secret.toString("hex")}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = new Uint8Array(hkdfSync("sha256", secret, salt, info, 32));
    keys.set(id, key);
  }
  return key;
}

/** next-auth's `jwt.encode`, with the cached key. */
export async function encodeSessionToken({
  token,
  secret,
  maxAge = DEFAULT_MAX_AGE_SECONDS,
  salt = "",
}: JWTEncodeParams): Promise<string> {
  return new EncryptJWT({ ...token })
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + maxAge)
    .setJti(randomUUID())
    .encrypt(encryptionKey(secret, salt));
}

/** next-auth's `jwt.decode`, with the cached key: the payload, or null when there is no token. */
export async function decodeSessionToken({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, encryptionKey(secret, salt), {
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  });
  return payload as JWT;
}

/** next-auth's cookie name: the __Secure- prefix when the site is served over https. */
export function sessionCookieName(siteUrl: string | undefined): string {
  return siteUrl?.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export type CookieReader = {
  get(name: string): { value: string } | undefined;
  getAll(): { name: string; value: string }[];
};

/** A Pages API request's parsed cookies (`req.cookies`) as a CookieReader. */
export function cookieReaderOf(cookies: Partial<Record<string, string>>): CookieReader {
  return {
    get: (name) => (cookies[name] === undefined ? undefined : { value: cookies[name] }),
    getAll: () =>
      Object.entries(cookies).flatMap(([name, value]) => (value === undefined ? [] : [{ name, value }])),
  };
}

/**
 * The token in a request's cookies. next-auth splits a token over 4 kB into `<name>.0`, `<name>.1`,
 * …; ours are far smaller, but a split one is joined the same way.
 */
export function sessionTokenFrom(cookies: CookieReader, name: string): string | null {
  const whole = cookies.get(name)?.value;
  if (whole) return whole;
  const chunks = cookies
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length > 0 ? chunks.map((c) => c.value).join("") : null;
}

/** The claims the server-side check needs, from a decoded token; null when any is missing. */
export function sessionClaimsOf(token: JWT | null): SessionClaims | null {
  if (
    !token ||
    typeof token.uid !== "string" ||
    typeof token.sid !== "string" ||
    typeof token.tv !== "number"
  )
    return null;
  return { userId: token.uid, sessionId: token.sid, tokenVersion: token.tv };
}
