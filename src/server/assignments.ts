import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import type {
  BulkAssignInput,
  ConfirmProposalInput,
  MoveAllInput,
  UnassignedFilter,
} from "@/schemas/assignment";
import { MAX_PROPOSAL_ROWS, UNASSIGNED_PAGE_SIZE } from "@/schemas/assignment";
import { recordAudit } from "./audit";
import { AppError, assertUuid, isUniqueViolation, notFound } from "./errors";
import { getProgrammeSettings } from "./settings";
import { db } from "./db";

// Assigning families to ASN, the automatic proposal and moving all of an ASN's families.
// ADMIN only. The assignment rows are the history (from whom, to whom, when, who, why); each batch
// also gets one audit entry. "Never two active ASN per family" is checked under row locks and
// backed by the partial unique index assignment_one_active_per_household.

type Tx = Prisma.TransactionClient;

const HOUSEHOLD_STATUS_LABEL: Record<string, string> = {
  ACTIVE: "aktif",
  GRADUATED: "lulus (graduasi)",
  MOVED: "pindah",
  DECEASED: "meninggal",
  INACTIVE: "nonaktif",
};

function requireAdmin(actor: Actor): void {
  if (actor.role !== "ADMIN") throw notFound();
}

function listNames(names: string[], max = 5): string {
  const shown = names.slice(0, max).join(", ");
  return names.length > max ? `${shown} dan ${names.length - max} lainnya` : shown;
}

const CONFLICT_MESSAGE =
  "Ada keluarga yang baru saja ditugaskan oleh admin lain. Tidak ada yang disimpan; muat ulang halaman lalu coba lagi.";

/** An ASN row locked for the rest of the transaction (serialises quota checks per ASN). */
export type LockedAsn = {
  id: string;
  nip: string;
  name: string;
  isActive: boolean;
  /** Effective quota: the ASN's own, or the programme default. */
  quota: number;
  activeFamilies: number;
};

async function lockAsnWhere(tx: Tx, condition: Prisma.Sql, defaultQuota: number): Promise<LockedAsn[]> {
  const rows = await tx.$queryRaw<
    { id: string; nip: string; name: string; is_active: boolean; quota: number | null }[]
  >`SELECT id, nip, name, is_active, quota FROM app_user u
     WHERE u.role = 'ASN' AND ${condition} ORDER BY id FOR UPDATE`;
  if (rows.length === 0) return [];
  const counts = await tx.$queryRaw<{ asn_id: string; n: number }[]>`
    SELECT asn_id, count(*)::int AS n FROM assignment
     WHERE ended_at IS NULL AND asn_id = ANY(${rows.map((r) => r.id)}::uuid[]) GROUP BY asn_id`;
  const byId = new Map(counts.map((c) => [c.asn_id, c.n]));
  return rows.map((r) => ({
    id: r.id,
    nip: r.nip,
    name: r.name,
    isActive: r.is_active,
    quota: r.quota ?? defaultQuota,
    activeFamilies: byId.get(r.id) ?? 0,
  }));
}

async function lockAsnByNip(tx: Tx, nip: string, defaultQuota: number): Promise<LockedAsn | null> {
  const [asn] = await lockAsnWhere(tx, Prisma.sql`u.nip = ${nip}`, defaultQuota);
  return asn ?? null;
}

export async function lockAsnById(tx: Tx, id: string, defaultQuota: number): Promise<LockedAsn | null> {
  const [asn] = await lockAsnWhere(tx, Prisma.sql`u.id = ${id}::uuid`, defaultQuota);
  return asn ?? null;
}

function inactiveAsnError(asn: { name: string }, field: string): AppError {
  const message = `${asn.name} tidak aktif; keluarga tidak dapat ditugaskan kepadanya. Pilih ASN yang aktif.`;
  return new AppError("INVALID_INPUT", message, { [field]: [message] });
}

function unknownNipError(field: string): AppError {
  const message = "Tidak ada ASN dengan NIP/NI PPPK ini.";
  return new AppError("INVALID_INPUT", message, { [field]: [message] });
}

function overQuotaError(asn: LockedAsn, adding: number): AppError {
  const message = `${asn.name} mengasuh ${asn.activeFamilies} keluarga dari kuota ${asn.quota}; menambah ${adding} keluarga akan melebihi kuota. Centang “Izinkan melebihi kuota” bila memang disengaja.`;
  return new AppError("INVALID_INPUT", message, { allowOverQuota: [message] });
}

