import { hash } from "@node-rs/argon2";
import { beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/server/auth";
import { db } from "@/server/db";
import { createUser, resetDatabase } from "../support/factories";

let asnNip: string;
let asnId: string;

beforeAll(async () => {
  await resetDatabase();
  const passwordHash = await hash("rahasia-yang-benar");
  const asn = await createUser("ASN", { passwordHash });
  asnNip = asn.nip!;
  asnId = asn.id;
  await createUser("ADMIN", { username: "admin-uji", passwordHash });
  await createUser("LEADER", { username: "mantan", passwordHash, isActive: false });
});

describe("authenticate", () => {
  it("signs an ASN in with their NIP, spaces allowed", async () => {
    const spaced = `${asnNip.slice(0, 8)} ${asnNip.slice(8, 14)} ${asnNip.slice(14, 15)} ${asnNip.slice(15)}`;
    await expect(authenticate(spaced, "rahasia-yang-benar")).resolves.toMatchObject({
      id: asnId,
      role: "ASN",
    });
  });

  it("signs other roles in with a case-insensitive username", async () => {
    await expect(authenticate("Admin-Uji", "rahasia-yang-benar")).resolves.toMatchObject({ role: "ADMIN" });
  });

  it("refuses a wrong password, an unknown user and a deactivated account alike", async () => {
    await expect(authenticate(asnNip, "salah")).resolves.toBeNull();
    await expect(authenticate("199901012020011999", "rahasia-yang-benar")).resolves.toBeNull();
    await expect(authenticate("mantan", "rahasia-yang-benar")).resolves.toBeNull();
    await expect(authenticate("", "")).resolves.toBeNull();
  });

  it("records sign-ins and failures in the audit log without the password", async () => {
    const before = await db.auditLog.count({ where: { action: "auth.sign_in_failed" } });
    await authenticate(asnNip, "salah-lagi");
    expect(await db.auditLog.count({ where: { action: "auth.sign_in_failed" } })).toBe(before + 1);
    const entries = await db.auditLog.findMany({ where: { actorId: asnId } });
    expect(entries.map((e) => e.action)).toContain("auth.sign_in");
    expect(JSON.stringify(entries.map((e) => [e.action, e.changes]))).not.toContain("salah-lagi");
  });
});
