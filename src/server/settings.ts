import "server-only";
import { cache } from "react";
import type { MenuRotationItem } from "@/lib/menu";
import type { Cadence } from "@/lib/period";
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

/** Programme settings are not personal data: every signed-in role may read them. */
export const getProgrammeSettings = cache(async (): Promise<ProgrammeSettingsDto> => {
  const row = await db.programmeSettings.findUnique({
    where: { id: 1 },
    select: {
      cadence: true,
      lateReportLimitDays: true,
      defaultQuota: true,
      localAidProgrammes: true,
      gpsFlagDistanceMeters: true,
    },
  });
  return row ?? DEFAULTS;
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
