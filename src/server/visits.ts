import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { ageOn, isSchoolAge, toDateOnlyString, toCalendarDate } from "@/lib/dates";
import { gpsCheck } from "@/lib/geo-distance";
import {
  FOLLOW_UP_TARGET_OPD,
  observedFollowUpTypes,
  problemsIn,
  reconcileFollowUps,
  type Problem,
} from "@/lib/follow-up-rules";
import { menuItemFor, menuSlotOf, type MenuRotationItem } from "@/lib/menu";
import type { Actor } from "@/lib/permissions";
import { parsePeriodKey, periodKeyOf, periodLabel, periodRange, todayInJakarta } from "@/lib/period";
import { isHouseLivable } from "@/lib/regsosek";
import type { StoredChecklist, VisitReport } from "@/schemas/visit";
import { recordAudit } from "./audit";
import { AppError, assertUuid, notFound } from "./errors";
import { photoRecordFrom } from "./photos";
import { householdScope, visitScope } from "./policy";
import { getMenuRotation, getProgrammeSettings, type ProgrammeSettingsDto } from "./settings";
import { db } from "./db";

const DAY_MS = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------------------------
// Period window: the current period, or a past one until `lateReportLimitDays` after its end.

type PeriodWindow = {
  periodKey: string;
  currentPeriodKey: string;
  isLate: boolean;
  firstDay: string;
  lastDay: string;
};

function periodWindow(periodKey: string, settings: ProgrammeSettingsDto, now: Date): PeriodWindow | null {
  const period = parsePeriodKey(periodKey);
  if (!period || period.cadence !== settings.cadence) return null;
  const currentPeriodKey = periodKeyOf(now, settings.cadence);
  if (periodKey > currentPeriodKey) return null;
  const range = periodRange(periodKey);
  const isLate = periodKey < currentPeriodKey;
  if (isLate && range.end.getTime() + settings.lateReportLimitDays * DAY_MS <= now.getTime()) return null;
  return { periodKey, currentPeriodKey, isLate, firstDay: range.firstDay, lastDay: range.lastDay };
}

