import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import {
  changeFollowUpStatus,
  changeFollowUpTargetOpd,
  getFollowUp,
  getFollowUpBoardOptions,
  listFollowUpBoard,
} from "@/server/follow-ups";
import type { Actor } from "@/lib/permissions";
import { periodKeyOf } from "@/lib/period";
import { followUpStatusChangeSchema, followUpTargetChangeSchema } from "@/schemas/follow-up";
import {
  actorFor,
  assign,
  createFollowUp,
  createHousehold,
  createOpd,
  createUser,
  createVisit,
  resetDatabase,
} from "../support/factories";

let admin: Actor;
let leader: Actor;
let asn: Actor;
let supervisorA: Actor;
let supervisorB: Actor;
let opdA: number;
let opdB: number;
let fuA = "";
let fuB = "";
let fuA2 = "";
let householdId = "";
let memberName = "";

beforeAll(async () => {
  await resetDatabase();
  opdA = (await createOpd()).id;
  opdB = (await createOpd()).id;
  admin = actorFor(await createUser("ADMIN", { name: "Admin Uji" }));
  leader = actorFor(await createUser("LEADER"));
  supervisorA = actorFor(await createUser("SUPERVISOR", { opdId: opdA, name: "Kepala A" }));
  supervisorB = actorFor(await createUser("SUPERVISOR", { opdId: opdB }));
  const asnUser = await createUser("ASN", { opdId: opdB, name: "Penulis Laporan" });
  asn = actorFor(asnUser);
  const household = await createHousehold({}, 2);
  householdId = household.id;
  await assign(household.id, asnUser.id);
  const member = await db.householdMember.findFirstOrThrow({
    where: { householdId: household.id, relationship: "CHILD" },
  });
  memberName = member.name;
  const visit = await createVisit(household.id, asnUser.id, periodKeyOf(new Date(), "WEEKLY"), {
    checklist: {
      version: 1,
      livingAlone: { anyoneAlone: false, hasCaregiver: null },
      members: [
        {
          memberId: member.id,
          presence: "PRESENT",
          health: "HEALTHY",
          chronicDisease: null,
          disability: null,
          jkn: "PBI",
          school: "DROPPED_OUT",
        },
      ],
      aid: [],
      house: null,
      changes: { familyMoved: false, familyNotFound: false, newMember: false },
      notes: null,
    },
    items: { create: [{ name: "Telur", quantity: 1, unit: "kg", valueRupiah: 28000 }] },
  });
  fuA = (await createFollowUp(household.id, opdA, { memberId: member.id, raisedByVisitId: visit.id })).id;
  fuB = (await createFollowUp(household.id, opdB, { type: "UNLIVABLE_HOUSE" })).id;
  const other = await createHousehold({ desaCode: "35.10.05.2001" });
  fuA2 = (await createFollowUp(other.id, opdA, { type: "NO_ROUTINE_AID", status: "IN_PROGRESS" })).id;
});

