import "server-only";
import { cache } from "react";
import { Prisma } from "@/generated/prisma/client";
import type { MenuRotationItem } from "@/lib/menu";
import type { Actor } from "@/lib/permissions";
import type { Cadence } from "@/lib/period";
import type { MenuRotationInput, PovertyFigureInput, ProgrammeSettingsInput } from "@/schemas/settings";
import { recordAudit } from "./audit";
import { notFound } from "./errors";
import { db } from "./db";

export type ProgrammeSettingsDto = {
  cadence: Cadence;
  lateReportLimitDays: number;
  defaultQuota: number;
  localAidProgrammes: string[];
  gpsFlagDistanceMeters: number;
};

const DEFAULTS: ProgrammeSettingsDto = {
  cadence: "WEEKLY",
  lateReportLimitDays: 7,
  defaultQuota: 5,
  localAidProgrammes: [],
  gpsFlagDistanceMeters: 500,
};

/**
 * The settings as one JSON value (a scalar subquery), so a statement that needs them along with
 * other data (the visit submission's one read) fetches them in the same round trip. Read it back
 * with programmeSettingsFrom().
 */
export const programmeSettingsJsonSql = Prisma.sql`(
  SELECT json_build_object(
           'cadence', s.cadence,
           'lateReportLimitDays', s.late_report_limit_days,
           'defaultQuota', s.default_quota,
           'localAidProgrammes', coalesce(s.local_aid_programmes, '{}'),
           'gpsFlagDistanceMeters', s.gps_flag_distance_meters)
    FROM programme_settings s WHERE s.id = 1)`;

/** The DTO from programmeSettingsJsonSql's value (the defaults before the row exists). */
export function programmeSettingsFrom(json: ProgrammeSettingsDto | null): ProgrammeSettingsDto {
  return json ?? DEFAULTS;
}

/** Programme settings are not personal data: every signed-in role may read them. */
export const getProgrammeSettings = cache(async (): Promise<ProgrammeSettingsDto> => {
  const [row] = await db.$queryRaw<[{ settings: ProgrammeSettingsDto | null }]>`
    SELECT ${programmeSettingsJsonSql} AS settings`;
  return programmeSettingsFrom(row.settings);
});

/** The menu rotation (not personal data). */
export const getMenuRotation = cache(async (): Promise<MenuRotationItem[]> => {
  const rows = await db.menuItem.findMany({ orderBy: { position: "asc" } });
  return rows.map((r) => ({
    position: r.position,
    name: r.name,
    unit: r.unit,
    defaultQuantity: Number(r.defaultQuantity),
    defaultValueRupiah: r.defaultValueRupiah,
  }));
});

// ---------------------------------------------------------------------------------------------
// Administration (/admin/pengaturan): ADMIN only, every change audited with old → new.

export type AdminProgrammeSettings = ProgrammeSettingsDto & {
  povertyTargetPercent: number | null;
  updatedAt: Date | null;
  updatedByName: string | null;
};

export type PovertyFigureDto = {
  year: number;
  percentPoor: number;
  poorPeople: number | null;
  source: string;
  status: string;
  updatedAt: Date;
};

export type SettingsPage = {
  settings: AdminProgrammeSettings;
  menu: MenuRotationItem[];
  povertyFigures: PovertyFigureDto[];
};

function requireAdmin(actor: Actor): void {
  if (actor.role !== "ADMIN") throw notFound();
}

const adminSettingsSelect = {
  cadence: true,
  lateReportLimitDays: true,
  defaultQuota: true,
  localAidProgrammes: true,
  gpsFlagDistanceMeters: true,
  povertyTargetPercent: true,
  updatedAt: true,
  updatedBy: { select: { name: true } },
} satisfies Prisma.ProgrammeSettingsSelect;

type AdminSettingsRow = Prisma.ProgrammeSettingsGetPayload<{ select: typeof adminSettingsSelect }>;

function toAdminSettings(row: AdminSettingsRow | null): AdminProgrammeSettings {
  if (!row) return { ...DEFAULTS, povertyTargetPercent: null, updatedAt: null, updatedByName: null };
  return {
    cadence: row.cadence,
    lateReportLimitDays: row.lateReportLimitDays,
    defaultQuota: row.defaultQuota,
    localAidProgrammes: row.localAidProgrammes,
    gpsFlagDistanceMeters: row.gpsFlagDistanceMeters,
    povertyTargetPercent: row.povertyTargetPercent === null ? null : Number(row.povertyTargetPercent),
    updatedAt: row.updatedAt,
    updatedByName: row.updatedBy?.name ?? null,
  };
}