/** Past periods whose late-report window is still open, newest first (excluding the current one). */
export function openLatePeriodKeys(settings: ProgrammeSettingsDto, now: Date): string[] {
  const keys: string[] = [];
  let key = periodKeyOf(now, settings.cadence);
  for (let i = 0; i < 12; i++) {
    const start = periodRange(key).start;
    key = periodKeyOf(new Date(start.getTime() - 1), settings.cadence);
    if (!periodWindow(key, settings, now)) break;
    keys.push(key);
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------
// The form: household, period, menu, the report already filed (edit) or the previous one (prefill).

const formHouseholdSelect = {
  id: true,
  headName: true,
  desil: true,
  category: true,
  desa: { select: { name: true, parent: { select: { name: true } } } },
  members: {
    orderBy: { birthDate: "asc" },
    select: {
      id: true,
      name: true,
      sex: true,
      birthDate: true,
      relationship: true,
      status: true,
      schoolParticipation: true,
      jknStatus: true,
      chronicIllness: true,
      disability: true,
    },
  },
} satisfies Prisma.HouseholdSelect;

const storedVisitSelect = {
  id: true,
  periodKey: true,
  visitDate: true,
  idempotencyKey: true,
  delivered: true,
  notDeliveredReason: true,
  checklist: true,
  latitude: true,
  longitude: true,
  gpsAccuracyMeters: true,
  isLate: true,
  items: { select: { name: true, quantity: true, unit: true, valueRupiah: true }, orderBy: { id: "asc" } },
  photo: { select: { sizeBytes: true, sha256: true } },
} satisfies Prisma.VisitSelect;

type StoredVisit = Prisma.VisitGetPayload<{ select: typeof storedVisitSelect }>;

export type FormMember = {
  id: string;
  name: string;
  sex: "MALE" | "FEMALE";
  birthDate: string;
  ageAtVisit: number;
  relationship: string;
  status: "PRESENT" | "DIED" | "MOVED";
  schoolParticipation: "NEVER_ENROLLED" | "ENROLLED" | "DROPPED_OUT" | null;
  jknStatus: "NONE" | "PBI" | "MANDIRI" | "EMPLOYER" | "OTHER";
  chronicIllness: string | null;
  disability: string | null;
};

/** What the form shows and pre-fills; `report` is in the shape of the form state. */
export type VisitForm = {
  household: { id: string; headName: string; desaName: string; kecamatanName: string; members: FormMember[] };
  period: PeriodWindow & { label: string; menuLabel: string };
  today: string;
  menuItem: MenuRotationItem | null;
  localAidProgrammes: string[];
  /** The report already filed for this period (editing it), else null. */
  existing: { visitId: string; hasPhoto: boolean } | null;
  /** Pre-filled answers: the existing report, else the previous report, else the registry. */
  prefill: Omit<VisitReport, "householdId" | "periodKey" | "idempotencyKey" | "visitDate" | "location"> & {
    idempotencyKey: string | null;
    visitDate: string | null;
  };
};

function reportFromStored(visit: StoredVisit): VisitForm["prefill"] {
  const checklist = visit.checklist as unknown as StoredChecklist;
  return {
    idempotencyKey: visit.idempotencyKey,
    visitDate: toDateOnlyString(toCalendarDate(visit.visitDate)),
    delivered: visit.delivered,
    items: visit.items.map((i) => ({
      name: i.name,
      quantity: Number(i.quantity),
      unit: i.unit,
      valueRupiah: i.valueRupiah,
    })),
    notDeliveredReason: visit.notDeliveredReason,
    livingAlone: checklist.livingAlone,
    members: checklist.members,
    aid: checklist.aid,
    house: checklist.house
      ? {
          floor: checklist.house.floor,
          wall: checklist.house.wall,
          roof: checklist.house.roof,
          drinkingWater: checklist.house.drinkingWater,
          sanitation: checklist.house.sanitation,
          electricity: checklist.house.electricity,
          floorAreaM2: checklist.house.floorAreaM2 ?? null,
        }
      : null,
    changes: checklist.changes,
    notes: checklist.notes,
  };
}

function memberDefaults(m: FormMember): VisitReport["members"][number] {
  return {
    memberId: m.id,
    presence: m.status,
    health: m.chronicIllness ? "CHRONIC" : m.disability ? "DISABLED" : "HEALTHY",
    chronicDisease: m.chronicIllness,
    disability: m.disability,
    jkn: m.jknStatus,
    school: isSchoolAge(m.ageAtVisit) ? m.schoolParticipation : null,
  };
}

export async function getVisitForm(
  actor: Actor,
  householdId: string,
  requestedPeriodKey: string | null,
  now: Date = new Date(),
): Promise<VisitForm> {
  if (actor.role !== "ASN") throw notFound();
  assertUuid(householdId);
  const settings = await getProgrammeSettings();
  const window = periodWindow(requestedPeriodKey ?? periodKeyOf(now, settings.cadence), settings, now);
  if (!window) throw notFound();
  const [household, visits, rotation] = await Promise.all([
    db.household.findFirst({
      where: { AND: [{ id: householdId, status: "ACTIVE" }, householdScope(actor)] },
      select: formHouseholdSelect,
    }),
    db.visit.findMany({
      where: { householdId, household: householdScope(actor), periodKey: { lte: window.periodKey } },
      orderBy: { periodKey: "desc" },
      take: 2,
      select: storedVisitSelect,
    }),
    getMenuRotation(),
  ]);
  if (!household) throw notFound();
  const today = todayInJakarta(now);
  const referenceDay = window.lastDay < today ? window.lastDay : today;
  const members: FormMember[] = household.members.map((m) => ({
    ...m,
    birthDate: toDateOnlyString(toCalendarDate(m.birthDate)),
    ageAtVisit: ageOn(m.birthDate, referenceDay),
  }));
  const current = visits.find((v) => v.periodKey === window.periodKey) ?? null;
  const previous = visits.find((v) => v.periodKey < window.periodKey) ?? null;
  const menuItem = menuItemFor(window.periodKey, rotation);
  const registryPrefill: VisitForm["prefill"] = {
    idempotencyKey: null,
    visitDate: null,
    delivered: true,
    items: menuItem
      ? [
          {
            name: menuItem.name,
            quantity: menuItem.defaultQuantity,
            unit: menuItem.unit,
            valueRupiah: menuItem.defaultValueRupiah,
          },
        ]
      : [],
    notDeliveredReason: null,
    livingAlone: {
      anyoneAlone: members.filter((m) => m.status === "PRESENT").length === 1,
      hasCaregiver: null,
    },
    members: members.map(memberDefaults),
    aid: [],
    house: null,
    changes: { familyMoved: false, familyNotFound: false, newMember: false },
    notes: null,
  };
  let prefill = registryPrefill;
  if (current) prefill = reportFromStored(current);
  else if (previous) {
    // Carry the answers forward, but this period's delivery comes from this period's menu.
    const carried = reportFromStored(previous);
    const known = new Map(carried.members.map((m) => [m.memberId, m]));
    prefill = {
      ...carried,
      idempotencyKey: null,
      visitDate: null,
      delivered: true,
      items: registryPrefill.items,
      notDeliveredReason: null,
      members: members.map((m) => {
        const answer = known.get(m.id) ?? memberDefaults(m);
        return { ...answer, school: isSchoolAge(m.ageAtVisit) ? answer.school : null };
      }),
      changes: { familyMoved: false, familyNotFound: false, newMember: false },
      notes: null,
    };
  }
  return {
    household: {
      id: household.id,
      headName: household.headName,
      desaName: household.desa.name,
      kecamatanName: household.desa.parent?.name ?? "",
      members,
    },
    period: {
      ...window,
      label: periodLabel(window.periodKey),
      menuLabel: menuSlotOf(window.periodKey).label,
    },
    today,
    menuItem,
    localAidProgrammes: settings.localAidProgrammes,
    existing: current ? { visitId: current.id, hasPhoto: current.photo !== null } : null,
    prefill,
  };
}

// ---------------------------------------------------------------------------------------------
// Submission: validated input → one stored report (idempotent) + follow-ups, in one transaction.

export type SubmitVisitResult = {
  visitId: string;
  created: boolean;
  updated: boolean;
  followUpsRaised: number;
};

function invalid(field: string, message: string): AppError {
  return new AppError("INVALID_INPUT", message, { [field]: [message] });
}

const householdForSubmitSelect = {
  id: true,
  desil: true,
  category: true,
  members: { select: { id: true, name: true, birthDate: true, status: true } },
} satisfies Prisma.HouseholdSelect;

type HouseholdForSubmit = Prisma.HouseholdGetPayload<{ select: typeof householdForSubmitSelect }>;

/** Rules that need the household: member ids, who must be answered, school status by age. */
function checkMembers(report: VisitReport, household: HouseholdForSubmit): void {
  const byId = new Map(household.members.map((m) => [m.id, m]));
  const errors: Record<string, string[]> = {};
  report.members.forEach((answer, index) => {
    const member = byId.get(answer.memberId);
    if (!member) {
      errors[`members.${index}`] = ["Anggota keluarga ini tidak terdaftar pada keluarga tersebut."];
      return;
    }
    const schoolAge = isSchoolAge(ageOn(member.birthDate, report.visitDate));
    if (answer.school !== null && !schoolAge)
      errors[`members.${index}.school`] = ["Status sekolah hanya diisi untuk anggota berusia 7–18 tahun."];
    const familyAbsent = report.changes.familyMoved || report.changes.familyNotFound;
    if (!familyAbsent && answer.presence === "PRESENT" && schoolAge && answer.school === null)
      errors[`members.${index}.school`] = ["Pilih status sekolah anak usia 7–18 tahun."];
  });
  const familyAbsent = report.changes.familyMoved || report.changes.familyNotFound;
  const answered = new Set(report.members.map((m) => m.memberId));
  const missing = household.members.filter((m) => m.status === "PRESENT" && !answered.has(m.id));
  if (!familyAbsent && missing.length > 0)
    errors.members = [
      `Isi kondisi semua anggota keluarga (belum: ${missing.map((m) => m.name).join(", ")}).`,
    ];
  if (Object.keys(errors).length > 0) {
    throw new AppError("INVALID_INPUT", Object.values(errors)[0]![0], errors);
  }
}

function toStoredChecklist(report: VisitReport, presentCount: number): StoredChecklist {
  return {
    version: 1,
    livingAlone: report.livingAlone,
    members: report.members,
    aid: report.aid,
    house: report.house ? { ...report.house, livable: isHouseLivable(report.house, presentCount) } : null,
    changes: report.changes,
    notes: report.notes,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** JSON with object keys sorted at every level (jsonb does not keep key order). */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

type ReportContent = {
  visitDate: string;
  delivered: boolean;
  notDeliveredReason: string | null;
  checklist: unknown;
  items: { name: string; quantity: number; unit: string; valueRupiah: number }[];
  location: [number, number, number | null] | null;
};

/** What a report says, comparable between a stored row and a new submission. */
function contentOf(visit: StoredVisit): string {
  const content: ReportContent = {
    visitDate: toDateOnlyString(toCalendarDate(visit.visitDate)),
    delivered: visit.delivered,
    notDeliveredReason: visit.notDeliveredReason,
    checklist: visit.checklist,
    items: visit.items.map((i) => ({
      name: i.name,
      quantity: Number(i.quantity),
      unit: i.unit,
      valueRupiah: i.valueRupiah,
    })),
    location:
      visit.latitude !== null && visit.longitude !== null
        ? [visit.latitude, visit.longitude, visit.gpsAccuracyMeters]
        : null,
  };
  return canonicalJson(content);
}

function contentOfReport(report: VisitReport, checklist: StoredChecklist): string {
  const content: ReportContent = {
    visitDate: report.visitDate,
    delivered: report.delivered,
    notDeliveredReason: report.delivered ? null : report.notDeliveredReason,
    checklist,
    items: report.items,
    location: report.location
      ? [report.location.latitude, report.location.longitude, report.location.accuracyMeters]
      : null,
  };
  return canonicalJson(content);
}

export async function submitVisit(
  actor: Actor,
  report: VisitReport,
  photo: Uint8Array | null,
  now: Date = new Date(),
): Promise<SubmitVisitResult> {
  if (actor.role !== "ASN") throw notFound();
  const household = await db.household.findFirst({
    where: { AND: [{ id: report.householdId, status: "ACTIVE" }, householdScope(actor)] },
    select: householdForSubmitSelect,
  });
  if (!household) throw notFound();

  const settings = await getProgrammeSettings();
  const window = periodWindow(report.periodKey, settings, now);
  if (!window) throw invalid("periodKey", "Periode laporan ini sudah ditutup atau belum dimulai.");
  const today = todayInJakarta(now);
  if (report.visitDate > today) throw invalid("visitDate", "Tanggal kunjungan tidak boleh di masa depan.");
  if (report.visitDate < window.firstDay || report.visitDate > window.lastDay)
    throw invalid(
      "visitDate",
      `Tanggal kunjungan harus di dalam periode ini (${window.firstDay} s.d. ${window.lastDay}).`,
    );
  checkMembers(report, household);
  const photoRecord = photo ? photoRecordFrom(photo) : null;

  const presentCount = report.members.filter((m) => m.presence === "PRESENT").length;
  const checklist = toStoredChecklist(report, presentCount);
  const items = report.items.map((i) => ({ ...i, quantity: new Prisma.Decimal(i.quantity) }));
  const visitData = {
    visitDate: new Date(`${report.visitDate}T00:00:00Z`),
    isLate: window.isLate,
    delivered: report.delivered,
    notDeliveredReason: report.delivered ? null : report.notDeliveredReason,
    checklist: checklist as unknown as Prisma.InputJsonValue,
    houseLivable: checklist.house?.livable ?? null,
    notes: report.notes,
    latitude: report.location?.latitude ?? null,
    longitude: report.location?.longitude ?? null,
    gpsAccuracyMeters: report.location?.accuracyMeters ?? null,
  };

  const existingSame = await db.visit.findUnique({
    where: { idempotencyKey: report.idempotencyKey },
    select: { id: true, householdId: true, asnId: true, periodKey: true, checklist: true },
  });
  if (
    existingSame &&
    (existingSame.householdId !== report.householdId || existingSame.periodKey !== report.periodKey)
  )
    throw new AppError("CONFLICT", "Kunci pengiriman sudah dipakai untuk laporan lain. Muat ulang formulir.");

  try {
    return await db.$transaction(async (tx) => {
      if (existingSame) {
        // Same key: a retry of the same report, or an edit of this period's report.
        if (window.isLate)
          return { visitId: existingSame.id, created: false, updated: false, followUpsRaised: 0 };
        const stored = await tx.visit.findUniqueOrThrow({
          where: { id: existingSame.id },
          select: storedVisitSelect,
        });
        const photoChanged = photoRecord !== null && photoRecord.sha256 !== stored.photo?.sha256;
        if (!photoChanged && contentOf(stored) === contentOfReport(report, checklist))
          return { visitId: stored.id, created: false, updated: false, followUpsRaised: 0 };
        await tx.visitItem.deleteMany({ where: { visitId: stored.id } });
        await tx.visit.update({ where: { id: stored.id }, data: { ...visitData, items: { create: items } } });
        if (photoRecord)
          await tx.visitPhoto.upsert({
            where: { visitId: stored.id },
            create: { visitId: stored.id, ...photoRecord },
            update: photoRecord,
          });
        const raised = await reconcileForVisit(tx, household, checklist, report.visitDate, stored.id, actor);
        await recordAudit(
          {
            actorId: actor.id,
            action: "visit.update",
            entityType: "visit",
            entityId: stored.id,
            changes: {
              before: stored.checklist as Prisma.InputJsonValue,
              after: checklist as unknown as Prisma.InputJsonValue,
            },
          },
          tx,
        );
        return { visitId: stored.id, created: false, updated: true, followUpsRaised: raised };
      }
      const visit = await tx.visit.create({
        data: {
          ...visitData,
          householdId: report.householdId,
          asnId: actor.id,
          periodKey: report.periodKey,
          idempotencyKey: report.idempotencyKey,
          items: { create: items },
          ...(photoRecord ? { photo: { create: photoRecord } } : {}),
        },
        select: { id: true },
      });
      const raised = await reconcileForVisit(tx, household, checklist, report.visitDate, visit.id, actor);
      await recordAudit(
        {
          actorId: actor.id,
          action: "visit.create",
          entityType: "visit",
          entityId: visit.id,
          changes: { periodKey: report.periodKey },
        },
        tx,
      );
      return { visitId: visit.id, created: true, updated: false, followUpsRaised: raised };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A concurrent submission won the race: the same key means the report is already stored.
    const winner = await db.visit.findUnique({
      where: { idempotencyKey: report.idempotencyKey },
      select: { id: true },
    });
    if (winner) return { visitId: winner.id, created: false, updated: false, followUpsRaised: 0 };
    throw new AppError(
      "CONFLICT",
      "Laporan kunjungan keluarga ini untuk periode ini sudah dikirim sebelumnya. Buka laporan tersebut untuk mengubahnya.",
    );
  }
}

/**
 * Opens follow-ups for new problems (never a second open one of a type: the partial unique index
 * backs this up), marks open ones whose problem this report no longer shows, and re-flags ones
 * that show again. Returns how many were opened.
 */
async function reconcileForVisit(
  tx: Prisma.TransactionClient,
  household: HouseholdForSubmit,
  checklist: StoredChecklist,
  visitDate: string,
  visitId: string,
  actor: Actor,
): Promise<number> {
  const problems = problemsIn(
    checklist,
    {
      desil: household.desil,
      category: household.category,
      members: household.members.map((m) => ({ id: m.id, name: m.name, birthDate: m.birthDate })),
    },
    visitDate,
  );
  const open = await tx.followUp.findMany({
    where: { householdId: household.id, status: { in: ["OPEN", "IN_PROGRESS"] } },
    select: { id: true, type: true, clearedAt: true },
  });
  // Answers not observed (the family moved or was not found) neither clear nor confirm anything.
  const { toCreate, stillOpen, noLongerSeen } = reconcileFollowUps(
    problems,
    open,
    observedFollowUpTypes(checklist),
  );
  const opdIds = await opdIdsByCode(tx, toCreate);
  let raised = 0;
  for (const problem of toCreate) {
    const targetOpdId = opdIds.get(FOLLOW_UP_TARGET_OPD[problem.type]);
    if (targetOpdId === undefined)
      throw new Error(`OPD ${FOLLOW_UP_TARGET_OPD[problem.type]} missing from reference data`);
    // ON CONFLICT DO NOTHING: a concurrent report of another period may have opened it already.
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO follow_up (id, household_id, member_id, raised_by_visit_id, type, target_opd_id, status, detail, updated_at)
      VALUES (gen_random_uuid(), ${household.id}::uuid, ${problem.memberId}::uuid, ${visitId}::uuid,
              ${problem.type}::"FollowUpType", ${targetOpdId}, 'OPEN', ${problem.detail}, now())
      ON CONFLICT DO NOTHING RETURNING id`;
    const created = inserted[0];
    if (!created) continue;
    raised++;
    await tx.followUpEvent.create({
      data: {
        followUpId: created.id,
        actorId: actor.id,
        fromStatus: null,
        toStatus: "OPEN",
        toOpdId: targetOpdId,
        note: "Dibuat otomatis dari laporan kunjungan.",
      },
    });
  }
  const goneIds = noLongerSeen.map((f) => f.id);
  if (goneIds.length > 0)
    await tx.followUp.updateMany({
      where: { id: { in: goneIds }, clearedAt: null },
      data: { clearedByVisitId: visitId, clearedAt: new Date() },
    });
  const seenAgain = stillOpen.filter((f) => open.find((o) => o.id === f.id)?.clearedAt).map((f) => f.id);
  if (seenAgain.length > 0)
    await tx.followUp.updateMany({
      where: { id: { in: seenAgain } },
      data: { clearedByVisitId: null, clearedAt: null },
    });
  return raised;
}

async function opdIdsByCode(tx: Prisma.TransactionClient, problems: Problem[]): Promise<Map<string, number>> {
  if (problems.length === 0) return new Map();
  const codes = [...new Set(problems.map((p) => FOLLOW_UP_TARGET_OPD[p.type]))];
  const rows = await tx.opd.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
  return new Map(rows.map((r) => [r.code, r.id]));
}

// ---------------------------------------------------------------------------------------------
// History

const visitSummarySelect = {
  id: true,
  periodKey: true,
  visitDate: true,
  isLate: true,
  delivered: true,
  notDeliveredReason: true,
  houseLivable: true,
  createdAt: true,
  latitude: true,
  longitude: true,
  asn: { select: { name: true } },
  household: {
    select: { id: true, headName: true, latitude: true, longitude: true, desa: { select: { name: true } } },
  },
  items: { select: { name: true, quantity: true, unit: true, valueRupiah: true }, orderBy: { id: "asc" } },
  photo: { select: { sizeBytes: true } },
  _count: { select: { followUpsRaised: true } },
} satisfies Prisma.VisitSelect;

type VisitSummaryRow = Prisma.VisitGetPayload<{ select: typeof visitSummarySelect }>;

export type VisitSummary = {
  id: string;
  periodKey: string;
  periodLabel: string;
  visitDate: Date;
  isLate: boolean;
  delivered: boolean;
  notDeliveredReason: string | null;
  houseLivable: boolean | null;
  asnName: string;
  household: { id: string; headName: string; desaName: string };
  items: { name: string; quantity: number; unit: string; valueRupiah: number }[];
  totalRupiah: number;
  hasPhoto: boolean;
  followUpsRaised: number;
  /** Metres between the report's GPS point and the family's registered location; null if either is missing. */
  gpsDistanceMeters: number | null;
  /** The distance exceeds programme_settings.gps_flag_distance_meters. */
  gpsFlagged: boolean;
};

function toVisitSummary(row: VisitSummaryRow, gpsFlagDistanceMeters: number): VisitSummary {
  const items = row.items.map((i) => ({ ...i, quantity: Number(i.quantity) }));
  const gps = gpsCheck(row, row.household, gpsFlagDistanceMeters);
  return {
    id: row.id,
    periodKey: row.periodKey,
    periodLabel: periodLabel(row.periodKey),
    visitDate: row.visitDate,
    isLate: row.isLate,
    delivered: row.delivered,
    notDeliveredReason: row.notDeliveredReason,
    houseLivable: row.houseLivable,
    asnName: row.asn.name,
    household: { id: row.household.id, headName: row.household.headName, desaName: row.household.desa.name },
    items,
    totalRupiah: items.reduce((sum, i) => sum + i.valueRupiah, 0),
    hasPhoto: row.photo !== null,
    followUpsRaised: row._count.followUpsRaised,
    gpsDistanceMeters: gps.distanceMeters,
    gpsFlagged: gps.flagged,
  };
}

/** Visits of one family in the actor's scope, newest first. */
export async function listHouseholdVisits(
  actor: Actor,
  householdId: string,
  take = 26,
): Promise<VisitSummary[]> {
  assertUuid(householdId);
  const [rows, settings] = await Promise.all([
    db.visit.findMany({
      where: { AND: [{ householdId }, visitScope(actor)] },
      orderBy: { periodKey: "desc" },
      take,
      select: visitSummarySelect,
    }),
    getProgrammeSettings(),
  ]);
  return rows.map((row) => toVisitSummary(row, settings.gpsFlagDistanceMeters));
}

/** The ASN's own reports (all families they reported on), newest first, optionally one period. */
export async function listMyReports(
  actor: Actor,
  periodKey: string | null,
  take = 100,
): Promise<VisitSummary[]> {
  if (actor.role !== "ASN") throw notFound();
  if (periodKey !== null && !parsePeriodKey(periodKey)) throw notFound();
  const [rows, settings] = await Promise.all([
    db.visit.findMany({
      where: { asnId: actor.id, ...(periodKey ? { periodKey } : {}) },
      orderBy: [{ periodKey: "desc" }, { visitDate: "desc" }],
      take,
      select: visitSummarySelect,
    }),
    getProgrammeSettings(),
  ]);
  return rows.map((row) => toVisitSummary(row, settings.gpsFlagDistanceMeters));
}
