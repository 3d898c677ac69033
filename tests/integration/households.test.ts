import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getHousehold, listMyFamilies } from "@/server/households";
import { householdScope, householdScopeSql } from "@/server/policy";
import type { Actor } from "@/lib/permissions";
import { periodKeyOf } from "@/lib/period";
import {
  actorFor,
  assign,
  createHousehold,
  createOpd,
  createUser,
  newIdempotencyKey,
  resetDatabase,
} from "../support/factories";

let asnA: Actor;
let asnB: Actor;
let admin: Actor;
let leader: Actor;
let supervisorOfA: Actor;
let supervisorOther: Actor;
let camatGenteng: Actor;
let familyOfA: string;
let secondFamilyOfA: string;
let familyOfB: string;
let unassigned: string;

beforeAll(async () => {
  await resetDatabase();
  const opdA = await createOpd();
  const opdB = await createOpd();
  const camatOffice = await createOpd({ regionCode: "35.10.09" });
  admin = actorFor(await createUser("ADMIN"));
  leader = actorFor(await createUser("LEADER"));
  const a = await createUser("ASN", { opdId: opdA.id });
  const b = await createUser("ASN", { opdId: opdB.id });
  asnA = actorFor(a);
  asnB = actorFor(b);
  supervisorOfA = actorFor(await createUser("SUPERVISOR", { opdId: opdA.id }));
  supervisorOther = actorFor(await createUser("SUPERVISOR", { opdId: opdB.id }));
  camatGenteng = actorFor(
    await createUser("SUPERVISOR", { opdId: camatOffice.id, supervisedRegionCode: "35.10.09" }),
  );
  familyOfA = (await createHousehold({ headName: "Budi Santoso", desaCode: "35.10.09.2001" }, 3)).id;
  secondFamilyOfA = (await createHousehold({ headName: "Ahmad Fauzi", desaCode: "35.10.05.2001" })).id;
  familyOfB = (await createHousehold({ headName: "Siti Aminah", desaCode: "35.10.05.2002" })).id;
  unassigned = (await createHousehold({ headName: "Tanpa Pengasuh" })).id;
  await assign(familyOfA, a.id, admin.id);
  await assign(secondFamilyOfA, a.id, admin.id);
  await assign(familyOfB, b.id, admin.id);
});