/** Everything the settings page shows, read fresh (not the per-request cache). */
export async function getSettingsPage(actor: Actor): Promise<SettingsPage> {
  requireAdmin(actor);
  const [row, menu, figures] = await Promise.all([
    db.programmeSettings.findUnique({ where: { id: 1 }, select: adminSettingsSelect }),
    db.menuItem.findMany({ orderBy: { position: "asc" } }),
    db.povertyFigure.findMany({ orderBy: { year: "desc" } }),
  ]);
  return {
    settings: toAdminSettings(row),
    menu: menu.map((r) => ({
      position: r.position,
      name: r.name,
      unit: r.unit,
      defaultQuantity: Number(r.defaultQuantity),
      defaultValueRupiah: r.defaultValueRupiah,
    })),
    povertyFigures: figures.map((f) => ({
      year: f.year,
      percentPoor: Number(f.percentPoor),
      poorPeople: f.poorPeople,
      source: f.source,
      status: f.status,
      updatedAt: f.updatedAt,
    })),
  };
}

/** Only the fields that changed, as { field: { from, to } }. */
function diff<T extends Record<string, unknown>>(
  before: T,
  after: T,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return changes;
}

/** Updates the settings row (creating it when missing); audited. Returns whether anything changed. */
export async function updateProgrammeSettings(actor: Actor, input: ProgrammeSettingsInput): Promise<boolean> {
  requireAdmin(actor);
  return db.$transaction(async (tx) => {
    const row = await tx.programmeSettings.findUnique({ where: { id: 1 }, select: adminSettingsSelect });
    const before = toAdminSettings(row);
    const fields = {
      cadence: before.cadence,
      lateReportLimitDays: before.lateReportLimitDays,
      defaultQuota: before.defaultQuota,
      localAidProgrammes: before.localAidProgrammes,
      gpsFlagDistanceMeters: before.gpsFlagDistanceMeters,
      povertyTargetPercent: before.povertyTargetPercent,
    };
    const changes = diff(fields, { ...input });
    if (row && Object.keys(changes).length === 0) return false;
    const data = {
      ...input,
      povertyTargetPercent:
        input.povertyTargetPercent === null
          ? null
          : new Prisma.Decimal(input.povertyTargetPercent.toFixed(2)),
      updatedById: actor.id,
    };
    await tx.programmeSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    await recordAudit(
      {
        actorId: actor.id,
        action: "settings.update",
        entityType: "programme_settings",
        entityId: "1",
        changes: changes as Prisma.InputJsonValue,
      },
      tx,
    );
    return true;
  });
}

/** Replaces the whole menu rotation in one transaction (position = order); audited old → new. */
export async function replaceMenuRotation(actor: Actor, items: MenuRotationInput): Promise<boolean> {
  requireAdmin(actor);
  const next: MenuRotationItem[] = items.map((item, index) => ({ position: index + 1, ...item }));
  return db.$transaction(async (tx) => {
    const current = await tx.menuItem.findMany({ orderBy: { position: "asc" } });
    const before: MenuRotationItem[] = current.map((r) => ({
      position: r.position,
      name: r.name,
      unit: r.unit,
      defaultQuantity: Number(r.defaultQuantity),
      defaultValueRupiah: r.defaultValueRupiah,
    }));
    if (JSON.stringify(before) === JSON.stringify(next)) return false;
    await tx.menuItem.deleteMany({});
    await tx.menuItem.createMany({
      data: next.map((item) => ({
        ...item,
        defaultQuantity: new Prisma.Decimal(item.defaultQuantity.toFixed(2)),
      })),
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "menu.replace",
        entityType: "menu_item",
        changes: { from: before, to: next } as unknown as Prisma.InputJsonValue,
      },
      tx,
    );
    return true;
  });
}

/** Adds or corrects the official figure of a year (upsert by year); audited old → new. */
export async function upsertPovertyFigure(
  actor: Actor,
  input: PovertyFigureInput,
): Promise<{ created: boolean; changed: boolean }> {
  requireAdmin(actor);
  return db.$transaction(async (tx) => {
    const existing = await tx.povertyFigure.findUnique({ where: { year: input.year } });
    const before = existing
      ? {
          percentPoor: Number(existing.percentPoor),
          poorPeople: existing.poorPeople,
          source: existing.source,
          status: existing.status,
        }
      : null;
    const after = {
      percentPoor: input.percentPoor,
      poorPeople: input.poorPeople,
      source: input.source,
      status: input.status,
    };
    if (before && JSON.stringify(before) === JSON.stringify(after)) return { created: false, changed: false };
    const data = {
      ...after,
      percentPoor: new Prisma.Decimal(input.percentPoor.toFixed(2)),
      updatedById: actor.id,
    };
    await tx.povertyFigure.upsert({
      where: { year: input.year },
      create: { year: input.year, ...data },
      update: data,
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: existing ? "poverty_figure.update" : "poverty_figure.create",
        entityType: "poverty_figure",
        entityId: String(input.year),
        changes: (before ? diff(before, after) : { to: after }) as Prisma.InputJsonValue,
      },
      tx,
    );
    return { created: !existing, changed: true };
  });
}
