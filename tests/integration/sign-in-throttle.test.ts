import { hash } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { signInErrorMessage, signInThrottledMessage } from "@/schemas/auth";
import { authenticate, authOptions, SignInThrottledError, type SignInOptions } from "@/server/auth";
import { db } from "@/server/db";
import { accountThrottleKey, type ThrottlePolicy } from "@/server/sign-in-throttle";
import { createPrismaClient } from "../../scripts/lib/prisma-client.mts";
import { createUser, fakeNip, resetDatabase } from "../support/factories";

// Sign-in throttling (docs/decisions/012) against the real database. Time is passed in (`now`),
// never waited for. A second Prisma client with its own connection pool plays a second app
// instance: the two share nothing but PostgreSQL.

const PASSWORD = "rahasia-yang-benar";
const POLICY: ThrottlePolicy = {
  accountMaxFailures: 5,
  ipMaxFailures: 30,
  windowSeconds: 900,
  lockoutSeconds: 900,
};
const T0 = new Date("2026-11-30T01:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

let passwordHash: string;
let secondInstance: PrismaClient;
let ipSerial = 0;
/** A fresh client address per test (TEST-NET-3), so tests do not share an IP counter. */
const freshIp = () => `203.0.113.${++ipSerial}`;

beforeAll(async () => {
  await resetDatabase();
  passwordHash = await hash(PASSWORD);
  secondInstance = createPrismaClient(process.env.DATABASE_URL);
});

afterAll(async () => {
  await secondInstance.$disconnect();
});

async function newAsn() {
  const nip = fakeNip();
  // fakeNip() may repeat across calls; a taken NIP is simply drawn again.
  if (await db.user.findUnique({ where: { nip } })) return newAsn();
  return createUser("ASN", { nip, passwordHash });
}

type Outcome = "signed-in" | "refused" | { throttled: string };

/** Runs one attempt and reduces it to what the person at the sign-in form would see. */
async function attempt(
  login: string,
  password: string,
  now: Date,
  ip: string | null,
  options: SignInOptions = { throttle: POLICY },
): Promise<Outcome> {
  try {
    const user = await authenticate(login, password, { now, ip }, options);
    return user ? "signed-in" : "refused";
  } catch (error) {
    if (error instanceof SignInThrottledError)
      return { throttled: signInThrottledMessage(error.retryAfterSeconds) };
    throw error;
  }
}

async function counter(scope: "account" | "ip", key: string) {
  return db.signInThrottle.findUnique({ where: { scope_key: { scope, key } } });
}

const LOCKED_15 = { throttled: "Terlalu banyak percobaan masuk. Coba lagi dalam 15 menit." };

describe("per-account lockout", () => {
  it("locks after 5 failures: even the right password is refused with one Indonesian message", async () => {
    const asn = await newAsn();
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect(await attempt(asn.nip!, "salah", at(i), ip)).toBe("refused");
    expect(await attempt(asn.nip!, PASSWORD, at(10), ip)).toEqual(LOCKED_15);
    // Spaces and upper case reach the same counter (the login as it is looked up).
    const spaced = `${asn.nip!.slice(0, 8)} ${asn.nip!.slice(8)}`;
    expect(await attempt(spaced, PASSWORD, at(11), freshIp())).toEqual(LOCKED_15);

    const locked = await db.auditLog.findMany({ where: { action: "auth.sign_in_locked", entityId: asn.id } });
    expect(locked).toHaveLength(1);
    expect(locked[0]!.changes).toMatchObject({ scope: "account", login: asn.nip, ip, failures: 5 });
    const throttled = await db.auditLog.findMany({ where: { action: "auth.sign_in_throttled" } });
    expect(throttled.map((entry) => entry.changes)).toContainEqual(
      expect.objectContaining({ login: asn.nip, ip, scopes: ["account"] }),
    );
    const everything = JSON.stringify(await db.auditLog.findMany({ select: { changes: true } }));
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain("salah");
  });

  it("the lockout ends after 15 minutes, then the right password works again", async () => {
    const asn = await newAsn();
    for (let i = 0; i < 5; i++) await attempt(asn.nip!, "salah", at(i), null);
    // Locked at t=4 s until t=904 s.
    expect(await attempt(asn.nip!, PASSWORD, at(903), null)).toEqual({
      throttled: "Terlalu banyak percobaan masuk. Coba lagi dalam 1 menit.",
    });
    expect(await attempt(asn.nip!, PASSWORD, at(904), null)).toBe("signed-in");
  });

  it("after a lockout ends, a new series of 5 failures is needed to lock again", async () => {
    const asn = await newAsn();
    for (let i = 0; i < 5; i++) await attempt(asn.nip!, "salah", at(i), null);
    for (let i = 0; i < 4; i++) expect(await attempt(asn.nip!, "salah", at(1000 + i), null)).toBe("refused");
    expect(await attempt(asn.nip!, PASSWORD, at(1010), null)).toBe("signed-in");
  });

  it("failures further apart than the 15-minute window do not add up", async () => {
    const asn = await newAsn();
    for (let i = 0; i < 4; i++) await attempt(asn.nip!, "salah", at(i), null);
    for (let i = 0; i < 4; i++) expect(await attempt(asn.nip!, "salah", at(900 + i), null)).toBe("refused");
    expect(await attempt(asn.nip!, PASSWORD, at(910), null)).toBe("signed-in");
  });

  it("a successful sign-in resets the account's counter", async () => {
    const asn = await newAsn();
    const key = accountThrottleKey(asn.nip!);
    for (let i = 0; i < 4; i++) await attempt(asn.nip!, "salah", at(i), null);
    expect((await counter("account", key))?.failures).toBe(4);
    expect(await attempt(asn.nip!, PASSWORD, at(5), null)).toBe("signed-in");
    expect(await counter("account", key)).toBeNull();
    for (let i = 0; i < 4; i++) expect(await attempt(asn.nip!, "salah", at(6 + i), null)).toBe("refused");
    expect(await attempt(asn.nip!, PASSWORD, at(20), null)).toBe("signed-in");
  });
});

describe("no account enumeration", () => {
  it("an unknown login string is counted, locked and answered exactly like a known account", async () => {
    const known = await newAsn();
    const unknown = "199001012015031999";
    expect(await db.user.findUnique({ where: { nip: unknown } })).toBeNull();
    const seen: Record<"known" | "unknown", Outcome[]> = { known: [], unknown: [] };
    for (const [who, login] of [
      ["known", known.nip!],
      ["unknown", unknown],
    ] as const) {
      for (let i = 0; i < 5; i++) seen[who].push(await attempt(login, "salah", at(i), null));
      seen[who].push(await attempt(login, PASSWORD, at(60), null));
      seen[who].push(await attempt(login, PASSWORD, at(905), null));
    }
    expect(seen.known.slice(0, 6)).toEqual(seen.unknown.slice(0, 6));
    expect(seen.unknown).toEqual([...Array(5).fill("refused"), LOCKED_15, "refused"]);
    expect(seen.known.at(-1)).toBe("signed-in"); // the lockout ended for both alike
    // The stored counters cannot tell them apart either: keyed by an HMAC of the login string.
    const unknownRow = await counter("account", accountThrottleKey(unknown));
    expect(unknownRow).toMatchObject({ failures: 1 });
    expect(JSON.stringify(await db.signInThrottle.findMany())).not.toContain(unknown);
  });

  it("a NIK typed as the login is neither stored nor audited", async () => {
    const nik = "3510011705800001";
    for (let i = 0; i < 6; i++) await attempt(nik, "salah", at(i), null);
    const last = await db.auditLog.findFirst({
      where: { action: "auth.sign_in_throttled" },
      orderBy: { id: "desc" },
    });
    expect(last?.changes).toMatchObject({ login: null, scopes: ["account"] });
    const audit = JSON.stringify(await db.auditLog.findMany({ select: { changes: true } }));
    expect(audit).not.toContain(nik);
    expect(JSON.stringify(await db.signInThrottle.findMany())).not.toContain(nik);
  });
});

describe("per-IP lockout", () => {
  const policy: ThrottlePolicy = { ...POLICY, ipMaxFailures: 8 };

  it("locks an IP after 8 failures across different logins; other IPs are not affected", async () => {
    const ip = freshIp();
    for (let i = 0; i < 8; i++)
      expect(await attempt(`tebakan-${i}`, "salah", at(i), ip, { throttle: policy })).toBe("refused");
    const asn = await newAsn();
    expect(await attempt(asn.nip!, PASSWORD, at(10), ip, { throttle: policy })).toEqual(LOCKED_15);
    expect(await attempt(asn.nip!, PASSWORD, at(11), freshIp(), { throttle: policy })).toBe("signed-in");
    const locked = await db.auditLog.findMany({ where: { action: "auth.sign_in_locked" } });
    expect(locked.map((entry) => entry.changes)).toContainEqual(
      expect.objectContaining({ scope: "ip", ip, failures: 8 }),
    );
    // The account's own counter was not touched by the refused attempt.
    expect(await counter("account", accountThrottleKey(asn.nip!))).toBeNull();
  });

  it("successful sign-ins (an office behind one NAT) never add up to an IP lockout", async () => {
    const ip = freshIp();
    const tight: ThrottlePolicy = { ...POLICY, accountMaxFailures: 3, ipMaxFailures: 3 };
    const staff = await Promise.all(Array.from({ length: 4 }, () => newAsn()));
    for (const [i, asn] of staff.entries()) {
      expect(await attempt(asn.nip!, PASSWORD, at(i), ip, { throttle: tight })).toBe("signed-in");
      expect(await attempt(asn.nip!, PASSWORD, at(i), ip, { throttle: tight })).toBe("signed-in");
    }
    expect(await attempt(staff[0]!.nip!, "salah", at(10), ip, { throttle: tight })).toBe("refused");
    expect(await attempt(staff[1]!.nip!, "salah", at(11), ip, { throttle: tight })).toBe("refused");
    expect((await counter("ip", ip))?.failures).toBe(2);
    expect(await attempt(staff[2]!.nip!, PASSWORD, at(12), ip, { throttle: tight })).toBe("signed-in");
  });

  it("one person locking their own account does not consume the office's IP budget", async () => {
    const ip = freshIp();
    const asn = await newAsn();
    for (let i = 0; i < 5; i++) await attempt(asn.nip!, "salah", at(i), ip);
    for (let i = 0; i < 40; i++) expect(await attempt(asn.nip!, "salah", at(10 + i), ip)).toEqual(LOCKED_15);
    expect((await counter("ip", ip))?.failures).toBe(5);
    const colleague = await newAsn();
    expect(await attempt(colleague.nip!, PASSWORD, at(60), ip)).toBe("signed-in");
  });
});

describe("several app instances, concurrency", () => {
  it("two instances sharing only the database see the same counters and the same lockout", async () => {
    const asn = await newAsn();
    const ip = freshIp();
    const onA: SignInOptions = { throttle: POLICY, client: db };
    const onB: SignInOptions = { throttle: POLICY, client: secondInstance };
    for (let i = 0; i < 5; i++)
      expect(await attempt(asn.nip!, "salah", at(i), ip, i % 2 === 0 ? onA : onB)).toBe("refused");
    expect(await attempt(asn.nip!, PASSWORD, at(10), ip, onA)).toEqual(LOCKED_15);
    expect(await attempt(asn.nip!, PASSWORD, at(10), ip, onB)).toEqual(LOCKED_15);
    expect(await attempt(asn.nip!, PASSWORD, at(904), ip, onB)).toBe("signed-in");
  });

  it("20 parallel wrong attempts over two instances are counted exactly: 20", async () => {
    const asn = await newAsn();
    const ip = freshIp();
    const roomy: ThrottlePolicy = { ...POLICY, accountMaxFailures: 100, ipMaxFailures: 100 };
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        attempt(asn.nip!, `salah-${i}`, at(0), ip, { throttle: roomy, client: i % 2 ? db : secondInstance }),
      ),
    );
    expect(outcomes).toEqual(Array(20).fill("refused"));
    expect((await counter("account", accountThrottleKey(asn.nip!)))?.failures).toBe(20);
    expect((await counter("ip", ip))?.failures).toBe(20);
  });

  it("a burst of 20 parallel attempts gets exactly 5 password checks, then the account is locked", async () => {
    const asn = await newAsn();
    const before = await db.auditLog.count({ where: { action: "auth.sign_in_failed", entityId: asn.id } });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        attempt(asn.nip!, `salah-${i}`, at(0), null, {
          throttle: POLICY,
          client: i % 2 ? db : secondInstance,
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === "refused")).toHaveLength(5);
    expect(outcomes.filter((outcome) => typeof outcome === "object")).toHaveLength(15);
    expect(await db.auditLog.count({ where: { action: "auth.sign_in_failed", entityId: asn.id } })).toBe(
      before + 5,
    );
    expect(await attempt(asn.nip!, PASSWORD, at(1), null)).toEqual(LOCKED_15);
  });
});

