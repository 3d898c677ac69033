import { beforeAll, describe, expect, it } from "vitest";
import { listMyFamilies } from "@/server/households";
import { db } from "@/server/db";
import { isAppError } from "@/server/errors";
import {
  AUDIT_ACTIONS,
  changeHouseholdStatus,
  getRegistryHousehold,
  listHouseholdAuditTrail,
  listRegionOptions,
  listRegistryHouseholds,
  openIdentitySearch,
  saveMember,
  sealIdentitySearch,
  updateHousehold,
} from "@/server/registry";
import type { Actor } from "@/lib/permissions";
import { periodKeyOf } from "@/lib/period";
import {
  EMPTY_FILTERS,
  householdUpdateSchema,
  memberSchema,
  type HouseholdUpdate,
  type MemberInput,
  type RegistryFilters,
} from "@/schemas/household";
import {
  actorFor,
  assign,
  createHousehold,
  createOpd,
  createUser,
  fakeNik,
  newIdempotencyKey,
  resetDatabase,
} from "../support/factories";

process.env.NEXTAUTH_SECRET ??= "registry-test-secret-0123456789abcdef0123";

let admin: Actor;
let otherAdmin: Actor;
let asnA: Actor;
let asnB: Actor;
let leader: Actor;
let supervisor: Actor;
let camat: Actor;
let asnANip: string;
let budi: { id: string; kkNumber: string; headNik: string };
let budiman: string;
let siti: string;
let graduated: string;
let mover: string;

const BULK = 120;

