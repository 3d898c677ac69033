import { verify } from "@node-rs/argon2";
import { beforeAll, describe, expect, it } from "vitest";
import { changeOwnPassword } from "@/server/account";
import { db } from "@/server/db";
import { isAppError } from "@/server/errors";
import {
  createAsn,
  deactivateAsn,
  getAsn,
  getRosterOptions,
  listRoster,
  reactivateAsn,
  resetAsnPassword,
  transferAsn,
  updateAsn,
} from "@/server/roster";
import type { Actor } from "@/lib/permissions";
import { asnCreateSchema, asnUpdateSchema, rosterFilterSchema } from "@/schemas/roster";
import {
  actorFor,
  assign,
  createHousehold,
  createOpd,
  createUser,
  resetDatabase,
} from "../support/factories";

let admin: Actor;
let others: Actor[];
let opdId: number;
let otherOpdId: number;

const PPPK_ID = "202301012023211001"; // not a valid PNS NIP (digit 15 is 1 but TMT month 21): PPPK
const TEMP = "Sementara-2026!";

function createForm(overrides: Record<string, string> = {}) {
  return {
    nip: "199001152015031002",
    name: "Budi Santoso, S.T.",
    opdId: String(opdId),
    position: "Penata Kelola",
    phone: "0812-3456-7890",
    quota: "",
    workKecamatanCode: "35.10.09",
    homeKecamatanCode: "35.10.13",
    temporaryPassword: TEMP,
    ...overrides,
  };
}

async function expectCode(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error) ? error.code : error).toBe(code);
  return error as { fieldErrors?: Record<string, string[]>; message: string };
}

beforeAll(async () => {
  await resetDatabase();
  opdId = (await createOpd()).id;
  otherOpdId = (await createOpd()).id;
  admin = actorFor(await createUser("ADMIN"));
  others = [
    actorFor(await createUser("ASN", { opdId })),
    actorFor(await createUser("SUPERVISOR", { opdId })),
    actorFor(await createUser("LEADER")),
  ];
});

describe("roster schemas", () => {
  it("rejects a bad NIP, accepts a PPPK number, rejects a negative quota and a bad phone", () => {
    const bad = asnCreateSchema.safeParse(createForm({ nip: "12345" }));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/NIP\/NI PPPK harus 18 digit/);
    const pppk = asnCreateSchema.safeParse(createForm({ nip: PPPK_ID }));
    expect(pppk.success && pppk.data.nip).toEqual({ id: PPPK_ID, employmentType: "PPPK" });
    const pns = asnCreateSchema.safeParse(createForm());
    expect(pns.success && pns.data.nip.employmentType).toBe("PNS");
    expect(pns.success && pns.data.phone).toBe("081234567890");
    const negative = asnUpdateSchema.safeParse(createForm({ quota: "-1" }));
    expect(negative.error?.issues.map((i) => i.message)).toContain("Kuota tidak boleh kurang dari 0.");
    const phone = asnUpdateSchema.safeParse(createForm({ phone: "021-555-1234" }));
    expect(phone.error?.issues[0]?.message).toMatch(/nomor seluler Indonesia/);
  });

  it("applies the password policy to the temporary password, NIP included", () => {
    const messages = (password: string) =>
      asnCreateSchema
        .safeParse(createForm({ temporaryPassword: password }))
        .error?.issues.map((i) => i.message) ?? [];
    expect(messages("pendek")).toContain("Kata sandi minimal 10 karakter.");
    expect(messages("berbagi-demo")).toContain("Kata sandi demo tidak boleh dipakai. Pilih kata sandi lain.");
    expect(messages("x199001152015031002")).toContain("Kata sandi tidak boleh memuat NIP/NI PPPK.");
    expect(messages("12345678901")).toContain("Kata sandi tidak boleh hanya berisi angka. Tambahkan huruf.");
    expect(messages(TEMP)).toEqual([]);
  });
});

