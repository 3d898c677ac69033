import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import {
  parsePeriodKey,
  periodKeyOf,
  periodKeysBack,
  periodLabel,
  periodRange,
  previousPeriodKey,
} from "@/lib/period";
import { recordAudit } from "./audit";
import { notFound } from "./errors";
import { staffScopeSql } from "./policy";
import { buildWorkbook, defineSheet, type SheetColumn } from "./spreadsheet";
import { getProgrammeSettings } from "./settings";
import { db } from "./db";

// Compliance (monev): who reported for which family in a period. Aggregates run in SQL.
//
// Definitions:
// - A family is DUE for an ASN in period P when one of the ASN's assignments of that family overlaps
//   P: started_at < end(P) AND (ended_at IS NULL OR ended_at > start(P)). A family transferred in
//   the middle of P is due for both ASN (each held it during P). A family whose registry status is
//   no longer ACTIVE counts only when it was reported in P (status has no history; a family that
//   left the programme cannot be reported any more).
// - It is REPORTED when a visit of that family exists with period_key = P (by whoever filed it;
//   one visit per family per period is a database rule), so reported <= due.
// - Per ASN and per OPD the figures count (ASN, family) pairs; per kecamatan and the totals count
//   distinct families.
// - OVERDUE families (not visited for two or more periods), for the selected period P: ACTIVE,
//   held at the end of P by an ASN in scope whose assignment began before P-1, and no visit in
//   P-2, P-1 or P.
//
// (A family's reported flag and kecamatan do not depend on the ASN, so DISTINCT (household, …)
// rows are distinct families; a hash DISTINCT avoids count(DISTINCT)'s sort.)
//
// Scale (200,000 families, 12,000 ASN, millions of visits): the due pairs of a period and whether
// each was reported come from the compliance_due cache (ensureComplianceDue; the join of
// assignments, families and reports is done once per period, not per page view), the staff set is
// scoped on app_user and joins it, and "last report" is one backward probe per ASN on
// visit(asn_id, period_key).

export const COMPLIANCE_PAGE_SIZE = 50;

export type CompliancePeriod = {
  key: string;
  label: string;
  isCurrent: boolean;
  start: Date;
  end: Date;
};

export type CompliancePeriodChoice = { key: string; label: string };

/** Sort keys accepted in `?urut=` (a leading "-" sorts descending). */
export const COMPLIANCE_SORT_KEYS = ["nama", "nip", "opd", "wajib", "lapor", "persen", "terakhir"] as const;
export type ComplianceSortKey = (typeof COMPLIANCE_SORT_KEYS)[number];
export type ComplianceSort = { key: ComplianceSortKey; descending: boolean };

const SORT_SQL: Record<ComplianceSortKey, string> = {
  nama: "r.name",
  nip: "r.nip",
  opd: "r.opd_name",
  wajib: "r.due",
  lapor: "r.reported",
  persen: "r.ratio",
  terakhir: "last.visit_date",
};

/** `?urut=` → a whitelisted sort; anything else is the default (lowest percentage first). */
export function parseComplianceSort(value: string | null | undefined): ComplianceSort {
  const descending = typeof value === "string" && value.startsWith("-");
  const key = (descending ? value.slice(1) : (value ?? "")) as ComplianceSortKey;
  if (COMPLIANCE_SORT_KEYS.includes(key)) return { key, descending };
  return { key: "persen", descending: false };
}

function requireComplianceRole(actor: Actor): void {
  if (actor.role !== "ADMIN" && actor.role !== "SUPERVISOR") throw notFound();
}

/**
 * The period to show: the requested key when it is a valid key not after the current period,
 * otherwise the current one. `choices`: the current period and the 11 before it (current cadence).
 */