async function sqlCount(where: string, params: unknown[] = []): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM household h WHERE ${where}`,
    ...params,
  );
  return rows[0]?.n ?? -1;
}

const filters = (f: Partial<RegistryFilters>): RegistryFilters => ({ ...EMPTY_FILTERS, ...f });

async function expectNotFound(promise: Promise<unknown> | (() => unknown)) {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    expect(isAppError(error) && error.code).toBe("NOT_FOUND");
    return;
  }
  throw new Error("expected NOT_FOUND");
}

async function expectInvalid(promise: Promise<unknown>, field: string): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (!isAppError(error)) throw error;
    expect(error.code).toBe("INVALID_INPUT");
    const message = error.fieldErrors?.[field]?.[0];
    expect(message).toBeTruthy();
    return message ?? "";
  }
  throw new Error("expected INVALID_INPUT");
}

function householdInput(householdId: string, overrides: Record<string, string> = {}): HouseholdUpdate {
  return householdUpdateSchema.parse({
    householdId,
    desaCode: "35.10.09.2001",
    dusun: "Krajan",
    rt: "1",
    rw: "2",
    street: "Jl. Mawar 3",
    latitude: "-8,3801",
    longitude: "114,1702",
    desil: "1",
    category: "MISKIN",
    ...overrides,
  });
}

async function memberInput(
  householdId: string,
  memberId: string | null,
  overrides: Record<string, string> = {},
) {
  const member = memberId ? await db.householdMember.findUniqueOrThrow({ where: { id: memberId } }) : null;
  const birth = member?.birthDate ?? new Date(Date.UTC(2015, 2, 4));
  return memberSchema.parse({
    householdId,
    memberId: memberId ?? "",
    nik: member?.nik ?? fakeNik(birth, true),
    name: member?.name ?? "Anak Baru",
    sex: member?.sex ?? "FEMALE",
    birthDate: birth.toISOString().slice(0, 10),
    relationship: member?.relationship ?? "CHILD",
    schoolParticipation: member?.schoolParticipation ?? "",
    disability: member?.disability ?? "",
    chronicIllness: member?.chronicIllness ?? "",
    jknStatus: member?.jknStatus ?? "NONE",
    status: member?.status ?? "PRESENT",
    ...overrides,
  }) satisfies MemberInput;
}

async function auditEntries(householdId: string, action?: string) {
  return db.auditLog.findMany({
    where: { entityType: "household", entityId: householdId, ...(action ? { action } : {}) },
    orderBy: { id: "asc" },
  });
}

beforeAll(async () => {
  await resetDatabase();
  const opd = await createOpd();
  const camatOffice = await createOpd({ regionCode: "35.10.05" });
  admin = actorFor(await createUser("ADMIN"));
  otherAdmin = actorFor(await createUser("ADMIN"));
  leader = actorFor(await createUser("LEADER"));
  const a = await createUser("ASN", { opdId: opd.id, name: "Agus Prasetyo" });
  asnANip = a.nip ?? "";
  asnA = actorFor(a);
  asnB = actorFor(await createUser("ASN", { opdId: opd.id, name: "Bambang Wijaya" }));
  supervisor = actorFor(await createUser("SUPERVISOR", { opdId: opd.id }));
  camat = actorFor(
    await createUser("SUPERVISOR", { opdId: camatOffice.id, supervisedRegionCode: "35.10.05" }),
  );

  const b = await createHousehold({ headName: "Budi Santoso", desaCode: "35.10.09.2001", desil: 1 }, 3);
  budi = { id: b.id, kkNumber: b.kkNumber, headNik: b.headNik };
  budiman = (await createHousehold({ headName: "BUDIMAN", desaCode: "35.10.05.2001", desil: 2 })).id;
  siti = (
    await createHousehold({
      headName: "Siti Aminah",
      desaCode: "35.10.05.2002",
      desil: 1,
      category: "MISKIN_EKSTREM",
    })
  ).id;
  await createHousehold({ headName: "Abu Budi", desaCode: "35.10.05.2002", desil: 3, category: "RENTAN" });
  graduated = (await createHousehold({ headName: "Ahmad Lulus", status: "GRADUATED", desil: 4 })).id;
  mover = (await createHousehold({ headName: "Joko Pindah", desaCode: "35.10.09.2002" })).id;
  for (let i = 0; i < BULK; i++)
    await createHousehold(
      {
        headName: `Warga ${String(i).padStart(3, "0")}`,
        desaCode: i % 3 === 0 ? "35.10.05.2001" : "35.10.09.2001",
        desil: (i % 10) + 1,
      },
      1,
    );
  await assign(budi.id, asnA.id, admin.id);
  await assign(budiman, asnB.id, admin.id);
  await assign(mover, asnA.id, admin.id);
  await db.visit.create({
    data: {
      householdId: budi.id,
      asnId: asnA.id,
      periodKey: periodKeyOf(new Date(), "WEEKLY"),
      visitDate: new Date(Date.UTC(2026, 10, 20)),
      delivered: true,
      checklist: {},
      idempotencyKey: newIdempotencyKey(),
    },
  });
});

describe("listRegistryHouseholds", () => {
  it("searches a case-insensitive prefix of the head's name, like the SQL index expression", async () => {
    const page = await listRegistryHouseholds(admin, filters({ name: "bUDi" }));
    expect(page.rows.map((r) => r.headName)).toEqual(["Budi Santoso", "BUDIMAN"]);
    expect(page.total).toBe(await sqlCount(`lower(h.head_name) LIKE 'budi%'`));
    // "Abu Budi" contains the text but does not start with it.
    expect(page.rows.some((r) => r.headName === "Abu Budi")).toBe(false);
  });

  it("treats LIKE wildcards typed by the user as text", async () => {
    expect((await listRegistryHouseholds(admin, filters({ name: "_udi" }))).total).toBe(0);
    expect((await listRegistryHouseholds(admin, filters({ name: "%" }))).total).toBe(0);
  });

  it("finds a No KK, a head's NIK and a member's NIK exactly", async () => {
    const byKk = await listRegistryHouseholds(admin, filters({ identityNumber: budi.kkNumber }));
    expect(byKk.rows.map((r) => r.id)).toEqual([budi.id]);
    const byHeadNik = await listRegistryHouseholds(admin, filters({ identityNumber: budi.headNik }));
    expect(byHeadNik.rows.map((r) => r.id)).toEqual([budi.id]);
    const child = await db.householdMember.findFirstOrThrow({
      where: { householdId: budi.id, relationship: "CHILD" },
    });
    const byMemberNik = await listRegistryHouseholds(admin, filters({ identityNumber: child.nik }));
    expect(byMemberNik.rows.map((r) => r.id)).toEqual([budi.id]);
    const near = `${budi.kkNumber.slice(0, 15)}${(Number(budi.kkNumber.slice(15)) + 1) % 10}`;
    expect((await listRegistryHouseholds(admin, filters({ identityNumber: near }))).total).toBe(0);
  });

  it("filters by kecamatan, desa, desil, category and status with the same totals as SQL", async () => {
    const cases: [Partial<RegistryFilters>, string][] = [
      [{ kecamatanCode: "35.10.05" }, `h.kecamatan_code = '35.10.05'`],
      [{ desaCode: "35.10.05.2002" }, `h.desa_code = '35.10.05.2002'`],
      [{ desil: 1 }, `h.desil = 1`],
      [{ category: "RENTAN" }, `h.category = 'RENTAN'`],
      [{ status: "GRADUATED" }, `h.status = 'GRADUATED'`],
      [{ kecamatanCode: "35.10.09", desil: 2 }, `h.kecamatan_code = '35.10.09' AND h.desil = 2`],
    ];
    for (const [f, where] of cases) {
      const page = await listRegistryHouseholds(admin, filters(f));
      expect(page.total, where).toBe(await sqlCount(where));
      expect(page.total, where).toBeGreaterThan(0);
    }
    const graduatedPage = await listRegistryHouseholds(admin, filters({ status: "GRADUATED" }));
    expect(graduatedPage.rows.map((r) => r.id)).toEqual([graduated]);
  });

  it("filters assigned / unassigned and by the ASN's NIP or name", async () => {
    const active = `EXISTS (SELECT 1 FROM assignment a WHERE a.household_id = h.id AND a.ended_at IS NULL)`;
    expect((await listRegistryHouseholds(admin, filters({ assigned: "ada" }))).total).toBe(
      await sqlCount(active),
    );
    expect((await listRegistryHouseholds(admin, filters({ assigned: "belum" }))).total).toBe(
      await sqlCount(`NOT ${active}`),
    );
    const byNip = await listRegistryHouseholds(admin, filters({ asn: asnANip }));
    expect(byNip.rows.map((r) => r.headName).sort()).toEqual(["Budi Santoso", "Joko Pindah"]);
    const byName = await listRegistryHouseholds(admin, filters({ asn: "bambang" }));
    expect(byName.rows.map((r) => r.id)).toEqual([budiman]);
  });

  it("pages by 50 in name order with a total, masking the No KK", async () => {
    const total = await sqlCount("true");
    const expected = await db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM household ORDER BY lower(head_name) COLLATE "C", id`,
    );
    const seen: string[] = [];
    const pageCount = Math.ceil(total / 50);
    for (let p = 1; p <= pageCount; p++) {
      const page = await listRegistryHouseholds(admin, EMPTY_FILTERS, p);
      expect(page.total).toBe(total);
      expect(page.pageCount).toBe(pageCount);
      expect(page.rows.length).toBe(p < pageCount ? 50 : total - 50 * (pageCount - 1));
      seen.push(...page.rows.map((r) => r.id));
    }
    expect(seen).toEqual(expected.map((r) => r.id));
    const beyond = await listRegistryHouseholds(admin, EMPTY_FILTERS, pageCount + 1);
    expect(beyond.rows).toEqual([]);

    const first = await listRegistryHouseholds(admin, filters({ name: "budi s" }));
    const row = first.rows[0];
    expect(row?.kkMasked).toBe(`${budi.kkNumber.slice(0, 4)}••••••••${budi.kkNumber.slice(12)}`);
    expect(JSON.stringify(first)).not.toMatch(/\d{16}/);
    expect(row?.asnName).toBe("Agus Prasetyo");
    expect(row?.lastVisitDate?.toISOString().slice(0, 10)).toBe("2026-11-20");
    expect(row?.desaName).toBeTruthy();
    expect(row?.kecamatanName).toBeTruthy();
  });
});

