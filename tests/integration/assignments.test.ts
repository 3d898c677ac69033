import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  assignHouseholds,
  confirmProposal,
  listAsnCapacityOptions,
  listRegionOptions,
  listUnassignedHouseholds,
  moveAllFamilies,
  proposeAssignments,
} from "@/server/assignments";
import { db } from "@/server/db";
import { isAppError } from "@/server/errors";
import type { Actor } from "@/lib/permissions";
import { unassignedFilterSchema } from "@/schemas/assignment";
import {
  actorFor,
  assign,
  createHousehold,
  createOpd,
  createUser,
  resetDatabase,
} from "../support/factories";

// Genteng (35.10.09), Rogojampi (35.10.13), Srono (35.10.14)
const GENTENG_DESA = "35.10.09.2001";
const ROGOJAMPI_DESA = "35.10.13.2001";

let admin: Actor;
let opdId: number;

async function expectCode(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error) ? error.code : error).toBe(code);
  return error as { fieldErrors?: Record<string, string[]>; message: string };
}

async function activeCount(asnId: string) {
  return db.assignment.count({ where: { asnId, endedAt: null } });
}

beforeAll(async () => {
  await resetDatabase();
  opdId = (await createOpd()).id;
  admin = actorFor(await createUser("ADMIN"));
});

describe("assignHouseholds (one or many selected families)", () => {
  beforeEach(async () => {
    await db.$executeRawUnsafe("TRUNCATE assignment, audit_log");
  });

  it("assigns the selected unassigned families to one ASN and audits the batch", async () => {
    const asn = await createUser("ASN", { opdId, quota: 3 });
    const families = [await createHousehold(), await createHousehold()];
    const result = await assignHouseholds(admin, {
      asnNip: asn.nip!,
      householdIds: families.map((f) => f.id),
      reason: null,
      allowOverQuota: false,
    });
    expect(result.assigned).toBe(2);
    expect(await activeCount(asn.id)).toBe(2);
    const rows = await db.assignment.findMany({ where: { asnId: asn.id } });
    expect(rows.every((r) => r.assignedById === admin.id)).toBe(true);
    expect(await db.auditLog.count({ where: { action: "assignment.assign" } })).toBe(1);
    const unassigned = await listUnassignedHouseholds(admin, unassignedFilterSchema.parse({}));
    expect(unassigned.rows.map((r) => r.id)).not.toContain(families[0]!.id);
  });

  it("refuses an inactive ASN, a graduated family, a family that has an ASN, and the quota; nothing written", async () => {
    const inactive = await createUser("ASN", { opdId, isActive: false });
    const asn = await createUser("ASN", { opdId, quota: 1 });
    const other = await createUser("ASN", { opdId });
    const free = await createHousehold();
    const graduated = await createHousehold({ status: "GRADUATED" });
    const taken = await createHousehold();
    await assign(taken.id, other.id);
    const base = { reason: null, allowOverQuota: false };

    const e1 = await expectCode(
      assignHouseholds(admin, { ...base, asnNip: inactive.nip!, householdIds: [free.id] }),
      "INVALID_INPUT",
    );
    expect(e1.message).toMatch(/tidak aktif; keluarga tidak dapat ditugaskan/);
    const e2 = await expectCode(
      assignHouseholds(admin, { ...base, asnNip: asn.nip!, householdIds: [free.id, graduated.id] }),
      "INVALID_INPUT",
    );
    expect(e2.message).toMatch(/Hanya keluarga berstatus aktif.*lulus/);
    const e3 = await expectCode(
      assignHouseholds(admin, { ...base, asnNip: asn.nip!, householdIds: [free.id, taken.id] }),
      "CONFLICT",
    );
    expect(e3.message).toMatch(/sudah punya ASN/);
    const second = await createHousehold();
    const e4 = await expectCode(
      assignHouseholds(admin, { ...base, asnNip: asn.nip!, householdIds: [free.id, second.id] }),
      "INVALID_INPUT",
    );
    expect(e4.fieldErrors?.allowOverQuota?.[0]).toMatch(/melebihi kuota/);
    await expectCode(
      assignHouseholds(admin, { ...base, asnNip: "199901012020011999", householdIds: [free.id] }),
      "INVALID_INPUT",
    );
    expect(await activeCount(asn.id)).toBe(0);
    expect(await activeCount(inactive.id)).toBe(0);
    expect(await db.assignment.count({ where: { householdId: graduated.id } })).toBe(0);
    // With the explicit over-quota confirmation it goes through.
    await assignHouseholds(admin, {
      ...base,
      asnNip: asn.nip!,
      householdIds: [free.id, second.id],
      allowOverQuota: true,
    });
    expect(await activeCount(asn.id)).toBe(2);
  });
});