export async function resolveCompliancePeriod(
  requested: string | null | undefined,
  now: Date = new Date(),
): Promise<{ period: CompliancePeriod; choices: CompliancePeriodChoice[] }> {
  const { cadence } = await getProgrammeSettings();
  const currentKey = periodKeyOf(now, cadence);
  const parsed = requested ? parsePeriodKey(requested) : null;
  const key = parsed && parsed.cadence === cadence && parsed.key <= currentKey ? parsed.key : currentKey;
  const range = periodRange(key);
  const choices = periodKeysBack(currentKey, 12)
    .reverse()
    .map((k) => ({ key: k, label: periodLabel(k) }));
  return {
    period: {
      key,
      label: periodLabel(key),
      isCurrent: key === currentKey,
      start: range.start,
      end: range.end,
    },
    choices,
  };
}

/**
 * Makes sure the period's due pairs are in compliance_due: computed once per period (one pass over
 * the assignments, families and the period's reports, well under a second at kabupaten scale) and
 * kept until a trigger forgets them because an assignment touching the period or a family's status
 * or kecamatan changed; reports filed later set `reported` by trigger (migration
 * 20261129082522_compliance_due_cache, docs/decisions/015). A no-op when they are current: one
 * indexed read. Computed under the exclusive advisory lock its writers take shared.
 */
