import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { periodRange } from "@/lib/period";
import { getDashboard, getKecamatanDrillDown } from "@/server/dashboard";
import { db } from "@/server/db";
import {
  actorFor,
  createHousehold,
  createOpd,
  createUser,
  newIdempotencyKey,
  resetDatabase,
} from "../support/factories";

// Thursday 26 Nov 2026 12:00 WIB → period 2026-W48; 2026-W46 has no reports at all.
const NOW = new Date("2026-11-26T05:00:00Z");
const W48 = "2026-W48";
const GENTENG = "35.10.09";
const MUNCAR = "35.10.05";
const LICIN = "35.10.24"; // no families

let leader: Actor;
let admin: Actor;
let asn: Actor;
let supervisor: Actor;

async function visit(
  householdId: string,
  asnId: string,
  periodKey: string,
  visitDate: string,
  items: [string, number][],
) {
  return db.visit.create({
    data: {
      householdId,
      asnId,
      periodKey,
      visitDate: new Date(`${visitDate}T00:00:00Z`),
      delivered: items.length > 0,
      notDeliveredReason: items.length > 0 ? null : "Keluarga tidak di rumah",
      checklist: {},
      idempotencyKey: newIdempotencyKey(),
      items: { create: items.map(([name, valueRupiah]) => ({ name, quantity: 1, unit: "kg", valueRupiah })) },
    },
  });
}

/** Independent figures: plain SQL written differently (range overlap operator, EXISTS). */
async function sqlScalar(query: string, ...params: unknown[]): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: bigint | number | null }[]>(query, ...params);
  return Number(rows[0]?.n ?? 0);
}

function dueSql(periodKey: string, kecamatan?: string) {
  const { start, end } = periodRange(periodKey);
  return sqlScalar(
    `SELECT count(*) AS n FROM household h WHERE ($3::text IS NULL OR h.kecamatan_code = $3) AND EXISTS (
       SELECT 1 FROM assignment a WHERE a.household_id = h.id
          AND tstzrange(a.started_at, coalesce(a.ended_at, 'infinity'), '[)') && tstzrange($1, $2, '[)'))`,
    start,
    end,
    kecamatan ?? null,
  );
}

beforeAll(async () => {
  await resetDatabase();
  const opd = await createOpd();
  leader = actorFor(await createUser("LEADER"));
  admin = actorFor(await createUser("ADMIN"));
  supervisor = actorFor(await createUser("SUPERVISOR", { opdId: opd.id }));
  const asnUser = await createUser("ASN", { opdId: opd.id });
  const otherAsn = await createUser("ASN", { opdId: opd.id });
  asn = actorFor(asnUser);
  const longAgo = new Date("2026-01-05T00:00:00Z");
  const g1 = await createHousehold({ desaCode: "35.10.09.2001" });
  const g2 = await createHousehold({ desaCode: "35.10.09.2002" });
  const m1 = await createHousehold({ desaCode: "35.10.05.2001" });
  const m2 = await createHousehold({ desaCode: "35.10.05.2002" });
  await createHousehold({ desaCode: "35.10.05.2003" }); // target, never fostered
  await createHousehold({ desaCode: "35.10.09.2003", status: "GRADUATED" }); // not a target
  await db.assignment.createMany({
    data: [
      { householdId: g1.id, asnId: asnUser.id, startedAt: longAgo },
      { householdId: g2.id, asnId: asnUser.id, startedAt: longAgo },
      { householdId: m1.id, asnId: otherAsn.id, startedAt: longAgo },
      // ended in the middle of W47: due in W47, not in W48
      {
        householdId: m2.id,
        asnId: otherAsn.id,
        startedAt: longAgo,
        endedAt: new Date("2026-11-18T03:00:00Z"),
      },
    ],
  });
  await visit(g1.id, asnUser.id, W48, "2026-11-24", [["Telur", 28_000]]);
  await visit(m1.id, otherAsn.id, W48, "2026-11-25", [
    ["Telur", 27_000],
    ["Tempe", 15_000],
  ]);
  await visit(g2.id, asnUser.id, W48, "2026-11-26", []);
  await visit(g1.id, asnUser.id, "2026-W47", "2026-11-17", [["Ayam", 40_000]]);
  await visit(m2.id, otherAsn.id, "2026-W47", "2026-11-17", [["Ayam", 41_000]]);
  await visit(g1.id, asnUser.id, "2026-W45", "2026-11-03", [["Ikan", 35_000]]);
  const dispendik = await db.opd.findUniqueOrThrow({ where: { code: "DISPENDIK" } });
  const dinkes = await db.opd.findUniqueOrThrow({ where: { code: "DINKES" } });
  await db.followUp.createMany({
    data: [
      {
        householdId: g1.id,
        type: "SCHOOL_DROPOUT",
        targetOpdId: dispendik.id,
        detail: "uji",
        status: "RESOLVED",
        createdAt: new Date("2026-10-01T00:00:00Z"),
        resolvedAt: new Date("2026-11-25T00:00:00Z"),
      },
      {
        householdId: m1.id,
        type: "HEALTH_WITHOUT_JKN",
        targetOpdId: dinkes.id,
        detail: "uji",
        status: "RESOLVED",
        createdAt: new Date("2026-11-01T00:00:00Z"),
        resolvedAt: new Date("2026-11-11T00:00:00Z"),
      },
      {
        householdId: m1.id,
        type: "SCHOOL_DROPOUT",
        targetOpdId: dispendik.id,
        detail: "uji",
        status: "OPEN",
        createdAt: new Date("2026-11-24T00:00:00Z"),
      },
    ],
  });
});

