import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { maskPersonalNumber } from "@/lib/identity";
import { canSeeFullIdentityNumbers, type Actor } from "@/lib/permissions";
import { periodKeyOf, periodKeysBack } from "@/lib/period";
import { assertUuid, notFound } from "./errors";
import { householdScope } from "./policy";
import { getProgrammeSettings } from "./settings";
import { db } from "./db";

const familyRowSelect = {
  id: true,
  headName: true,
  rt: true,
  rw: true,
  dusun: true,
  desa: { select: { name: true } },
  visits: { orderBy: { periodKey: "desc" }, take: 3, select: { periodKey: true, visitDate: true } },
} satisfies Prisma.HouseholdSelect;

export type MyFamilyRow = {
  id: string;
  headName: string;
  desaName: string;
  rt: string | null;
  rw: string | null;
  dusun: string | null;
  lastVisitDate: Date | null;
  visitedThisPeriod: boolean;
  /** No report in either of the two periods before this one. */
  overdue: boolean;
};

export type MyFamilies = { periodKey: string; families: MyFamilyRow[] };

/** The ASN's own active families with this period's status. No NIK/KK on lists. */
export async function listMyFamilies(actor: Actor, now: Date = new Date()): Promise<MyFamilies> {
  if (actor.role !== "ASN") throw notFound();
  const { cadence } = await getProgrammeSettings();
  const periodKey = periodKeyOf(now, cadence);
  const [previous, beforePrevious] = periodKeysBack(periodKey, 3).slice(0, 2).reverse();
  const rows = await db.household.findMany({
    where: { ...householdScope(actor), status: "ACTIVE" },
    select: familyRowSelect,
    orderBy: { headName: "asc" },
  });
  const families = rows.map((row) => {
    const keys = new Set(row.visits.map((v) => v.periodKey));
    return {
      id: row.id,
      headName: row.headName,
      desaName: row.desa.name,
      rt: row.rt,
      rw: row.rw,
      dusun: row.dusun,
      lastVisitDate: row.visits[0]?.visitDate ?? null,
      visitedThisPeriod: keys.has(periodKey),
      overdue: !keys.has(periodKey) && !keys.has(previous ?? "") && !keys.has(beforePrevious ?? ""),
    };
  });
  return { periodKey, families };
}

/** A member as the family pages show it (NIK masked later for roles that may not see it). */
export const householdMemberSelect = {
  id: true,
  nik: true,
  name: true,
  sex: true,
  birthDate: true,
  relationship: true,
  schoolParticipation: true,
  disability: true,
  chronicIllness: true,
  jknStatus: true,
  status: true,
} satisfies Prisma.HouseholdMemberSelect;

const householdDetailSelect = {
  id: true,
  kkNumber: true,
  headName: true,
  headNik: true,
  dusun: true,
  rt: true,
  rw: true,
  street: true,
  latitude: true,
  longitude: true,
  desil: true,
  category: true,
  status: true,
  desa: { select: { code: true, name: true, parent: { select: { name: true } } } },
  members: { orderBy: { birthDate: "asc" }, select: householdMemberSelect },
} satisfies Prisma.HouseholdSelect;

type HouseholdDetailRow = Prisma.HouseholdGetPayload<{ select: typeof householdDetailSelect }>;

export type HouseholdDetail = Omit<HouseholdDetailRow, "members" | "kkNumber" | "headNik" | "desa"> & {
  /** Full for roles that need it, masked (3510••••••••0012) for the others. */
  kkNumber: string;
  headNik: string;
  desaName: string;
  kecamatanName: string;
  members: (Omit<HouseholdDetailRow["members"][number], "nik"> & { nik: string })[];
};

/** One household in the actor's scope, or NOT_FOUND. */
export async function getHousehold(actor: Actor, householdId: string): Promise<HouseholdDetail> {
  assertUuid(householdId);
  const row = await db.household.findFirst({
    where: { AND: [{ id: householdId }, householdScope(actor)] },
    select: householdDetailSelect,
  });
  if (!row) throw notFound();
  const showNumber = (value: string) =>
    canSeeFullIdentityNumbers(actor.role) ? value : maskPersonalNumber(value);
  const { desa, members, ...rest } = row;
  return {
    ...rest,
    kkNumber: showNumber(row.kkNumber),
    headNik: showNumber(row.headNik),
    desaName: desa.name,
    kecamatanName: desa.parent?.name ?? "",
    members: members.map((m) => ({ ...m, nik: showNumber(m.nik) })),
  };
}