describe("housekeeping and wiring", () => {
  it("rows whose window and lockout have passed are deleted on the next write", async () => {
    for (let i = 0; i < 10; i++) await attempt(`lama-${i}`, "salah", at(-7200), freshIp());
    const old = await db.signInThrottle.count({ where: { updatedAt: { lte: at(-7200) } } });
    expect(old).toBeGreaterThanOrEqual(20);
    await attempt("baru", "salah", at(0), null);
    expect(await db.signInThrottle.count({ where: { updatedAt: { lte: at(-7200) } } })).toBe(0);
    expect(await counter("account", accountThrottleKey("baru"))).toMatchObject({ failures: 1 });
  });

  it("next-auth's authorize() answers a locked login with the throttle code the form turns into Indonesian", async () => {
    const provider = authOptions.providers[0] as unknown as {
      options: { authorize: (credentials: Record<string, string>, req: object) => Promise<unknown> };
    };
    const authorize = (password: string) =>
      provider.options.authorize({ login: "kunci-uji", password }, { headers: {} });
    // Real clock and the configured defaults (5 failures, 15 minutes).
    for (let i = 0; i < 5; i++) await expect(authorize("salah")).resolves.toBeNull();
    const error = await authorize(PASSWORD).then(
      () => null,
      (thrown: unknown) => thrown as Error,
    );
    expect(error?.message).toMatch(/^SignInThrottled:\d+$/);
    expect(signInErrorMessage(error?.message)).toBe(
      "Terlalu banyak percobaan masuk. Coba lagi dalam 15 menit.",
    );
    expect(signInErrorMessage("CredentialsSignin")).toBe("NIP / nama pengguna atau kata sandi salah.");
  });
});
