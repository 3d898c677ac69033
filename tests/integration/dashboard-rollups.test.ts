import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { periodRange } from "@/lib/period";
import { getDashboard } from "@/server/dashboard";
import { db } from "@/server/db";
import {
  actorFor,
  createHousehold,
  createOpd,
  createFollowUp,
  createUser,
  createVisit,
  resetDatabase,
} from "../support/factories";

// The rollup tables and the coverage cache are kept by triggers (migration 20261129045549); these
// tests write through every kind of statement and compare them with the base tables.

const NOW = new Date("2026-11-26T05:00:00Z"); // Thursday, period 2026-W48
const W48 = "2026-W48";
const GENTENG_DESA = "35.10.09.2001";
const MUNCAR_DESA = "35.10.05.2001";

let leader: Actor;
let asnId: string;

beforeEach(async () => {
  await resetDatabase();
  const opd = await createOpd();
  leader = actorFor(await createUser("LEADER"));
  asnId = (await createUser("ASN", { opdId: opd.id })).id;
});

/** What the rollups must hold, computed independently from the base tables (non-zero rows only). */
async function expectedRollups() {
  const visits = await db.$queryRaw<{ key: string }[]>`
    SELECT v.period_key || '|' || h.desa_code || '|' || count(*) || '|' ||
           count(*) FILTER (WHERE v.delivered) || '|' ||
           coalesce((SELECT sum(i.value_rupiah) FROM visit_item i JOIN visit w ON w.id = i.visit_id
                      JOIN household g ON g.id = w.household_id
                     WHERE w.period_key = v.period_key AND g.desa_code = h.desa_code), 0) AS key
      FROM visit v JOIN household h ON h.id = v.household_id
     GROUP BY v.period_key, h.desa_code ORDER BY 1`;
  const aid = await db.$queryRaw<{ key: string }[]>`
    SELECT to_char(v.visit_date, 'YYYY-MM-DD') || '|' || h.kecamatan_code || '|' || i.name || '|' ||
           count(*) || '|' || sum(i.value_rupiah) AS key
      FROM visit_item i JOIN visit v ON v.id = i.visit_id JOIN household h ON h.id = v.household_id
     GROUP BY v.visit_date, h.kecamatan_code, i.name ORDER BY 1`;
  const open = await db.$queryRaw<{ key: string }[]>`
    SELECT h.desa_code || '|' || count(*) AS key
      FROM follow_up f JOIN household h ON h.id = f.household_id
     WHERE f.status NOT IN ('RESOLVED', 'REJECTED') GROUP BY h.desa_code ORDER BY 1`;
  return { visits: visits.map((r) => r.key), aid: aid.map((r) => r.key), open: open.map((r) => r.key) };
}

async function storedRollups() {
  const visits = await db.$queryRaw<{ key: string }[]>`
    SELECT period_key || '|' || desa_code || '|' || filed || '|' || delivered || '|' || rupiah AS key
      FROM visit_rollup WHERE (filed, delivered, rupiah) <> (0, 0, 0) ORDER BY 1`;
  const aid = await db.$queryRaw<{ key: string }[]>`
    SELECT to_char(visit_date, 'YYYY-MM-DD') || '|' || kecamatan_code || '|' || item_name || '|' ||
           deliveries || '|' || rupiah AS key
      FROM aid_rollup WHERE (deliveries, rupiah) <> (0, 0) ORDER BY 1`;
  const open = await db.$queryRaw<{ key: string }[]>`
    SELECT desa_code || '|' || open AS key FROM follow_up_open_rollup WHERE open <> 0 ORDER BY 1`;
  return { visits: visits.map((r) => r.key), aid: aid.map((r) => r.key), open: open.map((r) => r.key) };
}

async function expectRollupsTrue() {
  expect(await storedRollups()).toEqual(await expectedRollups());
}

function items(...values: [string, number][]) {
  return { create: values.map(([name, valueRupiah]) => ({ name, quantity: 1, unit: "kg", valueRupiah })) };
}

