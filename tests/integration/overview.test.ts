import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getAdminOverview, getLeaderSummary, listStaff } from "@/server/overview";
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

let admin: Actor;
let leader: Actor;
let asn: Actor;
let supervisor: Actor;
let otherOpdAsnId: string;

beforeAll(async () => {
  await resetDatabase();
  const opd = await createOpd();
  const otherOpd = await createOpd();
  admin = actorFor(await createUser("ADMIN"));
  leader = actorFor(await createUser("LEADER"));
  supervisor = actorFor(await createUser("SUPERVISOR", { opdId: opd.id }));
  const asnUser = await createUser("ASN", { opdId: opd.id, name: "Ani Rahayu" });
  asn = actorFor(asnUser);
  otherOpdAsnId = (await createUser("ASN", { opdId: otherOpd.id })).id;
  await createUser("ASN", { opdId: opd.id, name: "Zainal Nonaktif", isActive: false });
  const families = await Promise.all([
    createHousehold(),
    createHousehold(),
    createHousehold(),
    createHousehold(),
  ]);
  await createHousehold({ status: "GRADUATED" });
  await assign(families[0]!.id, asnUser.id);
  await assign(families[1]!.id, asnUser.id);
  await assign(families[2]!.id, otherOpdAsnId);
  await db.visit.create({
    data: {
      householdId: families[0]!.id,
      asnId: asnUser.id,
      periodKey: periodKeyOf(new Date(), "WEEKLY"),
      visitDate: new Date(),
      delivered: true,
      checklist: {},
      idempotencyKey: newIdempotencyKey(),
    },
  });
});

describe("getAdminOverview", () => {
  it("counts households, assignment coverage, ASN, reports and follow-ups", async () => {
    const overview = await getAdminOverview(admin);
    expect(overview.households).toEqual({ total: 5, active: 4, assigned: 3, unassigned: 1 });
    expect(overview.activeAsn).toBe(2);
    expect(overview.reportsThisPeriod).toBe(1);
    expect(overview.openFollowUps).toBe(0);
  });

  it.each(["ASN", "LEADER", "SUPERVISOR"] as const)("is NOT_FOUND for %s", async (role) => {
    const actor = { ASN: asn, LEADER: leader, SUPERVISOR: supervisor }[role];
    await expect(getAdminOverview(actor)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("listStaff", () => {
  it("shows a supervisor only their OPD's ASN with families and reports", async () => {
    const { staff } = await listStaff(supervisor);
    expect(staff.map((s) => s.name)).toEqual(["Ani Rahayu", "Zainal Nonaktif"]);
    expect(staff[0]).toMatchObject({ activeFamilies: 2, reportedThisPeriod: 1 });
    expect(staff.map((s) => s.id)).not.toContain(otherOpdAsnId);
  });

  it("shows admins all ASN", async () => {
    const { staff } = await listStaff(admin);
    expect(staff).toHaveLength(3);
  });

  it.each(["ASN", "LEADER"] as const)("is NOT_FOUND for %s", async (role) => {
    await expect(listStaff(role === "ASN" ? asn : leader)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("getLeaderSummary", () => {
  it("returns aggregates only, equal to direct counts", async () => {
    const summary = await getLeaderSummary(leader);
    expect(summary).toMatchObject({
      targetFamilies: 4,
      fosteredFamilies: 3,
      participatingAsn: 2,
      reportsThisPeriod: 1,
    });
    const latest = await db.povertyFigure.findFirst({ orderBy: { year: "desc" } });
    expect(summary.latestPoverty).toEqual({ year: latest!.year, percentPoor: Number(latest!.percentPoor) });
    expect(JSON.stringify(summary)).not.toMatch(/\d{16}|Keluarga Uji/);
  });

  it.each(["ASN", "SUPERVISOR"] as const)("is NOT_FOUND for %s", async (role) => {
    await expect(getLeaderSummary(role === "ASN" ? asn : supervisor)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
