import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { toCalendarDate, toDateOnlyString } from "@/lib/dates";
import { serverEnv } from "@/lib/env";
import { maskPersonalNumber } from "@/lib/identity";
import type { Actor } from "@/lib/permissions";
import {
  HOUSEHOLD_STATUS_LABEL,
  REGISTRY_PAGE_SIZE,
  type HouseholdStatus,
  type HouseholdUpdate,
  type MemberInput,
  type RegistryFilters,
  type StatusChange,
  type WelfareCategory,
} from "@/schemas/household";
import { recordAudit } from "./audit";
import { AppError, assertUuid, isUniqueViolation, notFound } from "./errors";
import { db } from "./db";
import { householdMemberSelect } from "./households";

// The household registry for Bappeda admins (issue 4 item 1): the paginated, filterable list at
// the scale of the whole kabupaten (~200,000 households), the full record with its identity
// numbers (each showing audited), edits of the household and its members, and status changes.
// ADMIN only: every function answers NOT_FOUND to every other role (docs/decisions/001, 002).
// households.ts keeps serving the ASN pages unchanged.

function requireAdmin(actor: Actor): void {
  if (actor.role !== "ADMIN") throw notFound();
}

/** The value recorded in the audit log for a changed NIK/No KK: never the number itself. */
export const IDENTITY_CHANGED = "diubah";

export type FieldChange =
  { from: string | number | null; to: string | number | null } | typeof IDENTITY_CHANGED;
/** `changes` of every registry audit entry (audit_log.entity_type = 'household', entity_id = household id). */
export type RegistryAuditChanges = {
  fields?: Record<string, FieldChange>;
  member?: { id: string; name: string };
  reason?: string;
  endedAssignment?: { id: string; asnName: string } | null;
  shown?: string[];
};

export const AUDIT_ACTIONS = {
  viewIdentity: "household.view_identity",
  update: "household.update",
  memberCreate: "household.member_create",
  memberUpdate: "household.member_update",
  statusChange: "household.status_change",
} as const;

// ---------------------------------------------------------------------------------------------
// The list.
//
// Offset pagination over an index-ordered scan: ORDER BY lower(head_name) USING ~<~, id. The `~<~`
// operator is the ordering of the text_pattern_ops index household_head_name_lower_idx, so the
// planner walks that index (no sort of the whole registry) and stops after OFFSET + 50 entries;
// the same index serves the prefix search lower(head_name) LIKE 'abc%'. Offset (not keyset) because
// the page shows "Halaman n dari N" with a total and plain page links that work without JS and
// survive filters; its cost grows with the page number (page 4,000 of an unfiltered registry walks
// 200,000 index entries), which admins avoid by filtering. The current ASN and last visit are
// LATERAL lookups on the 50 rows of the page only. One query for the rows, one for the count, in
// parallel.

export type RegistryRow = {
  id: string;
  headName: string;
  /** Always masked on lists: 3510••••••••0012. */
  kkMasked: string;
  desaName: string;
  kecamatanName: string;
  desil: number | null;
  category: WelfareCategory | null;
  status: HouseholdStatus;
  asnName: string | null;
  lastVisitDate: Date | null;
};

export type RegistryPage = {
  rows: RegistryRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
};

