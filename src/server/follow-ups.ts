import "server-only";
import { type Prisma } from "@/generated/prisma/client";
import { ageOn } from "@/lib/dates";
import { FOLLOW_UP_LABEL, type FollowUpType } from "@/lib/follow-up-rules";
import type { Actor } from "@/lib/permissions";
import { todayInJakarta } from "@/lib/period";
import {
  DRINKING_WATER,
  ELECTRICITY,
  FLOOR,
  HEALTH,
  JKN,
  NATIONAL_AID,
  PRESENCE,
  ROOF,
  SANITATION,
  SCHOOL,
  WALL,
} from "@/lib/regsosek";
import {
  canTransition,
  FOLLOW_UP_STATUS_LABEL,
  type FollowUpStatus,
  type FollowUpStatusChange,
  type FollowUpTargetChange,
} from "@/schemas/follow-up";
import type { StoredChecklist } from "@/schemas/visit";
import { recordAudit } from "./audit";
import { AppError, assertUuid, isUniqueViolation, notFound } from "./errors";
import { followUpScope } from "./policy";
import { db } from "./db";

const followUpSummarySelect = {
  id: true,
  type: true,
  status: true,
  detail: true,
  createdAt: true,
  clearedAt: true,
  resolvedAt: true,
  targetOpd: { select: { name: true } },
  household: { select: { id: true, headName: true } },
  clearedByVisit: { select: { visitDate: true } },
} satisfies Prisma.FollowUpSelect;

type FollowUpSummaryRow = Prisma.FollowUpGetPayload<{ select: typeof followUpSummarySelect }>;

export type FollowUpSummary = {
  id: string;
  type: FollowUpType;
  typeLabel: string;
  status: FollowUpSummaryRow["status"];
  detail: string;
  createdAt: Date;
  targetOpdName: string;
  household: { id: string; headName: string };
  /** When a later report no longer showed the problem (the OPD still closes it). */
  noLongerSeenOn: Date | null;
  resolvedAt: Date | null;
};

function toSummary(row: FollowUpSummaryRow): FollowUpSummary {
  return {
    id: row.id,
    type: row.type,
    typeLabel: FOLLOW_UP_LABEL[row.type],
    status: row.status,
    detail: row.detail,
    createdAt: row.createdAt,
    targetOpdName: row.targetOpd.name,
    household: row.household,
    noLongerSeenOn: row.clearedAt ? (row.clearedByVisit?.visitDate ?? row.clearedAt) : null,
    resolvedAt: row.resolvedAt,
  };
}

/** Follow-ups of one family in the actor's scope, open ones first. */
export async function listHouseholdFollowUps(actor: Actor, householdId: string): Promise<FollowUpSummary[]> {
  assertUuid(householdId);
  const rows = await db.followUp.findMany({
    where: { AND: [{ householdId }, followUpScope(actor)] },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    select: followUpSummarySelect,
  });
  return rows.map(toSummary);
}

/** Follow-ups raised by the ASN's own reports, with their status, newest first. */
export async function listFollowUpsRaisedBy(actor: Actor, take = 100): Promise<FollowUpSummary[]> {
  if (actor.role !== "ASN") throw notFound();
  const rows = await db.followUp.findMany({
    where: { raisedByVisit: { asnId: actor.id } },
    orderBy: { createdAt: "desc" },
    take,
    select: followUpSummarySelect,
  });
  return rows.map(toSummary);
}

// ---------------------------------------------------------------------------------------------
// The board (/admin/tindak-lanjut, /pengawas/tindak-lanjut): ADMIN all, SUPERVISOR followUpScope.

export const FOLLOW_UP_BOARD_PAGE_SIZE = 50;

function requireBoardRole(actor: Actor): void {
  if (actor.role !== "ADMIN" && actor.role !== "SUPERVISOR") throw notFound();
}

export type FollowUpBoardFilter = {
  type?: FollowUpType;
  /** "AKTIF" = OPEN or IN_PROGRESS. */
  status?: FollowUpStatus | "AKTIF";
  /** Target OPD; ignored for supervisors (their scope decides). */
  targetOpdId?: number;
  kecamatanCode?: string;
  page?: number;
};

const boardRowSelect = {
  id: true,
  type: true,
  status: true,
  detail: true,
  createdAt: true,
  updatedAt: true,
  clearedAt: true,
  targetOpd: { select: { id: true, name: true } },
  household: {
    select: {
      id: true,
      headName: true,
      desa: { select: { name: true } },
      kecamatan: { select: { name: true } },
    },
  },
} satisfies Prisma.FollowUpSelect;

export type FollowUpBoardRow = {
  id: string;
  type: FollowUpType;
  typeLabel: string;
  status: FollowUpStatus;
  detail: string;
  createdAt: Date;
  updatedAt: Date;
  noLongerSeen: boolean;
  targetOpdName: string;
  headName: string;
  desaName: string;
  kecamatanName: string;
};