describe("proposeAssignments / confirmProposal", () => {
  beforeEach(async () => {
    await resetDatabase();
    opdId = (await createOpd()).id;
    admin = actorFor(await createUser("ADMIN"));
  });

  it("respects quotas, never proposes a family twice and prefers ASN of the same kecamatan", async () => {
    // Genteng: 5 families; Rogojampi: 3 families.
    const genteng = await Promise.all(
      Array.from({ length: 5 }, () => createHousehold({ desaCode: GENTENG_DESA })),
    );
    const rogojampi = await Promise.all(
      Array.from({ length: 3 }, () => createHousehold({ desaCode: ROGOJAMPI_DESA })),
    );
    // Works in Genteng, room for 2 (quota 3, fosters 1 already).
    const worksGenteng = await createUser("ASN", {
      opdId,
      quota: 3,
      workKecamatanCode: "35.10.09",
      homeKecamatanCode: "35.10.14",
    });
    const already = await createHousehold({ desaCode: GENTENG_DESA });
    await assign(already.id, worksGenteng.id);
    // Lives in Genteng, works in Rogojampi, room for 2.
    const livesGenteng = await createUser("ASN", {
      opdId,
      quota: 2,
      workKecamatanCode: "35.10.13",
      homeKecamatanCode: "35.10.09",
    });
    // Elsewhere entirely, room for 10.
    const elsewhere = await createUser("ASN", {
      opdId,
      quota: 10,
      workKecamatanCode: "35.10.01",
      homeKecamatanCode: "35.10.01",
    });
    // Full and inactive ASN in Genteng get nothing.
    const full = await createUser("ASN", { opdId, quota: 0, workKecamatanCode: "35.10.09" });
    const inactive = await createUser("ASN", {
      opdId,
      quota: 5,
      isActive: false,
      workKecamatanCode: "35.10.09",
    });

    const proposal = await proposeAssignments(admin);
    expect(proposal.unassignedInScope).toBe(8);
    expect(proposal.rows).toHaveLength(8);
    const ids = proposal.rows.map((r) => r.householdId);
    expect(new Set(ids).size).toBe(ids.length);
    const byAsn = new Map<string, number>();
    for (const row of proposal.rows) byAsn.set(row.asn.id, (byAsn.get(row.asn.id) ?? 0) + 1);
    expect(byAsn.get(worksGenteng.id)).toBe(2);
    expect(byAsn.get(livesGenteng.id)).toBe(2);
    expect(byAsn.get(elsewhere.id)).toBe(4);
    expect(byAsn.has(full.id)).toBe(false);
    expect(byAsn.has(inactive.id)).toBe(false);

    const gentengIds = new Set(genteng.map((f) => f.id));
    const gentengRows = proposal.rows.filter((r) => gentengIds.has(r.householdId));
    expect(gentengRows.filter((r) => r.reason === "WORK_KECAMATAN").map((r) => r.asn.id)).toEqual([
      worksGenteng.id,
      worksGenteng.id,
    ]);
    // livesGenteng works in Rogojampi: Rogojampi's families get them first (work before home).
    const rogoRows = proposal.rows.filter((r) => rogojampi.some((f) => f.id === r.householdId));
    expect(rogoRows.filter((r) => r.asn.id === livesGenteng.id).map((r) => r.reason)).toEqual([
      "WORK_KECAMATAN",
      "WORK_KECAMATAN",
    ]);
    expect(proposal.rows.filter((r) => r.reason === "OTHER").every((r) => r.asn.id === elsewhere.id)).toBe(
      true,
    );

    // Filter by kecamatan.
    const onlyRogojampi = await proposeAssignments(admin, { kecamatan: "35.10.13" });
    expect(onlyRogojampi.rows.map((r) => r.householdId).sort()).toEqual(rogojampi.map((f) => f.id).sort());
  });

  it("leaves families without a proposal when capacity runs out", async () => {
    await createHousehold();
    await createHousehold();
    await createHousehold();
    await createUser("ASN", { opdId, quota: 2 });
    const proposal = await proposeAssignments(admin);
    expect(proposal.rows).toHaveLength(2);
    expect(proposal.withoutCapacity).toBe(1);
  });

  it("confirm skips (and reports) a family assigned between proposal and confirm; never two active", async () => {
    const families = [await createHousehold(), await createHousehold(), await createHousehold()];
    const asn = await createUser("ASN", { opdId, quota: 5 });
    const rival = await createUser("ASN", { opdId, quota: 5 });
    const proposal = await proposeAssignments(admin);
    const rows = proposal.rows.map((r) => ({ householdId: r.householdId, asnNip: r.asn.nip }));
    expect(rows).toHaveLength(3);
    // Meanwhile another admin assigns the first family.
    await assign(families[0]!.id, rival.id);
    const result = await confirmProposal(admin, { rows });
    expect(result.assigned).toBe(2);
    expect(result.skipped).toEqual([
      { householdId: families[0]!.id, headName: families[0]!.headName, reason: "keluarga sudah punya ASN" },
    ]);
    for (const f of families) {
      expect(await db.assignment.count({ where: { householdId: f.id, endedAt: null } })).toBe(1);
    }
    expect(
      (await db.assignment.findFirstOrThrow({ where: { householdId: families[0]!.id, endedAt: null } }))
        .asnId,
    ).toBe(rival.id);
    // Confirming the same proposal again assigns nothing new.
    const again = await confirmProposal(admin, { rows });
    expect(again.assigned).toBe(0);
    expect(again.skipped).toHaveLength(3);
    expect(await db.assignment.count({ where: { endedAt: null } })).toBe(3);
    void asn;
  });

  it("confirm applies the admin's edits, skips rows beyond quota or to an inactive ASN, rejects unknown NIPs", async () => {
    const families = [await createHousehold(), await createHousehold(), await createHousehold()];
    const small = await createUser("ASN", { opdId, quota: 1 });
    const inactive = await createUser("ASN", { opdId, isActive: false });
    const before = await db.assignment.count();
    await expectCode(
      confirmProposal(admin, { rows: [{ householdId: families[0]!.id, asnNip: "199901012020011999" }] }),
      "INVALID_INPUT",
    );
    expect(await db.assignment.count()).toBe(before);
    const result = await confirmProposal(admin, {
      rows: [
        { householdId: families[0]!.id, asnNip: small.nip! },
        { householdId: families[1]!.id, asnNip: small.nip! },
        { householdId: families[2]!.id, asnNip: inactive.nip! },
      ],
    });
    expect(result.assigned).toBe(1);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      `kuota ${small.name} sudah penuh`,
      `${inactive.name} tidak aktif`,
    ]);
    expect(await activeCount(inactive.id)).toBe(0);
  });
});