/** "Bud_i%" typed by a user is literal text: escape LIKE's wildcards, then add the prefix '%'. */
function likePrefix(text: string): string {
  return `${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function registryWhere(f: RegistryFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.name) parts.push(Prisma.sql`lower(h.head_name) LIKE ${likePrefix(f.name)}`);
  if (f.identityNumber) {
    const n = f.identityNumber;
    // Each branch is an index lookup (kk_number unique, head_nik, member nik unique).
    parts.push(Prisma.sql`h.id IN (
      SELECT x.id FROM household x WHERE x.kk_number = ${n}
      UNION ALL SELECT x.id FROM household x WHERE x.head_nik = ${n}
      UNION ALL SELECT m.household_id FROM household_member m WHERE m.nik = ${n})`);
  }
  if (f.kecamatanCode) parts.push(Prisma.sql`h.kecamatan_code = ${f.kecamatanCode}`);
  if (f.desaCode) parts.push(Prisma.sql`h.desa_code = ${f.desaCode}`);
  if (f.desil !== null) parts.push(Prisma.sql`h.desil = ${f.desil}::smallint`);
  if (f.category) parts.push(Prisma.sql`h.category = ${f.category}::"WelfareCategory"`);
  if (f.status) parts.push(Prisma.sql`h.status = ${f.status}::"HouseholdStatus"`);
  if (f.assigned) {
    const active = Prisma.sql`EXISTS (SELECT 1 FROM assignment a WHERE a.household_id = h.id AND a.ended_at IS NULL)`;
    parts.push(f.assigned === "ada" ? active : Prisma.sql`NOT ${active}`);
  }
  if (f.asn) {
    const who = /^\d{18}$/.test(f.asn)
      ? Prisma.sql`u.nip = ${f.asn}`
      : Prisma.sql`lower(u.name) LIKE ${likePrefix(f.asn)}`;
    parts.push(Prisma.sql`h.id IN (
      SELECT a.household_id FROM assignment a JOIN app_user u ON u.id = a.asn_id
       WHERE a.ended_at IS NULL AND u.role = 'ASN' AND ${who})`);
  }
  return parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

type RegistryRowRecord = {
  id: string;
  head_name: string;
  kk_number: string;
  desil: number | null;
  category: WelfareCategory | null;
  status: HouseholdStatus;
  desa_name: string;
  kecamatan_name: string;
  asn_name: string | null;
  last_visit_date: Date | string | null;
};

export async function listRegistryHouseholds(
  actor: Actor,
  filters: RegistryFilters,
  page = 1,
  pageSize = REGISTRY_PAGE_SIZE,
): Promise<RegistryPage> {
  requireAdmin(actor);
  const where = registryWhere(filters);
  const safePage = Math.max(1, Math.floor(page));
  const offset = (safePage - 1) * pageSize;
  const [records, counted] = await Promise.all([
    db.$queryRaw<RegistryRowRecord[]>`
      SELECT p.id, p.head_name, p.kk_number, p.desil, p.category::text AS category, p.status::text AS status,
             d.name AS desa_name, k.name AS kecamatan_name, cur.asn_name, lv.visit_date AS last_visit_date
        FROM (SELECT h.id, h.head_name, h.kk_number, h.desil, h.category, h.status, h.desa_code, h.kecamatan_code
                FROM household h
                ${where}
               ORDER BY lower(h.head_name) USING ~<~, h.id
               LIMIT ${pageSize} OFFSET ${offset}) p
        JOIN region d ON d.code = p.desa_code
        JOIN region k ON k.code = p.kecamatan_code
        LEFT JOIN LATERAL (SELECT u.name AS asn_name FROM assignment a JOIN app_user u ON u.id = a.asn_id
                            WHERE a.household_id = p.id AND a.ended_at IS NULL LIMIT 1) cur ON true
        LEFT JOIN LATERAL (SELECT v.visit_date FROM visit v WHERE v.household_id = p.id
                            ORDER BY v.period_key DESC LIMIT 1) lv ON true
       ORDER BY lower(p.head_name) USING ~<~, p.id`,
    db.$queryRaw<[{ n: number }]>`SELECT count(*)::int AS n FROM household h ${where}`,
  ]);
  const total = Number(counted[0]?.n ?? 0);
  return {
    rows: records.map((r) => ({
      id: r.id,
      headName: r.head_name,
      kkMasked: maskPersonalNumber(r.kk_number),
      desaName: r.desa_name,
      kecamatanName: r.kecamatan_name,
      desil: r.desil === null ? null : Number(r.desil),
      category: r.category,
      status: r.status,
      asnName: r.asn_name,
      lastVisitDate: r.last_visit_date === null ? null : new Date(r.last_visit_date),
    })),
    total,
    page: safePage,
    pageCount: Math.ceil(total / pageSize),
    pageSize,
  };
}

// ---------------------------------------------------------------------------------------------
// Regions for the kecamatan → desa selects.

export type RegionOptions = {
  kecamatan: { code: string; name: string }[];
  desa: { code: string; name: string; kecamatanCode: string; level: "DESA" | "KELURAHAN" }[];
};

export async function listRegionOptions(actor: Actor): Promise<RegionOptions> {
  requireAdmin(actor);
  const rows = await db.region.findMany({
    where: { level: { in: ["KECAMATAN", "DESA", "KELURAHAN"] } },
    select: { code: true, name: true, level: true, parentCode: true },
    orderBy: { name: "asc" },
  });
  return {
    kecamatan: rows.filter((r) => r.level === "KECAMATAN").map((r) => ({ code: r.code, name: r.name })),
    desa: rows
      .filter((r) => r.level === "DESA" || r.level === "KELURAHAN")
      .map((r) => ({
        code: r.code,
        name: r.name,
        kecamatanCode: r.parentCode ?? "",
        level: r.level as "DESA" | "KELURAHAN",
      })),
  };
}

// ---------------------------------------------------------------------------------------------
// One household, in full. Showing the full NIK/No KK is audited (household.view_identity).

const registryHouseholdSelect = {
  id: true,
  kkNumber: true,
  headName: true,
  headNik: true,
  desaCode: true,
  kecamatanCode: true,
  dusun: true,
  rt: true,
  rw: true,
  street: true,
  latitude: true,
  longitude: true,
  desil: true,
  category: true,
  status: true,
  source: true,
  createdAt: true,
  updatedAt: true,
  desa: { select: { name: true, level: true } },
  kecamatan: { select: { name: true } },
  members: { orderBy: [{ birthDate: "asc" }, { id: "asc" }], select: householdMemberSelect },
  assignments: {
    orderBy: [{ startedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      startedAt: true,
      endedAt: true,
      reason: true,
      endReason: true,
      asn: { select: { id: true, name: true, nip: true } },
      assignedBy: { select: { name: true } },
      endedBy: { select: { name: true } },
    },
  },
} satisfies Prisma.HouseholdSelect;

type RegistryHouseholdRecord = Prisma.HouseholdGetPayload<{ select: typeof registryHouseholdSelect }>;

export type RegistryMember = RegistryHouseholdRecord["members"][number];

export type AssignmentHistoryEntry = {
  id: string;
  asnName: string;
  asnNip: string | null;
  startedAt: Date;
  endedAt: Date | null;
  assignedByName: string | null;
  reason: string | null;
  endedByName: string | null;
  endReason: string | null;
  /** The ASN who fostered the family before this assignment started (the "from" of a transfer). */
  previousAsnName: string | null;
};

export type RegistryHousehold = Omit<RegistryHouseholdRecord, "desa" | "kecamatan" | "assignments"> & {
  desaName: string;
  desaLevel: "DESA" | "KELURAHAN" | "KECAMATAN" | "KABUPATEN";
  kecamatanName: string;
  currentAssignment: AssignmentHistoryEntry | null;
  assignmentHistory: AssignmentHistoryEntry[];
};

/**
 * The full record with the full NIK/No KK (ADMIN only). Each call records one
 * `household.view_identity` audit entry (which numbers were shown, never their values).
 */
export async function getRegistryHousehold(actor: Actor, householdId: string): Promise<RegistryHousehold> {
  requireAdmin(actor);
  assertUuid(householdId);
  const row = await db.household.findUnique({ where: { id: householdId }, select: registryHouseholdSelect });
  if (!row) throw notFound();
  await recordAudit({
    actorId: actor.id,
    action: AUDIT_ACTIONS.viewIdentity,
    entityType: "household",
    entityId: row.id,
    changes: { shown: ["kkNumber", "headNik", "memberNik"] } satisfies RegistryAuditChanges,
  });
  const { desa, kecamatan, assignments, ...rest } = row;
  // Oldest first to know each one's predecessor, then newest first for display.
  const chronological = [...assignments].reverse();
  const history: AssignmentHistoryEntry[] = chronological
    .map((a, i) => ({
      id: a.id,
      asnName: a.asn.name,
      asnNip: a.asn.nip,
      startedAt: a.startedAt,
      endedAt: a.endedAt,
      assignedByName: a.assignedBy?.name ?? null,
      reason: a.reason,
      endedByName: a.endedBy?.name ?? null,
      endReason: a.endReason,
      previousAsnName: i > 0 ? (chronological[i - 1]?.asn.name ?? null) : null,
    }))
    .reverse();
  return {
    ...rest,
    desaName: desa.name,
    desaLevel: desa.level,
    kecamatanName: kecamatan.name,
    currentAssignment: history.find((a) => a.endedAt === null) ?? null,
    assignmentHistory: history,
  };
}

// ---------------------------------------------------------------------------------------------
// Audit trail of one household.

export type AuditTrailEntry = {
  id: string;
  createdAt: Date;
  actorName: string | null;
  action: string;
  changes: RegistryAuditChanges | null;
};

/** Changes to the household (newest first). Views of the identity numbers are counted apart. */
export async function listHouseholdAuditTrail(
  actor: Actor,
  householdId: string,
  take = 100,
): Promise<{ entries: AuditTrailEntry[]; identityViews: number }> {
  requireAdmin(actor);
  assertUuid(householdId);
  const where = { entityType: "household", entityId: householdId };
  const [rows, identityViews] = await Promise.all([
    db.auditLog.findMany({
      where: { ...where, action: { not: AUDIT_ACTIONS.viewIdentity } },
      orderBy: { id: "desc" },
      take,
      select: { id: true, createdAt: true, action: true, changes: true, actor: { select: { name: true } } },
    }),
    db.auditLog.count({ where: { ...where, action: AUDIT_ACTIONS.viewIdentity } }),
  ]);
  return {
    entries: rows.map((r) => ({
      id: String(r.id),
      createdAt: r.createdAt,
      actorName: r.actor?.name ?? null,
      action: r.action,
      changes: isRecord(r.changes) ? (r.changes as RegistryAuditChanges) : null,
    })),
    identityViews,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------
// Writes. Each one: ADMIN only, one transaction, one audit entry with old → new of changed fields.

type Comparable = string | number | null;

function diff(
  before: Record<string, Comparable>,
  after: Record<string, Comparable>,
  identityFields: readonly string[] = [],
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const key of Object.keys(after)) {
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (from === to) continue;
    changes[key] = identityFields.includes(key) ? IDENTITY_CHANGED : { from, to };
  }
  return changes;
}

function invalid(field: string, message: string): AppError {
  return new AppError("INVALID_INPUT", message, { [field]: [message] });
}

export type WriteResult = { changed: boolean };

/** Address (desa, dusun, RT/RW, street, point), desil and category. */
export async function updateHousehold(actor: Actor, input: HouseholdUpdate): Promise<WriteResult> {
  requireAdmin(actor);
  assertUuid(input.householdId);
  const desa = await db.region.findUnique({
    where: { code: input.desaCode },
    select: { level: true, parentCode: true },
  });
  if (!desa || (desa.level !== "DESA" && desa.level !== "KELURAHAN") || !desa.parentCode)
    throw invalid("desaCode", "Desa/kelurahan tidak dikenal. Pilih dari daftar.");
  return db.$transaction(async (tx) => {
    const current = await tx.household.findUnique({
      where: { id: input.householdId },
      select: {
        desaCode: true,
        dusun: true,
        rt: true,
        rw: true,
        street: true,
        latitude: true,
        longitude: true,
        desil: true,
        category: true,
      },
    });
    if (!current) throw notFound();
    const next = {
      desaCode: input.desaCode,
      dusun: input.dusun,
      rt: input.rt,
      rw: input.rw,
      street: input.street,
      latitude: input.latitude,
      longitude: input.longitude,
      desil: input.desil,
      category: input.category,
    };
    const fields = diff(current, next);
    if (Object.keys(fields).length === 0) return { changed: false };
    await tx.household.update({
      where: { id: input.householdId },
      data: { ...next, kecamatanCode: desa.parentCode! },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: AUDIT_ACTIONS.update,
        entityType: "household",
        entityId: input.householdId,
        changes: { fields } satisfies RegistryAuditChanges,
      },
      tx,
    );
    return { changed: true };
  });
}

const NIK_TAKEN = "NIK ini sudah terdaftar pada anggota keluarga lain. Periksa kembali NIK yang diisi.";

function memberData(input: MemberInput) {
  return {
    nik: input.nik,
    name: input.name,
    sex: input.sex,
    birthDate: new Date(`${input.birthDate}T00:00:00Z`),
    relationship: input.relationship,
    schoolParticipation: input.schoolParticipation,
    disability: input.disability,
    chronicIllness: input.chronicIllness,
    jknStatus: input.jknStatus,
    status: input.status,
  };
}

function comparableMember(m: ReturnType<typeof memberData>): Record<string, Comparable> {
  return { ...m, birthDate: toDateOnlyString(toCalendarDate(m.birthDate)) };
}

/**
 * Adds (memberId null) or edits a member. NIK unique across the registry (clear message on
 * conflict, nothing stored); at most one present head of family, whose name and NIK the household
 * row mirrors.
 */
export async function saveMember(
  actor: Actor,
  input: MemberInput,
): Promise<WriteResult & { memberId: string }> {
  requireAdmin(actor);
  assertUuid(input.householdId);
  if (input.memberId) assertUuid(input.memberId);
  const data = memberData(input);
  try {
    return await db.$transaction(async (tx) => {
      const household = await tx.household.findUnique({
        where: { id: input.householdId },
        select: {
          id: true,
          headName: true,
          headNik: true,
          members: { select: householdMemberSelect },
        },
      });
      if (!household) throw notFound();
      const existing = input.memberId ? household.members.find((m) => m.id === input.memberId) : null;
      if (input.memberId && !existing) throw notFound();

      const holder = await tx.householdMember.findUnique({ where: { nik: data.nik }, select: { id: true } });
      if (holder && holder.id !== input.memberId) throw invalid("nik", NIK_TAKEN);
      if (data.relationship === "HEAD" && data.status === "PRESENT") {
        const otherHead = household.members.find(
          (m) => m.id !== input.memberId && m.relationship === "HEAD" && m.status === "PRESENT",
        );
        if (otherHead)
          throw invalid(
            "relationship",
            `Keluarga ini sudah punya kepala keluarga (${otherHead.name}). Ubah dulu hubungan anggota itu.`,
          );
      }

      let memberId: string;
      let fields: Record<string, FieldChange>;
      if (existing) {
        fields = diff(comparableMember(existing), comparableMember(data), ["nik"]);
        if (Object.keys(fields).length === 0) return { changed: false, memberId: existing.id };
        await tx.householdMember.update({ where: { id: existing.id }, data });
        memberId = existing.id;
      } else {
        fields = diff({}, comparableMember(data), ["nik"]);
        const created = await tx.householdMember.create({
          data: { ...data, householdId: household.id },
          select: { id: true },
        });
        memberId = created.id;
      }

      // The household row mirrors its head of family (name and NIK).
      const headFields: Record<string, FieldChange> = {};
      if (data.relationship === "HEAD" && data.status === "PRESENT") {
        // A member who just became head gives both; the same head gives only what this edit changed.
        const wasHead = existing?.relationship === "HEAD" && existing.status === "PRESENT";
        const headChange = {
          headName: !wasHead || fields.name ? data.name : household.headName,
          headNik: !wasHead || fields.nik ? data.nik : household.headNik,
        };
        Object.assign(
          headFields,
          diff({ headName: household.headName, headNik: household.headNik }, headChange, ["headNik"]),
        );
        if (Object.keys(headFields).length)
          await tx.household.update({ where: { id: household.id }, data: headChange });
      }

      await recordAudit(
        {
          actorId: actor.id,
          action: existing ? AUDIT_ACTIONS.memberUpdate : AUDIT_ACTIONS.memberCreate,
          entityType: "household",
          entityId: household.id,
          changes: {
            member: { id: memberId, name: data.name },
            fields: { ...fields, ...headFields },
          } satisfies RegistryAuditChanges,
        },
        tx,
      );
      return { changed: true, memberId };
    });
  } catch (error) {
    // Two admins saving the same NIK at once: the unique index decides, same message.
    if (isUniqueViolation(error)) throw invalid("nik", NIK_TAKEN);
    throw error;
  }
}

/**
 * Changes the household's status with a reason. Leaving ACTIVE ends the active assignment in the
 * same transaction (ended_at, ended_by, end_reason), so the family leaves the ASN's list at once.
 * The household row is locked first, so an assignment being made at the same moment waits and then
 * sees the new status.
 */
export async function changeHouseholdStatus(
  actor: Actor,
  input: StatusChange,
  now: Date = new Date(),
): Promise<WriteResult & { endedAssignmentId: string | null }> {
  requireAdmin(actor);
  assertUuid(input.householdId);
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ status: HouseholdStatus }[]>`
      SELECT status::text AS status FROM household WHERE id = ${input.householdId}::uuid FOR UPDATE`;
    const current = locked[0];
    if (!current) throw notFound();
    if (current.status === input.status)
      throw invalid("status", `Status keluarga sudah "${HOUSEHOLD_STATUS_LABEL[input.status]}".`);
    await tx.household.update({ where: { id: input.householdId }, data: { status: input.status } });

    let endedAssignment: { id: string; asnName: string } | null = null;
    if (current.status === "ACTIVE") {
      const active = await tx.assignment.findFirst({
        where: { householdId: input.householdId, endedAt: null },
        select: { id: true, startedAt: true, asn: { select: { name: true } } },
      });
      if (active) {
        const endReason = `Status keluarga: ${HOUSEHOLD_STATUS_LABEL[input.status]}. ${input.reason}`.slice(
          0,
          300,
        );
        await tx.assignment.update({
          where: { id: active.id },
          data: {
            endedAt: now < active.startedAt ? active.startedAt : now,
            endedById: actor.id,
            endReason,
          },
        });
        endedAssignment = { id: active.id, asnName: active.asn.name };
      }
    }
    await recordAudit(
      {
        actorId: actor.id,
        action: AUDIT_ACTIONS.statusChange,
        entityType: "household",
        entityId: input.householdId,
        changes: {
          fields: { status: { from: current.status, to: input.status } },
          reason: input.reason,
          endedAssignment,
        } satisfies RegistryAuditChanges,
      },
      tx,
    );
    return { changed: true, endedAssignmentId: endedAssignment?.id ?? null };
  });
}

// ---------------------------------------------------------------------------------------------
// Number search without URLs. The POSTed NIK/No KK is sealed (AES-256-GCM, key derived from
// NEXTAUTH_SECRET) into a short-lived httpOnly cookie together with the admin's id and a random
// token; the list URL carries only the token (`?nomor=<22 chars>`). The list opens the cookie and
// applies the number only when the token, the admin and the expiry all match. Stateless, so it works
// behind several app servers; the number never appears in a URL, the history or an access log.

export const IDENTITY_SEARCH_COOKIE = "registry_number_search";
export const IDENTITY_SEARCH_TTL_SECONDS = 15 * 60;

function searchKey(): Buffer {
  return createHash("sha256")
    .update(`asn-berbagi/registry-number-search/${serverEnv().NEXTAUTH_SECRET}`)
    .digest();
}

export type SealedIdentitySearch = { token: string; sealed: string };

export function sealIdentitySearch(
  actor: Actor,
  number: string,
  now: Date = new Date(),
): SealedIdentitySearch {
  requireAdmin(actor);
  const token = randomBytes(16).toString("base64url");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", searchKey(), iv);
  const payload = JSON.stringify({
    u: actor.id,
    t: token,
    n: number,
    e: now.getTime() + IDENTITY_SEARCH_TTL_SECONDS * 1000,
  });
  const body = Buffer.concat([cipher.update(payload, "utf8"), cipher.final()]);
  return { token, sealed: Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url") };
}

/** The number sealed for this admin and token, or null (missing, tampered, expired, other admin). */
export function openIdentitySearch(
  actor: Actor,
  sealed: string | undefined,
  token: string | null,
  now: Date = new Date(),
): string | null {
  if (actor.role !== "ADMIN" || !sealed || !token) return null;
  try {
    const raw = Buffer.from(sealed, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", searchKey(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    const payload = JSON.parse(text) as { u?: unknown; t?: unknown; n?: unknown; e?: unknown };
    if (payload.u !== actor.id || payload.t !== token || typeof payload.e !== "number") return null;
    if (payload.e <= now.getTime() || typeof payload.n !== "string" || !/^\d{16}$/.test(payload.n))
      return null;
    return payload.n;
  } catch {
    return null;
  }
}
