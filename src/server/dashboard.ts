import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { FOLLOW_UP_LABEL, type FollowUpType } from "@/lib/follow-up-rules";
import type { Actor } from "@/lib/permissions";
import {
  parsePeriodKey,
  periodKeyOf,
  periodKeysBack,
  periodLabel,
  periodRange,
  previousPeriodKey,
} from "@/lib/period";
import { notFound } from "./errors";
import { getProgrammeSettings } from "./settings";
import { db } from "./db";

// The leaders' dashboard: aggregates only (no names, addresses or identity numbers), LEADER and
// ADMIN. Definitions, used everywhere on the dashboard:
//  - target families: households with status ACTIVE (today);
//  - fostered (= due) in a period: households with an assignment active at some time during the
//    period (started before the period's end, not ended before its start);
//  - reported: visit reports with that period's key; compliance = reported / due;
//  - ASN taking part: ASN with such an assignment.

function assertDashboardRole(actor: Actor): void {
  if (actor.role !== "LEADER" && actor.role !== "ADMIN") throw notFound();
}

/** The requested period (or the current one) and the current one; an unknown or future key is a 404. */
async function resolvePeriod(
  requested: string | null,
  now: Date,
): Promise<{ periodKey: string; currentPeriodKey: string }> {
  const { cadence } = await getProgrammeSettings();
  const currentPeriodKey = periodKeyOf(now, cadence);
  if (requested === null) return { periodKey: currentPeriodKey, currentPeriodKey };
  const period = parsePeriodKey(requested);
  if (!period || period.cadence !== cadence || requested > currentPeriodKey) throw notFound();
  return { periodKey: requested, currentPeriodKey };
}

type Window = { start: Date; end: Date };

/** Calendar month and year to date of the period's last day, both ending with the period. */
function aidWindows(periodKey: string): { period: Window; month: Window; yearToDate: Window } {
  const range = periodRange(periodKey);
  const [year, month] = range.lastDay.split("-").map(Number) as [number, number];
  const wib = (y: number, m: number) => new Date(Date.UTC(y, m - 1, 1) - 7 * 60 * 60 * 1000);
  return {
    period: { start: range.start, end: range.end },
    month: { start: wib(year, month), end: range.end },
    yearToDate: { start: wib(year, 1), end: range.end },
  };
}

const n = (value: bigint | number | null | undefined): number => Number(value ?? 0);

export type PeriodIndicators = {
  periodKey: string;
  periodLabel: string;
  participatingAsn: number;
  targetFamilies: number;
  fosteredFamilies: number;
  reportsDue: number;
  reportsFiled: number;
  followUpsRaised: number;
  followUpsResolved: number;
};

async function periodIndicators(periodKey: string): Promise<PeriodIndicators> {
  const { start, end } = periodRange(periodKey);
  const [[row], coverage] = await Promise.all([
    db.$queryRaw<{ target: bigint; filed: bigint | null; raised: bigint; resolved: bigint }[]>`
      SELECT
        (SELECT count(*) FROM household WHERE status = 'ACTIVE') AS target,
        (SELECT sum(filed) FROM visit_rollup WHERE period_key = ${periodKey}) AS filed,
        (SELECT count(*) FROM follow_up WHERE created_at >= ${start} AND created_at < ${end}) AS raised,
        (SELECT count(*) FROM follow_up WHERE resolved_at >= ${start} AND resolved_at < ${end}) AS resolved`,
    periodCoverage([periodKey], KABUPATEN_AREA),
  ]);
  const covered = coverage.get(periodKey)?.get(KABUPATEN_AREA);
  return {
    periodKey,
    periodLabel: periodLabel(periodKey),
    participatingAsn: covered?.asn ?? 0,
    targetFamilies: n(row?.target),
    fosteredFamilies: covered?.families ?? 0,
    reportsDue: covered?.families ?? 0,
    reportsFiled: n(row?.filed),
    followUpsRaised: n(row?.raised),
    followUpsResolved: n(row?.resolved),
  };
}

/** The coverage cache's area code for the whole kabupaten (desa and kecamatan use their own). */
const KABUPATEN_AREA = "35.10";

type Coverage = { families: number; asn: number };
type AreaLevel = typeof KABUPATEN_AREA | "KECAMATAN" | { desaOfKecamatan: string };

/**
 * Fostered families and taking-part ASN per period and area, from the period_coverage cache.
 * Periods not cached yet (or made stale by an assignment change: triggers delete them) are computed
 * here under an exclusive advisory lock that assignment writers share, so a stored result never
 * misses a write that committed meanwhile (the migration explains the protocol).
 */