export type FollowUpBoard = { rows: FollowUpBoardRow[]; total: number; page: number; pageCount: number };

export async function listFollowUpBoard(
  actor: Actor,
  filter: FollowUpBoardFilter = {},
): Promise<FollowUpBoard> {
  requireBoardRole(actor);
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const where: Prisma.FollowUpWhereInput = {
    AND: [
      followUpScope(actor),
      filter.type ? { type: filter.type } : {},
      filter.status === "AKTIF"
        ? { status: { in: ["OPEN", "IN_PROGRESS"] } }
        : filter.status
          ? { status: filter.status }
          : {},
      actor.role === "ADMIN" && filter.targetOpdId ? { targetOpdId: filter.targetOpdId } : {},
      filter.kecamatanCode ? { household: { kecamatanCode: filter.kecamatanCode } } : {},
    ],
  };
  const [total, rows] = await Promise.all([
    db.followUp.count({ where }),
    db.followUp.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * FOLLOW_UP_BOARD_PAGE_SIZE,
      take: FOLLOW_UP_BOARD_PAGE_SIZE,
      select: boardRowSelect,
    }),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      type: r.type,
      typeLabel: FOLLOW_UP_LABEL[r.type],
      status: r.status,
      detail: r.detail,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      noLongerSeen: r.clearedAt !== null,
      targetOpdName: r.targetOpd.name,
      headName: r.household.headName,
      desaName: r.household.desa.name,
      kecamatanName: r.household.kecamatan.name,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / FOLLOW_UP_BOARD_PAGE_SIZE)),
  };
}

/** Choices for the board's filters (OPD and kecamatan names are not personal data). */
export async function getFollowUpBoardOptions(
  actor: Actor,
): Promise<{ opds: { id: number; name: string }[]; kecamatan: { code: string; name: string }[] }> {
  requireBoardRole(actor);
  const [opds, kecamatan] = await Promise.all([
    db.opd.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.region.findMany({
      where: { level: "KECAMATAN" },
      orderBy: { name: "asc" },
      select: { code: true, name: true },
    }),
  ]);
  return { opds, kecamatan };
}

const detailSelect = {
  id: true,
  type: true,
  status: true,
  detail: true,
  createdAt: true,
  resolvedAt: true,
  clearedAt: true,
  targetOpdId: true,
  targetOpd: { select: { id: true, name: true } },
  household: {
    select: {
      id: true,
      headName: true,
      rt: true,
      rw: true,
      dusun: true,
      desa: { select: { name: true } },
      kecamatan: { select: { name: true } },
    },
  },
  member: { select: { id: true, name: true, birthDate: true } },
  raisedByVisit: {
    select: {
      id: true,
      visitDate: true,
      periodKey: true,
      delivered: true,
      checklist: true,
      asn: { select: { name: true, nip: true } },
      items: {
        select: { name: true, quantity: true, unit: true, valueRupiah: true },
        orderBy: { id: "asc" },
      },
      photo: { select: { visitId: true } },
    },
  },
  clearedByVisit: { select: { visitDate: true, asn: { select: { name: true } } } },
  events: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      fromStatus: true,
      toStatus: true,
      note: true,
      createdAt: true,
      fromOpd: { select: { name: true } },
      toOpd: { select: { name: true } },
      actor: { select: { name: true, role: true } },
    },
  },
} satisfies Prisma.FollowUpSelect;

export type FollowUpAnswer = { label: string; value: string };

export type FollowUpDetail = {
  id: string;
  type: FollowUpType;
  typeLabel: string;
  status: FollowUpStatus;
  statusLabel: string;
  detail: string;
  createdAt: Date;
  resolvedAt: Date | null;
  targetOpd: { id: number; name: string };
  household: { id: string; headName: string; desaName: string; kecamatanName: string; address: string };
  member: { name: string; age: number } | null;
  raisedBy: {
    visitId: string;
    visitDate: Date;
    periodKey: string;
    asnName: string;
    delivered: boolean;
    items: { name: string; quantity: number; unit: string; valueRupiah: number }[];
    answers: FollowUpAnswer[];
    photoUrl: string | null;
  } | null;
  /** A later report no longer showed the problem. */
  noLongerSeen: { on: Date; asnName: string | null } | null;
  history: {
    id: string;
    fromStatus: FollowUpStatus | null;
    toStatus: FollowUpStatus;
    fromOpdName: string | null;
    toOpdName: string;
    note: string;
    actorName: string | null;
    createdAt: Date;
  }[];
  allowedStatuses: FollowUpStatus[];
};

function yesNo(value: boolean | null | undefined): string {
  return value === true ? "Ya" : value === false ? "Tidak" : "–";
}

