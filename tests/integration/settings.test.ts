import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import {
  getMenuRotation,
  getProgrammeSettings,
  getSettingsPage,
  replaceMenuRotation,
  updateProgrammeSettings,
  upsertPovertyFigure,
} from "@/server/settings";
import type { Actor } from "@/lib/permissions";
import { menuRotationSchema, povertyFigureSchema, programmeSettingsSchema } from "@/schemas/settings";
import { actorFor, createOpd, createUser, resetDatabase } from "../support/factories";

let admin: Actor;
let others: Actor[];
let savedSettings: Awaited<ReturnType<typeof db.programmeSettings.findUniqueOrThrow>>;
let savedMenu: Awaited<ReturnType<typeof db.menuItem.findMany>>;
let savedFigures: Awaited<ReturnType<typeof db.povertyFigure.findMany>>;

beforeAll(async () => {
  await resetDatabase();
  savedSettings = await db.programmeSettings.findUniqueOrThrow({ where: { id: 1 } });
  savedMenu = await db.menuItem.findMany();
  savedFigures = await db.povertyFigure.findMany();
  admin = actorFor(await createUser("ADMIN"));
  const opd = await createOpd();
  others = [
    actorFor(await createUser("SUPERVISOR", { opdId: opd.id })),
    actorFor(await createUser("LEADER")),
    actorFor(await createUser("ASN", { opdId: opd.id })),
  ];
});

// Reference data outlives this file: put it back as it was.
afterAll(async () => {
  const settings = {
    cadence: savedSettings.cadence,
    lateReportLimitDays: savedSettings.lateReportLimitDays,
    defaultQuota: savedSettings.defaultQuota,
    localAidProgrammes: savedSettings.localAidProgrammes,
    gpsFlagDistanceMeters: savedSettings.gpsFlagDistanceMeters,
    povertyTargetPercent: savedSettings.povertyTargetPercent,
  };
  await db.$transaction([
    db.programmeSettings.update({ where: { id: 1 }, data: { ...settings, updatedById: null } }),
    db.menuItem.deleteMany({}),
    db.menuItem.createMany({ data: savedMenu }),
    db.povertyFigure.deleteMany({}),
    db.povertyFigure.createMany({ data: savedFigures.map((f) => ({ ...f, updatedById: null })) }),
  ]);
});

const validForm = {
  cadence: "WEEKLY",
  lateReportLimitDays: "10",
  defaultQuota: "6",
  gpsFlagDistanceMeters: "750",
  povertyTargetPercent: "5,5",
  localAidProgrammes: "Rantang Kasih\n\n  Warung Naik Kelas  \n",
};

describe("updateProgrammeSettings", () => {
  it("saves, audits old → new, and the read helpers see it", async () => {
    const before = await getProgrammeSettings();
    const changed = await updateProgrammeSettings(admin, programmeSettingsSchema.parse(validForm));
    expect(changed).toBe(true);
    const after = await getProgrammeSettings();
    expect(after).toMatchObject({ lateReportLimitDays: 10, defaultQuota: 6, gpsFlagDistanceMeters: 750 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "settings.update" } });
    expect(audit.actorId).toBe(admin.id);
    expect(audit.changes).toMatchObject({
      lateReportLimitDays: { from: before.lateReportLimitDays, to: 10 },
      povertyTargetPercent: { to: 5.5 },
    });
    const page = await getSettingsPage(admin);
    expect(page.settings).toMatchObject({ povertyTargetPercent: 5.5, updatedByName: admin.name });
  });

  it("writes no audit entry when nothing changed", async () => {
    const count = await db.auditLog.count();
    expect(await updateProgrammeSettings(admin, programmeSettingsSchema.parse(validForm))).toBe(false);
    expect(await db.auditLog.count()).toBe(count);
  });
});

describe("replaceMenuRotation", () => {
  it("replaces the whole list in order, audited", async () => {
    const items = menuRotationSchema.parse([
      { name: "Ayam", unit: "ekor", defaultQuantity: "1", defaultValueRupiah: "45.000" },
      { name: "Telur", unit: "kg", defaultQuantity: "1", defaultValueRupiah: "28.000" },
    ]);
    expect(await replaceMenuRotation(admin, items)).toBe(true);
    expect((await getMenuRotation()).map((m) => [m.position, m.name])).toEqual([
      [1, "Ayam"],
      [2, "Telur"],
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "menu.replace" } });
    expect((audit.changes as { to: unknown[] }).to).toHaveLength(2);
  });
});

describe("upsertPovertyFigure", () => {
  it("adds a year, then corrects it with old → new in the audit", async () => {
    const input = povertyFigureSchema.parse({
      year: "2030",
      percentPoor: "5,10",
      poorPeople: "90.000",
      source: "BPS Kabupaten Banyuwangi",
      status: "bps-official",
    });
    expect(await upsertPovertyFigure(admin, input)).toEqual({ created: true, changed: true });
    expect(await upsertPovertyFigure(admin, { ...input, percentPoor: 5.05 })).toEqual({
      created: false,
      changed: true,
    });
    expect(await upsertPovertyFigure(admin, { ...input, percentPoor: 5.05 })).toEqual({
      created: false,
      changed: false,
    });
    const row = await db.povertyFigure.findUniqueOrThrow({ where: { year: 2030 } });
    expect(Number(row.percentPoor)).toBe(5.05);
    expect(row.poorPeople).toBe(90000);
    const audits = await db.auditLog.findMany({
      where: { entityType: "poverty_figure", entityId: "2030" },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual(["poverty_figure.create", "poverty_figure.update"]);
    expect(audits[1]!.changes).toEqual({ percentPoor: { from: 5.1, to: 5.05 } });
  });
});

describe("authorization", () => {
  it("is NOT_FOUND for every role but ADMIN, and nothing changes", async () => {
    const settings = programmeSettingsSchema.parse({ ...validForm, lateReportLimitDays: "3" });
    const menu = menuRotationSchema.parse([
      { name: "X", unit: "kg", defaultQuantity: "1", defaultValueRupiah: "1" },
    ]);
    const figure = povertyFigureSchema.parse({
      year: "2031",
      percentPoor: "1",
      source: "Uji coba",
      status: "bappeda",
    });
    for (const actor of others) {
      await expect(getSettingsPage(actor)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(updateProgrammeSettings(actor, settings)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(replaceMenuRotation(actor, menu)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(upsertPovertyFigure(actor, figure)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await getProgrammeSettings()).lateReportLimitDays).toBe(10);
    expect(await db.povertyFigure.findUnique({ where: { year: 2031 } })).toBeNull();
  });
});
