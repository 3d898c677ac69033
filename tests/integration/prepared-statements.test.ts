import { beforeAll, describe, expect, it } from "vitest";
import type { VisitReport } from "@/schemas/visit";

// Hot-path statements marked PREPARED (docs/decisions/016) are prepared once per connection and
// then run by name; every other statement stays unnamed. This file's client has ONE connection
// (set before src/server/db.ts is first imported), so pg_prepared_statements lists exactly what
// these calls prepared.
process.env.DATABASE_POOL_MAX = "1";

const NOW = new Date("2026-11-26T05:00:00Z"); // Thursday, period 2026-W48
const POLICY = { maxAgeSeconds: 8 * 60 * 60, idleTimeoutSeconds: 30 * 60 };
const MARK = "/* prepared */";

type Dal = {
  db: typeof import("@/server/db");
  sessions: typeof import("@/server/user-sessions");
  visits: typeof import("@/server/visits");
  factories: typeof import("../support/factories");
};
let dal: Dal;

beforeAll(async () => {
  dal = {
    db: await import("@/server/db"),
    sessions: await import("@/server/user-sessions"),
    visits: await import("@/server/visits"),
    factories: await import("../support/factories"),
  };
  await dal.factories.resetDatabase();
});

type PreparedRow = { statement: string; generic_plans: number; custom_plans: number };

function preparedStatements(): Promise<PreparedRow[]> {
  return dal.db.db.$queryRaw<PreparedRow[]>`
    SELECT statement, generic_plans::int, custom_plans::int FROM pg_prepared_statements`;
}

/** A report with nothing to follow up: the head and a 14-year-old in school, a livable house. */
function quietReport(householdId: string, memberIds: string[]): VisitReport {
  return {
    householdId,
    periodKey: "2026-W48",
    idempotencyKey: dal.factories.newIdempotencyKey(),
    visitDate: "2026-11-25",
    delivered: true,
    items: [{ name: "Telur", quantity: 1, unit: "kg", valueRupiah: 28_000 }],
    notDeliveredReason: null,
    livingAlone: { anyoneAlone: false, hasCaregiver: null },
    members: memberIds.map((memberId, index) => ({
      memberId,
      presence: "PRESENT",
      health: "HEALTHY",
      chronicDisease: null,
      disability: null,
      jkn: "PBI",
      school: index === 0 ? null : "ENROLLED",
    })),
    aid: ["PKH"],
    house: { floor: 2, wall: 1, roof: 2, drinkingWater: 4, sanitation: 1, electricity: 1, floorAreaM2: null },
    changes: { familyMoved: false, familyNotFound: false, newMember: false },
    notes: null,
    location: null,
  };
}

describe("prepared hot-path statements", () => {
  it("names only statements that start with the mark, by a digest of their text", () => {
    const name = dal.db.preparedStatementName;
    const a = `${MARK} SELECT $1::int`;
    const b = `${MARK} SELECT $1::int + 1`;
    expect(name({ sql: a })).toMatch(/^p_[0-9a-f]{24}$/);
    expect(name({ sql: a })).toBe(name({ sql: `${MARK} SELECT $1::int` }));
    expect(name({ sql: b })).not.toBe(name({ sql: a }));
    expect(name({ sql: "SELECT $1::int" })).toBe("");
    expect(name({ sql: `SELECT 1 ${MARK}` })).toBe("");
  });

  it("the session check, the report's read and its insert are prepared once and stay right on the generic plan", async () => {
    const f = dal.factories;
    const opd = await f.createOpd();
    const asnUser = await f.createUser("ASN", { opdId: opd.id });
    const asn = f.actorFor(asnUser);
    const session = await dal.db.db.userSession.create({
      data: {
        userId: asnUser.id,
        createdAt: NOW,
        lastSeenAt: NOW,
        expiresAt: new Date(NOW.getTime() + 3_600_000),
      },
    });
    const claims = { userId: asnUser.id, sessionId: session.id, tokenVersion: asnUser.tokenVersion };

    // More runs than the five custom plans PostgreSQL makes before it may switch to a generic one.
    for (let i = 0; i < 8; i++) {
      expect(await dal.sessions.actorForSession(claims, NOW, POLICY)).toMatchObject({
        id: asn.id,
        role: "ASN",
      });
    }
    // The same prepared statement still refuses a stale token and an ended session.
    const stale = { ...claims, tokenVersion: claims.tokenVersion + 1 };
    expect(await dal.sessions.actorForSession(stale, NOW, POLICY)).toBeNull();
    await dal.sessions.endUserSession(session.id);
    expect(await dal.sessions.actorForSession(claims, NOW, POLICY)).toBeNull();

    const stored: string[] = [];
    for (let i = 0; i < 7; i++) {
      const h = await f.createHousehold({ desil: 1, category: "MISKIN" }, 2);
      await f.assign(h.id, asn.id);
      const members = await dal.db.db.householdMember.findMany({
        where: { householdId: h.id },
        orderBy: { birthDate: "asc" },
        select: { id: true },
      });
      const result = await dal.visits.submitVisit(
        asn,
        quietReport(
          h.id,
          members.map((m) => m.id),
        ),
        null,
        NOW,
      );
      expect(result).toMatchObject({ created: true, followUpsRaised: 0 });
      stored.push(result.visitId);
    }
    // Another ASN's family is still outside the scope the prepared read checks.
    const stranger = await f.createHousehold({ desil: 1, category: "MISKIN" }, 2);
    await expect(dal.visits.submitVisit(asn, quietReport(stranger.id, []), null, NOW)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await dal.db.db.visit.count({ where: { id: { in: stored }, asnId: asn.id } })).toBe(7);

    const prepared = await preparedStatements();
    expect(prepared.map((p) => p.statement.trimStart().slice(0, MARK.length))).toEqual([MARK, MARK, MARK]);
    const byStart = (pattern: RegExp) => prepared.find((p) => pattern.test(p.statement.slice(MARK.length)));
    const sessionCheck = byStart(/^\s*WITH touched AS/);
    expect(sessionCheck?.custom_plans).toBeDefined();
    expect(sessionCheck!.custom_plans + sessionCheck!.generic_plans).toBe(10);
    expect(sessionCheck!.generic_plans).toBeGreaterThan(0);
    expect(byStart(/^\s*SELECT/)).toBeDefined(); // the report's read
    expect(byStart(/^\s*WITH visit_row AS/)).toBeDefined(); // the report's insert
  });
});