function codeLabel(list: Readonly<Record<number, string>>, code: number | undefined): string {
  return code === undefined ? "–" : (list[code] ?? String(code));
}

/** The checklist answers that matter for this type of problem, in words. */
function relevantAnswers(type: FollowUpType, raw: unknown, memberId: string | null): FollowUpAnswer[] {
  const checklist = raw as Partial<StoredChecklist> | null;
  if (!checklist || typeof checklist !== "object") return [];
  const member = checklist.members?.find((m) => m.memberId === memberId) ?? null;
  switch (type) {
    case "SCHOOL_DROPOUT":
      return member ? [{ label: "Status sekolah", value: member.school ? SCHOOL[member.school] : "–" }] : [];
    case "HEALTH_WITHOUT_JKN":
      return member
        ? [
            { label: "Kesehatan", value: member.health ? HEALTH[member.health] : "–" },
            ...(member.chronicDisease ? [{ label: "Penyakit kronis", value: member.chronicDisease }] : []),
            ...(member.disability ? [{ label: "Disabilitas", value: member.disability }] : []),
            { label: "JKN", value: member.jkn ? JKN[member.jkn] : "–" },
          ]
        : [];
    case "NO_ROUTINE_AID":
      return [
        {
          label: "Bantuan rutin yang diterima",
          value:
            (checklist.aid ?? [])
              .map((code) => (code in NATIONAL_AID ? NATIONAL_AID[code as keyof typeof NATIONAL_AID] : code))
              .join(", ") || "Tidak ada",
        },
      ];
    case "UNLIVABLE_HOUSE": {
      const house = checklist.house;
      if (!house) return [];
      return [
        { label: "Lantai", value: codeLabel(FLOOR, house.floor) },
        { label: "Dinding", value: codeLabel(WALL, house.wall) },
        { label: "Atap", value: codeLabel(ROOF, house.roof) },
        { label: "Air minum", value: codeLabel(DRINKING_WATER, house.drinkingWater) },
        { label: "Buang air besar", value: codeLabel(SANITATION, house.sanitation) },
        { label: "Penerangan", value: codeLabel(ELECTRICITY, house.electricity) },
        ...(house.floorAreaM2 ? [{ label: "Luas lantai", value: `${house.floorAreaM2} m²` }] : []),
        { label: "Layak huni", value: yesNo(house.livable) },
      ];
    }
    case "ELDERLY_ALONE":
      return [
        { label: "Ada yang tinggal sebatang kara", value: yesNo(checklist.livingAlone?.anyoneAlone) },
        { label: "Ada pendamping/perawat", value: yesNo(checklist.livingAlone?.hasCaregiver) },
      ];
    case "REGISTRY_UPDATE":
      return [
        { label: "Keluarga pindah", value: yesNo(checklist.changes?.familyMoved) },
        { label: "Keluarga tidak ditemukan", value: yesNo(checklist.changes?.familyNotFound) },
        { label: "Ada anggota baru", value: yesNo(checklist.changes?.newMember) },
        ...(member ? [{ label: "Keberadaan anggota", value: PRESENCE[member.presence] }] : []),
      ];
  }
}

/** One follow-up in the actor's scope with its family, raising report and history. No NIK/KK. */
export async function getFollowUp(
  actor: Actor,
  followUpId: string,
  now: Date = new Date(),
): Promise<FollowUpDetail> {
  requireBoardRole(actor);
  assertUuid(followUpId);
  const row = await db.followUp.findFirst({
    where: { AND: [{ id: followUpId }, followUpScope(actor)] },
    select: detailSelect,
  });
  if (!row) throw notFound();
  const h = row.household;
  const address = [
    h.dusun,
    h.rt || h.rw ? `RT ${h.rt ?? "–"}/RW ${h.rw ?? "–"}` : null,
    h.desa.name,
    h.kecamatan.name,
  ]
    .filter(Boolean)
    .join(", ");
  const visit = row.raisedByVisit;
  return {
    id: row.id,
    type: row.type,
    typeLabel: FOLLOW_UP_LABEL[row.type],
    status: row.status,
    statusLabel: FOLLOW_UP_STATUS_LABEL[row.status],
    detail: row.detail,
    createdAt: row.createdAt,
    resolvedAt: row.resolvedAt,
    targetOpd: row.targetOpd,
    household: {
      id: h.id,
      headName: h.headName,
      desaName: h.desa.name,
      kecamatanName: h.kecamatan.name,
      address,
    },
    member: row.member
      ? { name: row.member.name, age: ageOn(row.member.birthDate, todayInJakarta(now)) }
      : null,
    raisedBy: visit
      ? {
          visitId: visit.id,
          visitDate: visit.visitDate,
          periodKey: visit.periodKey,
          asnName: visit.asn.name,
          delivered: visit.delivered,
          items: visit.items.map((i) => ({ ...i, quantity: Number(i.quantity) })),
          answers: relevantAnswers(row.type, visit.checklist, row.member?.id ?? null),
          photoUrl: visit.photo ? `/api/visits/${visit.id}/photo` : null,
        }
      : null,
    noLongerSeen: row.clearedAt
      ? { on: row.clearedByVisit?.visitDate ?? row.clearedAt, asnName: row.clearedByVisit?.asn.name ?? null }
      : null,
    history: row.events.map((e) => ({
      id: e.id,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      fromOpdName: e.fromOpd?.name ?? null,
      toOpdName: e.toOpd.name,
      note: e.note,
      actorName: e.actor?.name ?? null,
      createdAt: e.createdAt,
    })),
    allowedStatuses: (["OPEN", "IN_PROGRESS", "RESOLVED", "REJECTED"] as const).filter((s) =>
      canTransition(row.status, s),
    ),
  };
}