// ---------------------------------------------------------------------------------------------
// Unassigned families (the bulk checkbox list)

export type UnassignedFamilyRow = {
  id: string;
  headName: string;
  desaName: string;
  kecamatanName: string;
  rt: string | null;
  rw: string | null;
};

/** Active families without an active ASN, filterable by kecamatan/desa, 50 per page. */
export async function listUnassignedHouseholds(
  actor: Actor,
  filter: UnassignedFilter,
): Promise<{ rows: UnassignedFamilyRow[]; total: number; page: number; pageCount: number }> {
  requireAdmin(actor);
  const where: Prisma.HouseholdWhereInput = {
    status: "ACTIVE",
    assignments: { none: { endedAt: null } },
    ...(filter.desa
      ? { desaCode: filter.desa }
      : filter.kecamatan
        ? { kecamatanCode: filter.kecamatan }
        : {}),
  };
  const [total, rows] = await Promise.all([
    db.household.count({ where }),
    db.household.findMany({
      where,
      orderBy: [{ kecamatanCode: "asc" }, { desaCode: "asc" }, { headName: "asc" }, { id: "asc" }],
      skip: (filter.halaman - 1) * UNASSIGNED_PAGE_SIZE,
      take: UNASSIGNED_PAGE_SIZE,
      select: {
        id: true,
        headName: true,
        rt: true,
        rw: true,
        desa: { select: { name: true } },
        kecamatan: { select: { name: true } },
      },
    }),
  ]);
  return {
    total,
    page: filter.halaman,
    pageCount: Math.ceil(total / UNASSIGNED_PAGE_SIZE),
    rows: rows.map((r) => ({
      id: r.id,
      headName: r.headName,
      desaName: r.desa.name,
      kecamatanName: r.kecamatan.name,
      rt: r.rt,
      rw: r.rw,
    })),
  };
}

export type RegionOption = { code: string; name: string };

/** Kecamatan of the kabupaten and, for one kecamatan, its desa/kelurahan (filters). */
export async function listRegionOptions(
  actor: Actor,
  kecamatanCode?: string,
): Promise<{ kecamatan: RegionOption[]; desa: RegionOption[] }> {
  requireAdmin(actor);
  const [kecamatan, desa] = await Promise.all([
    db.region.findMany({
      where: { level: "KECAMATAN" },
      orderBy: { name: "asc" },
      select: { code: true, name: true },
    }),
    kecamatanCode
      ? db.region.findMany({
          where: { parentCode: kecamatanCode },
          orderBy: { name: "asc" },
          select: { code: true, name: true },
        })
      : Promise.resolve([]),
  ]);
  return { kecamatan, desa };
}

export type AsnCapacityOption = {
  nip: string;
  name: string;
  opdName: string | null;
  quota: number;
  activeFamilies: number;
};

/**
 * Active ASN with their capacity, for the "ASN tujuan" suggestions: the ones with room first,
 * those working or living in `kecamatanCode` before others. Capped: the field accepts any NIP.
 */
export async function listAsnCapacityOptions(
  actor: Actor,
  { kecamatanCode, limit = 300 }: { kecamatanCode?: string; limit?: number } = {},
): Promise<AsnCapacityOption[]> {
  requireAdmin(actor);
  const { defaultQuota } = await getProgrammeSettings();
  const kec = kecamatanCode ?? null;
  const rows = await db.$queryRaw<
    { nip: string; name: string; opd_name: string | null; quota: number; active: number }[]
  >`
    SELECT u.nip, u.name, o.name AS opd_name, COALESCE(u.quota, ${defaultQuota}::int) AS quota,
           COALESCE(c.n, 0)::int AS active
      FROM app_user u
      LEFT JOIN opd o ON o.id = u.opd_id
      LEFT JOIN (SELECT asn_id, count(*) AS n FROM assignment WHERE ended_at IS NULL GROUP BY asn_id) c
             ON c.asn_id = u.id
     WHERE u.role = 'ASN' AND u.is_active
     ORDER BY (COALESCE(u.quota, ${defaultQuota}::int) - COALESCE(c.n, 0) > 0) DESC,
              (${kec}::text IS NOT NULL AND (u.work_kecamatan_code = ${kec}::text OR u.home_kecamatan_code = ${kec}::text)) DESC,
              u.name, u.id
     LIMIT ${limit}`;
  return rows.map((r) => ({
    nip: r.nip,
    name: r.name,
    opdName: r.opd_name,
    quota: r.quota,
    activeFamilies: r.active,
  }));
}