async function ensureComplianceDue(period: CompliancePeriod): Promise<void> {
  const current = { where: { periodKey: period.key }, select: { periodKey: true } } as const;
  if (await db.compliancePeriod.findUnique(current)) return;
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('period_coverage'))`;
      // Another request may have computed it while this one waited for the lock.
      if (await tx.compliancePeriod.findUnique(current)) return;
      await tx.complianceDue.deleteMany({ where: { periodKey: period.key } });
      // DISTINCT: a family assigned twice to the same ASN within the period is one pair. From here
      // on, triggers on visit keep `reported` current.
      await tx.$executeRaw`
        INSERT INTO compliance_due (period_key, household_id, asn_id, kecamatan_code, active, reported)
        SELECT DISTINCT ${period.key}, a.household_id, a.asn_id, h.kecamatan_code, h.status = 'ACTIVE',
               EXISTS (SELECT 1 FROM visit v WHERE v.household_id = a.household_id AND v.period_key = ${period.key})
          FROM assignment a
          JOIN household h ON h.id = a.household_id
         WHERE a.started_at < ${period.end}::timestamptz
           AND (a.ended_at IS NULL OR a.ended_at > ${period.start}::timestamptz)`;
      await tx.compliancePeriod.create({
        data: { periodKey: period.key, periodStart: period.start, periodEnd: period.end },
      });
    },
    { timeout: 60_000 },
  );
}

/**
 * The CTEs shared by every compliance query: staff in scope, due pairs and their status. The due
 * pairs come from compliance_due: the caller runs ensureComplianceDue(period) first.
 */
function dueCtes(actor: Actor, period: CompliancePeriod): Prisma.Sql {
  return Prisma.sql`
    staff AS (
      SELECT u.id, u.name, u.nip, u.opd_id, u.is_active
      FROM app_user u
      WHERE ${staffScopeSql(actor)}
    ),
    due_status AS (
      SELECT d.asn_id, d.household_id, d.kecamatan_code, d.reported
      FROM compliance_due d
      JOIN staff s ON s.id = d.asn_id
      WHERE d.period_key = ${period.key} AND (d.active OR d.reported)
    ),
    per_asn AS (
      SELECT asn_id, count(*)::int AS due, (count(*) FILTER (WHERE reported))::int AS reported
      FROM due_status
      GROUP BY asn_id
    ),
    asn_rows AS (
      SELECT s.id, s.name, s.nip, s.opd_id, o.name AS opd_name,
             coalesce(p.due, 0) AS due, coalesce(p.reported, 0) AS reported,
             CASE WHEN coalesce(p.due, 0) = 0 THEN NULL ELSE p.reported::float8 / p.due END AS ratio
      FROM staff s
      LEFT JOIN per_asn p ON p.asn_id = s.id
      LEFT JOIN opd o ON o.id = s.opd_id
      WHERE s.is_active OR p.due > 0
    )`;
}

export type AsnComplianceRow = {
  id: string;
  name: string;
  nip: string | null;
  opdName: string | null;
  due: number;
  reported: number;
  lastVisitDate: Date | null;
};

type AsnComplianceSqlRow = {
  id: string;
  name: string;
  nip: string | null;
  opd_name: string | null;
  due: number;
  reported: number;
  /** "YYYY-MM-DD": the rows come back as JSON. */
  last_visit_date: string | null;
};

export type AsnComplianceList = { rows: AsnComplianceRow[]; total: number; page: number; pageCount: number };

type AsnListOptions = { sort?: ComplianceSort; notReportedOnly?: boolean; page?: number | null };

/**
 * The SELECT of one page of `asn_rows` (a CTE of dueCtes) with each row's last report date, in
 * display order (`ord`). The last report date is one index probe per ASN: only for the page shown,
 * unless it is the sort key.
 */
function asnPageSql(
  period: CompliancePeriod,
  options: AsnListOptions,
): { sql: Prisma.Sql; page: number | null } {
  const sort = options.sort ?? parseComplianceSort(null);
  const direction = sort.descending ? "DESC" : "ASC";
  const orderBy = Prisma.raw(`${SORT_SQL[sort.key]} ${direction} NULLS LAST, r.name ASC, r.id ASC`);
  const filter = options.notReportedOnly ? Prisma.sql`WHERE r.due > r.reported` : Prisma.empty;
  const page = options.page === null ? null : Math.max(1, Math.floor(options.page ?? 1));
  const limit =
    page === null
      ? Prisma.empty
      : Prisma.sql`LIMIT ${COMPLIANCE_PAGE_SIZE} OFFSET ${(page - 1) * COMPLIANCE_PAGE_SIZE}`;
  const lastVisit = Prisma.sql`
    LEFT JOIN LATERAL (
      SELECT v.visit_date FROM visit v
      WHERE v.asn_id = r.id AND v.period_key <= ${period.key}
      ORDER BY v.period_key DESC, v.visit_date DESC
      LIMIT 1
    ) last ON TRUE`;
  const sql =
    sort.key === "terakhir"
      ? Prisma.sql`
          SELECT r.id, r.name, r.nip, r.opd_name, r.due, r.reported, last.visit_date AS last_visit_date,
                 row_number() OVER (ORDER BY ${orderBy}) AS ord
          FROM asn_rows r ${lastVisit}
          ${filter}
          ORDER BY ${orderBy}
          ${limit}`
      : Prisma.sql`
          SELECT r.id, r.name, r.nip, r.opd_name, r.due, r.reported, last.visit_date AS last_visit_date,
                 row_number() OVER (ORDER BY ${orderBy}) AS ord
          FROM (SELECT r.* FROM asn_rows r ${filter} ORDER BY ${orderBy} ${limit}) r ${lastVisit}
          ORDER BY ${orderBy}`;
  return { sql, page };
}

function asnCountSql(options: AsnListOptions): Prisma.Sql {
  const filter = options.notReportedOnly ? Prisma.sql`WHERE r.due > r.reported` : Prisma.empty;
  return Prisma.sql`SELECT count(*)::int FROM asn_rows r ${filter}`;
}

function toAsnList(rows: AsnComplianceSqlRow[], total: number, page: number | null): AsnComplianceList {
  return {
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      nip: r.nip,
      opdName: r.opd_name,
      due: r.due,
      reported: r.reported,
      lastVisitDate: r.last_visit_date === null ? null : new Date(`${r.last_visit_date}T00:00:00Z`),
    })),
    total,
    page: page ?? 1,
    pageCount: page === null ? 1 : Math.max(1, Math.ceil(total / COMPLIANCE_PAGE_SIZE)),
  };
}

/**
 * ASN in the actor's scope (active ones, and inactive ones that still had families due) with due,
 * reported and their last report date up to the period. `notReportedOnly`: due > reported.
 * `page: null` returns every row (exports).
 */
export async function listAsnCompliance(
  actor: Actor,
  period: CompliancePeriod,
  options: AsnListOptions = {},
): Promise<AsnComplianceList> {
  requireComplianceRole(actor);
  await ensureComplianceDue(period);
  const { sql, page } = asnPageSql(period, options);
  const [row] = await db.$queryRaw<[{ rows: AsnComplianceSqlRow[] | null; total: number }]>`
    WITH ${dueCtes(actor, period)},
    page_rows AS (${sql})
    SELECT (SELECT json_agg(p ORDER BY p.ord) FROM page_rows p) AS rows, (${asnCountSql(options)}) AS total`;
  return toAsnList(row.rows ?? [], row.total, page);
}

export type ComplianceGroupRow = {
  code: string;
  name: string;
  /** ASN counted in this group (per OPD only; null per kecamatan). */
  asnCount: number | null;
  /** ASN with due > reported (per OPD only). */
  asnNotReported: number | null;
  due: number;
  reported: number;
};

export type ComplianceSummary = {
  totals: { asn: number; asnWithFamilies: number; asnNotReported: number; due: number; reported: number };
  byOpd: ComplianceGroupRow[];
  byKecamatan: ComplianceGroupRow[];
};

type GroupSqlRow = {
  code: string;
  name: string;
  asn: number | null;
  asn_not_reported: number | null;
  due: number;
  reported: number;
};
type SummarySqlRow = {
  totals: { asn: number; asn_with_families: number; asn_not_reported: number; due: number; reported: number };
  by_opd: GroupSqlRow[] | null;
  by_kecamatan: GroupSqlRow[] | null;
};

/** The summary's CTE (after dueCtes) and select list: totals, per OPD and per kecamatan as JSON. */
const summaryCte = Prisma.sql`
    families AS MATERIALIZED (SELECT DISTINCT household_id, kecamatan_code, reported FROM due_status)`;
const summaryColumns = Prisma.sql`
      (SELECT json_build_object(
                'asn', count(*),
                'asn_with_families', count(*) FILTER (WHERE r.due > 0),
                'asn_not_reported', count(*) FILTER (WHERE r.due > r.reported),
                'due', (SELECT count(*) FROM families),
                'reported', (SELECT count(*) FILTER (WHERE reported) FROM families))
         FROM asn_rows r) AS totals,
      (SELECT json_agg(g ORDER BY g.name NULLS LAST)
         FROM (SELECT coalesce(r.opd_id::text, '-') AS code, r.opd_name AS name, count(*) AS asn,
                      count(*) FILTER (WHERE r.due > r.reported) AS asn_not_reported,
                      sum(r.due) AS due, sum(r.reported) AS reported
                 FROM asn_rows r GROUP BY r.opd_id, r.opd_name) g) AS by_opd,
      (SELECT json_agg(g ORDER BY g.name)
         FROM (SELECT k.code, k.name, NULL AS asn, NULL AS asn_not_reported, count(*) AS due,
                      count(*) FILTER (WHERE f.reported) AS reported
                 FROM families f JOIN region k ON k.code = f.kecamatan_code
                GROUP BY k.code, k.name) g) AS by_kecamatan`;

function toSummary(row: SummarySqlRow): ComplianceSummary {
  const group = (r: GroupSqlRow): ComplianceGroupRow => ({
    code: r.code,
    name: r.name ?? "Tanpa OPD",
    asnCount: r.asn,
    asnNotReported: r.asn_not_reported,
    due: r.due,
    reported: r.reported,
  });
  return {
    totals: {
      asn: row.totals.asn,
      asnWithFamilies: row.totals.asn_with_families,
      asnNotReported: row.totals.asn_not_reported,
      due: row.totals.due,
      reported: row.totals.reported,
    },
    byOpd: (row.by_opd ?? []).map(group),
    byKecamatan: (row.by_kecamatan ?? []).map(group),
  };
}

/**
 * Totals, per OPD (of the ASN) and per kecamatan (of the family), for the period and scope. One
 * statement: the due pairs are computed once (a CTE used several times is materialised) and the
 * three views come back as JSON, instead of three statements each recomputing them.
 */
export async function getComplianceSummary(
  actor: Actor,
  period: CompliancePeriod,
): Promise<ComplianceSummary> {
  requireComplianceRole(actor);
  await ensureComplianceDue(period);
  const [row] = await db.$queryRaw<[SummarySqlRow]>`
    WITH ${dueCtes(actor, period)}, ${summaryCte}
    SELECT ${summaryColumns}`;
  return toSummary(row);
}

/**
 * The summary and one page of the ASN list in ONE statement (the compliance pages show both): the
 * due pairs, the costliest part at kabupaten scale, are computed once instead of twice.
 */
export async function getComplianceOverview(
  actor: Actor,
  period: CompliancePeriod,
  options: AsnListOptions = {},
): Promise<{ summary: ComplianceSummary; list: AsnComplianceList }> {
  requireComplianceRole(actor);
  await ensureComplianceDue(period);
  const { sql, page } = asnPageSql(period, options);
  const [row] = await db.$queryRaw<[SummarySqlRow & { rows: AsnComplianceSqlRow[] | null; total: number }]>`
    WITH ${dueCtes(actor, period)}, ${summaryCte},
    page_rows AS (${sql})
    SELECT ${summaryColumns},
      (SELECT json_agg(p ORDER BY p.ord) FROM page_rows p) AS rows,
      (${asnCountSql(options)}) AS total`;
  return { summary: toSummary(row), list: toAsnList(row.rows ?? [], row.total, page) };
}

export type OverdueFamilyRow = {
  householdId: string;
  headName: string;
  desaName: string;
  kecamatanName: string;
  asnId: string;
  asnName: string;
  asnNip: string | null;
  lastVisitDate: Date | null;
};

export type OverdueFamilyList = {
  rows: OverdueFamilyRow[];
  total: number;
  page: number;
  pageCount: number;
  /** The two completed periods checked, oldest first. */
  periodsChecked: string[];
};

/** Families not visited for two or more periods (see the definitions at the top). No NIK/KK. */
export async function listOverdueFamilies(
  actor: Actor,
  period: CompliancePeriod,
  options: { page?: number | null } = {},
): Promise<OverdueFamilyList> {
  requireComplianceRole(actor);
  const previous = previousPeriodKey(period.key);
  const beforePrevious = previousPeriodKey(previous);
  const previousStart = periodRange(previous).start;
  const page = options.page === null ? null : Math.max(1, Math.floor(options.page ?? 1));
  const limit =
    page === null
      ? Prisma.empty
      : Prisma.sql`LIMIT ${COMPLIANCE_PAGE_SIZE} OFFSET ${(page - 1) * COMPLIANCE_PAGE_SIZE}`;
  const rows = await db.$queryRaw<
    {
      household_id: string;
      head_name: string;
      desa_name: string;
      kecamatan_name: string;
      asn_id: string;
      asn_name: string;
      asn_nip: string | null;
      last_visit_date: Date | null;
      total: number;
    }[]
  >`
    SELECT h.id AS household_id, h.head_name, d.name AS desa_name, k.name AS kecamatan_name,
           u.id AS asn_id, u.name AS asn_name, u.nip AS asn_nip, last.visit_date AS last_visit_date,
           (count(*) OVER ())::int AS total
    FROM assignment a
    JOIN app_user u ON u.id = a.asn_id
    JOIN household h ON h.id = a.household_id
    JOIN region d ON d.code = h.desa_code
    JOIN region k ON k.code = h.kecamatan_code
    -- Families reported in the three periods, as one hash anti-join (an index probe per
    -- assignment cost 60,000 probes for the whole kabupaten).
    LEFT JOIN (
      SELECT DISTINCT household_id FROM visit
       WHERE period_key IN (${beforePrevious}, ${previous}, ${period.key})
    ) seen ON seen.household_id = h.id
    LEFT JOIN LATERAL (
      SELECT v.visit_date FROM visit v
      WHERE v.household_id = h.id AND v.period_key <= ${period.key}
      ORDER BY v.period_key DESC
      LIMIT 1
    ) last ON TRUE
    WHERE ${staffScopeSql(actor)}
      AND h.status = 'ACTIVE'
      AND a.started_at < ${previousStart}::timestamptz
      AND (a.ended_at IS NULL OR a.ended_at >= ${period.end}::timestamptz)
      AND seen.household_id IS NULL
    ORDER BY last.visit_date ASC NULLS FIRST, k.name, h.head_name, h.id
    ${limit}`;
  const total = rows[0]?.total ?? 0;
  return {
    rows: rows.map((r) => ({
      householdId: r.household_id,
      headName: r.head_name,
      desaName: r.desa_name,
      kecamatanName: r.kecamatan_name,
      asnId: r.asn_id,
      asnName: r.asn_name,
      asnNip: r.asn_nip,
      lastVisitDate: r.last_visit_date,
    })),
    total,
    page: page ?? 1,
    pageCount: page === null ? 1 : Math.max(1, Math.ceil(total / COMPLIANCE_PAGE_SIZE)),
    periodsChecked: [beforePrevious, previous],
  };
}

function percentValue(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/**
 * The XLSX of every view for one period and the actor's scope (NIP yes, NIK/KK never). The sheet
 * of families not visited names the heads of poor families: personal data, so only ADMIN exports
 * it (supervisors see staff figures). Every export is audited.
 */
export async function exportComplianceWorkbook(actor: Actor, period: CompliancePeriod): Promise<Uint8Array> {
  requireComplianceRole(actor);
  const withFamilies = actor.role === "ADMIN";
  const [asn, summary, overdue] = await Promise.all([
    listAsnCompliance(actor, period, { sort: parseComplianceSort("nama"), page: null }),
    getComplianceSummary(actor, period),
    withFamilies ? listOverdueFamilies(actor, period, { page: null }) : null,
  ]);
  const asnColumns: SheetColumn<AsnComplianceRow>[] = [
    { header: "Nama", value: (r) => r.name, width: 32 },
    { header: "NIP", value: (r) => r.nip, width: 20 },
    { header: "OPD", value: (r) => r.opdName, width: 36 },
    { header: "Keluarga wajib lapor", value: (r) => r.due },
    { header: "Sudah dilaporkan", value: (r) => r.reported },
    { header: "Persentase (%)", value: (r) => percentValue(r.reported, r.due) },
    { header: "Laporan terakhir", value: (r) => r.lastVisitDate, width: 16 },
  ];
  const groupColumns = (name: string, withAsn: boolean): SheetColumn<ComplianceGroupRow>[] => [
    { header: name, value: (r) => r.name, width: 36 },
    ...(withAsn
      ? [
          { header: "ASN", value: (r: ComplianceGroupRow) => r.asnCount },
          { header: "ASN belum lengkap", value: (r: ComplianceGroupRow) => r.asnNotReported },
        ]
      : []),
    { header: "Keluarga wajib lapor", value: (r) => r.due },
    { header: "Sudah dilaporkan", value: (r) => r.reported },
    { header: "Persentase (%)", value: (r) => percentValue(r.reported, r.due) },
  ];
  const overdueColumns: SheetColumn<OverdueFamilyRow>[] = [
    { header: "Kepala keluarga", value: (r) => r.headName, width: 32 },
    { header: "Desa/kelurahan", value: (r) => r.desaName, width: 24 },
    { header: "Kecamatan", value: (r) => r.kecamatanName, width: 20 },
    { header: "ASN", value: (r) => r.asnName, width: 32 },
    { header: "NIP", value: (r) => r.asnNip, width: 20 },
    { header: "Kunjungan terakhir", value: (r) => r.lastVisitDate, width: 18 },
  ];
  const workbook = await buildWorkbook([
    defineSheet("Per ASN", asnColumns, asn.rows),
    defineSheet(
      "Belum melapor",
      asnColumns,
      asn.rows.filter((r) => r.due > r.reported),
    ),
    defineSheet("Per OPD", groupColumns("OPD", true), summary.byOpd),
    defineSheet("Per kecamatan", groupColumns("Kecamatan", false), summary.byKecamatan),
    ...(overdue ? [defineSheet("Keluarga belum dikunjungi", overdueColumns, overdue.rows)] : []),
  ]);
  await recordAudit({
    actorId: actor.id,
    action: "export.compliance",
    entityType: "period",
    entityId: period.key,
    changes: { asnRows: asn.rows.length, familyRows: overdue?.rows.length ?? null },
  });
  return workbook;
}