describe("visit_rollup, aid_rollup and follow_up_open_rollup", () => {
  it("follow inserts, edits, item changes, deletes and a family moving to another kecamatan", async () => {
    const a = await createHousehold({ desaCode: GENTENG_DESA });
    const b = await createHousehold({ desaCode: GENTENG_DESA });
    const opd = await createOpd();
    const fa = await createFollowUp(a.id, opd.id);
    await createFollowUp(a.id, opd.id, { type: "UNLIVABLE_HOUSE", status: "IN_PROGRESS" });
    await createFollowUp(b.id, opd.id, { type: "UNLIVABLE_HOUSE", status: "RESOLVED", resolvedAt: NOW });
    const va = await createVisit(a.id, asnId, W48, {
      visitDate: new Date("2026-11-24T00:00:00Z"),
      items: items(["Telur", 28_000], ["Tempe", 15_000]),
    });
    await createVisit(b.id, asnId, W48, { items: items(["Telur", 27_000]) });
    await createVisit(a.id, asnId, "2026-W47", { delivered: false, notDeliveredReason: "tidak di rumah" });
    await expectRollupsTrue();
    expect(await storedRollups()).toMatchObject({
      visits: ["2026-W47|35.10.09.2001|1|0|0", "2026-W48|35.10.09.2001|2|2|70000"],
    });

    // An edit as the app does it: items replaced, then the visit moved to another day.
    await db.$transaction([
      db.visitItem.deleteMany({ where: { visitId: va.id } }),
      db.visit.update({
        where: { id: va.id },
        data: { visitDate: new Date("2026-11-26T00:00:00Z"), items: items(["Ayam", 40_000]) },
      }),
    ]);
    await expectRollupsTrue();
    // The other order: the day changes while the items stay, then an item's value is corrected.
    await db.visit.update({ where: { id: va.id }, data: { visitDate: new Date("2026-11-25T00:00:00Z") } });
    await db.visitItem.updateMany({ where: { visitId: va.id }, data: { valueRupiah: 41_000 } });
    await expectRollupsTrue();
    // Marked not delivered (the flag alone).
    await db.visit.update({
      where: { id: va.id },
      data: { delivered: false, notDeliveredReason: "tidak di rumah" },
    });
    await expectRollupsTrue();

    // Follow-ups: resolved, reopened, rejected.
    await db.followUp.update({ where: { id: fa.id }, data: { status: "RESOLVED", resolvedAt: NOW } });
    await expectRollupsTrue();
    await db.followUp.update({ where: { id: fa.id }, data: { status: "OPEN", resolvedAt: null } });
    await db.followUp.updateMany({ where: { householdId: b.id }, data: { status: "REJECTED" } });
    await expectRollupsTrue();
    expect((await storedRollups()).open).toEqual(["35.10.09.2001|2"]);

    // The family moves to Muncar: its reports and open follow-ups move with it.
    await db.household.update({
      where: { id: a.id },
      data: { desaCode: MUNCAR_DESA, kecamatanCode: MUNCAR_DESA.slice(0, 8) },
    });
    await expectRollupsTrue();
    expect((await storedRollups()).visits).toContain("2026-W47|35.10.05.2001|1|0|0");
    expect((await storedRollups()).open).toEqual(["35.10.05.2001|2"]);
    await db.followUp.delete({ where: { id: fa.id } });
    await expectRollupsTrue();

    // A deleted report takes its items (deleted by the cascade) with it.
    await db.visit.delete({ where: { id: va.id } });
    await expectRollupsTrue();
    // TRUNCATE fires no row triggers; the rollups are rebuilt.
    await db.$executeRawUnsafe("TRUNCATE visit_item");
    await expectRollupsTrue();
    await db.$executeRawUnsafe("TRUNCATE follow_up CASCADE");
    await expectRollupsTrue();
  });

  it("stay exact when many reports of one desa are written at the same time", async () => {
    const families = await Promise.all(
      Array.from({ length: 24 }, () => createHousehold({ desaCode: GENTENG_DESA })),
    );
    await Promise.all(
      families.map((f, i) =>
        createVisit(f.id, asnId, W48, {
          visitDate: new Date(`2026-11-2${3 + (i % 3)}T00:00:00Z`),
          items: items(["Telur", 20_000 + i], ["Tempe", 10_000]),
        }),
      ),
    );
    await expectRollupsTrue();
    expect((await storedRollups()).visits).toEqual(["2026-W48|35.10.09.2001|24|24|" + (24 * 30_000 + 276)]);
  });
});

