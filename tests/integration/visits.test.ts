import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import type { VisitReport } from "@/schemas/visit";
import { db } from "@/server/db";
import { getVisitForm, listHouseholdVisits, listMyReports, submitVisit } from "@/server/visits";
import {
  actorFor,
  assign,
  createHousehold,
  createOpd,
  createUser,
  newIdempotencyKey,
  resetDatabase,
} from "../support/factories";

// Thursday 26 Nov 2026, 12:00 WIB: period 2026-W48 (Mon 23 – Sun 29 Nov).
const NOW = new Date("2026-11-26T05:00:00Z");
const PERIOD = "2026-W48";
const TINY_PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  ),
);

let asnA: Actor;
let asnB: Actor;
let admin: Actor;
let leader: Actor;
let supervisor: Actor;

type Family = { id: string; headId: string; childId: string };

async function family(asn: Actor | null): Promise<Family> {
  const h = await createHousehold({ desil: 1, category: "MISKIN" }, 2);
  const members = await db.householdMember.findMany({
    where: { householdId: h.id },
    orderBy: { birthDate: "asc" },
  });
  if (asn) await assign(h.id, asn.id);
  return { id: h.id, headId: members[0]!.id, childId: members[1]!.id };
}

/** A complete, valid report: the child (born 2012-07-09, 14 years old) is in school; the house is fine. */
function report(f: Family, overrides: Partial<VisitReport> = {}): VisitReport {
  return {
    householdId: f.id,
    periodKey: PERIOD,
    idempotencyKey: newIdempotencyKey(),
    visitDate: "2026-11-25",
    delivered: true,
    items: [{ name: "Telur", quantity: 1, unit: "kg", valueRupiah: 28_000 }],
    notDeliveredReason: null,
    livingAlone: { anyoneAlone: false, hasCaregiver: null },
    members: [
      {
        memberId: f.headId,
        presence: "PRESENT",
        health: "HEALTHY",
        chronicDisease: null,
        disability: null,
        jkn: "PBI",
        school: null,
      },
      {
        memberId: f.childId,
        presence: "PRESENT",
        health: "HEALTHY",
        chronicDisease: null,
        disability: null,
        jkn: "PBI",
        school: "ENROLLED",
      },
    ],
    aid: ["PKH", "PBI_JKN"],
    house: { floor: 2, wall: 1, roof: 2, drinkingWater: 4, sanitation: 1, electricity: 1, floorAreaM2: null },
    changes: { familyMoved: false, familyNotFound: false, newMember: false },
    notes: null,
    location: null,
    ...overrides,
  };
}

function childAnswer(f: Family, school: VisitReport["members"][number]["school"]) {
  return [
    {
      memberId: f.headId,
      presence: "PRESENT" as const,
      health: "HEALTHY" as const,
      chronicDisease: null,
      disability: null,
      jkn: "PBI" as const,
      school: null,
    },
    {
      memberId: f.childId,
      presence: "PRESENT" as const,
      health: "HEALTHY" as const,
      chronicDisease: null,
      disability: null,
      jkn: "PBI" as const,
      school,
    },
  ];
}

beforeAll(async () => {
  await resetDatabase();
  const opd = await createOpd();
  asnA = actorFor(await createUser("ASN", { opdId: opd.id }));
  asnB = actorFor(await createUser("ASN", { opdId: opd.id }));
  admin = actorFor(await createUser("ADMIN"));
  leader = actorFor(await createUser("LEADER"));
  supervisor = actorFor(await createUser("SUPERVISOR", { opdId: opd.id }));
});

