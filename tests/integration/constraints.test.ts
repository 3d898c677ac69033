import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import {
  assign,
  createHousehold,
  createOpd,
  createUser,
  newIdempotencyKey,
  resetDatabase,
} from "../support/factories";

// Integrity lives in the database, not only in code: these writes bypass the DAL on purpose.

let asnId: string;
let otherAsnId: string;
let householdId: string;

beforeAll(async () => {
  await resetDatabase();
  const opd = await createOpd();
  asnId = (await createUser("ASN", { opdId: opd.id })).id;
  otherAsnId = (await createUser("ASN", { opdId: opd.id })).id;
  householdId = (await createHousehold()).id;
});

function visit(periodKey: string, idempotencyKey = newIdempotencyKey()) {
  return db.visit.create({
    data: {
      householdId,
      asnId,
      periodKey,
      visitDate: new Date(),
      delivered: true,
      checklist: {},
      idempotencyKey,
    },
  });
}

describe("database integrity", () => {
  it("refuses a second active assignment for the same household", async () => {
    await assign(householdId, asnId);
    await expect(assign(householdId, otherAsnId)).rejects.toMatchObject({ code: "P2002" });
  });

  it("allows a new assignment once the previous one has ended", async () => {
    const h = await createHousehold();
    const first = await assign(h.id, asnId);
    await db.assignment.update({ where: { id: first.id }, data: { endedAt: new Date() } });
    await expect(assign(h.id, otherAsnId)).resolves.toMatchObject({ householdId: h.id });
    expect(await db.assignment.count({ where: { householdId: h.id } })).toBe(2);
  });

  it("refuses a second visit for the same household and period", async () => {
    await visit("2026-W40");
    await expect(visit("2026-W40")).rejects.toMatchObject({ code: "P2002" });
    await expect(visit("2026-W41")).resolves.toMatchObject({ periodKey: "2026-W41" });
  });

  it("stores an idempotency key once", async () => {
    const key = newIdempotencyKey();
    await visit("2026-W42", key);
    await expect(visit("2026-W43", key)).rejects.toMatchObject({ code: "P2002" });
  });

  it("rejects malformed identity numbers and out-of-range values", async () => {
    await expect(createHousehold({ kkNumber: "12345" })).rejects.toThrow();
    await expect(createHousehold({ desil: 11 })).rejects.toThrow();
    await expect(createHousehold({ desaCode: "35.10.09.2001", kecamatanCode: "35.10.05" })).rejects.toThrow();
    await expect(createUser("ASN", { nip: "12345" })).rejects.toThrow();
    await expect(createUser("ASN", { quota: -1 })).rejects.toThrow();
    await expect(createUser("ADMIN", { nip: "198503122010031001" })).rejects.toThrow();
  });
});
