import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { ageOn, isSchoolAge, toDateOnlyString, toCalendarDate } from "@/lib/dates";
import { gpsCheck } from "@/lib/geo-distance";
import {
  FOLLOW_UP_TARGET_OPD,
  observedFollowUpTypes,
  type FollowUpType,
  type HouseholdFacts,
  problemsIn,
  reconcileFollowUps,
  type Problem,
} from "@/lib/follow-up-rules";
import { menuItemFor, menuSlotOf, type MenuRotationItem } from "@/lib/menu";
import type { Actor } from "@/lib/permissions";
import { parsePeriodKey, periodKeyOf, periodLabel, periodRange, todayInJakarta } from "@/lib/period";
import { isHouseLivable } from "@/lib/regsosek";
import type { StoredChecklist, VisitReport } from "@/schemas/visit";
import { auditInsertSql, recordAudit } from "./audit";
import { AppError, assertUuid, isUniqueViolation, notFound } from "./errors";
import { photoRecordFrom, type PhotoRecord } from "./photos";
import { householdScope, householdScopeSql, visitScope } from "./policy";
import {
  getMenuRotation,
  getProgrammeSettings,
  programmeSettingsFrom,
  programmeSettingsJsonSql,
  type ProgrammeSettingsDto,
} from "./settings";
import { db, PREPARED } from "./db";

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

type HouseholdForSubmit = {
  id: string;
  desil: number | null;
  category: HouseholdFacts["category"];
  members: { id: string; name: string; birthDate: Date; status: "PRESENT" | "DIED" | "MOVED" }[];
};

type OpenFollowUpRow = { id: string; type: FollowUpType; clearedAt: string | null };

type SubmitContext = {
  household: HouseholdForSubmit | null;
  settings: ProgrammeSettingsDto;
  existing: { id: string; householdId: string; periodKey: string } | null;
  openFollowUps: OpenFollowUpRow[];
};

type SubmitContextRow = {
  household:
    | (Omit<HouseholdForSubmit, "members"> & {
        members: (HouseholdForSubmit["members"][number] & { birthDate: string })[];
      })
    | null;
  settings: ProgrammeSettingsDto | null;
  existing: SubmitContext["existing"];
  open_follow_ups: OpenFollowUpRow[];
};

/**
 * Everything a submission checks, read in ONE statement (the submission is the hot path under
 * load; each round trip costs the server more than the database work, docs/performance.md): the
 * family in the actor's scope with its members, the programme settings, a report already stored
 * under the same idempotency key, and the family's open follow-ups.
 */