async function periodCoverage(
  periodKeys: string[],
  level: AreaLevel,
): Promise<Map<string, Map<string, Coverage>>> {
  const areaFilter =
    level === KABUPATEN_AREA
      ? Prisma.sql`c.area_code = ${KABUPATEN_AREA}`
      : level === "KECAMATAN"
        ? Prisma.sql`c.area_code IN (SELECT code FROM region WHERE level = 'KECAMATAN')`
        : Prisma.sql`c.area_code IN (SELECT code FROM region WHERE parent_code = ${level.desaOfKecamatan})`;
  const read = () =>
    db.$queryRaw<{ period_key: string; area_code: string; families: number; asn: number }[]>`
      SELECT c.period_key, c.area_code, c.families, c.asn FROM period_coverage c
       WHERE c.period_key = ANY(${periodKeys}::text[]) AND ${areaFilter}`;
  await ensureCoverage(periodKeys);
  const result = new Map<string, Map<string, Coverage>>();
  for (const r of await read()) {
    const areas = result.get(r.period_key) ?? new Map<string, Coverage>();
    areas.set(r.area_code, { families: r.families, asn: r.asn });
    result.set(r.period_key, areas);
  }
  return result;
}

async function uncachedPeriods(client: Pick<typeof db, "$queryRaw">, periodKeys: string[]) {
  const cached = await client.$queryRaw<{ period_key: string }[]>`
    SELECT period_key FROM period_coverage
     WHERE area_code = ${KABUPATEN_AREA} AND period_key = ANY(${periodKeys}::text[])`;
  const known = new Set(cached.map((r) => r.period_key));
  return periodKeys.filter((key) => !known.has(key));
}

