import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { problemsIn } from "@/lib/follow-up-rules";
import { checkNikAgainst, parseAsnId, parseKkNumber, parseNik, parseNip } from "@/lib/identity";
import { periodKeyOf, periodKeysBack, previousPeriodKey } from "@/lib/period";
import { houseSchema, memberAnswerSchema, type StoredChecklist } from "@/schemas/visit";
import { createPrismaClient } from "../../scripts/lib/prisma-client.mjs";
import { migrate } from "../../scripts/migrate.mjs";
import { loadReferenceData } from "../../scripts/reference-data.mjs";
import { DEMO_ASN, DEMO_ASN_NIPS, DEMO_USERNAMES, seedDemo } from "../../scripts/seed.mjs";

// The reference data and the demo seed, each run on a fresh database of its own (created on the
// shared test server, dropped at the end), so the shared database stays empty for the DAL tests.

const serverUrl = inject("databaseUrl");
// One "now" for both seeded databases, so the determinism check cannot straddle a week boundary.
const now = new Date();
const databases: { name: string; prisma: PrismaClient }[] = [];
let prisma: PrismaClient;
let second: PrismaClient;

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onServer(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

async function freshSeededDatabase(): Promise<PrismaClient> {
  const name = `seed_test_${randomUUID().replaceAll("-", "")}`;
  await onServer(`CREATE DATABASE "${name}"`);
  const client = createPrismaClient(withDatabase(serverUrl, name));
  databases.push({ name, prisma: client });
  await migrate(withDatabase(serverUrl, name), { log: () => {} });
  await loadReferenceData(client);
  const summary = await seedDemo(client, { password: "rahasia-uji", now });
  expect(summary.skipped).toBe(false);
  return client;
}

async function tableCounts(client: PrismaClient): Promise<Record<string, number>> {
  const [
    regions,
    opd,
    users,
    households,
    members,
    assignments,
    visits,
    items,
    followUps,
    events,
    menu,
    poverty,
  ] = await Promise.all([
    client.region.count(),
    client.opd.count(),
    client.user.count(),
    client.household.count(),
    client.householdMember.count(),
    client.assignment.count(),
    client.visit.count(),
    client.visitItem.count(),
    client.followUp.count(),
    client.followUpEvent.count(),
    client.menuItem.count(),
    client.povertyFigure.count(),
  ]);
  return {
    regions,
    opd,
    users,
    households,
    members,
    assignments,
    visits,
    items,
    followUps,
    events,
    menu,
    poverty,
  };
}

beforeAll(async () => {
  prisma = await freshSeededDatabase();
  second = await freshSeededDatabase();
});

afterAll(async () => {
  for (const { name, prisma: client } of databases) {
    await client.$disconnect();
    await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
});

describe("reference data", () => {
  it("loads the 25 kecamatan and 217 desa/kelurahan of Banyuwangi", async () => {
    const byLevel = await prisma.region.groupBy({ by: ["level"], _count: { _all: true } });
    const count = (level: string) => byLevel.find((row) => row.level === level)?._count._all ?? 0;
    expect(count("KABUPATEN")).toBe(1);
    expect(count("KECAMATAN")).toBe(25);
    expect(count("DESA") + count("KELURAHAN")).toBe(217);
    expect(count("KELURAHAN")).toBe(28);
    expect(await prisma.region.findUnique({ where: { code: "35.10" } })).toMatchObject({ parentCode: null });
  });

  it("is idempotent and keeps admin edits of poverty figures and settings", async () => {
    await prisma.povertyFigure.update({
      where: { year: 2023 },
      data: { percentPoor: "7.35", status: "bps-official" },
    });
    await prisma.programmeSettings.update({ where: { id: 1 }, data: { lateReportLimitDays: 3 } });
    const before = await tableCounts(prisma);
    const counts = await loadReferenceData(prisma);
    expect(counts.regionsInserted + counts.povertyFiguresInserted + counts.opdInserted).toBe(0);
    expect(await tableCounts(prisma)).toEqual(before);
    const figure = await prisma.povertyFigure.findUniqueOrThrow({ where: { year: 2023 } });
    expect(figure.percentPoor.toString()).toBe("7.35");
    expect((await prisma.programmeSettings.findUniqueOrThrow({ where: { id: 1 } })).lateReportLimitDays).toBe(
      3,
    );
    await prisma.programmeSettings.update({ where: { id: 1 }, data: { lateReportLimitDays: 7 } });
  });

  it("provides the OPD that follow-ups are routed to", async () => {
    const codes = (await prisma.opd.findMany({ select: { code: true } })).map((opd) => opd.code);
    expect(codes).toEqual(expect.arrayContaining(["BAPPEDA", "DISPENDIK", "DINKES", "DINSOS", "DISPERKIM"]));
  });
});

describe("demo seed", () => {
  it("creates OPD, staff, at least 60 ASN and 400 households in every kecamatan", async () => {
    expect(await prisma.opd.count()).toBeGreaterThanOrEqual(10);
    expect(await prisma.user.count({ where: { role: "ASN" } })).toBeGreaterThanOrEqual(60);
    expect(await prisma.household.count()).toBeGreaterThanOrEqual(400);
    const kecamatan = await prisma.household.groupBy({ by: ["kecamatanCode"] });
    expect(kecamatan).toHaveLength(25);
    const staff = await prisma.user.findMany({ where: { username: { in: [...DEMO_USERNAMES] } } });
    expect(staff.map((user) => user.username).sort()).toEqual([...DEMO_USERNAMES].sort());
    expect(staff.find((user) => user.username === "camat.genteng")?.supervisedRegionCode).toBe("35.10.09");
  });

  it("gives every member a valid NIK consistent with sex and birth date, and every family a valid No KK", async () => {
    const members = await prisma.householdMember.findMany({
      select: { nik: true, sex: true, birthDate: true, relationship: true, householdId: true },
    });
    expect(members.length).toBeGreaterThan(1000);
    for (const member of members) {
      expect(parseNik(member.nik, now).ok, member.nik).toBe(true);
      expect(
        checkNikAgainst(member.nik, { sex: member.sex, birthDate: member.birthDate }, now),
        member.nik,
      ).toEqual([]);
      const day = Number(member.nik.slice(6, 8));
      if (member.sex === "FEMALE") expect(day, member.nik).toBeGreaterThan(40);
      else expect(day, member.nik).toBeLessThanOrEqual(31);
    }
    const households = await prisma.household.findMany({
      select: { id: true, kkNumber: true, headNik: true, headName: true },
    });
    for (const household of households) {
      expect(parseKkNumber(household.kkNumber).ok, household.kkNumber).toBe(true);
    }
    const heads = await prisma.householdMember.findMany({
      where: { relationship: "HEAD" },
      select: { householdId: true, nik: true, name: true },
    });
    expect(heads).toHaveLength(households.length);
    const headOf = new Map(heads.map((head) => [head.householdId, head]));
    for (const household of households) {
      expect(headOf.get(household.id)).toMatchObject({ nik: household.headNik, name: household.headName });
    }
  });

  it("gives every PNS a valid NIP and every PPPK an ID that is not a PNS NIP", async () => {
    const asns = await prisma.user.findMany({
      where: { role: "ASN" },
      select: { nip: true, employmentType: true },
    });
    const pppk = asns.filter((asn) => asn.employmentType === "PPPK");
    expect(pppk.length).toBeGreaterThan(0);
    for (const asn of asns) {
      const nip = asn.nip ?? "";
      expect(parseAsnId(nip, now), nip).toMatchObject({ ok: true, employmentType: asn.employmentType });
      expect(parseNip(nip, now).ok, nip).toBe(asn.employmentType === "PNS");
    }
  });

  it("never gives a household two active assignments and keeps every ASN within quota", async () => {
    const doubled = await prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (
        SELECT household_id FROM assignment WHERE ended_at IS NULL GROUP BY household_id HAVING count(*) > 1
      ) x`;
    expect(Number(doubled[0]?.n)).toBe(0);
    const loads = await prisma.$queryRaw<{ load: bigint; quota: number | null; is_active: boolean }[]>`
      SELECT count(a.id) AS load, u.quota, u.is_active
      FROM app_user u LEFT JOIN assignment a ON a.asn_id = u.id AND a.ended_at IS NULL
      WHERE u.role = 'ASN' GROUP BY u.id`;
    for (const row of loads) {
      if (row.is_active) {
        expect(Number(row.load)).toBeGreaterThanOrEqual(2);
        expect(Number(row.load)).toBeLessThanOrEqual(row.quota ?? 0);
      } else expect(Number(row.load)).toBe(0);
    }
    expect(await prisma.assignment.count({ where: { endReason: "Mutasi ASN" } })).toBeGreaterThan(0);
    const unassigned = await prisma.household.count({
      where: { status: "ACTIVE", assignments: { none: { endedAt: null } } },
    });
    expect(unassigned).toBeGreaterThanOrEqual(30);
  });

  it("has the three documented demo ASN fostering the documented number of families", async () => {
    expect(DEMO_ASN_NIPS).toEqual(DEMO_ASN.map((asn) => asn.nip));
    expect(DEMO_ASN[0].families).toBeGreaterThanOrEqual(3);
    expect(DEMO_ASN[1].families).toBeGreaterThanOrEqual(2);
    for (const demo of DEMO_ASN) {
      const asn = await prisma.user.findUniqueOrThrow({ where: { nip: demo.nip }, include: { opd: true } });
      expect(asn).toMatchObject({ role: "ASN", isActive: true, employmentType: "PNS", name: demo.name });
      expect(asn.opd?.code).toBe(demo.opd);
      const families = await prisma.assignment.count({
        where: { asnId: asn.id, endedAt: null, household: { status: "ACTIVE" } },
      });
      expect(families).toBe(demo.families);
    }
  });

  it("has visits for the 8 weekly periods before the current one, filed by the assigned ASN", async () => {
    const expected = periodKeysBack(previousPeriodKey(periodKeyOf(now, "WEEKLY")), 8);
    const periods = await prisma.visit.groupBy({
      by: ["periodKey"],
      _count: { _all: true },
      orderBy: { periodKey: "asc" },
    });
    expect(periods.map((row) => row.periodKey)).toEqual(expected);
    const assigned = await prisma.assignment.count({ where: { endedAt: null } });
    for (const row of periods) {
      expect(row._count._all / assigned).toBeGreaterThan(0.75);
      expect(row._count._all / assigned).toBeLessThan(0.98);
    }
    const stray = await prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM visit v
      WHERE NOT EXISTS (
        SELECT 1 FROM assignment a
        WHERE a.household_id = v.household_id AND a.asn_id = v.asn_id
          AND a.started_at <= v.created_at AND (a.ended_at IS NULL OR a.ended_at > v.created_at)
      )`;
    expect(Number(stray[0]?.n)).toBe(0);
    const visit = await prisma.visit.findFirstOrThrow({
      where: { delivered: true },
      include: { items: true },
    });
    expect(visit.items.length).toBeGreaterThan(0);
    expect(visit.checklist).toMatchObject({ version: 1, changes: { familyMoved: false } });
  });

  it("has follow-ups routed to the responsible OPD, each with its creation event", async () => {
    const followUps = await prisma.followUp.findMany({ include: { targetOpd: true, events: true } });
    expect(followUps.length).toBeGreaterThanOrEqual(25);
    const route = {
      SCHOOL_DROPOUT: "DISPENDIK",
      HEALTH_WITHOUT_JKN: "DINKES",
      NO_ROUTINE_AID: "DINSOS",
      UNLIVABLE_HOUSE: "DISPERKIM",
      ELDERLY_ALONE: "DINSOS",
      REGISTRY_UPDATE: "BAPPEDA",
    } as const;
    const open = new Set<string>();
    for (const followUp of followUps) {
      expect(followUp.targetOpd.code).toBe(route[followUp.type]);
      expect(followUp.raisedByVisitId).not.toBeNull();
      expect(followUp.events.some((event) => event.fromStatus === null && event.toStatus === "OPEN")).toBe(
        true,
      );
      expect(followUp.resolvedAt !== null).toBe(followUp.status === "RESOLVED");
      if (followUp.status === "OPEN" || followUp.status === "IN_PROGRESS") {
        const key = `${followUp.householdId}:${followUp.type}`;
        expect(open.has(key), key).toBe(false);
        open.add(key);
      }
    }
    const statuses = new Set(followUps.map((followUp) => followUp.status));
    expect([...statuses].sort()).toEqual(["IN_PROGRESS", "OPEN", "RESOLVED"]);
    expect(followUps.filter((f) => f.status === "OPEN").length).toBeGreaterThan(followUps.length / 2);
  });

  it("stores checklists the app accepts, whose problems are all covered by follow-ups", async () => {
    const visits = await prisma.visit.findMany({
      select: { checklist: true, visitDate: true, createdAt: true, householdId: true, houseLivable: true },
    });
    const households = await prisma.household.findMany({
      select: {
        id: true,
        desil: true,
        category: true,
        members: { select: { id: true, name: true, birthDate: true } },
      },
    });
    const facts = new Map(households.map((h) => [h.id, h]));
    const followUps = await prisma.followUp.findMany({
      select: { householdId: true, type: true, createdAt: true, resolvedAt: true },
    });
    let problems = 0;
    for (const visit of visits) {
      const checklist = visit.checklist as StoredChecklist;
      expect(checklist.version).toBe(1);
      for (const member of checklist.members) expect(memberAnswerSchema.safeParse(member).success).toBe(true);
      expect(houseSchema.safeParse(checklist.house).success).toBe(true);
      expect(visit.houseLivable).toBe(checklist.house?.livable);
      const household = facts.get(visit.householdId);
      if (!household) throw new Error("visit without household");
      for (const problem of problemsIn(checklist, household, visit.visitDate)) {
        problems++;
        const covering = followUps.some(
          (f) =>
            f.householdId === visit.householdId &&
            f.type === problem.type &&
            f.createdAt <= visit.createdAt &&
            (f.resolvedAt === null || f.resolvedAt >= visit.createdAt),
        );
        expect(covering, `${problem.type} in a report of ${visit.householdId}`).toBe(true);
      }
    }
    expect(problems).toBeGreaterThan(100);
  });

  it("changes nothing when run a second time", async () => {
    const before = await tableCounts(prisma);
    const summary = await seedDemo(prisma, { password: "rahasia-uji", now });
    expect(summary.skipped).toBe(true);
    expect(await tableCounts(prisma)).toEqual(before);
  });

  it("is deterministic: two fresh databases get the same registry and roster", async () => {
    const registry = (client: PrismaClient) =>
      client.household.findMany({
        select: { id: true, kkNumber: true, headNik: true },
        orderBy: { kkNumber: "asc" },
      });
    const niks = (client: PrismaClient) =>
      client.householdMember.findMany({ select: { nik: true }, orderBy: { nik: "asc" } });
    const nips = (client: PrismaClient) =>
      client.user.findMany({ where: { role: "ASN" }, select: { nip: true }, orderBy: { nip: "asc" } });
    expect(await registry(second)).toEqual(await registry(prisma));
    expect(await niks(second)).toEqual(await niks(prisma));
    expect(await nips(second)).toEqual(await nips(prisma));
    const visits = (client: PrismaClient) =>
      client.visit.findMany({
        select: { idempotencyKey: true, periodKey: true },
        orderBy: { idempotencyKey: "asc" },
      });
    expect(await visits(second)).toEqual(await visits(prisma));
  });
});
