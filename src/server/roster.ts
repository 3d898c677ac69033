import "server-only";
import { hash } from "@node-rs/argon2";
import { type Prisma } from "@/generated/prisma/client";
import { normaliseDigits } from "@/lib/identity";
import type { Actor } from "@/lib/permissions";
import { newPasswordSchema } from "@/schemas/account";
import {
  ROSTER_PAGE_SIZE,
  type AsnCreateInput,
  type AsnUpdateInput,
  type DeactivateInput,
  type RosterFilter,
  type TransferInput,
} from "@/schemas/roster";
import { lockAsnById, moveAllFamiliesInTx, type MoveResult } from "./assignments";
import { recordAudit } from "./audit";
import { AppError, assertUuid, isUniqueViolation, notFound } from "./errors";
import { getProgrammeSettings } from "./settings";
import { db } from "./db";

// The ASN roster (/admin/asn): list, create, edit, temporary passwords, deactivation and mutasi.
// ADMIN only; every other role gets NOT_FOUND. NIP/NI PPPK are employee ids, shown to admins.

type Tx = Prisma.TransactionClient;

function requireAdmin(actor: Actor): void {
  if (actor.role !== "ADMIN") throw notFound();
}

const NIP_TAKEN = "NIP/NI PPPK ini sudah terdaftar pada akun lain.";

const rosterRowSelect = {
  id: true,
  name: true,
  nip: true,
  employmentType: true,
  position: true,
  quota: true,
  isActive: true,
  opd: { select: { name: true } },
  _count: { select: { assignments: { where: { endedAt: null } } } },
} satisfies Prisma.UserSelect;

export type RosterRow = {
  id: string;
  name: string;
  nip: string;
  employmentType: "PNS" | "PPPK" | "OTHER" | null;
  position: string | null;
  opdName: string | null;
  quota: number;
  activeFamilies: number;
  isActive: boolean;
};

export type RosterPage = { rows: RosterRow[]; total: number; page: number; pageCount: number };

/**
 * The roster, 50 per page, by name. `q`: digits → NIP exact or prefix; otherwise a part of the
 * name (case-insensitive). Filters: OPD, active/inactive/all.
 */
export async function listRoster(actor: Actor, filter: RosterFilter): Promise<RosterPage> {
  requireAdmin(actor);
  const { defaultQuota } = await getProgrammeSettings();
  const q = filter.q?.trim();
  const digits = q ? normaliseDigits(q) : "";
  const search: Prisma.UserWhereInput = !q
    ? {}
    : /^[0-9]+$/.test(digits)
      ? { nip: { startsWith: digits } }
      : { name: { contains: q, mode: "insensitive" } };
  const where: Prisma.UserWhereInput = {
    role: "ASN",
    ...search,
    ...(filter.opd ? { opdId: filter.opd } : {}),
    ...(filter.status === "aktif"
      ? { isActive: true }
      : filter.status === "nonaktif"
        ? { isActive: false }
        : {}),
  };
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (filter.halaman - 1) * ROSTER_PAGE_SIZE,
      take: ROSTER_PAGE_SIZE,
      select: rosterRowSelect,
    }),
  ]);
  return {
    total,
    page: filter.halaman,
    pageCount: Math.ceil(total / ROSTER_PAGE_SIZE),
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      nip: r.nip ?? "",
      employmentType: r.employmentType,
      position: r.position,
      opdName: r.opd?.name ?? null,
      quota: r.quota ?? defaultQuota,
      activeFamilies: r._count.assignments,
      isActive: r.isActive,
    })),
  };
}

export type RosterOptions = {
  opds: { id: number; name: string }[];
  kecamatan: { code: string; name: string }[];
  defaultQuota: number;
};

/** OPD and kecamatan for the roster's forms and filters. */
export async function getRosterOptions(actor: Actor): Promise<RosterOptions> {
  requireAdmin(actor);
  const [opds, kecamatan, { defaultQuota }] = await Promise.all([
    db.opd.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.region.findMany({
      where: { level: "KECAMATAN" },
      orderBy: { name: "asc" },
      select: { code: true, name: true },
    }),
    getProgrammeSettings(),
  ]);
  return { opds, kecamatan, defaultQuota };
}

