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
  const [row] = await db.$queryRaw<
    { target: bigint; due: bigint; asn: bigint; filed: bigint; raised: bigint; resolved: bigint }[]
  >`
    SELECT
      (SELECT count(*) FROM household WHERE status = 'ACTIVE') AS target,
      (SELECT count(DISTINCT household_id) FROM assignment
        WHERE started_at < ${end} AND (ended_at IS NULL OR ended_at > ${start})) AS due,
      (SELECT count(DISTINCT asn_id) FROM assignment
        WHERE started_at < ${end} AND (ended_at IS NULL OR ended_at > ${start})) AS asn,
      (SELECT count(*) FROM visit WHERE period_key = ${periodKey}) AS filed,
      (SELECT count(*) FROM follow_up WHERE created_at >= ${start} AND created_at < ${end}) AS raised,
      (SELECT count(*) FROM follow_up WHERE resolved_at >= ${start} AND resolved_at < ${end}) AS resolved`;
  return {
    periodKey,
    periodLabel: periodLabel(periodKey),
    participatingAsn: n(row?.asn),
    targetFamilies: n(row?.target),
    fosteredFamilies: n(row?.due),
    reportsDue: n(row?.due),
    reportsFiled: n(row?.filed),
    followUpsRaised: n(row?.raised),
    followUpsResolved: n(row?.resolved),
  };
}

export type AidByItem = { name: string; deliveries: number; rupiah: number };
export type AidDelivered = { period: AidByItem[]; month: AidByItem[]; yearToDate: AidByItem[] };

async function aidByItem({ start, end }: Window): Promise<AidByItem[]> {
  const rows = await db.$queryRaw<{ name: string; deliveries: bigint; rupiah: bigint }[]>`
    SELECT i.name, count(*) AS deliveries, coalesce(sum(i.value_rupiah), 0) AS rupiah
      FROM visit v JOIN visit_item i ON i.visit_id = v.id
     WHERE v.visit_date >= (${start}::timestamptz AT TIME ZONE 'Asia/Jakarta')::date
       AND v.visit_date < (${end}::timestamptz AT TIME ZONE 'Asia/Jakarta')::date
     GROUP BY i.name ORDER BY rupiah DESC, i.name`;
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
  const [stats] = await db.$queryRaw<{ open: bigint; median: number | null }[]>`
    SELECT (SELECT count(*) FROM follow_up WHERE status IN ('OPEN', 'IN_PROGRESS')) AS open,
           (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at) / 86400)
              FROM follow_up WHERE status = 'RESOLVED'
               AND resolved_at >= ${yearToDate.start} AND resolved_at < ${yearToDate.end}) AS median`;
  const byType = await db.$queryRaw<{ type: FollowUpType; families: bigint }[]>`
    SELECT type::text AS type, count(DISTINCT household_id) AS families
      FROM follow_up
     WHERE status = 'RESOLVED' AND resolved_at >= ${yearToDate.start} AND resolved_at < ${yearToDate.end}
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
  const { start, end } = periodRange(periodKey);
  const byDesa = parentCode !== null;
  const areaOf = byDesa ? Prisma.sql`h.desa_code` : Prisma.sql`h.kecamatan_code`;
  const areas = byDesa
    ? Prisma.sql`SELECT code, name FROM region WHERE parent_code = ${parentCode} AND level IN ('DESA', 'KELURAHAN')`
    : Prisma.sql`SELECT code, name FROM region WHERE level = 'KECAMATAN'`;
  const scope = byDesa ? Prisma.sql`h.kecamatan_code = ${parentCode}` : Prisma.sql`TRUE`;
  const rows = await db.$queryRaw<
    {
      code: string;
      name: string;
      target: bigint;
      due: bigint;
      asn: bigint;
      filed: bigint;
      rupiah: bigint;
      open: bigint;
    }[]
  >`
    WITH areas AS (${areas}),
    target AS (SELECT ${areaOf} AS code, count(*) AS n FROM household h
                WHERE h.status = 'ACTIVE' AND ${scope} GROUP BY 1),
    due AS (SELECT ${areaOf} AS code, count(DISTINCT a.household_id) AS n, count(DISTINCT a.asn_id) AS asn
              FROM assignment a JOIN household h ON h.id = a.household_id
             WHERE a.started_at < ${end} AND (a.ended_at IS NULL OR a.ended_at > ${start}) AND ${scope} GROUP BY 1),
    filed AS (SELECT ${areaOf} AS code, count(*) AS n FROM visit v JOIN household h ON h.id = v.household_id
               WHERE v.period_key = ${periodKey} AND ${scope} GROUP BY 1),
    rupiah AS (SELECT ${areaOf} AS code, sum(i.value_rupiah) AS n
                 FROM visit v JOIN visit_item i ON i.visit_id = v.id JOIN household h ON h.id = v.household_id
                WHERE v.period_key = ${periodKey} AND ${scope} GROUP BY 1),
    open AS (SELECT ${areaOf} AS code, count(*) AS n FROM follow_up f JOIN household h ON h.id = f.household_id
              WHERE f.status IN ('OPEN', 'IN_PROGRESS') AND ${scope} GROUP BY 1)
    SELECT areas.code, areas.name, target.n AS target, due.n AS due, due.asn AS asn, filed.n AS filed,
           rupiah.n AS rupiah, open.n AS open
      FROM areas
      LEFT JOIN target USING (code) LEFT JOIN due USING (code) LEFT JOIN filed USING (code)
      LEFT JOIN rupiah USING (code) LEFT JOIN open USING (code)
     ORDER BY areas.code`;
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    targetFamilies: n(r.target),
    fosteredFamilies: n(r.due),
    participatingAsn: n(r.asn),
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
  const ranges = keys.map(periodRange);
  const rows = await db.$queryRaw<
    { key: string; due: bigint; filed: bigint; delivered: bigint; rupiah: bigint }[]
  >`
    WITH p AS (
      SELECT * FROM unnest(${keys}::text[], ${ranges.map((r) => r.start)}::timestamptz[], ${ranges.map((r) => r.end)}::timestamptz[])
        AS p(key, s, e)
    )
    SELECT p.key,
      (SELECT count(DISTINCT a.household_id) FROM assignment a
        WHERE a.started_at < p.e AND (a.ended_at IS NULL OR a.ended_at > p.s)) AS due,
      (SELECT count(*) FROM visit v WHERE v.period_key = p.key) AS filed,
      (SELECT count(*) FROM visit v WHERE v.period_key = p.key AND v.delivered) AS delivered,
      (SELECT coalesce(sum(i.value_rupiah), 0) FROM visit v JOIN visit_item i ON i.visit_id = v.id
        WHERE v.period_key = p.key) AS rupiah
    FROM p ORDER BY p.key`;
  return rows.map((r) => ({
    periodKey: r.key,
    label: periodLabel(r.key),
    due: n(r.due),
    filed: n(r.filed),
    delivered: n(r.delivered),
    rupiah: n(r.rupiah),
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