describe("createAsn / updateAsn", () => {
  let createdId: string;

  it("creates a PNS with the default quota and a temporary password that must be changed", async () => {
    const input = asnCreateSchema.parse(createForm());
    const { id } = await createAsn(admin, input);
    createdId = id;
    const user = await db.user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({
      role: "ASN",
      nip: "199001152015031002",
      employmentType: "PNS",
      quota: 5,
      mustChangePassword: true,
      phone: "081234567890",
      workKecamatanCode: "35.10.09",
    });
    expect(await verify(user.passwordHash, TEMP)).toBe(true);
    expect(await db.auditLog.count({ where: { action: "asn.create", entityId: id } })).toBe(1);
  });

  it("creates a PPPK; a taken NIP is a field error", async () => {
    const { id } = await createAsn(admin, asnCreateSchema.parse(createForm({ nip: PPPK_ID, quota: "3" })));
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({
      employmentType: "PPPK",
      quota: 3,
    });
    const error = await expectCode(
      createAsn(admin, asnCreateSchema.parse(createForm({ nip: PPPK_ID }))),
      "CONFLICT",
    );
    expect(error.fieldErrors?.nip?.[0]).toMatch(/sudah terdaftar/);
  });

  it("rejects an unknown OPD or kecamatan and writes nothing", async () => {
    const before = await db.user.count();
    const error = await expectCode(
      createAsn(admin, asnCreateSchema.parse(createForm({ nip: "198001012005011003", opdId: "999999" }))),
      "INVALID_INPUT",
    );
    expect(error.fieldErrors?.opdId?.[0]).toMatch(/OPD tidak dikenal/);
    await expectCode(
      createAsn(
        admin,
        asnCreateSchema.parse(createForm({ nip: "198001012005011003", workKecamatanCode: "35.10.99" })),
      ),
      "INVALID_INPUT",
    );
    expect(await db.user.count()).toBe(before);
  });

  it("edits data; a changed OPD is reported as a mutasi with the families still fostered", async () => {
    const family = await createHousehold();
    await assign(family.id, createdId);
    const result = await updateAsn(
      admin,
      createdId,
      asnUpdateSchema.parse({ ...createForm(), opdId: String(otherOpdId), quota: "4", name: "Budi S." }),
    );
    expect(result).toEqual({ opdChanged: true, activeFamilies: 1 });
    const detail = await getAsn(admin, createdId);
    expect(detail).toMatchObject({ name: "Budi S.", opdId: otherOpdId, effectiveQuota: 4 });
    expect(detail.families.map((f) => f.householdId)).toEqual([family.id]);
  });

  it("lists with search by name or NIP prefix, OPD and status filters, 50 per page", async () => {
    for (let i = 0; i < 52; i++)
      await createUser("ASN", { opdId, name: `Zulkifli ${String(i).padStart(2, "0")}` });
    const page1 = await listRoster(admin, rosterFilterSchema.parse({ q: "zulkifli" }));
    expect(page1).toMatchObject({ total: 52, pageCount: 2, page: 1 });
    expect(page1.rows).toHaveLength(50);
    const page2 = await listRoster(admin, rosterFilterSchema.parse({ q: "zulkifli", halaman: "2" }));
    expect(page2.rows.map((r) => r.name)).toEqual(["Zulkifli 50", "Zulkifli 51"]);
    const byNip = await listRoster(admin, rosterFilterSchema.parse({ q: "19900115 2015" }));
    expect(byNip.rows.map((r) => r.id)).toEqual([createdId]);
    expect(byNip.rows[0]).toMatchObject({ activeFamilies: 1, quota: 4, employmentType: "PNS" });
    const byOpd = await listRoster(admin, rosterFilterSchema.parse({ opd: String(otherOpdId) }));
    expect(byOpd.rows.map((r) => r.id)).toEqual([createdId]);
    const inactive = await listRoster(admin, rosterFilterSchema.parse({ status: "nonaktif" }));
    expect(inactive.total).toBe(0);
  });
});

describe("passwords", () => {
  it("a reset sets mustChangePassword and bumps the token version (sessions end)", async () => {
    const asn = await createUser("ASN", { opdId });
    await resetAsnPassword(admin, asn.id, "Baru-Sementara-9");
    const after = await db.user.findUniqueOrThrow({ where: { id: asn.id } });
    expect(after.mustChangePassword).toBe(true);
    expect(after.tokenVersion).toBe(asn.tokenVersion + 1);
    const error = await expectCode(resetAsnPassword(admin, asn.id, asn.nip!), "INVALID_INPUT");
    expect(error.fieldErrors?.temporaryPassword).toContain("Kata sandi tidak boleh memuat NIP/NI PPPK.");
  });

  it("changing one's own password checks the current one and the policy, then clears the flag", async () => {
    const asn = await createUser("ASN", { opdId });
    await resetAsnPassword(admin, asn.id, "Baru-Sementara-9");
    const me = actorFor(asn);
    const wrong = await expectCode(
      changeOwnPassword(me, { currentPassword: "salah-sekali", newPassword: "Kopi-Pagi-2026" }),
      "INVALID_INPUT",
    );
    expect(wrong.fieldErrors?.currentPassword).toEqual(["Kata sandi saat ini salah."]);
    const weak = await expectCode(
      changeOwnPassword(me, { currentPassword: "Baru-Sementara-9", newPassword: "1234567890" }),
      "INVALID_INPUT",
    );
    expect(weak.fieldErrors?.newPassword).toContain(
      "Kata sandi tidak boleh hanya berisi angka. Tambahkan huruf.",
    );
    const before = await db.user.findUniqueOrThrow({ where: { id: asn.id } });
    await changeOwnPassword(me, { currentPassword: "Baru-Sementara-9", newPassword: "Kopi-Pagi-2026" });
    const after = await db.user.findUniqueOrThrow({ where: { id: asn.id } });
    expect(after.mustChangePassword).toBe(false);
    expect(after.tokenVersion).toBe(before.tokenVersion + 1);
    expect(await verify(after.passwordHash, "Kopi-Pagi-2026")).toBe(true);
  });
});

