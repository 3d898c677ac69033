import { PrismaPg } from "@prisma/adapter-pg";
import { beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { EMPTY_FILTERS } from "@/schemas/household";
import { RecordingPool } from "../../scripts/bench/recording-pool";

// N+1 guard for the hot pages: the number of SQL statements each page's DAL call sends must not
// grow with the number of rows it shows. Every call runs against a small and a larger data set;
// the counts must be equal. The DAL's client records its statements through the benchmark's
// RecordingPool, installed before src/server/db.ts is first imported.

const NOW = new Date("2026-11-26T05:00:00Z"); // Thursday, period 2026-W48
const PERIOD = "2026-W48";

const pool = new RecordingPool({ connectionString: process.env.DATABASE_URL, max: 5 });
const recordingClient = new PrismaClient({ adapter: new PrismaPg(pool) });
(globalThis as unknown as { prisma?: PrismaClient }).prisma = recordingClient;

type Dal = {
  db: typeof import("@/server/db");
  households: typeof import("@/server/households");
  visits: typeof import("@/server/visits");
  registry: typeof import("@/server/registry");
  followUps: typeof import("@/server/follow-ups");
  compliance: typeof import("@/server/compliance");
  dashboard: typeof import("@/server/dashboard");
  factories: typeof import("../support/factories");
};
let dal: Dal;

beforeAll(async () => {
  dal = {
    db: await import("@/server/db"),
    households: await import("@/server/households"),
    visits: await import("@/server/visits"),
    registry: await import("@/server/registry"),
    followUps: await import("@/server/follow-ups"),
    compliance: await import("@/server/compliance"),
    dashboard: await import("@/server/dashboard"),
    factories: await import("../support/factories"),
  };
  // If another test file had created the client first, nothing would be recorded: fail loudly.
  expect(dal.db.db).toBe(recordingClient);
});

async function statementsOf(call: () => Promise<unknown>): Promise<number> {
  await call(); // warm: one-time lookups (settings, region centroids) are not per-row work
  pool.recording = [];
  try {
    await call();
    await new Promise((resolve) => setTimeout(resolve, 20)); // recorded on completion
    return pool.recording.length;
  } finally {
    pool.recording = null;
  }
}

type Item = { name: string; quantity: number; unit: string; valueRupiah: number };

/** A report that shows no problem (every member healthy, children in school, a livable house). */
function quietReport(
  householdId: string,
  members: { id: string }[],
  periodKey: string,
  items: Item[] = [{ name: "Telur", quantity: 1, unit: "kg", valueRupiah: 25_000 }],
) {
  return {
    householdId,
    periodKey,
    idempotencyKey: dal.factories.newIdempotencyKey(),
    visitDate: periodKey === "2026-W47" ? "2026-11-20" : "2026-11-25",
    delivered: true,
    items,
    notDeliveredReason: null,
    livingAlone: { anyoneAlone: false, hasCaregiver: null },
    members: members.map((m, index) => ({
      memberId: m.id,
      presence: "PRESENT" as const,
      health: "HEALTHY" as const,
      chronicDisease: null,
      disability: null,
      jkn: "PBI" as const,
      school: index === 0 ? null : ("ENROLLED" as const),
    })),
    aid: ["PKH"],
    house: { floor: 2, wall: 1, roof: 2, drinkingWater: 4, sanitation: 1, electricity: 1, floorAreaM2: null },
    changes: { familyMoved: false, familyNotFound: false, newMember: false },
    notes: null,
    location: null,
  };
}

type World = { asn: Actor; admin: Actor; leader: Actor; supervisor: Actor; familyId: string };

/** One ASN with `families` families, each with a report, a follow-up and 3 members. */
async function world(families: number): Promise<World> {
  const f = dal.factories;
  await f.resetDatabase();
  const opd = await f.createOpd();
  const asnUser = await f.createUser("ASN", { opdId: opd.id });
  const ids: string[] = [];
  for (let i = 0; i < families; i++) {
    const h = await f.createHousehold({ desaCode: i % 2 ? "35.10.09.2001" : "35.10.05.2001" }, 3);
    await f.assign(h.id, asnUser.id);
    const members = await dal.db.db.householdMember.findMany({
      where: { householdId: h.id },
      orderBy: { birthDate: "asc" },
    });
    // A real report of the previous week (late window still open), as the app stores it.
    await dal.visits.submitVisit(f.actorFor(asnUser), quietReport(h.id, members, "2026-W47"), null, NOW);
    await f.createFollowUp(h.id, opd.id);
    ids.push(h.id);
  }
  return {
    asn: f.actorFor(asnUser),
    admin: f.actorFor(await f.createUser("ADMIN")),
    leader: f.actorFor(await f.createUser("LEADER")),
    supervisor: f.actorFor(await f.createUser("SUPERVISOR", { opdId: opd.id })),
    familyId: ids[0]!,
  };
}

const PAGES: [string, (w: World) => Promise<unknown>][] = [
  ["ASN home (listMyFamilies)", (w) => dal.households.listMyFamilies(w.asn, NOW)],
  ["family page (getHousehold)", (w) => dal.households.getHousehold(w.asn, w.familyId)],
  ["family page visits", (w) => dal.visits.listHouseholdVisits(w.asn, w.familyId)],
  ["family page follow-ups", (w) => dal.followUps.listHouseholdFollowUps(w.asn, w.familyId)],
  ["visit form (getVisitForm)", (w) => dal.visits.getVisitForm(w.asn, w.familyId, null, NOW)],
  ["ASN history (listMyReports)", (w) => dal.visits.listMyReports(w.asn, null)],
  ["registry list", (w) => dal.registry.listRegistryHouseholds(w.admin, EMPTY_FILTERS)],
  ["follow-up board", (w) => dal.followUps.listFollowUpBoard(w.admin, {})],
  [
    "compliance page (overview)",
    async (w) => {
      const { period } = await dal.compliance.resolveCompliancePeriod(PERIOD, NOW);
      return dal.compliance.getComplianceOverview(w.admin, period, { page: 1 });
    },
  ],
  [
    "supervisor home",
    async (w) => {
      const { period } = await dal.compliance.resolveCompliancePeriod(PERIOD, NOW);
      return dal.compliance.listAsnCompliance(w.supervisor, period, { page: null });
    },
  ],
  ["leaders' dashboard", (w) => dal.dashboard.getDashboard(w.leader, null, NOW)],
];

describe("statements per hot page do not grow with the rows shown (no N+1)", () => {
  it("sends the same number of statements for 2 and for 12 families", async () => {
    const counts = new Map<string, number[]>();
    for (const size of [2, 12]) {
      const w = await world(size);
      for (const [name, call] of PAGES) {
        const n = await statementsOf(() => call(w));
        counts.set(name, [...(counts.get(name) ?? []), n]);
      }
    }
    for (const [name, [small, large]] of counts) {
      expect(small, `${name}: recorded nothing`).toBeGreaterThan(0);
      expect(large, `${name}: ${small} statements for 2 families, ${large} for 12`).toBe(small);
    }
  });
});

describe("visit submission, the write hot path (docs/performance.md)", () => {
  it("stores a new report in two statements, one read and one write, whatever its size", async () => {
    const f = dal.factories;
    await f.resetDatabase();
    const opd = await f.createOpd();
    const asnUser = await f.createUser("ASN", { opdId: opd.id });
    const counts: number[] = [];
    for (const [memberCount, itemCount] of [
      [2, 1],
      [7, 4],
    ] as const) {
      const h = await f.createHousehold({ desaCode: "35.10.09.2001" }, memberCount);
      await f.assign(h.id, asnUser.id);
      // An open follow-up this report clears (a child in school again): cleared in the same statement.
      await f.createFollowUp(h.id, opd.id);
      const members = await dal.db.db.householdMember.findMany({
        where: { householdId: h.id },
        orderBy: { birthDate: "asc" },
      });
      const items = Array.from({ length: itemCount }, (_, i) => ({
        name: `Barang ${i + 1}`,
        quantity: 1,
        unit: "paket",
        valueRupiah: 10_000,
      }));
      pool.recording = [];
      try {
        const result = await dal.visits.submitVisit(
          f.actorFor(asnUser),
          quietReport(h.id, members, PERIOD, items),
          null,
          NOW,
        );
        expect(result.created).toBe(true);
        await new Promise((resolve) => setTimeout(resolve, 20)); // recorded on completion
        counts.push(pool.recording.length);
      } finally {
        pool.recording = null;
      }
      const stored = await dal.db.db.visit.findFirstOrThrow({
        where: { householdId: h.id, periodKey: PERIOD },
        select: { id: true, _count: { select: { items: true, followUpsCleared: true } } },
      });
      expect(stored._count).toEqual({ items: itemCount, followUpsCleared: 1 });
    }
    expect(counts).toEqual([2, 2]);
  });
});
