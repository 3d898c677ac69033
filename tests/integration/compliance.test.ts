import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import ExcelJS from "exceljs";
import {
  exportComplianceWorkbook,
  getComplianceOverview,
  getComplianceSummary,
  listAsnCompliance,
  listOverdueFamilies,
  parseComplianceSort,
  resolveCompliancePeriod,
  type CompliancePeriod,
} from "@/server/compliance";
import { staffScope } from "@/server/policy";
import type { Actor } from "@/lib/permissions";
import { periodKeyOf, periodKeysBack, periodRange } from "@/lib/period";
import {
  actorFor,
  createHousehold,
  createOpd,
  createUser,
  createVisit,
  resetDatabase,
} from "../support/factories";

const DAY = 24 * 60 * 60 * 1000;
const now = new Date();
// P0 = the current week; P[i] = i weeks back.
const P = periodKeysBack(periodKeyOf(now, "WEEKLY"), 8).reverse();
const key = (i: number) => P[i]!;

let admin: Actor;
let leader: Actor;
let asnActor: Actor;
let supervisorA: Actor;
let camatK2: Actor;
let noOpdSupervisor: Actor;
const ids: Record<string, string> = {};
let K1 = "";
let K2 = "";

async function periodOf(i: number): Promise<CompliancePeriod> {
  return (await resolveCompliancePeriod(key(i), now)).period;
}

async function assignment(householdId: string, asnId: string, startedAt: Date, endedAt: Date | null = null) {
  return db.assignment.create({ data: { householdId, asnId, startedAt, endedAt, reason: "uji" } });
}

beforeAll(async () => {
  await resetDatabase();
  await db.programmeSettings.update({ where: { id: 1 }, data: { cadence: "WEEKLY" } });
  const desaK1 = "35.10.09.2001";
  const otherDesa = await db.region.findFirstOrThrow({
    where: { level: "DESA", NOT: { code: { startsWith: "35.10.09." } } },
    orderBy: { code: "asc" },
  });
  K1 = desaK1.slice(0, 8);
  K2 = otherDesa.code.slice(0, 8);
  const opdA = await createOpd();
  const opdB = await createOpd();
  admin = actorFor(await createUser("ADMIN"));
  leader = actorFor(await createUser("LEADER"));
  supervisorA = actorFor(await createUser("SUPERVISOR", { opdId: opdA.id }));
  camatK2 = actorFor(await createUser("SUPERVISOR", { opdId: opdB.id, supervisedRegionCode: K2 }));
  noOpdSupervisor = actorFor(await createUser("SUPERVISOR"));
  const a1 = await createUser("ASN", { opdId: opdA.id, workKecamatanCode: K1, name: "Ani Satu" });
  const a2 = await createUser("ASN", { opdId: opdA.id, workKecamatanCode: K1, name: "Budi Tanpa Keluarga" });
  const a3 = await createUser("ASN", { opdId: opdB.id, workKecamatanCode: K2, name: "Citra Tiga" });
  await createUser("ASN", { opdId: opdA.id, isActive: false, name: "Dedi Nonaktif" });
  asnActor = actorFor(a1);
  Object.assign(ids, { a1: a1.id, a2: a2.id, a3: a3.id });

  const longAgo = new Date(periodRange(key(7)).start.getTime() - DAY);
  const h = await Promise.all([
    createHousehold({ desaCode: desaK1 }), // h1
    createHousehold({ desaCode: desaK1 }), // h2
    createHousehold({ desaCode: desaK1 }), // h3 never visited
    createHousehold({ desaCode: otherDesa.code }), // h4 transferred a3 → a1 in P1
    createHousehold({ desaCode: otherDesa.code, status: "GRADUATED" }), // h5
    createHousehold({ desaCode: otherDesa.code }), // h6 assigned now
    createHousehold({ desaCode: otherDesa.code }), // h7 last visited in P3
  ]);
  h.forEach((row, i) => (ids[`h${i + 1}`] = row.id));
  const [h1, h2, h3, h4, h5, h6, h7] = h.map((x) => x.id) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  await assignment(h1, a1.id, longAgo);
  await assignment(h2, a1.id, longAgo);
  await assignment(h3, a1.id, longAgo);
  const midP1 = new Date(periodRange(key(1)).start.getTime() + 3 * DAY);
  await assignment(h4, a3.id, longAgo, midP1);
  await assignment(h4, a1.id, midP1);
  await assignment(h5, a3.id, longAgo);
  await assignment(h6, a3.id, new Date(now.getTime() - 1000));
  await assignment(h7, a3.id, longAgo);

  await createVisit(h1, a1.id, key(0));
  await createVisit(h1, a1.id, key(1));
  await createVisit(h2, a1.id, key(1));
  await createVisit(h4, a1.id, key(1));
  await createVisit(h4, a3.id, key(2));
  await createVisit(h7, a3.id, key(3));
  await createVisit(h1, a1.id, key(3));
  // P5: nobody reported.
});