describe("moveAllFamilies (reassignment)", () => {
  it("moves ALL families with history rows: old ended with reason, new active", async () => {
    const from = await createUser("ASN", { opdId, quota: 5 });
    const to = await createUser("ASN", { opdId, quota: 3 });
    const families = [await createHousehold(), await createHousehold(), await createHousehold()];
    for (const f of families) await assign(f.id, from.id);
    await assign((await createHousehold()).id, to.id);

    const e = await expectCode(
      moveAllFamilies(admin, from.id, { toNip: to.nip!, reason: "Mutasi", allowOverQuota: false }),
      "INVALID_INPUT",
    );
    expect(e.fieldErrors?.allowOverQuota?.[0]).toMatch(/mengasuh 1 keluarga dari kuota 3/);
    expect(await activeCount(from.id)).toBe(3);

    const result = await moveAllFamilies(admin, from.id, {
      toNip: to.nip!,
      reason: "Mutasi",
      allowOverQuota: true,
    });
    expect(result).toMatchObject({ moved: 3, toAsnId: to.id, overQuota: true });
    for (const f of families) {
      const history = await db.assignment.findMany({
        where: { householdId: f.id },
        orderBy: { startedAt: "asc" },
      });
      expect(history).toHaveLength(2);
      expect(history[0]).toMatchObject({ asnId: from.id, endReason: "Mutasi", endedById: admin.id });
      expect(history[0]!.endedAt).not.toBeNull();
      expect(history[1]).toMatchObject({ asnId: to.id, endedAt: null, assignedById: admin.id });
      expect(history[1]!.reason).toContain("Mutasi");
    }
    expect(await activeCount(from.id)).toBe(0);
    expect(await activeCount(to.id)).toBe(4);
    expect(await db.auditLog.count({ where: { action: "assignment.move_all", entityId: from.id } })).toBe(1);
  });

  it("refuses an inactive target; nothing written", async () => {
    const from = await createUser("ASN", { opdId });
    const inactive = await createUser("ASN", { opdId, isActive: false });
    const family = await createHousehold();
    await assign(family.id, from.id);
    const e = await expectCode(
      moveAllFamilies(admin, from.id, { toNip: inactive.nip!, reason: "Mutasi", allowOverQuota: true }),
      "INVALID_INPUT",
    );
    expect(e.fieldErrors?.toNip?.[0]).toMatch(/tidak aktif/);
    expect(await activeCount(from.id)).toBe(1);
    expect(await db.assignment.count({ where: { householdId: family.id } })).toBe(1);
  });
});