/** Computes the periods missing from the cache (a no-op when all are there: one indexed read). */
async function ensureCoverage(periodKeys: string[]): Promise<void> {
  if ((await uncachedPeriods(db, periodKeys)).length === 0) return;
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('period_coverage'))`;
      // Another request may have computed them while this one waited for the lock.
      for (const key of await uncachedPeriods(tx, periodKeys)) {
        const { start, end } = periodRange(key);
        // Every area gets a row only where someone is fostered; the kabupaten row always exists
        // (the empty grouping set yields one row even over no assignments) and marks the period
        // as computed.
        await tx.$executeRaw`
          INSERT INTO period_coverage (period_key, area_code, period_start, period_end, families, asn)
          SELECT ${key}, coalesce(h.desa_code, h.kecamatan_code, ${KABUPATEN_AREA}), ${start}, ${end},
                 count(DISTINCT a.household_id), count(DISTINCT a.asn_id)
            FROM assignment a JOIN household h ON h.id = a.household_id
           WHERE a.started_at < ${end} AND (a.ended_at IS NULL OR a.ended_at > ${start})
           GROUP BY GROUPING SETS ((h.desa_code), (h.kecamatan_code), ())
          ON CONFLICT (period_key, area_code) DO NOTHING`;
      }
    },
    { timeout: 60_000 },
  );
}

export type AidByItem = { name: string; deliveries: number; rupiah: number };
export type AidDelivered = { period: AidByItem[]; month: AidByItem[]; yearToDate: AidByItem[] };

async function aidByItem({ start, end }: Window): Promise<AidByItem[]> {
  const rows = await db.$queryRaw<{ name: string; deliveries: bigint; rupiah: bigint }[]>`
    SELECT item_name AS name, sum(deliveries) AS deliveries, sum(rupiah) AS rupiah
      FROM aid_rollup
     WHERE visit_date >= (${start}::timestamptz AT TIME ZONE 'Asia/Jakarta')::date
       AND visit_date < (${end}::timestamptz AT TIME ZONE 'Asia/Jakarta')::date
     GROUP BY item_name
    HAVING sum(deliveries) <> 0
     ORDER BY rupiah DESC, item_name`;
  return rows.map((r) => ({ name: r.name, deliveries: n(r.deliveries), rupiah: n(r.rupiah) }));
}

export type ResolvedProblems = { type: FollowUpType; label: string; families: number }[];

export type FollowUpStats = {
  openNow: number;
  /** Median days from raised to resolved, over follow-ups resolved this year to date. */
  medianDaysToResolve: number | null;
  resolvedFamilies: ResolvedProblems;
};

async function followUpStats(yearToDate: Window): Promise<FollowUpStats> {
  const [stats] = await db.$queryRaw<{ open: bigint | null; median: number | null }[]>`
    SELECT (SELECT sum(open) FROM follow_up_open_rollup) AS open,
           (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', resolved_at - created_at) / 86400)
              FROM follow_up WHERE status = 'RESOLVED'
               AND resolved_at >= ${yearToDate.start} AND resolved_at < ${yearToDate.end}) AS median`;
  const byType = await db.$queryRaw<{ type: FollowUpType; families: bigint }[]>`
    SELECT type::text AS type, count(*) AS families
      FROM (SELECT DISTINCT type, household_id FROM follow_up
             WHERE status = 'RESOLVED' AND resolved_at >= ${yearToDate.start} AND resolved_at < ${yearToDate.end}) AS helped
     GROUP BY type ORDER BY type`;
  return {
    openNow: n(stats?.open),
    medianDaysToResolve:
      stats?.median === null || stats?.median === undefined ? null : Math.round(stats.median * 10) / 10,
    resolvedFamilies: byType.map((r) => ({
      type: r.type,
      label: FOLLOW_UP_LABEL[r.type],
      families: n(r.families),
    })),
  };
}

export type AreaRow = {
  code: string;
  name: string;
  targetFamilies: number;
  fosteredFamilies: number;
  participatingAsn: number;
  reportsFiled: number;
  deliveredRupiah: number;
  openFollowUps: number;
};

/** The same indicators per kecamatan (all 25, zeros included) or per desa of one kecamatan. */
async function areaRows(periodKey: string, parentCode: string | null): Promise<AreaRow[]> {
  const byDesa = parentCode !== null;
  const areaOf = byDesa ? Prisma.sql`h.desa_code` : Prisma.sql`h.kecamatan_code`;
  const areas = byDesa
    ? Prisma.sql`SELECT code, name FROM region WHERE parent_code = ${parentCode} AND level IN ('DESA', 'KELURAHAN')`
    : Prisma.sql`SELECT code, name FROM region WHERE level = 'KECAMATAN'`;
  const scope = byDesa ? Prisma.sql`h.kecamatan_code = ${parentCode}` : Prisma.sql`TRUE`;
  // visit_rollup is kept per desa; a kecamatan sums its desa.
  const rollupArea = byDesa ? Prisma.sql`r.desa_code` : Prisma.sql`d.parent_code`;
  const rollupScope = byDesa ? Prisma.sql`d.parent_code = ${parentCode}` : Prisma.sql`TRUE`;
  const [rows, coverage] = await Promise.all([
    db.$queryRaw<
      { code: string; name: string; target: bigint; filed: bigint; rupiah: bigint; open: bigint }[]
    >`
      WITH areas AS (${areas}),
      target AS (SELECT ${areaOf} AS code, count(*) AS n FROM household h
                  WHERE h.status = 'ACTIVE' AND ${scope} GROUP BY 1),
      reports AS (SELECT ${rollupArea} AS code, sum(r.filed) AS filed, sum(r.rupiah) AS rupiah
                    FROM visit_rollup r JOIN region d ON d.code = r.desa_code
                   WHERE r.period_key = ${periodKey} AND ${rollupScope} GROUP BY 1),
      open AS (SELECT ${rollupArea} AS code, sum(r.open) AS n
                 FROM follow_up_open_rollup r JOIN region d ON d.code = r.desa_code
                WHERE ${rollupScope} GROUP BY 1)
      SELECT areas.code, areas.name, target.n AS target, reports.filed, reports.rupiah, open.n AS open
        FROM areas
        LEFT JOIN target USING (code) LEFT JOIN reports USING (code) LEFT JOIN open USING (code)
       ORDER BY areas.code`,
    periodCoverage([periodKey], byDesa ? { desaOfKecamatan: parentCode } : "KECAMATAN"),
  ]);
  const covered = coverage.get(periodKey);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    targetFamilies: n(r.target),
    fosteredFamilies: covered?.get(r.code)?.families ?? 0,
    participatingAsn: covered?.get(r.code)?.asn ?? 0,
    reportsFiled: n(r.filed),
    deliveredRupiah: n(r.rupiah),
    openFollowUps: n(r.open),
  }));
}

export type TrendPoint = {
  periodKey: string;
  label: string;
  due: number;
  filed: number;
  delivered: number;
  rupiah: number;
};

async function trend(periodKey: string, count: number): Promise<TrendPoint[]> {
  const keys = periodKeysBack(periodKey, count);
  const [rows, coverage] = await Promise.all([
    db.$queryRaw<{ key: string; filed: bigint; delivered: bigint; rupiah: bigint }[]>`
      SELECT period_key AS key, sum(filed) AS filed, sum(delivered) AS delivered, sum(rupiah) AS rupiah
        FROM visit_rollup WHERE period_key = ANY(${keys}::text[]) GROUP BY period_key`,
    periodCoverage(keys, KABUPATEN_AREA),
  ]);
  const reports = new Map(rows.map((r) => [r.key, r]));
  return keys.map((key) => ({
    periodKey: key,
    label: periodLabel(key),
    due: coverage.get(key)?.get(KABUPATEN_AREA)?.families ?? 0,
    filed: n(reports.get(key)?.filed),
    delivered: n(reports.get(key)?.delivered),
    rupiah: n(reports.get(key)?.rupiah),
  }));
}

export type PovertyPoint = {
  year: number;
  percentPoor: number;
  poorPeople: number | null;
  source: string;
  status: string;
};

export type Dashboard = {
  /** The latest period that exists (the selector offers it and the ones before it). */
  currentPeriodKey: string;
  current: PeriodIndicators;
  previous: PeriodIndicators;
  aid: AidDelivered;
  followUps: FollowUpStats;
  kecamatan: AreaRow[];
  trend: TrendPoint[];
  poverty: PovertyPoint[];
  povertyTargetPercent: number | null;
};

export const TREND_PERIODS = 26;

/** Everything on the leaders' page for one period (default: the current one). */
export async function getDashboard(
  actor: Actor,
  requestedPeriod: string | null,
  now: Date = new Date(),
): Promise<Dashboard> {
  assertDashboardRole(actor);
  const { periodKey, currentPeriodKey } = await resolvePeriod(requestedPeriod, now);
  const windows = aidWindows(periodKey);
  // Fill the coverage cache once for every period on the page before the parallel reads.
  await ensureCoverage(periodKeysBack(periodKey, TREND_PERIODS));
  const [
    current,
    previous,
    aidPeriod,
    aidMonth,
    aidYear,
    followUps,
    kecamatan,
    trendPoints,
    poverty,
    settings,
  ] = await Promise.all([
    periodIndicators(periodKey),
    periodIndicators(previousPeriodKey(periodKey)),
    aidByItem(windows.period),
    aidByItem(windows.month),
    aidByItem(windows.yearToDate),
    followUpStats(windows.yearToDate),
    areaRows(periodKey, null),
    trend(periodKey, TREND_PERIODS),
    listPovertyFigures(),
    db.programmeSettings.findUnique({ where: { id: 1 }, select: { povertyTargetPercent: true } }),
  ]);
  return {
    currentPeriodKey,
    current,
    previous,
    aid: { period: aidPeriod, month: aidMonth, yearToDate: aidYear },
    followUps,
    kecamatan,
    trend: trendPoints,
    poverty,
    povertyTargetPercent: settings?.povertyTargetPercent ? Number(settings.povertyTargetPercent) : null,
  };
}

async function listPovertyFigures(): Promise<PovertyPoint[]> {
  const rows = await db.povertyFigure.findMany({
    orderBy: { year: "asc" },
    select: { year: true, percentPoor: true, poorPeople: true, source: true, status: true },
  });
  return rows.map((r) => ({ ...r, percentPoor: Number(r.percentPoor) }));
}

export type KecamatanDrillDown = {
  kecamatan: { code: string; name: string };
  periodKey: string;
  periodLabel: string;
  desa: (AreaRow & { longitude: number | null; latitude: number | null })[];
};

/** One kecamatan's desa, aggregates only. Unknown kecamatan or period → NOT_FOUND. */
export async function getKecamatanDrillDown(
  actor: Actor,
  kecamatanCode: string,
  requestedPeriod: string | null,
  now: Date = new Date(),
): Promise<KecamatanDrillDown> {
  assertDashboardRole(actor);
  if (!/^35\.10\.\d{2}$/.test(kecamatanCode)) throw notFound();
  const kecamatan = await db.region.findFirst({
    where: { code: kecamatanCode, level: "KECAMATAN" },
    select: { code: true, name: true },
  });
  if (!kecamatan) throw notFound();
  const { periodKey } = await resolvePeriod(requestedPeriod, now);
  await ensureCoverage([periodKey]);
  const rows = await areaRows(periodKey, kecamatan.code);
  const { desaCentroids } = await import("./geo");
  const centroids = await desaCentroids();
  return {
    kecamatan,
    periodKey,
    periodLabel: periodLabel(periodKey),
    desa: rows.map((r) => ({
      ...r,
      longitude: centroids.get(r.code)?.[0] ?? null,
      latitude: centroids.get(r.code)?.[1] ?? null,
    })),
  };
}