const asnDetailSelect = {
  id: true,
  name: true,
  nip: true,
  employmentType: true,
  opdId: true,
  position: true,
  phone: true,
  quota: true,
  workKecamatanCode: true,
  homeKecamatanCode: true,
  isActive: true,
  mustChangePassword: true,
  lastLoginAt: true,
  opd: { select: { name: true } },
} satisfies Prisma.UserSelect;

export type AsnFamily = {
  householdId: string;
  headName: string;
  desaName: string;
  kecamatanName: string;
  since: Date;
};

export type AsnHistoryRow = {
  householdId: string;
  headName: string;
  startedAt: Date;
  endedAt: Date | null;
  reason: string | null;
  endReason: string | null;
  assignedByName: string | null;
  endedByName: string | null;
};

export type AsnDetail = Prisma.UserGetPayload<{ select: typeof asnDetailSelect }> & {
  nip: string;
  effectiveQuota: number;
  families: AsnFamily[];
  history: AsnHistoryRow[];
};

/** One ASN with their current families and assignment history (latest 50 rows). */
export async function getAsn(actor: Actor, id: string): Promise<AsnDetail> {
  requireAdmin(actor);
  assertUuid(id);
  const { defaultQuota } = await getProgrammeSettings();
  const [user, active, history] = await Promise.all([
    db.user.findFirst({ where: { id, role: "ASN" }, select: asnDetailSelect }),
    db.assignment.findMany({
      where: { asnId: id, endedAt: null },
      orderBy: [{ household: { headName: "asc" } }],
      select: {
        startedAt: true,
        household: {
          select: {
            id: true,
            headName: true,
            desa: { select: { name: true } },
            kecamatan: { select: { name: true } },
          },
        },
      },
    }),
    db.assignment.findMany({
      where: { asnId: id },
      orderBy: [{ startedAt: "desc" }, { id: "asc" }],
      take: 50,
      select: {
        startedAt: true,
        endedAt: true,
        reason: true,
        endReason: true,
        household: { select: { id: true, headName: true } },
        assignedBy: { select: { name: true } },
        endedBy: { select: { name: true } },
      },
    }),
  ]);
  if (!user) throw notFound();
  return {
    ...user,
    nip: user.nip ?? "",
    effectiveQuota: user.quota ?? defaultQuota,
    families: active.map((a) => ({
      householdId: a.household.id,
      headName: a.household.headName,
      desaName: a.household.desa.name,
      kecamatanName: a.household.kecamatan.name,
      since: a.startedAt,
    })),
    history: history.map((h) => ({
      householdId: h.household.id,
      headName: h.household.headName,
      startedAt: h.startedAt,
      endedAt: h.endedAt,
      reason: h.reason,
      endReason: h.endReason,
      assignedByName: h.assignedBy?.name ?? null,
      endedByName: h.endedBy?.name ?? null,
    })),
  };
}

/** Unknown OPD / kecamatan are field errors (the form's values come from lists, but URLs can lie). */
async function checkReferences(
  client: Tx | typeof db,
  input: Pick<AsnUpdateInput, "opdId" | "workKecamatanCode" | "homeKecamatanCode">,
): Promise<void> {
  const codes = [input.workKecamatanCode, input.homeKecamatanCode].filter((c): c is string => c !== null);
  const [opd, regions] = await Promise.all([
    client.opd.findUnique({ where: { id: input.opdId }, select: { id: true } }),
    codes.length > 0
      ? client.region.findMany({ where: { code: { in: codes }, level: "KECAMATAN" }, select: { code: true } })
      : Promise.resolve([]),
  ]);
  const known = new Set(regions.map((r) => r.code));
  const fieldErrors: Record<string, string[]> = {};
  if (!opd) fieldErrors.opdId = ["OPD tidak dikenal. Pilih dari daftar."];
  if (input.workKecamatanCode && !known.has(input.workKecamatanCode))
    fieldErrors.workKecamatanCode = ["Kecamatan tempat kerja tidak dikenal."];
  if (input.homeKecamatanCode && !known.has(input.homeKecamatanCode))
    fieldErrors.homeKecamatanCode = ["Kecamatan tempat tinggal tidak dikenal."];
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError("INVALID_INPUT", "Ada isian yang belum benar.", fieldErrors);
  }
}