async function submitContext(actor: Actor, report: VisitReport): Promise<SubmitContext> {
  const [row] = await db.$queryRaw<[SubmitContextRow]>`${PREPARED}
    SELECT
      (SELECT json_build_object(
                'id', h.id, 'desil', h.desil, 'category', h.category,
                'members', (SELECT coalesce(json_agg(json_build_object(
                                      'id', m.id, 'name', m.name, 'birthDate', m.birth_date, 'status', m.status)
                                      ORDER BY m.birth_date, m.id), '[]')
                              FROM household_member m WHERE m.household_id = h.id))
         FROM household h
        WHERE h.id = ${report.householdId}::uuid AND h.status = 'ACTIVE' AND ${householdScopeSql(actor)}) AS household,
      ${programmeSettingsJsonSql} AS settings,
      (SELECT json_build_object('id', v.id, 'householdId', v.household_id, 'periodKey', v.period_key)
         FROM visit v WHERE v.idempotency_key = ${report.idempotencyKey}::uuid) AS existing,
      (SELECT coalesce(json_agg(json_build_object('id', f.id, 'type', f.type, 'clearedAt', f.cleared_at)), '[]')
         FROM follow_up f
        WHERE f.household_id = ${report.householdId}::uuid AND f.status IN ('OPEN', 'IN_PROGRESS')) AS open_follow_ups`;
  return {
    household: row.household && {
      ...row.household,
      members: row.household.members.map((m) => ({ ...m, birthDate: new Date(`${m.birthDate}T00:00:00Z`) })),
    },
    settings: programmeSettingsFrom(row.settings),
    existing: row.existing,
    openFollowUps: row.open_follow_ups,
  };
}

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
  const { household, settings, existing: existingSame, openFollowUps } = await submitContext(actor, report);
  if (!household) throw notFound();

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
  const plan = followUpPlan(household, checklist, report.visitDate, openFollowUps);
  if (
    existingSame &&
    (existingSame.householdId !== report.householdId || existingSame.periodKey !== report.periodKey)
  )
    throw new AppError("CONFLICT", "Kunci pengiriman sudah dipakai untuk laporan lain. Muat ulang formulir.");

  try {
    if (existingSame)
      return await resubmitVisit(actor, report, existingSame.id, window, checklist, photoRecord, plan);
    // One statement (atomic by itself) unless the report opens a follow-up: then the new
    // follow-ups commit with the report.
    if (plan.toCreate.length === 0) {
      const visitId = await insertVisit(db, actor, report, window, checklist, photoRecord, plan);
      return { visitId, created: true, updated: false, followUpsRaised: 0 };
    }
    return await db.$transaction(async (tx) => {
      const visitId = await insertVisit(tx, actor, report, window, checklist, photoRecord, plan);
      const raised = await raiseFollowUps(tx, plan.toCreate, household.id, visitId, actor);
      return { visitId, created: true, updated: false, followUpsRaised: raised };
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
 * A new report with its items, photo, audit entry and the follow-ups it clears or re-flags: one
 * statement (data-modifying CTEs), so it is atomic without a transaction of its own and costs one
 * round trip. Opening follow-ups (plan.toCreate) is raiseFollowUps(), in the caller's transaction.
 */
async function insertVisit(
  client: Pick<Prisma.TransactionClient, "$queryRaw">,
  actor: Actor,
  report: VisitReport,
  window: PeriodWindow,
  checklist: StoredChecklist,
  photoRecord: PhotoRecord | null,
  plan: FollowUpPlan,
): Promise<string> {
  const location = report.location;
  const photoInsert = photoRecord
    ? Prisma.sql`, photo_row AS (
        INSERT INTO visit_photo (visit_id, mime_type, size_bytes, sha256, data)
        SELECT id, ${photoRecord.mimeType}, ${photoRecord.sizeBytes}::int, ${photoRecord.sha256}, ${photoRecord.data}
          FROM visit_row)`
    : Prisma.empty;
  const updates = followUpUpdateCtes(plan, Prisma.sql`(SELECT id FROM visit_row)`);
  const followUpUpdates = updates.length > 0 ? Prisma.sql`, ${Prisma.join(updates, ", ")}` : Prisma.empty;
  const [row] = await client.$queryRaw<[{ id: string }]>`${PREPARED}
    WITH visit_row AS (
      INSERT INTO visit (household_id, asn_id, period_key, visit_date, is_late, delivered, not_delivered_reason,
                         checklist, house_livable, notes, latitude, longitude, gps_accuracy_meters,
                         idempotency_key, updated_at)
      VALUES (${report.householdId}::uuid, ${actor.id}::uuid, ${report.periodKey}, ${report.visitDate}::date,
              ${window.isLate}, ${report.delivered}, ${report.delivered ? null : report.notDeliveredReason},
              ${JSON.stringify(checklist)}::jsonb, ${checklist.house?.livable ?? null}::boolean, ${report.notes},
              ${location?.latitude ?? null}::float8, ${location?.longitude ?? null}::float8,
              ${location?.accuracyMeters ?? null}::float8, ${report.idempotencyKey}::uuid, now())
      RETURNING id
    ), item_rows AS (
      INSERT INTO visit_item (visit_id, name, quantity, unit, value_rupiah)
      SELECT visit_row.id, i.name, i.quantity, i.unit, i."valueRupiah"
        FROM visit_row,
             jsonb_to_recordset(${JSON.stringify(report.items)}::jsonb)
               AS i(name text, quantity numeric, unit text, "valueRupiah" int)
    )${photoInsert}${followUpUpdates}, audit_row AS (
      ${auditInsertSql({ actorId: actor.id, action: "visit.create", entityType: "visit", changes: { periodKey: report.periodKey } }, Prisma.sql`visit_row`)}
    )
    SELECT id FROM visit_row`;
  return row.id;
}

/** The same key again: a retry of the stored report (nothing changes), or an edit of it. */
async function resubmitVisit(
  actor: Actor,
  report: VisitReport,
  visitId: string,
  window: PeriodWindow,
  checklist: StoredChecklist,
  photoRecord: PhotoRecord | null,
  plan: FollowUpPlan,
): Promise<SubmitVisitResult> {
  if (window.isLate) return { visitId, created: false, updated: false, followUpsRaised: 0 };
  return db.$transaction(async (tx) => {
    const stored = await tx.visit.findUniqueOrThrow({ where: { id: visitId }, select: storedVisitSelect });
    const photoChanged = photoRecord !== null && photoRecord.sha256 !== stored.photo?.sha256;
    if (!photoChanged && contentOf(stored) === contentOfReport(report, checklist))
      return { visitId, created: false, updated: false, followUpsRaised: 0 };
    const items = report.items.map((i) => ({ ...i, quantity: new Prisma.Decimal(i.quantity) }));
    await tx.visitItem.deleteMany({ where: { visitId } });
    await tx.visit.update({
      where: { id: visitId },
      data: {
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
        items: { create: items },
      },
    });
    if (photoRecord)
      await tx.visitPhoto.upsert({
        where: { visitId },
        create: { visitId, ...photoRecord },
        update: photoRecord,
      });
    const raised = await raiseFollowUps(tx, plan.toCreate, report.householdId, visitId, actor);
    const updates = followUpUpdateCtes(plan, Prisma.sql`${visitId}::uuid`);
    if (updates.length > 0) await tx.$executeRaw`WITH ${Prisma.join(updates, ", ")} SELECT 1`;
    await recordAudit(
      {
        actorId: actor.id,
        action: "visit.update",
        entityType: "visit",
        entityId: visitId,
        changes: {
          before: stored.checklist as Prisma.InputJsonValue,
          after: checklist as unknown as Prisma.InputJsonValue,
        },
      },
      tx,
    );
    return { visitId, created: false, updated: true, followUpsRaised: raised };
  });
}

/** What a report changes in the family's follow-ups (src/lib/follow-up-rules.ts). */
type FollowUpPlan = {
  /** New problems without an open follow-up of their type: open one each. */
  toCreate: Problem[];
  /** Open ones whose problem this report no longer shows: mark cleared by this report. */
  clear: string[];
  /** Open ones marked cleared earlier whose problem shows again: unmark. */
  reflag: string[];
};

function followUpPlan(
  household: HouseholdForSubmit,
  checklist: StoredChecklist,
  visitDate: string,
  open: OpenFollowUpRow[],
): FollowUpPlan {
  const problems = problemsIn(checklist, household, visitDate);
  // Answers not observed (the family moved or was not found) neither clear nor confirm anything.
  const { toCreate, stillOpen, noLongerSeen } = reconcileFollowUps(
    problems,
    open,
    observedFollowUpTypes(checklist),
  );
  return {
    toCreate,
    clear: noLongerSeen.filter((f) => f.clearedAt === null).map((f) => f.id),
    reflag: stillOpen.filter((f) => f.clearedAt !== null).map((f) => f.id),
  };
}

/**
 * The follow-ups this report clears (open ones whose problem it no longer shows: marked cleared by
 * the report) and re-flags (marked cleared earlier, showing again), as data-modifying CTEs for a
 * WITH list; `visitId` is an SQL expression for the report's id.
 */
function followUpUpdateCtes(plan: FollowUpPlan, visitId: Prisma.Sql): Prisma.Sql[] {
  const ctes: Prisma.Sql[] = [];
  if (plan.clear.length > 0)
    ctes.push(Prisma.sql`cleared_follow_ups AS (
      UPDATE follow_up SET cleared_by_visit_id = ${visitId}, cleared_at = now(), updated_at = now()
       WHERE id = ANY(${plan.clear}::uuid[]) AND cleared_at IS NULL)`);
  if (plan.reflag.length > 0)
    ctes.push(Prisma.sql`reflagged_follow_ups AS (
      UPDATE follow_up SET cleared_by_visit_id = NULL, cleared_at = NULL, updated_at = now()
       WHERE id = ANY(${plan.reflag}::uuid[]))`);
  return ctes;
}

/**
 * Opens a follow-up for each new problem (never a second open one of a type: the partial unique
 * index backs this up), with its first event. Returns how many were opened.
 */
async function raiseFollowUps(
  tx: Prisma.TransactionClient,
  problems: Problem[],
  householdId: string,
  visitId: string,
  actor: Actor,
): Promise<number> {
  const opdIds = await opdIdsByCode(tx, problems);
  let raised = 0;
  for (const problem of problems) {
    const targetOpdId = opdIds.get(FOLLOW_UP_TARGET_OPD[problem.type]);
    if (targetOpdId === undefined)
      throw new Error(`OPD ${FOLLOW_UP_TARGET_OPD[problem.type]} missing from reference data`);
    // ON CONFLICT DO NOTHING: a concurrent report of another period may have opened it already.
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      WITH created AS (
        INSERT INTO follow_up (id, household_id, member_id, raised_by_visit_id, type, target_opd_id, status, detail, updated_at)
        VALUES (gen_random_uuid(), ${householdId}::uuid, ${problem.memberId}::uuid, ${visitId}::uuid,
                ${problem.type}::"FollowUpType", ${targetOpdId}, 'OPEN', ${problem.detail}, now())
        ON CONFLICT DO NOTHING RETURNING id
      ), event AS (
        INSERT INTO follow_up_event (follow_up_id, actor_id, from_status, to_status, to_opd_id, note)
        SELECT id, ${actor.id}::uuid, NULL, 'OPEN', ${targetOpdId}, 'Dibuat otomatis dari laporan kunjungan.'
          FROM created
      )
      SELECT id FROM created`;
    if (inserted.length > 0) raised++;
  }
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