describe("every assignment function × non-admin role → NOT_FOUND", () => {
  it("refuses ASN, supervisors and leaders and writes nothing", async () => {
    const asn = await createUser("ASN", { opdId });
    const family = await createHousehold();
    const others = [
      actorFor(asn),
      actorFor(await createUser("SUPERVISOR", { opdId })),
      actorFor(await createUser("SUPERVISOR", { supervisedRegionCode: "35.10.09" })),
      actorFor(await createUser("LEADER")),
    ];
    const before = await db.assignment.count();
    for (const actor of others) {
      await expectCode(listUnassignedHouseholds(actor, unassignedFilterSchema.parse({})), "NOT_FOUND");
      await expectCode(listRegionOptions(actor), "NOT_FOUND");
      await expectCode(listAsnCapacityOptions(actor), "NOT_FOUND");
      await expectCode(proposeAssignments(actor), "NOT_FOUND");
      await expectCode(
        assignHouseholds(actor, {
          asnNip: asn.nip!,
          householdIds: [family.id],
          reason: null,
          allowOverQuota: true,
        }),
        "NOT_FOUND",
      );
      await expectCode(
        confirmProposal(actor, { rows: [{ householdId: family.id, asnNip: asn.nip! }] }),
        "NOT_FOUND",
      );
      await expectCode(
        moveAllFamilies(actor, asn.id, { toNip: asn.nip!, reason: "x", allowOverQuota: true }),
        "NOT_FOUND",
      );
    }
    expect(await db.assignment.count()).toBe(before);
  });
});