describe("listMyFamilies", () => {
  it("lists exactly the ASN's own active families, with this period's status", async () => {
    const now = new Date();
    const periodKey = periodKeyOf(now, "WEEKLY");
    await db.visit.create({
      data: {
        householdId: familyOfA,
        asnId: asnA.id,
        periodKey,
        visitDate: now,
        delivered: true,
        checklist: {},
        idempotencyKey: newIdempotencyKey(),
      },
    });
    const mine = await listMyFamilies(asnA, now);
    expect(mine.periodKey).toBe(periodKey);
    expect(mine.families.map((f) => f.headName)).toEqual(["Ahmad Fauzi", "Budi Santoso"]);
    const budi = mine.families.find((f) => f.id === familyOfA);
    expect(budi?.visitedThisPeriod).toBe(true);
    expect(budi?.overdue).toBe(false);
    const ahmad = mine.families.find((f) => f.id === secondFamilyOfA);
    expect(ahmad?.visitedThisPeriod).toBe(false);
    expect(ahmad?.overdue).toBe(true);
    const other = await listMyFamilies(asnB, now);
    expect(other.families.map((f) => f.id)).toEqual([familyOfB]);
  });

  it("does not list rows as NIK or KK", async () => {
    const mine = await listMyFamilies(asnA);
    expect(JSON.stringify(mine)).not.toMatch(/\d{16}/);
  });

  it.each([["ADMIN"], ["LEADER"], ["SUPERVISOR"]])("is NOT_FOUND for %s", async (role) => {
    const actor = { ADMIN: admin, LEADER: leader, SUPERVISOR: supervisorOfA }[role]!;
    await expect(listMyFamilies(actor)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("drops a family once its assignment ends", async () => {
    const extra = await createHousehold({ headName: "Sementara" });
    const assignment = await assign(extra.id, asnA.id);
    expect((await listMyFamilies(asnA)).families.map((f) => f.id)).toContain(extra.id);
    await db.assignment.update({ where: { id: assignment.id }, data: { endedAt: new Date() } });
    expect((await listMyFamilies(asnA)).families.map((f) => f.id)).not.toContain(extra.id);
    await expect(getHousehold(asnA, extra.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("getHousehold", () => {
  it("gives the assigned ASN their family with members, identity numbers masked", async () => {
    const detail = await getHousehold(asnA, familyOfA);
    expect(detail.headName).toBe("Budi Santoso");
    expect(detail.members).toHaveLength(3);
    expect(detail.kkNumber).toMatch(/^\d{4}•{8}\d{4}$/);
    expect(detail.members.every((m) => /^\d{4}•{8}\d{4}$/.test(m.nik))).toBe(true);
    expect(detail.kecamatanName).toBe("Genteng");
  });

  it("answers NOT_FOUND when an ASN asks for another ASN's family", async () => {
    await expect(getHousehold(asnA, familyOfB)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getHousehold(asnB, familyOfA)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getHousehold(asnA, unassigned)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers NOT_FOUND for ids that are not UUIDs or do not exist", async () => {
    await expect(getHousehold(admin, "1 OR 1=1")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getHousehold(admin, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("shows admins every family with full identity numbers", async () => {
    const detail = await getHousehold(admin, unassigned);
    expect(detail.kkNumber).toMatch(/^\d{16}$/);
    expect(detail.headNik).toMatch(/^\d{16}$/);
  });

  it("lets a supervisor see families fostered by their OPD's staff only", async () => {
    await expect(getHousehold(supervisorOfA, familyOfA)).resolves.toMatchObject({ id: familyOfA });
    await expect(getHousehold(supervisorOfA, familyOfB)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getHousehold(supervisorOther, familyOfA)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const masked = await getHousehold(supervisorOfA, familyOfA);
    expect(masked.headNik).toMatch(/•/);
  });

  it("lets a camat see families in their kecamatan only", async () => {
    await expect(getHousehold(camatGenteng, familyOfA)).resolves.toMatchObject({ id: familyOfA });
    await expect(getHousehold(camatGenteng, familyOfB)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("never gives leaders an individual family", async () => {
    await expect(getHousehold(leader, familyOfA)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("householdScopeSql", () => {
  it("selects exactly the families householdScope selects, for every role", async () => {
    // An ended assignment must not count for its former ASN or their OPD.
    const ended = (await createHousehold({ headName: "Pindah Pengasuh", desaCode: "35.10.09.2002" })).id;
    await assign(ended, asnA.id, admin.id);
    await db.assignment.updateMany({ where: { householdId: ended }, data: { endedAt: new Date() } });
    const noOpdSupervisor = { ...supervisorOther, opdId: null };
    const actors = [asnA, asnB, admin, leader, supervisorOfA, supervisorOther, camatGenteng, noOpdSupervisor];
    for (const actor of actors) {
      const viaPrisma = await db.household.findMany({
        where: householdScope(actor),
        select: { id: true },
        orderBy: { id: "asc" },
      });
      const viaSql = await db.$queryRaw<{ id: string }[]>`
        SELECT h.id FROM household h WHERE ${householdScopeSql(actor)} ORDER BY h.id`;
      expect(
        viaSql.map((r) => r.id),
        actor.role,
      ).toEqual(viaPrisma.map((r) => r.id));
    }
    // The check is not vacuous: the roles see different, non-empty sets.
    const sizes = await Promise.all(
      [asnA, admin, camatGenteng].map((actor) => db.household.count({ where: householdScope(actor) })),
    );
    expect(new Set(sizes).size).toBe(3);
    expect(Math.min(...sizes)).toBeGreaterThan(0);
  });
});