function dueSql(periodKey: string, kecamatan: string | null = null) {
  const { start, end } = periodRange(periodKey);
  return db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM household h
     WHERE (${kecamatan}::text IS NULL OR h.kecamatan_code = ${kecamatan}) AND EXISTS (
       SELECT 1 FROM assignment a WHERE a.household_id = h.id
          AND tstzrange(a.started_at, coalesce(a.ended_at, 'infinity'), '[)') && tstzrange(${start}, ${end}, '[)'))`.then(
    (rows) => Number(rows[0]!.n),
  );
}

describe("the coverage cache (fostered families per period)", () => {
  it("follows assignments started, ended and removed and families moving, for past and current periods", async () => {
    const longAgo = new Date("2026-01-05T00:00:00Z");
    const [a, b, c] = await Promise.all([
      createHousehold({ desaCode: GENTENG_DESA }),
      createHousehold({ desaCode: GENTENG_DESA }),
      createHousehold({ desaCode: MUNCAR_DESA }),
    ]);
    await db.assignment.createMany({
      data: [
        { householdId: a.id, asnId, startedAt: longAgo },
        { householdId: b.id, asnId, startedAt: longAgo },
      ],
    });
    const check = async () => {
      const d = await getDashboard(leader, null, NOW);
      expect(d.current.fosteredFamilies).toBe(await dueSql(W48));
      expect(d.previous.fosteredFamilies).toBe(await dueSql("2026-W47"));
      for (const point of d.trend) expect(point.due, point.periodKey).toBe(await dueSql(point.periodKey));
      for (const row of d.kecamatan) expect(row.fosteredFamilies, row.code).toBe(await dueSql(W48, row.code));
      return d;
    };
    expect((await check()).current.fosteredFamilies).toBe(2);

    // Ended during the current period: still due now, no longer after.
    await db.assignment.updateMany({ where: { householdId: b.id }, data: { endedAt: NOW } });
    expect((await check()).current.fosteredFamilies).toBe(2);
    // A back-dated assignment (e.g. a data correction) changes past periods too.
    await db.assignment.create({
      data: { householdId: c.id, asnId, startedAt: longAgo, endedAt: new Date("2026-11-18T00:00:00Z") },
    });
    const d = await check();
    expect(d.previous.fosteredFamilies).toBe(3);
    expect(d.current.fosteredFamilies).toBe(2);
    // The family moves kecamatan: the per-kecamatan rows follow.
    await db.household.update({
      where: { id: a.id },
      data: { desaCode: MUNCAR_DESA, kecamatanCode: MUNCAR_DESA.slice(0, 8) },
    });
    await check();
    await db.assignment.deleteMany({ where: { householdId: c.id } });
    await check();
    await db.$executeRawUnsafe("TRUNCATE assignment");
    expect((await check()).current.fosteredFamilies).toBe(0);
  });

  it("never stores a result that misses an assignment committed while it was being computed", async () => {
    const family = await createHousehold({ desaCode: GENTENG_DESA });
    const writer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await writer.connect();
    try {
      await writer.query("BEGIN");
      await writer.query(
        `INSERT INTO assignment (id, household_id, asn_id, started_at) VALUES (gen_random_uuid(), $1, $2, $3)`,
        [family.id, asnId, new Date("2026-01-05T00:00:00Z")],
      );
      // The cache is empty, so the dashboard must compute; it has to wait for the writer.
      const dashboard = getDashboard(leader, null, NOW);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await writer.query("COMMIT");
      expect((await dashboard).current.fosteredFamilies).toBe(1);
    } finally {
      await writer.end();
    }
    expect((await getDashboard(leader, null, NOW)).current.fosteredFamilies).toBe(1);
  });
});