/** Independent count: range overlap with tstzrange and EXISTS, per ASN. */
async function independentCounts(periodIndex: number) {
  const k = key(periodIndex);
  const { start, end } = periodRange(k);
  const rows = await db.$queryRawUnsafe<{ id: string; due: number; reported: number }[]>(
    `SELECT u.id,
       (SELECT count(DISTINCT a.household_id) FROM assignment a JOIN household h ON h.id = a.household_id
         WHERE a.asn_id = u.id AND tstzrange(a.started_at, a.ended_at) && tstzrange($1::timestamptz, $2::timestamptz)
           AND (h.status = 'ACTIVE' OR EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id AND v.period_key = $3)))::int AS due,
       (SELECT count(DISTINCT a.household_id) FROM assignment a
         WHERE a.asn_id = u.id AND tstzrange(a.started_at, a.ended_at) && tstzrange($1::timestamptz, $2::timestamptz)
           AND EXISTS (SELECT 1 FROM visit v WHERE v.household_id = a.household_id AND v.period_key = $3))::int AS reported
     FROM app_user u WHERE u.role = 'ASN' AND u.is_active`,
    start,
    end,
    k,
  );
  return new Map(rows.map((r) => [r.id, { due: r.due, reported: r.reported }]));
}

describe("listAsnCompliance", () => {
  it.each([0, 1, 2, 3, 5])("equals an independent SQL count in period P-%i", async (i) => {
    const expected = await independentCounts(i);
    const { rows } = await listAsnCompliance(admin, await periodOf(i), { page: null });
    const actual = new Map(rows.map((r) => [r.id, { due: r.due, reported: r.reported }]));
    expect(actual).toEqual(expected);
  });

  it("gives the expected figures for the transfer period and the period without reports", async () => {
    const p1 = await listAsnCompliance(admin, await periodOf(1), { page: null });
    const byId = new Map(p1.rows.map((r) => [r.id, r]));
    expect(byId.get(ids.a1!)).toMatchObject({ due: 4, reported: 3 });
    expect(byId.get(ids.a3!)).toMatchObject({ due: 2, reported: 1 }); // h4 (transferred), h7
    expect(byId.get(ids.a2!)).toMatchObject({ due: 0, reported: 0, lastVisitDate: null });
    const p5 = await listAsnCompliance(admin, await periodOf(5), { page: null });
    expect(p5.rows.every((r) => r.reported === 0)).toBe(true);
    expect(p5.rows.find((r) => r.id === ids.a1)).toMatchObject({ due: 3, reported: 0 });
  });

  it("shows the last report date up to the period and leaves inactive ASN without families out", async () => {
    const { rows } = await listAsnCompliance(admin, await periodOf(2), { page: null });
    const a1 = rows.find((r) => r.id === ids.a1)!;
    expect(a1.lastVisitDate?.toISOString().slice(0, 10)).toBe(periodRange(key(3)).firstDay);
    expect(rows.map((r) => r.name)).not.toContain("Dedi Nonaktif");
  });

  it("lists only ASN with due > reported as not reported", async () => {
    const { rows, total } = await listAsnCompliance(admin, await periodOf(0), {
      notReportedOnly: true,
      page: 1,
    });
    expect(rows.every((r) => r.due > r.reported)).toBe(true);
    expect(rows.map((r) => r.id).sort()).toEqual([ids.a1, ids.a3].sort());
    expect(total).toBe(2);
  });

  it("sorts by the whitelisted keys and ignores unknown ones", async () => {
    const period = await periodOf(1);
    const byName = await listAsnCompliance(admin, period, { sort: parseComplianceSort("-nama"), page: 1 });
    expect(byName.rows.map((r) => r.name)).toEqual(["Citra Tiga", "Budi Tanpa Keluarga", "Ani Satu"]);
    const byDue = await listAsnCompliance(admin, period, { sort: parseComplianceSort("-wajib"), page: 1 });
    expect(byDue.rows.map((r) => r.due)).toEqual([4, 2, 0]);
    const lastOf = (rows: { id: string; lastVisitDate: Date | null }[]) =>
      new Map(rows.map((r) => [r.id, r.lastVisitDate?.getTime() ?? null]));
    const byLast = await listAsnCompliance(admin, period, {
      sort: parseComplianceSort("-terakhir"),
      page: 1,
    });
    expect(lastOf(byLast.rows)).toEqual(lastOf(byName.rows));
    expect(byLast.rows.at(-1)!.lastVisitDate).toBeNull();
    expect(parseComplianceSort("nama; DROP TABLE visit")).toEqual({ key: "persen", descending: false });
  });

  it("scopes a supervisor to their OPD and a camat to ASN working in their kecamatan (= staffScope)", async () => {
    for (const actor of [supervisorA, camatK2, noOpdSupervisor, admin]) {
      const { rows } = await listAsnCompliance(actor, await periodOf(0), { page: null });
      const expected = await db.user.findMany({
        where: { AND: [staffScope(actor), { isActive: true }] },
        select: { id: true },
      });
      expect(rows.map((r) => r.id).sort()).toEqual(expected.map((u) => u.id).sort());
    }
    const { rows } = await listAsnCompliance(supervisorA, await periodOf(0), { page: null });
    expect(rows.map((r) => r.id)).not.toContain(ids.a3);
  });

  it.each(["ASN", "LEADER"] as const)("is NOT_FOUND for %s", async (role) => {
    const actor = role === "ASN" ? asnActor : leader;
    const period = await periodOf(0);
    await expect(listAsnCompliance(actor, period)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getComplianceSummary(actor, period)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listOverdueFamilies(actor, period)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("getComplianceSummary", () => {
  it("counts distinct families per kecamatan and in total, equal to an independent count", async () => {
    for (const i of [0, 1, 5]) {
      const k = key(i);
      const { start, end } = periodRange(k);
      const expected = await db.$queryRawUnsafe<{ kec: string; due: number; reported: number }[]>(
        `SELECT h.kecamatan_code AS kec, count(*)::int AS due,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id AND v.period_key = $3))::int AS reported
         FROM household h
         WHERE EXISTS (SELECT 1 FROM assignment a JOIN app_user u ON u.id = a.asn_id
                        WHERE a.household_id = h.id AND u.role = 'ASN'
                          AND tstzrange(a.started_at, a.ended_at) && tstzrange($1::timestamptz, $2::timestamptz))
           AND (h.status = 'ACTIVE' OR EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id AND v.period_key = $3))
         GROUP BY h.kecamatan_code ORDER BY 1`,
        start,
        end,
        k,
      );
      const summary = await getComplianceSummary(admin, await periodOf(i));
      const actual = summary.byKecamatan.map((r) => ({ kec: r.code, due: r.due, reported: r.reported }));
      expect(actual.sort((a, b) => a.kec.localeCompare(b.kec))).toEqual(expected);
      expect(summary.totals.due).toBe(expected.reduce((n, r) => n + r.due, 0));
      expect(summary.totals.reported).toBe(expected.reduce((n, r) => n + r.reported, 0));
    }
  });

  it("sums per OPD and counts ASN not reported", async () => {
    const summary = await getComplianceSummary(admin, await periodOf(1));
    const opdA = summary.byOpd.find((r) => r.asnCount === 2)!;
    expect(opdA).toMatchObject({ due: 4, reported: 3, asnNotReported: 1 });
    expect(summary.totals).toMatchObject({ asn: 3, asnWithFamilies: 2, asnNotReported: 2, due: 5 });
  });

  it("gives a camat only their area's ASN", async () => {
    const summary = await getComplianceSummary(camatK2, await periodOf(1));
    expect(summary.totals.asn).toBe(1);
    expect(summary.byKecamatan.map((r) => r.code)).toEqual([K2]);
  });
});

describe("listOverdueFamilies", () => {
  it("lists active assigned families with no visit in the last two completed periods", async () => {
    const list = await listOverdueFamilies(admin, await periodOf(0), { page: 1 });
    expect(list.periodsChecked).toEqual([key(2), key(1)]);
    expect(list.rows.map((r) => r.householdId).sort()).toEqual([ids.h3, ids.h7].sort());
    const h7 = list.rows.find((r) => r.householdId === ids.h7)!;
    expect(h7).toMatchObject({ asnId: ids.a3 });
    expect(h7.lastVisitDate?.toISOString().slice(0, 10)).toBe(periodRange(key(3)).firstDay);
    expect(list.rows.find((r) => r.householdId === ids.h3)!.lastVisitDate).toBeNull();
    const numbers = await db.household.findMany({ select: { kkNumber: true, headNik: true } });
    const json = JSON.stringify(list);
    for (const n of numbers) {
      expect(json).not.toContain(n.kkNumber);
      expect(json).not.toContain(n.headNik);
    }
  });

  it("is scoped like the staff list", async () => {
    const a = await listOverdueFamilies(supervisorA, await periodOf(0), { page: 1 });
    expect(a.rows.map((r) => r.householdId)).toEqual([ids.h3]);
    const none = await listOverdueFamilies(noOpdSupervisor, await periodOf(0), { page: 1 });
    expect(none.total).toBe(0);
  });
});

describe("getComplianceOverview", () => {
  it("equals the summary and the list computed separately, for every sort, filter, page and scope", async () => {
    const period = await periodOf(0);
    for (const actor of [admin, supervisorA, camatK2, noOpdSupervisor])
      for (const urut of ["persen", "-terakhir", "nama", "-wajib"])
        for (const notReportedOnly of [false, true])
          for (const page of [1, 2]) {
            const options = { sort: parseComplianceSort(urut), notReportedOnly, page };
            const overview = await getComplianceOverview(actor, period, options);
            expect(overview.summary).toEqual(await getComplianceSummary(actor, period));
            expect(overview.list).toEqual(await listAsnCompliance(actor, period, options));
          }
  });

  it("answers NOT_FOUND to other roles", async () => {
    for (const actor of [leader, asnActor])
      await expect(getComplianceOverview(actor, await periodOf(0))).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
  });
});

describe("exportComplianceWorkbook", () => {
  async function sheetsOf(actor: Actor): Promise<string[]> {
    const workbook = new ExcelJS.Workbook();
    const body = await exportComplianceWorkbook(actor, await periodOf(0));
    await workbook.xlsx.load(Buffer.from(body) as unknown as ArrayBuffer);
    return workbook.worksheets.map((w) => w.name);
  }

  it("gives the families not visited (personal data) to ADMIN only, and audits every export", async () => {
    const before = await db.auditLog.count({ where: { action: "export.compliance" } });
    expect(await sheetsOf(admin)).toContain("Keluarga belum dikunjungi");
    const supervisorSheets = await sheetsOf(supervisorA);
    expect(supervisorSheets).toEqual(["Per ASN", "Belum melapor", "Per OPD", "Per kecamatan"]);
    const audits = await db.auditLog.findMany({
      where: { action: "export.compliance" },
      orderBy: { id: "asc" },
      skip: before,
    });
    expect(audits.map((a) => [a.actorId, a.entityId])).toEqual([
      [admin.id, key(0)],
      [supervisorA.id, key(0)],
    ]);
    expect(audits[1]!.changes).toMatchObject({ familyRows: null });
  });

  it("answers NOT_FOUND to other roles and writes nothing", async () => {
    const before = await db.auditLog.count();
    for (const actor of [leader, asnActor])
      await expect(exportComplianceWorkbook(actor, await periodOf(0))).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    expect(await db.auditLog.count()).toBe(before);
  });
});

describe("resolveCompliancePeriod", () => {
  it("defaults to the current period and refuses future or malformed keys", async () => {
    expect((await resolveCompliancePeriod(null, now)).period).toMatchObject({ key: key(0), isCurrent: true });
    expect((await resolveCompliancePeriod("2999-W01", now)).period.key).toBe(key(0));
    expect((await resolveCompliancePeriod("nonsense", now)).period.key).toBe(key(0));
    expect((await resolveCompliancePeriod(key(3), now)).period).toMatchObject({
      key: key(3),
      isCurrent: false,
    });
    const { choices } = await resolveCompliancePeriod(null, now);
    expect(choices[0]!.key).toBe(key(0));
    expect(choices).toHaveLength(12);
  });
});

// Last: this block changes the fixture.
describe("the due-pairs cache (compliance_due, docs/decisions/015)", () => {
  const PERIODS = [0, 1, 2];

  async function warm(): Promise<void> {
    for (const i of PERIODS) await getComplianceOverview(admin, await periodOf(i), { page: null });
  }

  /** Each period's overview from the (warm) cache equals a fresh computation and the independent count. */
  async function expectCurrent(label: string): Promise<void> {
    const periods = await Promise.all(PERIODS.map((i) => periodOf(i)));
    const cached = [];
    for (const period of periods) cached.push(await getComplianceOverview(admin, period, { page: null }));
    await db.compliancePeriod.deleteMany({});
    for (const [index, period] of periods.entries()) {
      const fresh = await getComplianceOverview(admin, period, { page: null });
      expect(cached[index], `${label}: ${period.key} from the cache vs computed afresh`).toEqual(fresh);
      const expected = await independentCounts(PERIODS[index]!);
      for (const row of fresh.list.rows)
        expect({ due: row.due, reported: row.reported }, `${label}: ${period.key} ${row.name}`).toEqual(
          expected.get(row.id) ?? { due: 0, reported: 0 },
        );
    }
  }

  it("is forgotten when assignments or families change, and is reused otherwise", async () => {
    await db.compliancePeriod.deleteMany({}); // periods other tests viewed
    await warm();
    expect(await db.compliancePeriod.count()).toBe(PERIODS.length);
    const before = await db.complianceDue.count();

    // Reports keep the cache: their triggers mark the pairs of their family and period.
    const filed = await createVisit(ids.h2!, ids.a1!, key(0));
    expect(await db.compliancePeriod.count()).toBe(PERIODS.length);
    await expectCurrent("a report filed");
    await warm();
    await db.visit.update({ where: { id: filed.id }, data: { periodKey: key(2) } });
    await expectCurrent("a report moved to another period");
    await warm();
    await db.visit.delete({ where: { id: filed.id } });
    expect(await db.compliancePeriod.count()).toBe(PERIODS.length);
    await expectCurrent("a report deleted");
    await warm();

    const newFamily = await createHousehold({ desaCode: "35.10.09.2001" });
    const started = await assignment(newFamily.id, ids.a2!, new Date(now.getTime() - 60_000));
    await expectCurrent("an assignment started now");
    await warm();
    await db.assignment.update({
      where: { id: started.id },
      data: { startedAt: new Date(periodRange(key(2)).start.getTime() + DAY) },
    });
    await expectCurrent("an assignment moved back two periods");
    await warm();
    await db.assignment.delete({ where: { id: started.id } });
    await expectCurrent("an assignment removed");
    await warm();
    await db.household.update({ where: { id: ids.h2! }, data: { status: "GRADUATED" } });
    await expectCurrent("a family graduated");
    await warm();
    const k2Desa = await db.region.findFirstOrThrow({ where: { level: "DESA", parentCode: K2 } });
    await db.household.update({
      where: { id: ids.h3! },
      data: { desaCode: k2Desa.code, kecamatanCode: K2 },
    });
    await expectCurrent("a family moved to another kecamatan");
    const overview = await getComplianceOverview(admin, await periodOf(0), { page: null });
    expect(overview.summary.byKecamatan.find((k) => k.code === K2)?.due).toBeGreaterThan(0);

    // An unrelated change (a family's address) keeps the cache.
    await warm();
    await db.household.update({ where: { id: ids.h1! }, data: { street: "Jl. Baru 1" } });
    expect(await db.compliancePeriod.count()).toBe(PERIODS.length);
    expect(before).toBeGreaterThan(0);
  });
});
