import "server-only";
import type { Actor } from "@/lib/permissions";
import { periodKeyOf } from "@/lib/period";
import { notFound } from "./errors";
import { staffScope } from "./policy";
import { getProgrammeSettings } from "./settings";
import { db } from "./db";

export type AdminOverview = {
  periodKey: string;
  households: { total: number; active: number; assigned: number; unassigned: number };
  activeAsn: number;
  reportsThisPeriod: number;
  openFollowUps: number;
};

/** Counts for the Bappeda home page. ADMIN only. */
export async function getAdminOverview(actor: Actor, now: Date = new Date()): Promise<AdminOverview> {
  if (actor.role !== "ADMIN") throw notFound();
  const { cadence } = await getProgrammeSettings();
  const periodKey = periodKeyOf(now, cadence);
  const [total, active, assigned, activeAsn, reportsThisPeriod, openFollowUps] = await Promise.all([
    db.household.count(),
    db.household.count({ where: { status: "ACTIVE" } }),
    db.household.count({ where: { status: "ACTIVE", assignments: { some: { endedAt: null } } } }),
    db.user.count({ where: { role: "ASN", isActive: true } }),
    db.visit.count({ where: { periodKey } }),
    db.followUp.count({ where: { status: { in: ["OPEN", "IN_PROGRESS"] } } }),
  ]);
  return {
    periodKey,
    households: { total, active, assigned, unassigned: active - assigned },
    activeAsn,
    reportsThisPeriod,
    openFollowUps,
  };
}

export type StaffRow = {
  id: string;
  name: string;
  nip: string | null;
  position: string | null;
  opdName: string | null;
  isActive: boolean;
  activeFamilies: number;
  reportedThisPeriod: number;
};

/** ASN within the actor's scope (a supervisor's own OPD or area), with this period's reporting. */
export async function listStaff(
  actor: Actor,
  now: Date = new Date(),
): Promise<{ periodKey: string; staff: StaffRow[] }> {
  if (actor.role !== "ADMIN" && actor.role !== "SUPERVISOR") throw notFound();
  const { cadence } = await getProgrammeSettings();
  const periodKey = periodKeyOf(now, cadence);
  const rows = await db.user.findMany({
    where: staffScope(actor),
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      nip: true,
      position: true,
      isActive: true,
      opd: { select: { name: true } },
      _count: {
        select: {
          assignments: { where: { endedAt: null } },
          visits: { where: { periodKey } },
        },
      },
    },
  });
  return {
    periodKey,
    staff: rows.map((r) => ({
      id: r.id,
      name: r.name,
      nip: r.nip,
      position: r.position,
      opdName: r.opd?.name ?? null,
      isActive: r.isActive,
      activeFamilies: r._count.assignments,
      reportedThisPeriod: r._count.visits,
    })),
  };
}

export type LeaderSummary = {
  periodKey: string;
  targetFamilies: number;
  fosteredFamilies: number;
  participatingAsn: number;
  reportsThisPeriod: number;
  latestPoverty: { year: number; percentPoor: number } | null;
};

/** Aggregates only: no names, addresses or identity numbers. LEADER and ADMIN. */
export async function getLeaderSummary(actor: Actor, now: Date = new Date()): Promise<LeaderSummary> {
  if (actor.role !== "LEADER" && actor.role !== "ADMIN") throw notFound();
  const { cadence } = await getProgrammeSettings();
  const periodKey = periodKeyOf(now, cadence);
  const [targetFamilies, fosteredFamilies, participating, reportsThisPeriod, latest] = await Promise.all([
    db.household.count({ where: { status: "ACTIVE" } }),
    db.household.count({ where: { status: "ACTIVE", assignments: { some: { endedAt: null } } } }),
    db.$queryRaw<[{ n: bigint }]>`SELECT count(DISTINCT asn_id) AS n FROM assignment WHERE ended_at IS NULL`,
    db.visit.count({ where: { periodKey } }),
    db.povertyFigure.findFirst({ orderBy: { year: "desc" }, select: { year: true, percentPoor: true } }),
  ]);
  return {
    periodKey,
    targetFamilies,
    fosteredFamilies,
    participatingAsn: Number(participating[0].n),
    reportsThisPeriod,
    latestPoverty: latest ? { year: latest.year, percentPoor: Number(latest.percentPoor) } : null,
  };
}