/**
 * Creates an ASN account with a temporary password: mustChangePassword is set, so the first
 * sign-in leads to /ganti-sandi. An empty quota takes the programme's default.
 */
export async function createAsn(actor: Actor, input: AsnCreateInput): Promise<{ id: string }> {
  requireAdmin(actor);
  const policy = newPasswordSchema({ nip: input.nip.id }).safeParse(input.temporaryPassword);
  if (!policy.success) {
    const messages = policy.error.issues.map((i) => i.message);
    throw new AppError("INVALID_INPUT", messages[0], { temporaryPassword: messages });
  }
  await checkReferences(db, input);
  const { defaultQuota } = await getProgrammeSettings();
  const passwordHash = await hash(input.temporaryPassword);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          role: "ASN",
          nip: input.nip.id,
          employmentType: input.nip.employmentType,
          name: input.name,
          passwordHash,
          mustChangePassword: true,
          opdId: input.opdId,
          position: input.position,
          phone: input.phone,
          quota: input.quota ?? defaultQuota,
          workKecamatanCode: input.workKecamatanCode,
          homeKecamatanCode: input.homeKecamatanCode,
        },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId: actor.id,
          action: "asn.create",
          entityType: "user",
          entityId: user.id,
          changes: {
            opdId: input.opdId,
            quota: input.quota ?? defaultQuota,
            employmentType: input.nip.employmentType,
          },
        },
        tx,
      );
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", NIP_TAKEN, { nip: [NIP_TAKEN] });
    throw error;
  }
}

/**
 * Edits an ASN's data. A changed OPD is a mutasi: it is audited as such and the result says how
 * many families the ASN still fosters, so the page can offer to move them.
 */
export async function updateAsn(
  actor: Actor,
  id: string,
  input: AsnUpdateInput,
): Promise<{ opdChanged: boolean; activeFamilies: number }> {
  requireAdmin(actor);
  assertUuid(id);
  await checkReferences(db, input);
  const { defaultQuota } = await getProgrammeSettings();
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.user.findFirst({
        where: { id, role: "ASN" },
        select: { opdId: true, quota: true, nip: true, name: true, position: true },
      });
      if (!before) throw notFound();
      await tx.user.update({
        where: { id },
        data: {
          nip: input.nip.id,
          employmentType: input.nip.employmentType,
          name: input.name,
          opdId: input.opdId,
          position: input.position,
          phone: input.phone,
          quota: input.quota ?? defaultQuota,
          workKecamatanCode: input.workKecamatanCode,
          homeKecamatanCode: input.homeKecamatanCode,
        },
      });
      const opdChanged = before.opdId !== input.opdId;
      const activeFamilies = await tx.assignment.count({ where: { asnId: id, endedAt: null } });
      await recordAudit(
        {
          actorId: actor.id,
          action: opdChanged ? "asn.transfer" : "asn.update",
          entityType: "user",
          entityId: id,
          changes: {
            opdId: { from: before.opdId, to: input.opdId },
            quota: { from: before.quota, to: input.quota ?? defaultQuota },
            nipChanged: before.nip !== input.nip.id,
          },
        },
        tx,
      );
      return { opdChanged, activeFamilies };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", NIP_TAKEN, { nip: [NIP_TAKEN] });
    throw error;
  }
}

/**
 * Sets a new temporary password: mustChangePassword again, and the token version is bumped so
 * every open session of the account ends at once.
 */
export async function resetAsnPassword(actor: Actor, id: string, temporaryPassword: string): Promise<void> {
  requireAdmin(actor);
  assertUuid(id);
  const user = await db.user.findFirst({ where: { id, role: "ASN" }, select: { nip: true } });
  if (!user) throw notFound();
  const policy = newPasswordSchema({ nip: user.nip }).safeParse(temporaryPassword);
  if (!policy.success) {
    const messages = policy.error.issues.map((i) => i.message);
    throw new AppError("INVALID_INPUT", messages[0], { temporaryPassword: messages });
  }
  const passwordHash = await hash(temporaryPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id },
      data: { passwordHash, mustChangePassword: true, tokenVersion: { increment: 1 } },
    });
    await recordAudit(
      { actorId: actor.id, action: "asn.password_reset", entityType: "user", entityId: id },
      tx,
    );
  });
}

