import { hash } from "@node-rs/argon2";
import type { JWT } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { authenticate, authOptions, type SignedInUser } from "@/server/auth";
import { db } from "@/server/db";
import { deactivateAsn } from "@/server/roster";
import { actorForSession, type SessionPolicy } from "@/server/user-sessions";
import type { Actor } from "@/lib/permissions";
import { actorFor, createUser, fakeNip, resetDatabase } from "../support/factories";

// Server-side sessions (docs/decisions/012): the token names a row in user_session; idle timeout,
// absolute lifetime, sign-out and deactivation each end it. Time is passed in, never waited for.

const PASSWORD = "rahasia-yang-benar";
const POLICY: SessionPolicy = { maxAgeSeconds: 8 * 60 * 60, idleTimeoutSeconds: 30 * 60 };
const T0 = new Date("2026-11-30T01:00:00.000Z");
const at = (minutes: number, seconds = 0) => new Date(T0.getTime() + (minutes * 60 + seconds) * 1000);

let passwordHash: string;
let admin: Actor;

beforeAll(async () => {
  await resetDatabase();
  passwordHash = await hash(PASSWORD);
  admin = actorFor(await createUser("ADMIN"));
});

async function newAsn() {
  const nip = fakeNip();
  if (await db.user.findUnique({ where: { nip } })) return newAsn();
  return createUser("ASN", { nip, passwordHash });
}

async function signInAt(nip: string, now: Date): Promise<SignedInUser> {
  const user = await authenticate(nip, PASSWORD, { now }, { session: POLICY });
  if (!user) throw new Error("sign-in failed");
  return user;
}

const claimsOf = (user: SignedInUser) => ({
  userId: user.id,
  sessionId: user.sessionId,
  tokenVersion: user.tokenVersion,
});

/** What getActor() would answer for this token at that moment. */
const actorAt = (user: SignedInUser, now: Date) => actorForSession(claimsOf(user), now, POLICY);

describe("server-side session", () => {
  it("a sign-in opens a session row whose id goes into the token", async () => {
    const asn = await newAsn();
    const user = await signInAt(asn.nip!, at(0));
    const row = await db.userSession.findUnique({ where: { id: user.sessionId } });
    expect(row).toMatchObject({ userId: asn.id, createdAt: at(0), lastSeenAt: at(0), expiresAt: at(8 * 60) });
    await expect(actorAt(user, at(1))).resolves.toMatchObject({ id: asn.id, role: "ASN" });

    const token = await authOptions.callbacks!.jwt!({
      token: {} as JWT,
      user: { id: user.id, role: user.role, tokenVersion: user.tokenVersion, sessionId: user.sessionId },
    } as never);
    expect(token).toMatchObject({ uid: asn.id, sid: user.sessionId });
  });

  it("ends after 30 minutes without a request", async () => {
    const asn = await newAsn();
    const user = await signInAt(asn.nip!, at(0));
    await expect(actorAt(user, at(29, 59))).resolves.not.toBeNull();
    const other = await signInAt(asn.nip!, at(0));
    await expect(actorAt(other, at(30))).resolves.toBeNull();
    // Once ended it stays ended, even if used again right away.
    await expect(actorAt(other, at(30, 1))).resolves.toBeNull();
  });

  it("each request moves the idle deadline, written at most once a minute", async () => {
    const asn = await newAsn();
    const user = await signInAt(asn.nip!, at(0));
    await expect(actorAt(user, at(20))).resolves.not.toBeNull();
    await expect(actorAt(user, at(20, 40))).resolves.not.toBeNull();
    expect((await db.userSession.findUnique({ where: { id: user.sessionId } }))?.lastSeenAt).toEqual(at(20));
    await expect(actorAt(user, at(45))).resolves.not.toBeNull(); // 25 minutes after the last request
    expect((await db.userSession.findUnique({ where: { id: user.sessionId } }))?.lastSeenAt).toEqual(at(45));
    await expect(actorAt(user, at(75, 1))).resolves.toBeNull(); // 30 minutes after it
  });

  it("ends after 8 hours however active it is", async () => {
    const asn = await newAsn();
    const user = await signInAt(asn.nip!, at(0));
    for (let minute = 10; minute < 8 * 60; minute += 10)
      await expect(actorAt(user, at(minute))).resolves.not.toBeNull();
    await expect(actorAt(user, at(8 * 60 - 1, 59))).resolves.not.toBeNull();
    await expect(actorAt(user, at(8 * 60))).resolves.toBeNull();
  });

  it("sign-out deletes the session: a copy of the token is dead; other sessions of the user live on", async () => {
    const asn = await newAsn();
    const phone = await signInAt(asn.nip!, at(0));
    const laptop = await signInAt(asn.nip!, at(0));
    const token = { uid: phone.id, sid: phone.sessionId, role: phone.role, tv: phone.tokenVersion } as JWT;
    // The handler next-auth calls on POST /api/auth/signout.
    await authOptions.events!.signOut!({ token, session: null as never });
    expect(await db.userSession.findUnique({ where: { id: phone.sessionId } })).toBeNull();
    await expect(actorAt(phone, at(1))).resolves.toBeNull();
    await expect(actorAt(laptop, at(1))).resolves.not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "auth.sign_out", entityId: asn.id } })).toBe(1);
  });

  it("deactivating the account ends its sessions at once", async () => {
    const asn = await newAsn();
    const user = await signInAt(asn.nip!, at(0));
    await expect(actorAt(user, at(1))).resolves.not.toBeNull();
    await deactivateAsn(admin, asn.id, { reason: "Pensiun", moveToNip: null, allowOverQuota: false });
    await expect(actorAt(user, at(2))).resolves.toBeNull();
  });

  it("a token from another token version, another user, or without a session id opens nothing", async () => {
    const asn = await newAsn();
    const user = await signInAt(asn.nip!, at(0));
    const stranger = await newAsn();
    await expect(
      actorForSession({ ...claimsOf(user), tokenVersion: user.tokenVersion + 1 }, at(1), POLICY),
    ).resolves.toBeNull();
    await expect(
      actorForSession({ ...claimsOf(user), userId: stranger.id }, at(1), POLICY),
    ).resolves.toBeNull();
    await expect(actorForSession({ ...claimsOf(user), sessionId: "" }, at(1), POLICY)).resolves.toBeNull();
    await expect(actorAt(user, at(1))).resolves.not.toBeNull();
  });

  it("ended sessions are deleted at the next sign-in (the table does not grow)", async () => {
    const asn = await newAsn();
    const ended = await signInAt(asn.nip!, at(0));
    const expired = await signInAt(asn.nip!, at(-9 * 60));
    const live = await signInAt(asn.nip!, at(40));
    const rows = await db.userSession.findMany({ where: { userId: asn.id }, select: { id: true } });
    expect(rows.map((row) => row.id)).toEqual([live.sessionId]);
    expect([ended, expired].every((session) => session.sessionId !== live.sessionId)).toBe(true);
  });
});