// ---------------------------------------------------------------------------------------------
// Manual assignment: one or many selected families to one ASN, all or nothing

/**
 * Assigns the selected families to the ASN with this NIP. All or nothing: an inactive ASN, a
 * family that is not ACTIVE, a family that already has an ASN or an exceeded quota (unless
 * allowOverQuota) is an Indonesian error and nothing is written.
 */
export async function assignHouseholds(
  actor: Actor,
  input: BulkAssignInput,
): Promise<{ assigned: number; asnId: string; asnName: string }> {
  requireAdmin(actor);
  const ids = [...new Set(input.householdIds)];
  ids.forEach(assertUuid);
  const { defaultQuota } = await getProgrammeSettings();
  try {
    return await db.$transaction(async (tx) => {
      const asn = await lockAsnByNip(tx, input.asnNip, defaultQuota);
      if (!asn) throw unknownNipError("asnNip");
      if (!asn.isActive) throw inactiveAsnError(asn, "asnNip");
      const households = await tx.$queryRaw<
        { id: string; head_name: string; status: string; assigned: boolean }[]
      >`SELECT h.id, h.head_name, h.status::text AS status,
               EXISTS (SELECT 1 FROM assignment a WHERE a.household_id = h.id AND a.ended_at IS NULL) AS assigned
          FROM household h WHERE h.id = ANY(${ids}::uuid[]) ORDER BY h.id FOR UPDATE OF h`;
      if (households.length !== ids.length) {
        throw new AppError(
          "INVALID_INPUT",
          "Sebagian keluarga yang dipilih tidak ditemukan. Muat ulang halaman.",
        );
      }
      const notActive = households.filter((h) => h.status !== "ACTIVE");
      if (notActive.length > 0) {
        throw new AppError(
          "INVALID_INPUT",
          `Hanya keluarga berstatus aktif yang dapat ditugaskan: ${listNames(
            notActive.map((h) => `${h.head_name} (${HOUSEHOLD_STATUS_LABEL[h.status] ?? h.status})`),
          )}. Tidak ada yang disimpan.`,
        );
      }
      const taken = households.filter((h) => h.assigned);
      if (taken.length > 0) {
        throw new AppError(
          "CONFLICT",
          `Keluarga berikut sudah punya ASN: ${listNames(taken.map((h) => h.head_name))}. Tidak ada yang disimpan; muat ulang halaman.`,
        );
      }
      if (asn.activeFamilies + ids.length > asn.quota && !input.allowOverQuota) {
        throw overQuotaError(asn, ids.length);
      }
      await tx.assignment.createMany({
        data: ids.map((householdId) => ({
          householdId,
          asnId: asn.id,
          assignedById: actor.id,
          reason: input.reason ?? "Penugasan oleh admin",
        })),
      });
      await recordAudit(
        {
          actorId: actor.id,
          action: "assignment.assign",
          entityType: "user",
          entityId: asn.id,
          changes: {
            households: ids.length,
            reason: input.reason,
            overQuota: asn.activeFamilies + ids.length > asn.quota,
          },
        },
        tx,
      );
      return { assigned: ids.length, asnId: asn.id, asnName: asn.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Automatic proposal

export type ProposalReason = "WORK_KECAMATAN" | "HOME_KECAMATAN" | "OTHER";

export type ProposalRow = {
  householdId: string;
  headName: string;
  desaName: string;
  kecamatanName: string;
  asn: { id: string; nip: string; name: string; opdName: string | null };
  reason: ProposalReason;
};

export type Proposal = {
  rows: ProposalRow[];
  /** Unassigned active families in the filter (the proposal covers at most `limit` of them). */
  unassignedInScope: number;
  /** Families considered that found no ASN with capacity left. */
  withoutCapacity: number;
  /** Free places over all active ASN before the proposal. */
  capacityBefore: number;
};

type CandidateAsn = {
  id: string;
  nip: string;
  name: string;
  opdName: string | null;
  work: string | null;
  home: string | null;
  remaining: number;
};

/**
 * A round-robin queue over ASN sharing one remaining-capacity map: each take gives the next ASN
 * with room and puts them back at the end while they still have room, so families spread evenly
 * (everyone gets one before anyone gets two). O(1) amortised per take.
 */
class CapacityQueue {
  private readonly queue: CandidateAsn[];
  private head = 0;
  constructor(candidates: CandidateAsn[]) {
    this.queue = [...candidates];
  }
  take(): CandidateAsn | null {
    while (this.head < this.queue.length) {
      const asn = this.queue[this.head++]!;
      if (asn.remaining <= 0) continue;
      asn.remaining -= 1;
      if (asn.remaining > 0) this.queue.push(asn);
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue.splice(0, this.head);
        this.head = 0;
      }
      return asn;
    }
    return null;
  }
}

/**
 * Proposes an ASN for unassigned active families (optionally one kecamatan/desa; at most `limit`
 * families, in kecamatan/desa/name order), filling each active ASN up to their quota. Preference,
 * in passes so no kecamatan's families lose their local ASN to another's: (1) an ASN who works in
 * the family's kecamatan, (2) one who lives there, (3) any ASN with room, most room first.
 * Two queries (families, ASN with capacity) and maps in memory: scales to 200,000 families and
 * 12,000 ASN. Writes nothing: the admin edits and confirms the preview (confirmProposal).
 */
export async function proposeAssignments(
  actor: Actor,
  { kecamatan, desa, limit = MAX_PROPOSAL_ROWS }: { kecamatan?: string; desa?: string; limit?: number } = {},
): Promise<Proposal> {
  requireAdmin(actor);
  const { defaultQuota } = await getProgrammeSettings();
  const scope = desa
    ? Prisma.sql`AND h.desa_code = ${desa}`
    : kecamatan
      ? Prisma.sql`AND h.kecamatan_code = ${kecamatan}`
      : Prisma.empty;
  const unassigned = Prisma.sql`h.status = 'ACTIVE'
    AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.household_id = h.id AND a.ended_at IS NULL) ${scope}`;
  const [families, [count], asnRows] = await Promise.all([
    db.$queryRaw<
      { id: string; head_name: string; kecamatan_code: string; kecamatan_name: string; desa_name: string }[]
    >`SELECT h.id, h.head_name, h.kecamatan_code, k.name AS kecamatan_name, d.name AS desa_name
        FROM household h JOIN region d ON d.code = h.desa_code JOIN region k ON k.code = h.kecamatan_code
       WHERE ${unassigned}
       ORDER BY h.kecamatan_code, h.desa_code, h.head_name, h.id
       LIMIT ${Math.max(1, Math.min(limit, MAX_PROPOSAL_ROWS))}`,
    db.$queryRaw<[{ n: number }]>`SELECT count(*)::int AS n FROM household h WHERE ${unassigned}`,
    db.$queryRaw<
      {
        id: string;
        nip: string;
        name: string;
        opd_name: string | null;
        work: string | null;
        home: string | null;
        remaining: number;
      }[]
    >`SELECT u.id, u.nip, u.name, o.name AS opd_name, u.work_kecamatan_code AS work,
             u.home_kecamatan_code AS home,
             (COALESCE(u.quota, ${defaultQuota}::int) - COALESCE(c.n, 0))::int AS remaining
        FROM app_user u
        LEFT JOIN opd o ON o.id = u.opd_id
        LEFT JOIN (SELECT asn_id, count(*) AS n FROM assignment WHERE ended_at IS NULL GROUP BY asn_id) c
               ON c.asn_id = u.id
       WHERE u.role = 'ASN' AND u.is_active
         AND COALESCE(u.quota, ${defaultQuota}::int) - COALESCE(c.n, 0) > 0
       ORDER BY u.name, u.id`,
  ]);

  const candidates: CandidateAsn[] = asnRows.map((r) => ({
    id: r.id,
    nip: r.nip,
    name: r.name,
    opdName: r.opd_name,
    work: r.work,
    home: r.home,
    remaining: r.remaining,
  }));
  const capacityBefore = candidates.reduce((sum, a) => sum + a.remaining, 0);
  const groupBy = (key: "work" | "home") => {
    const map = new Map<string, CandidateAsn[]>();
    for (const asn of candidates) {
      const code = asn[key];
      if (code) (map.get(code) ?? map.set(code, []).get(code)!).push(asn);
    }
    return new Map([...map].map(([code, list]) => [code, new CapacityQueue(list)]));
  };
  const byWork = groupBy("work");
  const byHome = groupBy("home");
  const anyone = new CapacityQueue([...candidates].sort((a, b) => b.remaining - a.remaining));

  const chosen = new Map<string, { asn: CandidateAsn; reason: ProposalReason }>();
  const pass = (reason: ProposalReason, pick: (kecamatanCode: string) => CandidateAsn | null) => {
    for (const family of families) {
      if (chosen.has(family.id)) continue;
      const asn = pick(family.kecamatan_code);
      if (asn) chosen.set(family.id, { asn, reason });
    }
  };
  pass("WORK_KECAMATAN", (code) => byWork.get(code)?.take() ?? null);
  pass("HOME_KECAMATAN", (code) => byHome.get(code)?.take() ?? null);
  pass("OTHER", () => anyone.take());

  const rows: ProposalRow[] = [];
  for (const family of families) {
    const match = chosen.get(family.id);
    if (!match) continue;
    rows.push({
      householdId: family.id,
      headName: family.head_name,
      desaName: family.desa_name,
      kecamatanName: family.kecamatan_name,
      asn: { id: match.asn.id, nip: match.asn.nip, name: match.asn.name, opdName: match.asn.opdName },
      reason: match.reason,
    });
  }
  return {
    rows,
    unassignedInScope: count.n,
    withoutCapacity: families.length - rows.length,
    capacityBefore,
  };
}

export type ConfirmSkip = { householdId: string; headName: string | null; reason: string };
export type ConfirmResult = { assigned: number; skipped: ConfirmSkip[] };

/**
 * Confirms the (edited) proposal in one transaction. Policy: per-row skip with a report. A row
 * whose family meanwhile got an ASN or stopped being ACTIVE, or whose ASN became inactive or full,
 * is skipped and listed with its reason; every other row is assigned. A NIP that is no ASN at all
 * is an input error and nothing is written. Never two active ASN: rows are checked under row
 * locks and inserted with ON CONFLICT DO NOTHING on the one-active-per-household index, so a
 * concurrent assignment that slips past the locks is skipped too.
 */
export async function confirmProposal(actor: Actor, input: ConfirmProposalInput): Promise<ConfirmResult> {
  requireAdmin(actor);
  input.rows.forEach((r) => assertUuid(r.householdId));
  const { defaultQuota } = await getProgrammeSettings();
  return db.$transaction(async (tx) => {
    const nips = [...new Set(input.rows.map((r) => r.asnNip))];
    const asns = await lockAsnWhere(tx, Prisma.sql`u.nip = ANY(${nips}::text[])`, defaultQuota);
    const asnByNip = new Map(asns.map((a) => [a.nip, a]));
    const unknown = nips.filter((nip) => !asnByNip.has(nip));
    if (unknown.length > 0) {
      throw new AppError(
        "INVALID_INPUT",
        `NIP/NI PPPK berikut tidak terdaftar sebagai ASN: ${listNames(unknown)}. Perbaiki lalu konfirmasi lagi; belum ada yang disimpan.`,
      );
    }
    const ids = [...new Set(input.rows.map((r) => r.householdId))];
    const households = await tx.$queryRaw<
      { id: string; head_name: string; status: string; assigned: boolean }[]
    >`SELECT h.id, h.head_name, h.status::text AS status,
             EXISTS (SELECT 1 FROM assignment a WHERE a.household_id = h.id AND a.ended_at IS NULL) AS assigned
        FROM household h WHERE h.id = ANY(${ids}::uuid[]) ORDER BY h.id FOR UPDATE OF h`;
    const householdById = new Map(households.map((h) => [h.id, h]));

    const skipped: ConfirmSkip[] = [];
    const accepted: { householdId: string; asnId: string; headName: string }[] = [];
    const seen = new Set<string>();
    for (const row of input.rows) {
      const household = householdById.get(row.householdId);
      const asn = asnByNip.get(row.asnNip)!;
      const skip = (reason: string) =>
        skipped.push({ householdId: row.householdId, headName: household?.head_name ?? null, reason });
      if (!household) skip("keluarga tidak ditemukan");
      else if (seen.has(row.householdId)) skip("tercantum dua kali");
      else if (household.status !== "ACTIVE")
        skip(`keluarga berstatus ${HOUSEHOLD_STATUS_LABEL[household.status] ?? household.status}`);
      else if (household.assigned) skip("keluarga sudah punya ASN");
      else if (!asn.isActive) skip(`${asn.name} tidak aktif`);
      else if (asn.activeFamilies >= asn.quota) skip(`kuota ${asn.name} sudah penuh`);
      else {
        asn.activeFamilies += 1;
        accepted.push({ householdId: row.householdId, asnId: asn.id, headName: household.head_name });
      }
      seen.add(row.householdId);
    }

    let assigned = 0;
    if (accepted.length > 0) {
      const inserted = await tx.$queryRaw<{ household_id: string }[]>`
        INSERT INTO assignment (household_id, asn_id, assigned_by_id, reason)
        SELECT t.h, t.a, ${actor.id}::uuid, 'Usulan otomatis'
          FROM unnest(${accepted.map((r) => r.householdId)}::uuid[], ${accepted.map((r) => r.asnId)}::uuid[]) AS t(h, a)
        ON CONFLICT (household_id) WHERE ended_at IS NULL DO NOTHING
        RETURNING household_id`;
      const done = new Set(inserted.map((r) => r.household_id));
      for (const row of accepted) {
        if (!done.has(row.householdId))
          skipped.push({
            householdId: row.householdId,
            headName: row.headName,
            reason: "keluarga sudah punya ASN",
          });
      }
      assigned = done.size;
    }
    await recordAudit(
      {
        actorId: actor.id,
        action: "assignment.confirm_proposal",
        entityType: "assignment",
        changes: {
          assigned,
          skipped: skipped.map((s) => ({ householdId: s.householdId, reason: s.reason })),
        },
      },
      tx,
    );
    return { assigned, skipped };
  });
}

// ---------------------------------------------------------------------------------------------
// Moving all families of one ASN to another (reassignment, mutasi, deactivation)

export type MoveResult = { moved: number; toAsnId: string; toAsnName: string; overQuota: boolean };

/**
 * Inside the caller's transaction: ends every active assignment of `fromAsnId` (endedAt, endedById,
 * endReason) and creates the same families' new assignments to the ASN with `toNip`, with the
 * reason. The target must be active and another ASN; exceeding the target's quota needs
 * allowOverQuota. Records one audit entry for the batch.
 */
export async function moveAllFamiliesInTx(
  tx: Tx,
  actor: Actor,
  {
    fromAsnId,
    toNip,
    endReason,
    allowOverQuota,
    field = "toNip",
  }: { fromAsnId: string; toNip: string; endReason: string; allowOverQuota: boolean; field?: string },
): Promise<MoveResult> {
  requireAdmin(actor);
  const { defaultQuota } = await getProgrammeSettings();
  const [source] = await lockAsnWhere(tx, Prisma.sql`u.id = ${fromAsnId}::uuid`, defaultQuota);
  if (!source) throw notFound();
  const target = await lockAsnByNip(tx, toNip, defaultQuota);
  if (!target) throw unknownNipError(field);
  if (target.id === source.id) {
    const message = "Pilih ASN lain sebagai tujuan.";
    throw new AppError("INVALID_INPUT", message, { [field]: [message] });
  }
  if (!target.isActive) throw inactiveAsnError(target, field);
  const count = source.activeFamilies;
  const overQuota = target.activeFamilies + count > target.quota;
  if (count > 0 && overQuota && !allowOverQuota) throw overQuotaError(target, count);
  const now = new Date();
  const ended = await tx.$queryRaw<{ household_id: string }[]>`
    UPDATE assignment SET ended_at = ${now}, ended_by_id = ${actor.id}::uuid, end_reason = ${endReason}
     WHERE asn_id = ${source.id}::uuid AND ended_at IS NULL
    RETURNING household_id`;
  if (ended.length > 0) {
    await tx.assignment.createMany({
      data: ended.map((e) => ({
        householdId: e.household_id,
        asnId: target.id,
        startedAt: now,
        assignedById: actor.id,
        reason: `Pindahan dari ${source.name} (${endReason})`.slice(0, 300),
      })),
    });
  }
  await recordAudit(
    {
      actorId: actor.id,
      action: "assignment.move_all",
      entityType: "user",
      entityId: source.id,
      changes: { from: source.id, to: target.id, moved: ended.length, reason: endReason, overQuota },
    },
    tx,
  );
  return { moved: ended.length, toAsnId: target.id, toAsnName: target.name, overQuota };
}

/** Moves every active family of one ASN to another in one transaction (no status change). */
export async function moveAllFamilies(
  actor: Actor,
  fromAsnId: string,
  input: MoveAllInput,
): Promise<MoveResult> {
  requireAdmin(actor);
  assertUuid(fromAsnId);
  try {
    return await db.$transaction((tx) =>
      moveAllFamiliesInTx(tx, actor, {
        fromAsnId,
        toNip: input.toNip,
        endReason: input.reason,
        allowOverQuota: input.allowOverQuota,
      }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
    throw error;
  }
}