describe("submitVisit", () => {
  it("stores one report with its items, marked on time, with an audit entry", async () => {
    const f = await family(asnA);
    const result = await submitVisit(asnA, report(f), null, NOW);
    expect(result).toMatchObject({ created: true, updated: false });
    const stored = await db.visit.findUniqueOrThrow({
      where: { id: result.visitId },
      include: { items: true },
    });
    expect(stored).toMatchObject({
      periodKey: PERIOD,
      isLate: false,
      delivered: true,
      houseLivable: true,
      asnId: asnA.id,
    });
    expect(stored.items.map((i) => [i.name, Number(i.quantity), i.valueRupiah])).toEqual([
      ["Telur", 1, 28_000],
    ]);
    expect(await db.auditLog.count({ where: { action: "visit.create", entityId: result.visitId } })).toBe(1);
  });

  it("stores a retried submission (same key) once", async () => {
    const f = await family(asnA);
    const r = report(f);
    const first = await submitVisit(asnA, r, null, NOW);
    const again = await submitVisit(asnA, { ...r }, null, NOW);
    expect(again).toMatchObject({ visitId: first.visitId, created: false, updated: false });
    expect(await db.visit.count({ where: { householdId: f.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: first.visitId } })).toBe(1);
  });

  it("stores concurrent double submissions with the same key once", async () => {
    const f = await family(asnA);
    const r = report(f);
    const results = await Promise.all([1, 2, 3].map(() => submitVisit(asnA, r, null, NOW)));
    expect(new Set(results.map((x) => x.visitId)).size).toBe(1);
    expect(results.filter((x) => x.created)).toHaveLength(1);
    expect(await db.visit.count({ where: { householdId: f.id } })).toBe(1);
    expect(await db.visitItem.count({ where: { visit: { householdId: f.id } } })).toBe(1);
  });

  it("refuses a second report for the same family and period with a clear conflict", async () => {
    const f = await family(asnA);
    await submitVisit(asnA, report(f), null, NOW);
    await expect(submitVisit(asnA, report(f), null, NOW)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("sudah dikirim"),
    });
    expect(await db.visit.count({ where: { householdId: f.id } })).toBe(1);
  });

  it("edits this period's report when it is re-submitted with changes, with an audit entry", async () => {
    const f = await family(asnA);
    const r = report(f);
    const { visitId } = await submitVisit(asnA, r, null, NOW);
    const edited = await submitVisit(
      asnA,
      {
        ...r,
        notes: "Ibu sudah sembuh",
        items: [{ name: "Ayam", quantity: 1, unit: "ekor", valueRupiah: 40_000 }],
      },
      null,
      NOW,
    );
    expect(edited).toMatchObject({ visitId, updated: true });
    const stored = await db.visit.findUniqueOrThrow({ where: { id: visitId }, include: { items: true } });
    expect(stored.notes).toBe("Ibu sudah sembuh");
    expect(stored.items.map((i) => i.name)).toEqual(["Ayam"]);
    expect(await db.auditLog.count({ where: { action: "visit.update", entityId: visitId } })).toBe(1);
  });

  it("answers NOT_FOUND for another ASN's family, an unassigned one, and non-ASN roles, storing nothing", async () => {
    const ofB = await family(asnB);
    const nobody = await family(null);
    for (const [actor, f] of [
      [asnA, ofB],
      [asnA, nobody],
      [admin, ofB],
      [leader, ofB],
      [supervisor, ofB],
    ] as const) {
      await expect(submitVisit(actor, report(f), null, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await db.visit.count({ where: { householdId: { in: [ofB.id, nobody.id] } } })).toBe(0);
  });

  it.each([
    ["a future date", { visitDate: "2026-11-27" }, "visitDate", "masa depan"],
    ["a date outside the period", { visitDate: "2026-11-20" }, "visitDate", "di dalam periode"],
    [
      "a future period",
      { periodKey: "2026-W49", visitDate: "2026-11-26" },
      "periodKey",
      "ditutup atau belum dimulai",
    ],
    [
      "a period past the late limit",
      { periodKey: "2026-W45", visitDate: "2026-11-04" },
      "periodKey",
      "ditutup",
    ],
  ])("rejects %s with an Indonesian message and stores nothing", async (_, overrides, field, text) => {
    const f = await family(asnA);
    const error = await submitVisit(asnA, report(f, overrides), null, NOW).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID_INPUT" });
    expect((error as { fieldErrors: Record<string, string[]> }).fieldErrors[field]?.[0]).toContain(text);
    expect(await db.visit.count({ where: { householdId: f.id } })).toBe(0);
  });

  it("accepts a late report for the previous period within the limit and marks it late", async () => {
    const f = await family(asnA);
    const { visitId } = await submitVisit(
      asnA,
      report(f, { periodKey: "2026-W47", visitDate: "2026-11-18" }),
      null,
      NOW,
    );
    expect((await db.visit.findUniqueOrThrow({ where: { id: visitId } })).isLate).toBe(true);
  });

  it("rejects a school status for a member outside 7-18 and a missing one for a child", async () => {
    const f = await family(asnA);
    const wrongAge = report(f);
    wrongAge.members[0]!.school = "ENROLLED";
    await expect(submitVisit(asnA, wrongAge, null, NOW)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { "members.0.school": [expect.stringContaining("7–18")] },
    });
    await expect(
      submitVisit(asnA, report(f, { members: childAnswer(f, null) }), null, NOW),
    ).rejects.toMatchObject({
      fieldErrors: { "members.1.school": [expect.stringContaining("Pilih status sekolah")] },
    });
    const missingMember = report(f, { members: childAnswer(f, "ENROLLED").slice(1) });
    await expect(submitVisit(asnA, missingMember, null, NOW)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(await db.visit.count({ where: { householdId: f.id } })).toBe(0);
  });

  it("stores a photo checked by content and rejects a wrong one without storing the report", async () => {
    const f = await family(asnA);
    const { visitId } = await submitVisit(asnA, report(f), TINY_PNG, NOW);
    expect(await db.visitPhoto.findUnique({ where: { visitId }, select: { mimeType: true } })).toEqual({
      mimeType: "image/png",
    });
    const g = await family(asnA);
    const gif = new TextEncoder().encode("GIF89a fake image");
    await expect(submitVisit(asnA, report(g), gif, NOW)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.visit.count({ where: { householdId: g.id } })).toBe(0);
  });
});

describe("follow-ups raised by reports", () => {
  it("opens one follow-up per problem, routes it, never duplicates it, and notes when the problem is gone", async () => {
    const f = await family(asnA);
    const first = await submitVisit(
      asnA,
      report(f, { periodKey: "2026-W47", visitDate: "2026-11-18", members: childAnswer(f, "DROPPED_OUT") }),
      null,
      NOW,
    );
    expect(first.followUpsRaised).toBe(1);
    const [followUp] = await db.followUp.findMany({
      where: { householdId: f.id },
      include: { targetOpd: true, events: true },
    });
    expect(followUp).toMatchObject({
      type: "SCHOOL_DROPOUT",
      status: "OPEN",
      memberId: f.childId,
      raisedByVisitId: first.visitId,
    });
    expect(followUp!.targetOpd.code).toBe("DISPENDIK");
    expect(followUp!.events).toHaveLength(1);

    const second = await submitVisit(asnA, report(f, { members: childAnswer(f, "DROPPED_OUT") }), null, NOW);
    expect(second.followUpsRaised).toBe(0);
    expect(await db.followUp.count({ where: { householdId: f.id } })).toBe(1);

    // The next period the child is back in school: the follow-up says so, but stays open for the OPD.
    const nextWeek = new Date("2026-12-02T05:00:00Z");
    const third = await submitVisit(
      asnA,
      report(f, { periodKey: "2026-W49", visitDate: "2026-12-01", members: childAnswer(f, "ENROLLED") }),
      null,
      nextWeek,
    );
    const after = await db.followUp.findUniqueOrThrow({ where: { id: followUp!.id } });
    expect(after).toMatchObject({ status: "OPEN", clearedByVisitId: third.visitId });
    expect(after.clearedAt).not.toBeNull();
  });

  it("routes each problem type to its agency", async () => {
    const f = await family(asnA);
    await submitVisit(
      asnA,
      report(f, {
        aid: [],
        house: {
          floor: 8,
          wall: 6,
          roof: 7,
          drinkingWater: 9,
          sanitation: 6,
          electricity: 4,
          floorAreaM2: null,
        },
        members: [
          {
            memberId: f.headId,
            presence: "PRESENT",
            health: "CHRONIC",
            chronicDisease: "Hipertensi",
            disability: null,
            jkn: "NONE",
            school: null,
          },
          {
            memberId: f.childId,
            presence: "PRESENT",
            health: "HEALTHY",
            chronicDisease: null,
            disability: null,
            jkn: "PBI",
            school: "ENROLLED",
          },
        ],
      }),
      null,
      NOW,
    );
    const rows = await db.followUp.findMany({ where: { householdId: f.id }, include: { targetOpd: true } });
    expect(Object.fromEntries(rows.map((r) => [r.type, r.targetOpd.code]))).toEqual({
      HEALTH_WITHOUT_JKN: "DINKES",
      NO_ROUTINE_AID: "DINSOS",
      UNLIVABLE_HOUSE: "DISPERKIM",
    });
  });
});

describe("getVisitForm", () => {
  it("pre-fills from the previous report and proposes this period's menu", async () => {
    const f = await family(asnA);
    await submitVisit(
      asnA,
      report(f, { periodKey: "2026-W47", visitDate: "2026-11-18", aid: ["PKH", "BPNT"], notes: "lama" }),
      null,
      NOW,
    );
    const form = await getVisitForm(asnA, f.id, null, NOW);
    expect(form.period).toMatchObject({
      periodKey: PERIOD,
      isLate: false,
      firstDay: "2026-11-23",
      lastDay: "2026-11-29",
    });
    expect(form.existing).toBeNull();
    expect(form.prefill.aid).toEqual(["PKH", "BPNT"]);
    expect(form.prefill.house).toMatchObject({ floor: 2, wall: 1 });
    expect(form.prefill.notes).toBeNull();
    expect(form.prefill.idempotencyKey).toBeNull();
    expect(form.menuItem?.name).toBeTruthy();
    expect(form.prefill.items[0]?.name).toBe(form.menuItem?.name);
    expect(JSON.stringify(form)).not.toMatch(/\d{16}/);
  });

  it("answers NOT_FOUND for another ASN's family, other roles and a period outside the window", async () => {
    const f = await family(asnA);
    await expect(getVisitForm(asnB, f.id, null, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getVisitForm(admin, f.id, null, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getVisitForm(asnA, f.id, "2026-W49", NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getVisitForm(asnA, f.id, "2026-W40", NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getVisitForm(asnA, f.id, "bukan-periode", NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("history", () => {
  it("lists a family's visits only within scope, and an ASN's own reports by period", async () => {
    const f = await family(asnA);
    await submitVisit(asnA, report(f), null, NOW);
    expect(await listHouseholdVisits(asnA, f.id)).toHaveLength(1);
    expect(await listHouseholdVisits(asnB, f.id)).toHaveLength(0);
    expect(await listHouseholdVisits(leader, f.id)).toHaveLength(0);
    expect(await listHouseholdVisits(admin, f.id)).toHaveLength(1);
    const mine = await listMyReports(asnA, PERIOD);
    expect(mine.every((v) => v.periodKey === PERIOD)).toBe(true);
    expect(mine.map((v) => v.household.id)).toContain(f.id);
    expect(await listMyReports(asnB, PERIOD)).toEqual([]);
    await expect(listMyReports(asnA, "2026-W99")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
