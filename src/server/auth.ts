import "server-only";
import { hash, verify } from "@node-rs/argon2";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInSchema } from "@/schemas/auth";
import type { Role } from "@/lib/permissions";
import { recordAudit } from "./audit";
import { db } from "./db";
import { log } from "./log";

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

/** Checks a sign-in; returns the user or null. Exported for integration tests. */
export async function authenticate(login: string, password: string) {
  const parsed = signInSchema.safeParse({ login, password });
  if (!parsed.success) return null;
  const normalisedLogin = parsed.data.login.replace(/\s+/g, "");
  const user = await db.user.findUnique({
    where: isAllDigits(normalisedLogin)
      ? { nip: normalisedLogin }
      : { username: normalisedLogin.toLowerCase() },
    select: { id: true, role: true, name: true, passwordHash: true, isActive: true, tokenVersion: true },
  });
  const passwordOk = await verify(user?.passwordHash ?? (await dummyHash()), parsed.data.password);
  if (!user || !user.isActive || !passwordOk) {
    await recordAudit({
      actorId: user?.id ?? null,
      action: "auth.sign_in_failed",
      entityType: "user",
      entityId: user?.id ?? null,
    });
    return null;
  }
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await recordAudit({ actorId: user.id, action: "auth.sign_in", entityType: "user", entityId: user.id });
  return { id: user.id, role: user.role as Role, name: user.name, tokenVersion: user.tokenVersion };
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: Number(process.env.SESSION_MAX_AGE_SECONDS ?? 8 * 60 * 60) },
  secret: process.env.NEXTAUTH_SECRET,
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
      async authorize(credentials) {
        const user = await authenticate(credentials?.login ?? "", credentials?.password ?? "");
        if (!user) return null;
        return { id: user.id, name: user.name, role: user.role, tokenVersion: user.tokenVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.tv = user.tokenVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.uid, role: token.role, tokenVersion: token.tv, name: token.name ?? "" };
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.uid)
        await recordAudit({
          actorId: token.uid,
          action: "auth.sign_out",
          entityType: "user",
          entityId: token.uid,
        });
    },
  },
};