describe("getDashboard", () => {
  it("computes the period indicators like an independent query", async () => {
    const d = await getDashboard(leader, null, NOW);
    expect(d.current.periodKey).toBe(W48);
    expect(d.previous.periodKey).toBe("2026-W47");
    const { start, end } = periodRange(W48);
    expect(d.current.targetFamilies).toBe(
      await sqlScalar(`SELECT count(*) AS n FROM household WHERE status = 'ACTIVE'`),
    );
    expect(d.current.targetFamilies).toBe(5);
    expect(d.current.fosteredFamilies).toBe(await dueSql(W48));
    expect(d.current.fosteredFamilies).toBe(3);
    expect(d.previous.fosteredFamilies).toBe(await dueSql("2026-W47"));
    expect(d.previous.fosteredFamilies).toBe(4);
    expect(d.current.participatingAsn).toBe(2);
    expect(d.current.reportsFiled).toBe(
      await sqlScalar(`SELECT count(*) AS n FROM visit WHERE period_key = $1`, W48),
    );
    expect(d.current.reportsFiled).toBe(3);
    expect(d.previous.reportsFiled).toBe(2);
    expect(d.current.followUpsRaised).toBe(
      await sqlScalar(
        `SELECT count(*) AS n FROM follow_up WHERE created_at >= $1 AND created_at < $2`,
        start,
        end,
      ),
    );
    expect(d.current.followUpsRaised).toBe(1);
    expect(d.current.followUpsResolved).toBe(1);
    expect(d.followUps.openNow).toBe(1);
    // resolved this year: 55 days and 10 days → median 32.5
    expect(d.followUps.medianDaysToResolve).toBe(32.5);
    expect(d.followUps.resolvedFamilies.map((r) => [r.type, r.families])).toEqual(
      [
        ["SCHOOL_DROPOUT", 1],
        ["HEALTH_WITHOUT_JKN", 1],
      ].sort(),
    );
  });

  it("sums aid per item for the period, the month and the year to date", async () => {
    const d = await getDashboard(leader, null, NOW);
    const byName = (list: { name: string; deliveries: number; rupiah: number }[]) =>
      Object.fromEntries(list.map((a) => [a.name, [a.deliveries, a.rupiah]]));
    expect(byName(d.aid.period)).toEqual({ Telur: [2, 55_000], Tempe: [1, 15_000] });
    expect(byName(d.aid.month)).toEqual({
      Telur: [2, 55_000],
      Tempe: [1, 15_000],
      Ayam: [2, 81_000],
      Ikan: [1, 35_000],
    });
    const ytd = await sqlScalar(
      `SELECT sum(i.value_rupiah) AS n FROM visit_item i WHERE EXISTS (
         SELECT 1 FROM visit v WHERE v.id = i.visit_id AND v.visit_date BETWEEN '2026-01-01' AND '2026-11-29')`,
    );
    expect(d.aid.yearToDate.reduce((s, a) => s + a.rupiah, 0)).toBe(ytd);
  });

  it("lists all 25 kecamatan, zeros for one without families, matching independent counts", async () => {
    const d = await getDashboard(leader, null, NOW);
    expect(d.kecamatan).toHaveLength(25);
    const licin = d.kecamatan.find((k) => k.code === LICIN)!;
    expect(licin).toMatchObject({
      targetFamilies: 0,
      fosteredFamilies: 0,
      reportsFiled: 0,
      deliveredRupiah: 0,
      openFollowUps: 0,
    });
    for (const code of [GENTENG, MUNCAR]) {
      const row = d.kecamatan.find((k) => k.code === code)!;
      expect(row.fosteredFamilies).toBe(await dueSql(W48, code));
      expect(row.targetFamilies).toBe(
        await sqlScalar(
          `SELECT count(*) AS n FROM household WHERE status = 'ACTIVE' AND kecamatan_code = $1`,
          code,
        ),
      );
      expect(row.reportsFiled).toBe(
        await sqlScalar(
          `SELECT count(*) AS n FROM visit v WHERE v.period_key = $1 AND v.household_id IN (SELECT id FROM household WHERE kecamatan_code = $2)`,
          W48,
          code,
        ),
      );
    }
    expect(d.kecamatan.find((k) => k.code === MUNCAR)).toMatchObject({
      targetFamilies: 3,
      fosteredFamilies: 1,
      deliveredRupiah: 42_000,
      openFollowUps: 1,
    });
  });

  it("shows a trend of 26 periods including a period without reports", async () => {
    const d = await getDashboard(leader, null, NOW);
    expect(d.trend).toHaveLength(26);
    expect(d.trend.at(-1)?.periodKey).toBe(W48);
    const w46 = d.trend.find((t) => t.periodKey === "2026-W46")!;
    expect(w46).toMatchObject({ filed: 0, delivered: 0, rupiah: 0 });
    expect(w46.due).toBe(await dueSql("2026-W46"));
    const w47 = d.trend.find((t) => t.periodKey === "2026-W47")!;
    expect(w47).toMatchObject({ due: 4, filed: 2, delivered: 2, rupiah: 81_000 });
  });

  it("contains no names, addresses or identity numbers", async () => {
    const text = JSON.stringify(await getDashboard(leader, null, NOW));
    expect(text).not.toMatch(/\d{16}/);
    expect(text).not.toContain("Keluarga Uji");
    expect(text).not.toContain("Pengguna ASN");
  });

  it("answers NOT_FOUND for other roles and unknown or future periods", async () => {
    await expect(getDashboard(admin, null, NOW)).resolves.toBeDefined();
    await expect(getDashboard(asn, null, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getDashboard(supervisor, null, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getDashboard(leader, "2026-W49", NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getDashboard(leader, "2026-13", NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getDashboard(leader, "2026-W47", NOW)).resolves.toMatchObject({
      current: { periodKey: "2026-W47" },
    });
  });
});

describe("getKecamatanDrillDown", () => {
  it("gives the desa of one kecamatan with coordinates, aggregates only", async () => {
    const drill = await getKecamatanDrillDown(leader, GENTENG, null, NOW);
    expect(drill.kecamatan.name).toBe("Genteng");
    expect(drill.desa.length).toBe(
      await sqlScalar(`SELECT count(*) AS n FROM region WHERE parent_code = $1`, GENTENG),
    );
    const desa = drill.desa.find((d) => d.code === "35.10.09.2001")!;
    expect(desa).toMatchObject({
      targetFamilies: 1,
      fosteredFamilies: 1,
      reportsFiled: 1,
      deliveredRupiah: 28_000,
    });
    expect(desa.longitude).toBeGreaterThan(113);
  });

  it("answers NOT_FOUND for an unknown kecamatan, a desa code, or another role", async () => {
    await expect(getKecamatanDrillDown(leader, "35.10.99", null, NOW)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getKecamatanDrillDown(leader, "35.10.09.2001", null, NOW)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getKecamatanDrillDown(asn, GENTENG, null, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