describe("every registry function is ADMIN only", () => {
  it("answers NOT_FOUND to ASN, supervisor, camat and leader, and changes nothing", async () => {
    const before = await db.household.findUniqueOrThrow({ where: { id: siti } });
    const auditBefore = await db.auditLog.count();
    const headMember = await db.householdMember.findFirstOrThrow({ where: { householdId: siti } });
    for (const actor of [asnA, asnB, supervisor, camat, leader]) {
      await expectNotFound(listRegistryHouseholds(actor, EMPTY_FILTERS));
      await expectNotFound(getRegistryHousehold(actor, siti));
      await expectNotFound(listHouseholdAuditTrail(actor, siti));
      await expectNotFound(listRegionOptions(actor));
      await expectNotFound(updateHousehold(actor, householdInput(siti, { rt: "9" })));
      await expectNotFound(saveMember(actor, await memberInput(siti, headMember.id, { name: "X" })));
      await expectNotFound(saveMember(actor, await memberInput(siti, null)));
      await expectNotFound(
        changeHouseholdStatus(actor, { householdId: siti, status: "MOVED", reason: "pindah kota" }),
      );
      await expectNotFound(() => sealIdentitySearch(actor, budi.kkNumber));
    }
    expect(await db.household.findUniqueOrThrow({ where: { id: siti } })).toEqual(before);
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it("answers NOT_FOUND to an admin for a malformed or unknown id", async () => {
    await expectNotFound(getRegistryHousehold(admin, "not-a-uuid"));
    await expectNotFound(getRegistryHousehold(admin, "00000000-0000-4000-8000-000000000000"));
    await expectNotFound(
      changeHouseholdStatus(admin, {
        householdId: "00000000-0000-4000-8000-000000000000",
        status: "MOVED",
        reason: "tidak ada",
      }),
    );
  });
});

describe("getRegistryHousehold", () => {
  it("shows the full numbers to an admin and audits each showing without the numbers", async () => {
    const before = (await auditEntries(budi.id, AUDIT_ACTIONS.viewIdentity)).length;
    const household = await getRegistryHousehold(admin, budi.id);
    expect(household.kkNumber).toBe(budi.kkNumber);
    expect(household.headNik).toBe(budi.headNik);
    expect(household.members).toHaveLength(3);
    expect(household.members.every((m) => /^\d{16}$/.test(m.nik))).toBe(true);
    expect(household.currentAssignment?.asnName).toBe("Agus Prasetyo");
    const views = await auditEntries(budi.id, AUDIT_ACTIONS.viewIdentity);
    expect(views).toHaveLength(before + 1);
    expect(views.at(-1)?.actorId).toBe(admin.id);
    expect(JSON.stringify(views.at(-1)?.changes)).not.toMatch(/\d{16}/);
  });
});

describe("updateHousehold", () => {
  it("stores the address and writes one audit entry with old → new of the changed fields only", async () => {
    const before = await db.household.findUniqueOrThrow({ where: { id: siti } });
    await updateHousehold(
      admin,
      householdInput(siti, {
        desaCode: before.desaCode,
        dusun: before.dusun ?? "",
        rt: "7",
        rw: before.rw ?? "",
        street: before.street ?? "",
        latitude: "",
        longitude: "",
        desil: "2",
        category: before.category ?? "",
      }),
    );
    const after = await db.household.findUniqueOrThrow({ where: { id: siti } });
    expect(after.rt).toBe("007");
    expect(after.desil).toBe(2);
    const entries = await auditEntries(siti, AUDIT_ACTIONS.update);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.actorId).toBe(admin.id);
    expect(entries[0]?.changes).toEqual({
      fields: { rt: { from: "001", to: "007" }, desil: { from: 1, to: 2 } },
    });
    const trail = await listHouseholdAuditTrail(admin, siti);
    expect(trail.entries[0]?.changes?.fields?.rt).toEqual({ from: "001", to: "007" });
  });

  it("moves the household to another desa (kecamatan follows) and writes nothing when nothing changed", async () => {
    await updateHousehold(admin, householdInput(siti, { desaCode: "35.10.09.2002" }));
    const moved = await db.household.findUniqueOrThrow({ where: { id: siti } });
    expect(moved.kecamatanCode).toBe("35.10.09");
    const count = (await auditEntries(siti, AUDIT_ACTIONS.update)).length;
    const result = await updateHousehold(admin, householdInput(siti, { desaCode: "35.10.09.2002" }));
    expect(result.changed).toBe(false);
    expect(await auditEntries(siti, AUDIT_ACTIONS.update)).toHaveLength(count);
  });

  it("rejects an unknown desa code with an Indonesian message and stores nothing", async () => {
    const before = await db.household.findUniqueOrThrow({ where: { id: siti } });
    const message = await expectInvalid(
      updateHousehold(admin, householdInput(siti, { desaCode: "35.10.99.2999", rt: "5" })),
      "desaCode",
    );
    expect(message).toMatch(/Desa\/kelurahan tidak dikenal/);
    expect(await db.household.findUniqueOrThrow({ where: { id: siti } })).toEqual(before);
  });
});

describe("saveMember", () => {
  it("edits a member's NIK: audited as 'diubah', never the value; the head's NIK is mirrored", async () => {
    const head = await db.householdMember.findFirstOrThrow({
      where: { householdId: budi.id, relationship: "HEAD" },
    });
    const newNik = fakeNik(head.birthDate, false);
    await saveMember(
      admin,
      await memberInput(budi.id, head.id, { nik: newNik, chronicIllness: "Hipertensi" }),
    );
    expect((await db.householdMember.findUniqueOrThrow({ where: { id: head.id } })).nik).toBe(newNik);
    expect((await db.household.findUniqueOrThrow({ where: { id: budi.id } })).headNik).toBe(newNik);
    const [entry] = await auditEntries(budi.id, AUDIT_ACTIONS.memberUpdate);
    expect(entry?.changes).toEqual({
      member: { id: head.id, name: head.name },
      fields: { nik: "diubah", chronicIllness: { from: null, to: "Hipertensi" }, headNik: "diubah" },
    });
    const everything = JSON.stringify(await db.auditLog.findMany({ select: { changes: true } }));
    expect(everything).not.toContain(newNik);
    expect(everything).not.toContain(head.nik);
    expect(everything).not.toMatch(/\d{16}/);
    budi.headNik = newNik;
  });

  it("adds a member with an audit entry", async () => {
    const input = await memberInput(budi.id, null, { name: "Nur Aini" });
    const { memberId } = await saveMember(admin, input);
    const created = await db.householdMember.findUniqueOrThrow({ where: { id: memberId } });
    expect(created.name).toBe("Nur Aini");
    const [entry] = await auditEntries(budi.id, AUDIT_ACTIONS.memberCreate);
    expect(JSON.stringify(entry?.changes)).toContain('"nik":"diubah"');
    expect(JSON.stringify(entry?.changes)).not.toContain(input.nik);
  });

  it("refuses a NIK that another member holds, with a clear message, and stores nothing", async () => {
    const taken = await db.householdMember.findFirstOrThrow({ where: { householdId: budiman } });
    const target = await db.householdMember.findFirstOrThrow({
      where: { householdId: siti, relationship: "CHILD" },
    });
    const auditBefore = await db.auditLog.count();
    // Keep sex and birth date consistent with the taken NIK so only uniqueness fails.
    const input = await memberInput(siti, target.id, {
      nik: taken.nik,
      sex: taken.sex,
      birthDate: taken.birthDate.toISOString().slice(0, 10),
      name: "Nama Baru",
    });
    const message = await expectInvalid(saveMember(admin, input), "nik");
    expect(message).toMatch(/sudah terdaftar pada anggota keluarga lain/);
    expect(message).not.toMatch(/\d{16}/);
    expect(await db.householdMember.findUniqueOrThrow({ where: { id: target.id } })).toEqual(target);
    expect(await db.auditLog.count()).toBe(auditBefore);
    const added = await memberInput(siti, null, {
      nik: taken.nik,
      sex: taken.sex,
      birthDate: taken.birthDate.toISOString().slice(0, 10),
    });
    await expectInvalid(saveMember(admin, added), "nik");
    expect(await db.householdMember.count({ where: { householdId: siti } })).toBe(2);
  });

  it("refuses a second head of family", async () => {
    const child = await db.householdMember.findFirstOrThrow({
      where: { householdId: siti, relationship: "CHILD" },
    });
    const message = await expectInvalid(
      saveMember(admin, await memberInput(siti, child.id, { relationship: "HEAD" })),
      "relationship",
    );
    expect(message).toMatch(/sudah punya kepala keluarga/);
  });

  it("refuses a member of another household id (NOT_FOUND)", async () => {
    const child = await db.householdMember.findFirstOrThrow({
      where: { householdId: siti, relationship: "CHILD" },
    });
    await expectNotFound(saveMember(admin, await memberInput(budiman, child.id, { name: "Pindah" })));
  });
});

describe("changeHouseholdStatus", () => {
  it("leaving ACTIVE ends the active assignment in the same step, audited; the ASN no longer lists it", async () => {
    expect((await listMyFamilies(asnA)).families.map((f) => f.id)).toContain(mover);
    const result = await changeHouseholdStatus(admin, {
      householdId: mover,
      status: "MOVED",
      reason: "Pindah ke Jember",
    });
    expect(result.endedAssignmentId).not.toBeNull();
    expect((await db.household.findUniqueOrThrow({ where: { id: mover } })).status).toBe("MOVED");
    const assignment = await db.assignment.findUniqueOrThrow({ where: { id: result.endedAssignmentId! } });
    expect(assignment.endedAt).not.toBeNull();
    expect(assignment.endedById).toBe(admin.id);
    expect(assignment.endReason).toBe("Status keluarga: Pindah. Pindah ke Jember");
    expect(await db.assignment.count({ where: { householdId: mover, endedAt: null } })).toBe(0);
    const [entry] = await auditEntries(mover, AUDIT_ACTIONS.statusChange);
    expect(entry?.changes).toEqual({
      fields: { status: { from: "ACTIVE", to: "MOVED" } },
      reason: "Pindah ke Jember",
      endedAssignment: { id: assignment.id, asnName: "Agus Prasetyo" },
    });
    expect((await listMyFamilies(asnA)).families.map((f) => f.id)).not.toContain(mover);
    const detail = await getRegistryHousehold(admin, mover);
    expect(detail.currentAssignment).toBeNull();
    expect(detail.assignmentHistory[0]?.endReason).toMatch(/Pindah ke Jember/);
    expect(detail.assignmentHistory[0]?.endedByName).toBeTruthy();
  });

  it("goes back to ACTIVE without an assignment, and refuses the same status", async () => {
    await changeHouseholdStatus(admin, { householdId: mover, status: "ACTIVE", reason: "Kembali ke desa" });
    expect((await db.household.findUniqueOrThrow({ where: { id: mover } })).status).toBe("ACTIVE");
    expect(await db.assignment.count({ where: { householdId: mover, endedAt: null } })).toBe(0);
    const message = await expectInvalid(
      changeHouseholdStatus(admin, { householdId: mover, status: "ACTIVE", reason: "Masih aktif" }),
      "status",
    );
    expect(message).toMatch(/sudah "Aktif"/);
  });
});

describe("number search seal", () => {
  it("opens only for the same admin, the same token and before expiry", () => {
    const now = new Date("2026-11-29T03:00:00Z");
    const { token, sealed } = sealIdentitySearch(admin, budi.kkNumber, now);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(sealed).not.toContain(budi.kkNumber);
    expect(openIdentitySearch(admin, sealed, token, now)).toBe(budi.kkNumber);
    expect(openIdentitySearch(admin, sealed, "A".repeat(22), now)).toBeNull();
    expect(openIdentitySearch(otherAdmin, sealed, token, now)).toBeNull();
    expect(openIdentitySearch(asnA, sealed, token, now)).toBeNull();
    expect(openIdentitySearch(admin, sealed, token, new Date(now.getTime() + 16 * 60 * 1000))).toBeNull();
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith("AA") ? "BB" : "AA"}`;
    expect(openIdentitySearch(admin, tampered, token, now)).toBeNull();
    expect(openIdentitySearch(admin, undefined, token, now)).toBeNull();
  });
});