describe("deactivate / reactivate / transfer", () => {
  it("deactivation of an ASN with families requires a target, then moves them all", async () => {
    const asn = await createUser("ASN", { opdId });
    const target = await createUser("ASN", { opdId, quota: 5 });
    const families = [await createHousehold(), await createHousehold()];
    for (const f of families) await assign(f.id, asn.id);
    const error = await expectCode(
      deactivateAsn(admin, asn.id, { reason: "Pensiun", moveToNip: null, allowOverQuota: false }),
      "INVALID_INPUT",
    );
    expect(error.message).toBe(
      "ASN ini masih mengasuh 2 keluarga. Pilih ASN tujuan untuk memindahkan mereka.",
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: asn.id } })).isActive).toBe(true);

    const result = await deactivateAsn(admin, asn.id, {
      reason: "Pensiun",
      moveToNip: target.nip,
      allowOverQuota: false,
    });
    expect(result.moved?.moved).toBe(2);
    const after = await db.user.findUniqueOrThrow({ where: { id: asn.id } });
    expect(after).toMatchObject({ isActive: false, tokenVersion: asn.tokenVersion + 1 });
    const old = await db.assignment.findMany({ where: { asnId: asn.id } });
    expect(
      old.every((a) => a.endedAt && a.endReason === "Nonaktif: Pensiun" && a.endedById === admin.id),
    ).toBe(true);
    expect(await db.assignment.count({ where: { asnId: target.id, endedAt: null } })).toBe(2);

    await reactivateAsn(admin, asn.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: asn.id } })).isActive).toBe(true);
    await expectCode(reactivateAsn(admin, asn.id), "CONFLICT");
  });

  it("mutasi changes the OPD and can move the families with reason Mutasi", async () => {
    const asn = await createUser("ASN", { opdId });
    const target = await createUser("ASN", { opdId, quota: 5 });
    const family = await createHousehold();
    await assign(family.id, asn.id);
    const result = await transferAsn(admin, asn.id, {
      opdId: otherOpdId,
      moveToNip: target.nip,
      allowOverQuota: false,
    });
    expect(result.moved?.moved).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: asn.id } })).opdId).toBe(otherOpdId);
    const ended = await db.assignment.findFirstOrThrow({ where: { asnId: asn.id } });
    expect(ended.endReason).toBe("Mutasi");
    expect(await db.auditLog.count({ where: { action: "asn.transfer", entityId: asn.id } })).toBe(1);
  });
});

describe("every roster function × non-admin role → NOT_FOUND", () => {
  it("refuses ASN, supervisors and leaders", async () => {
    const asn = await createUser("ASN", { opdId });
    const filter = rosterFilterSchema.parse({});
    const input = asnCreateSchema.parse(createForm({ nip: "198001012005011009" }));
    for (const actor of others) {
      await expectCode(listRoster(actor, filter), "NOT_FOUND");
      await expectCode(getRosterOptions(actor), "NOT_FOUND");
      await expectCode(getAsn(actor, asn.id), "NOT_FOUND");
      await expectCode(createAsn(actor, input), "NOT_FOUND");
      await expectCode(updateAsn(actor, asn.id, input), "NOT_FOUND");
      await expectCode(resetAsnPassword(actor, asn.id, TEMP), "NOT_FOUND");
      await expectCode(
        deactivateAsn(actor, asn.id, { reason: "x", moveToNip: null, allowOverQuota: false }),
        "NOT_FOUND",
      );
      await expectCode(reactivateAsn(actor, asn.id), "NOT_FOUND");
      await expectCode(
        transferAsn(actor, asn.id, { opdId, moveToNip: null, allowOverQuota: false }),
        "NOT_FOUND",
      );
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: asn.id } })).isActive).toBe(true);
  });
});