/**
 * Moves a follow-up to another status with a note: one transaction updates it (resolvedAt when
 * RESOLVED, cleared on reopen), appends an event and an audit entry. Outside scope: NOT_FOUND.
 */
export async function changeFollowUpStatus(actor: Actor, input: FollowUpStatusChange): Promise<void> {
  requireBoardRole(actor);
  assertUuid(input.followUpId);
  const current = await db.followUp.findFirst({
    where: { AND: [{ id: input.followUpId }, followUpScope(actor)] },
    select: { id: true, status: true, targetOpdId: true },
  });
  if (!current) throw notFound();
  if (!canTransition(current.status, input.toStatus))
    throw new AppError(
      "INVALID_INPUT",
      `Status tidak dapat diubah dari "${FOLLOW_UP_STATUS_LABEL[current.status]}" menjadi "${FOLLOW_UP_STATUS_LABEL[input.toStatus]}".`,
      { toStatus: ["Pilih status lain."] },
    );
  try {
    await db.$transaction(async (tx) => {
      const now = new Date();
      const updated = await tx.followUp.updateMany({
        where: { id: current.id, status: current.status, targetOpdId: current.targetOpdId },
        data: { status: input.toStatus, resolvedAt: input.toStatus === "RESOLVED" ? now : null },
      });
      if (updated.count !== 1) throw new AppError("CONFLICT");
      await tx.followUpEvent.create({
        data: {
          followUpId: current.id,
          actorId: actor.id,
          fromStatus: current.status,
          toStatus: input.toStatus,
          fromOpdId: current.targetOpdId,
          toOpdId: current.targetOpdId,
          note: input.note,
        },
      });
      await recordAudit(
        {
          actorId: actor.id,
          action: "follow_up.status",
          entityType: "follow_up",
          entityId: current.id,
          changes: { status: { from: current.status, to: input.toStatus }, note: input.note },
        },
        tx,
      );
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError(
      "CONFLICT",
      "Tidak dapat dibuka kembali: keluarga ini sudah punya tindak lanjut terbuka dengan jenis yang sama.",
    );
  }
}

/** ADMIN only: routes a follow-up to another OPD with a note (event + audit, one transaction). */
export async function changeFollowUpTargetOpd(actor: Actor, input: FollowUpTargetChange): Promise<void> {
  if (actor.role !== "ADMIN") throw notFound();
  assertUuid(input.followUpId);
  const [current, opd] = await Promise.all([
    db.followUp.findUnique({
      where: { id: input.followUpId },
      select: { id: true, status: true, targetOpdId: true },
    }),
    db.opd.findUnique({ where: { id: input.targetOpdId }, select: { id: true } }),
  ]);
  if (!current) throw notFound();
  if (!opd)
    throw new AppError("INVALID_INPUT", "OPD tujuan tidak dikenal.", { targetOpdId: ["Pilih OPD tujuan."] });
  if (opd.id === current.targetOpdId)
    throw new AppError("INVALID_INPUT", "Tindak lanjut ini sudah ditujukan ke OPD tersebut.", {
      targetOpdId: ["Pilih OPD lain."],
    });
  await db.$transaction(async (tx) => {
    const updated = await tx.followUp.updateMany({
      where: { id: current.id, targetOpdId: current.targetOpdId, status: current.status },
      data: { targetOpdId: opd.id },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT");
    await tx.followUpEvent.create({
      data: {
        followUpId: current.id,
        actorId: actor.id,
        fromStatus: current.status,
        toStatus: current.status,
        fromOpdId: current.targetOpdId,
        toOpdId: opd.id,
        note: input.note,
      },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "follow_up.target_opd",
        entityType: "follow_up",
        entityId: current.id,
        changes: { targetOpdId: { from: current.targetOpdId, to: opd.id }, note: input.note },
      },
      tx,
    );
  });
}
