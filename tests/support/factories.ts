import { randomInt, randomUUID } from "node:crypto";
import type { PrismaClient, Prisma } from "@/generated/prisma/client";
import type { Actor, Role } from "@/lib/permissions";
import { periodRange } from "@/lib/period";
import { db } from "@/server/db";

// Test-data factories over the real database. Identity numbers are synthetic and valid in format.

const TRANSACTIONAL_TABLES = [
  "audit_log",
  "follow_up_event",
  "follow_up",
  "visit_photo",
  "visit_item",
  "visit",
  "assignment",
  "household_member",
  "household",
  "import_batch",
  "visit_rollup",
  "aid_rollup",
  "follow_up_open_rollup",
  "period_coverage",
  "sign_in_throttle",
  "user_session",
];

/**
 * Empties every table except reference data (regions, OPD, settings, menu, poverty figures).
 * Accounts are deleted rather than truncated: TRUNCATE … CASCADE would also empty the reference
 * tables that record who last edited them.
 */
export async function resetDatabase(client: PrismaClient = db): Promise<void> {
  await client.$transaction([
    client.$executeRawUnsafe(`TRUNCATE ${TRANSACTIONAL_TABLES.join(", ")} RESTART IDENTITY`),
    client.$executeRawUnsafe(`UPDATE poverty_figure SET updated_by_id = NULL`),
    client.$executeRawUnsafe(`UPDATE programme_settings SET updated_by_id = NULL`),
    client.$executeRawUnsafe(`DELETE FROM app_user`),
  ]);
}

function digits(length: number): string {
  return Array.from({ length }, () => String(randomInt(0, 10))).join("");
}

let serial = randomInt(1, 5000);
/** A 4-digit serial that does not repeat within a test run (0000 is invalid). */
function nextSerial(): string {
  serial = (serial % 9999) + 1;
  return String(serial).padStart(4, "0");
}

/** A valid-format NIK: Banyuwangi region, birth date (day + 40 for women), serial. */
export function fakeNik(birth = new Date(Date.UTC(1980, 4, 17)), female = false): string {
  const dd = String(birth.getUTCDate() + (female ? 40 : 0)).padStart(2, "0");
  const mm = String(birth.getUTCMonth() + 1).padStart(2, "0");
  const yy = String(birth.getUTCFullYear() % 100).padStart(2, "0");
  return `3510${String(randomInt(1, 26)).padStart(2, "0")}${dd}${mm}${yy}${nextSerial()}`;
}

/** A valid-format No KK: Banyuwangi kecamatan, registration date, serial. */
export function fakeKk(): string {
  const date = `${String(randomInt(1, 29)).padStart(2, "0")}${String(randomInt(1, 13)).padStart(2, "0")}${String(randomInt(0, 25)).padStart(2, "0")}`;
  return `3510${String(randomInt(1, 26)).padStart(2, "0")}${date}${nextSerial()}`;
}

/** A valid-format PNS NIP: born 1985-03-12, appointed 2010-03, male, serial 001-999. */
export function fakeNip(): string {
  return `198503122010031${String(randomInt(1, 1000)).padStart(3, "0")}`;
}

export async function createOpd(overrides: Partial<Prisma.OpdUncheckedCreateInput> = {}) {
  const code = overrides.code ?? `T${digits(6)}`;
  return db.opd.create({ data: { code, name: `Dinas Uji ${code}`, ...overrides } });
}

export async function createUser(role: Role, overrides: Partial<Prisma.UserUncheckedCreateInput> = {}) {
  const isAsn = role === "ASN";
  return db.user.create({
    data: {
      role,
      name: `Pengguna ${role} ${digits(4)}`,
      passwordHash: overrides.passwordHash ?? "$argon2id$v=19$m=19456,t=2,p=1$dW5zZXQ$dW5zZXQ",
      username: isAsn ? null : `uji-${role.toLowerCase()}-${digits(8)}`,
      nip: isAsn ? await uniqueNip() : null,
      quota: isAsn ? 5 : null,
      ...overrides,
    },
  });
}

async function uniqueNip(): Promise<string> {
  for (;;) {
    const nip = fakeNip();
    if (!(await db.user.findUnique({ where: { nip }, select: { id: true } }))) return nip;
  }
}

export function actorFor(user: {
  id: string;
  role: string;
  name: string;
  opdId: number | null;
  supervisedRegionCode: string | null;
}): Actor {
  return {
    id: user.id,
    role: user.role as Role,
    name: user.name,
    opdId: user.opdId,
    supervisedRegionCode: user.supervisedRegionCode,
  };
}

export async function createHousehold(
  overrides: Partial<Prisma.HouseholdUncheckedCreateInput> = {},
  memberCount = 2,
) {
  const desaCode = overrides.desaCode ?? "35.10.09.2001";
  const headBirth = new Date(Date.UTC(1975, 0, 5));
  const headNik = fakeNik(headBirth);
  const childBirth = new Date(Date.UTC(2012, 6, 9));
  return db.household.create({
    data: {
      kkNumber: fakeKk(),
      headName: `Keluarga Uji ${digits(4)}`,
      headNik,
      desaCode,
      kecamatanCode: desaCode.slice(0, 8),
      rt: "001",
      rw: "002",
      desil: 1,
      category: "MISKIN",
      source: "uji",
      ...overrides,
      members: {
        create: Array.from({ length: memberCount }, (_, i) => ({
          nik: i === 0 ? headNik : fakeNik(childBirth, i % 2 === 1),
          name: i === 0 ? "Kepala Uji" : `Anggota Uji ${i}`,
          sex: i % 2 === 1 ? ("FEMALE" as const) : ("MALE" as const),
          birthDate: i === 0 ? headBirth : childBirth,
          relationship: i === 0 ? ("HEAD" as const) : ("CHILD" as const),
        })),
      },
    },
  });
}

export async function assign(householdId: string, asnId: string, assignedById?: string) {
  return db.assignment.create({ data: { householdId, asnId, assignedById, reason: "uji" } });
}

export function newIdempotencyKey(): string {
  return randomUUID();
}

/** A visit report row (no checklist logic), e.g. for compliance counts; visitDate defaults to the period's first day. */
export async function createVisit(
  householdId: string,
  asnId: string,
  periodKey: string,
  overrides: Partial<Prisma.VisitUncheckedCreateInput> = {},
) {
  return db.visit.create({
    data: {
      householdId,
      asnId,
      periodKey,
      visitDate: new Date(`${periodRange(periodKey).firstDay}T00:00:00Z`),
      delivered: true,
      checklist: {},
      idempotencyKey: randomUUID(),
      ...overrides,
    },
  });
}

/** An OPEN follow-up with its creation event. */
export async function createFollowUp(
  householdId: string,
  targetOpdId: number,
  overrides: Partial<Prisma.FollowUpUncheckedCreateInput> = {},
) {
  return db.followUp.create({
    data: {
      householdId,
      targetOpdId,
      type: "SCHOOL_DROPOUT",
      detail: "Anak usia sekolah tidak bersekolah (uji).",
      ...overrides,
      events: {
        create: {
          toStatus: overrides.status ?? "OPEN",
          toOpdId: targetOpdId,
          note: "Dibuat otomatis (uji).",
        },
      },
    },
  });
}