export type StatusChangeResult = { moved: MoveResult | null };

/**
 * Deactivates an ASN (sessions end: token version bumped). If they still foster families, a
 * target ASN is required and all families move there in the same transaction, the old
 * assignments ending with "Nonaktif: <reason>".
 */
export async function deactivateAsn(
  actor: Actor,
  id: string,
  input: DeactivateInput,
): Promise<StatusChangeResult> {
  requireAdmin(actor);
  assertUuid(id);
  const { defaultQuota } = await getProgrammeSettings();
  return db.$transaction(async (tx) => {
    const asn = await lockAsnById(tx, id, defaultQuota);
    if (!asn) throw notFound();
    if (!asn.isActive) throw new AppError("CONFLICT", "ASN ini sudah nonaktif.");
    let moved: MoveResult | null = null;
    if (asn.activeFamilies > 0) {
      if (!input.moveToNip) {
        const message = `ASN ini masih mengasuh ${asn.activeFamilies} keluarga. Pilih ASN tujuan untuk memindahkan mereka.`;
        throw new AppError("INVALID_INPUT", message, { moveToNip: [message] });
      }
      moved = await moveAllFamiliesInTx(tx, actor, {
        fromAsnId: id,
        toNip: input.moveToNip,
        endReason: `Nonaktif: ${input.reason}`,
        allowOverQuota: input.allowOverQuota,
        field: "moveToNip",
      });
    }
    await tx.user.update({ where: { id }, data: { isActive: false, tokenVersion: { increment: 1 } } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "asn.deactivate",
        entityType: "user",
        entityId: id,
        changes: { reason: input.reason, movedFamilies: moved?.moved ?? 0, movedTo: moved?.toAsnId ?? null },
      },
      tx,
    );
    return { moved };
  });
}

/** Reactivates an ASN; they sign in again with their current password. */
export async function reactivateAsn(actor: Actor, id: string): Promise<void> {
  requireAdmin(actor);
  assertUuid(id);
  await db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id, role: "ASN", isActive: false },
      data: { isActive: true },
    });
    if (updated.count === 0) {
      const exists = await tx.user.findFirst({ where: { id, role: "ASN" }, select: { id: true } });
      if (!exists) throw notFound();
      throw new AppError("CONFLICT", "ASN ini sudah aktif.");
    }
    await recordAudit({ actorId: actor.id, action: "asn.reactivate", entityType: "user", entityId: id }, tx);
  });
}

/**
 * Mutasi: the ASN moves to another OPD. Their families may stay with them, or (moveToNip) move
 * to another ASN in the same transaction, the old assignments ending with "Mutasi".
 */
export async function transferAsn(
  actor: Actor,
  id: string,
  input: TransferInput,
): Promise<StatusChangeResult> {
  requireAdmin(actor);
  assertUuid(id);
  const { defaultQuota } = await getProgrammeSettings();
  const opd = await db.opd.findUnique({ where: { id: input.opdId }, select: { id: true } });
  if (!opd)
    throw new AppError("INVALID_INPUT", "OPD tidak dikenal.", {
      opdId: ["OPD tidak dikenal. Pilih dari daftar."],
    });
  return db.$transaction(async (tx) => {
    const asn = await lockAsnById(tx, id, defaultQuota);
    if (!asn) throw notFound();
    const before = await tx.user.findUniqueOrThrow({ where: { id }, select: { opdId: true } });
    let moved: MoveResult | null = null;
    if (input.moveToNip && asn.activeFamilies > 0) {
      moved = await moveAllFamiliesInTx(tx, actor, {
        fromAsnId: id,
        toNip: input.moveToNip,
        endReason: "Mutasi",
        allowOverQuota: input.allowOverQuota,
        field: "moveToNip",
      });
    }
    await tx.user.update({ where: { id }, data: { opdId: input.opdId } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "asn.transfer",
        entityType: "user",
        entityId: id,
        changes: {
          opdId: { from: before.opdId, to: input.opdId },
          movedFamilies: moved?.moved ?? 0,
          movedTo: moved?.toAsnId ?? null,
        },
      },
      tx,
    );
    return { moved };
  });
}