describe("listFollowUpBoard", () => {
  it("shows admins everything, newest first, with filters", async () => {
    const all = await listFollowUpBoard(admin);
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.id)).toEqual([fuA2, fuB, fuA]);
    expect((await listFollowUpBoard(admin, { targetOpdId: opdB })).rows.map((r) => r.id)).toEqual([fuB]);
    expect((await listFollowUpBoard(admin, { type: "NO_ROUTINE_AID" })).rows.map((r) => r.id)).toEqual([
      fuA2,
    ]);
    expect((await listFollowUpBoard(admin, { status: "IN_PROGRESS" })).rows.map((r) => r.id)).toEqual([fuA2]);
    expect((await listFollowUpBoard(admin, { kecamatanCode: "35.10.05" })).rows.map((r) => r.id)).toEqual([
      fuA2,
    ]);
    expect((await listFollowUpBoard(admin, { status: "AKTIF", page: 2 })).rows).toEqual([]);
  });

  it("shows a supervisor only their OPD's follow-ups, whatever OPD filter they send", async () => {
    const a = await listFollowUpBoard(supervisorA, { targetOpdId: opdB });
    expect(a.rows.map((r) => r.id).sort()).toEqual([fuA, fuA2].sort());
    expect(JSON.stringify(a)).not.toMatch(/"(kkNumber|headNik|nik)"/);
  });

  it.each(["ASN", "LEADER"] as const)("is NOT_FOUND for %s", async (role) => {
    const actor = role === "ASN" ? asn : leader;
    await expect(listFollowUpBoard(actor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getFollowUpBoardOptions(actor)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getFollowUp(actor, fuA)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("getFollowUp", () => {
  it("shows the family, member, raising visit with relevant answers and history, without NIK/KK", async () => {
    const detail = await getFollowUp(supervisorA, fuA);
    expect(detail.member).toMatchObject({ name: memberName });
    expect(detail.member!.age).toBeGreaterThanOrEqual(13);
    expect(detail.raisedBy).toMatchObject({ asnName: "Penulis Laporan", photoUrl: null });
    expect(detail.raisedBy!.items).toEqual([{ name: "Telur", quantity: 1, unit: "kg", valueRupiah: 28000 }]);
    expect(detail.raisedBy!.answers).toEqual([{ label: "Status sekolah", value: "Putus sekolah" }]);
    expect(detail.history).toHaveLength(1);
    expect(detail.allowedStatuses).toEqual(["IN_PROGRESS", "RESOLVED", "REJECTED"]);
    const h = await db.household.findUniqueOrThrow({ where: { id: householdId } });
    expect(JSON.stringify(detail)).not.toContain(h.kkNumber);
    expect(JSON.stringify(detail)).not.toContain(h.headNik);
  });

  it("is NOT_FOUND for another OPD's follow-up and for a malformed id", async () => {
    await expect(getFollowUp(supervisorA, fuB)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getFollowUp(admin, "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("changeFollowUpStatus", () => {
  it("requires a note (zod, Indonesian)", () => {
    const parsed = followUpStatusChangeSchema.safeParse({
      followUpId: fuA,
      toStatus: "IN_PROGRESS",
      note: " ",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toMatch(/Catatan wajib diisi/);
    expect(
      followUpTargetChangeSchema.safeParse({ followUpId: fuA, targetOpdId: "", note: "ok ok" }).success,
    ).toBe(false);
  });

  it("moves OPEN → IN_PROGRESS → RESOLVED → OPEN with events, resolvedAt and audit", async () => {
    await changeFollowUpStatus(supervisorA, {
      followUpId: fuA,
      toStatus: "IN_PROGRESS",
      note: "Sudah dikunjungi sekolah.",
    });
    await changeFollowUpStatus(supervisorA, {
      followUpId: fuA,
      toStatus: "RESOLVED",
      note: "Anak kembali sekolah.",
    });
    let row = await db.followUp.findUniqueOrThrow({ where: { id: fuA } });
    expect(row.status).toBe("RESOLVED");
    expect(row.resolvedAt).not.toBeNull();
    await changeFollowUpStatus(admin, {
      followUpId: fuA,
      toStatus: "OPEN",
      note: "Dibuka kembali: belum hadir.",
    });
    row = await db.followUp.findUniqueOrThrow({ where: { id: fuA } });
    expect(row).toMatchObject({ status: "OPEN", resolvedAt: null });
    const events = await db.followUpEvent.findMany({
      where: { followUpId: fuA },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.note])).toEqual([
      [null, "OPEN", "Dibuat otomatis (uji)."],
      ["OPEN", "IN_PROGRESS", "Sudah dikunjungi sekolah."],
      ["IN_PROGRESS", "RESOLVED", "Anak kembali sekolah."],
      ["RESOLVED", "OPEN", "Dibuka kembali: belum hadir."],
    ]);
    expect(events[1]!.actorId).toBe(supervisorA.id);
    const audits = await db.auditLog.count({
      where: { entityType: "follow_up", entityId: fuA, action: "follow_up.status" },
    });
    expect(audits).toBe(3);
    const detail = await getFollowUp(admin, fuA);
    expect(detail.history.map((h) => h.actorName)).toEqual([null, "Kepala A", "Kepala A", "Admin Uji"]);
  });

  it("refuses a transition that is not allowed", async () => {
    await changeFollowUpStatus(admin, { followUpId: fuB, toStatus: "REJECTED", note: "Bukan kewenangan." });
    await expect(
      changeFollowUpStatus(admin, { followUpId: fuB, toStatus: "RESOLVED", note: "Coba selesai." }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("refuses to reopen when a newer open follow-up of the same type exists", async () => {
    await createFollowUp(householdId, opdB, { type: "UNLIVABLE_HOUSE" });
    await expect(
      changeFollowUpStatus(admin, { followUpId: fuB, toStatus: "OPEN", note: "Buka lagi." }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db.followUp.findUniqueOrThrow({ where: { id: fuB } })).status).toBe("REJECTED");
  });

  it("is NOT_FOUND for another OPD's follow-up, and nothing changes", async () => {
    const before = await db.followUp.findUniqueOrThrow({ where: { id: fuA } });
    const eventsBefore = await db.followUpEvent.count({ where: { followUpId: fuA } });
    await expect(
      changeFollowUpStatus(supervisorB, {
        followUpId: fuA,
        toStatus: "IN_PROGRESS",
        note: "Bukan milik saya.",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.followUp.findUniqueOrThrow({ where: { id: fuA } })).toEqual(before);
    expect(await db.followUpEvent.count({ where: { followUpId: fuA } })).toBe(eventsBefore);
  });

  it.each(["ASN", "LEADER"] as const)("is NOT_FOUND for %s", async (role) => {
    await expect(
      changeFollowUpStatus(role === "ASN" ? asn : leader, {
        followUpId: fuA,
        toStatus: "IN_PROGRESS",
        note: "Tidak boleh.",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("changeFollowUpTargetOpd", () => {
  it("lets an admin route a follow-up to another OPD with an event and audit", async () => {
    await changeFollowUpTargetOpd(admin, { followUpId: fuA2, targetOpdId: opdB, note: "Salah alamat OPD." });
    const row = await db.followUp.findUniqueOrThrow({ where: { id: fuA2 } });
    expect(row.targetOpdId).toBe(opdB);
    const event = await db.followUpEvent.findFirstOrThrow({ where: { followUpId: fuA2, fromOpdId: opdA } });
    expect(event).toMatchObject({ toOpdId: opdB, fromStatus: "IN_PROGRESS", toStatus: "IN_PROGRESS" });
    expect(await db.auditLog.count({ where: { action: "follow_up.target_opd", entityId: fuA2 } })).toBe(1);
    // Supervisor A no longer sees it; supervisor B does.
    await expect(getFollowUp(supervisorA, fuA2)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getFollowUp(supervisorB, fuA2)).targetOpd.id).toBe(opdB);
  });

  it("rejects an unknown or unchanged OPD", async () => {
    await expect(
      changeFollowUpTargetOpd(admin, { followUpId: fuA2, targetOpdId: opdB, note: "Sama saja." }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      changeFollowUpTargetOpd(admin, { followUpId: fuA2, targetOpdId: 999_999, note: "Tidak ada." }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it.each(["SUPERVISOR", "ASN", "LEADER"] as const)(
    "is admin-only: NOT_FOUND for %s, nothing changes",
    async (role) => {
      const actor = { SUPERVISOR: supervisorB, ASN: asn, LEADER: leader }[role];
      await expect(
        changeFollowUpTargetOpd(actor, { followUpId: fuA2, targetOpdId: opdA, note: "Pindahkan." }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await db.followUp.findUniqueOrThrow({ where: { id: fuA2 } })).targetOpdId).toBe(opdB);
    },
  );
});
