// Reference data every environment needs, production included: Kemendagri regions of Kabupaten
// Banyuwangi, the official poverty series, the OPD that follow-ups are routed to, the programme
// settings and a default menu rotation. Idempotent: running it again changes nothing, and it never
// overwrites what an admin may have edited (poverty figures, settings, OPD, menu: insert-if-missing).
// Region names are the only rows it updates, so a corrected source CSV propagates.
//
// Usage: DATABASE_URL=postgresql://... npx tsx scripts/reference-data.mts
// Attribution of the data files: prisma/reference/README.md.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";

/** A client or an interactive transaction: both work. */
export type ReferenceDb = PrismaClient | Prisma.TransactionClient;

export const REFERENCE_DIR = fileURLToPath(new URL("../prisma/reference/", import.meta.url));

/** Kabupaten Banyuwangi (Kemendagri 35.10). */
export const KABUPATEN_CODE = "35.10";
export const EXPECTED_REGION_COUNTS = { KABUPATEN: 1, KECAMATAN: 25, DESA: 189, KELURAHAN: 28 } as const;

/**
 * Stable OPD codes that code elsewhere routes follow-ups to (FollowUpType → OPD). Names follow the
 * Banyuwangi nomenclature; an admin may rename an OPD, the code stays.
 */
export const REFERENCE_OPD = {
  BAPPEDA: "Badan Perencanaan Pembangunan Daerah",
  DISPENDIK: "Dinas Pendidikan",
  DINKES: "Dinas Kesehatan",
  DINSOS: "Dinas Sosial, Pemberdayaan Perempuan dan Keluarga Berencana",
  DISPERKIM: "Dinas Perumahan dan Permukiman",
} as const;
export type ReferenceOpdCode = keyof typeof REFERENCE_OPD;

export const DEFAULT_SETTINGS = {
  id: 1,
  cadence: "WEEKLY",
  lateReportLimitDays: 7,
  defaultQuota: 5,
  localAidProgrammes: ["Rantang Kasih", "Banyuwangi Cerdas"],
  gpsFlagDistanceMeters: 500,
} satisfies Prisma.ProgrammeSettingsCreateManyInput;

/** Weekly lauk pauk rotation (product.md: week 1 eggs, week 2 chicken, ...), 2026 market prices. */
export const DEFAULT_MENU = [
  { position: 1, name: "Telur ayam", unit: "kg", defaultQuantity: 1, defaultValueRupiah: 28_000 },
  { position: 2, name: "Daging ayam", unit: "kg", defaultQuantity: 1, defaultValueRupiah: 40_000 },
  { position: 3, name: "Ikan segar", unit: "kg", defaultQuantity: 1, defaultValueRupiah: 35_000 },
  { position: 4, name: "Tahu dan tempe", unit: "paket", defaultQuantity: 1, defaultValueRupiah: 15_000 },
] as const;

const LEVELS = {
  kabupaten: "KABUPATEN",
  kecamatan: "KECAMATAN",
  desa: "DESA",
  kelurahan: "KELURAHAN",
} as const;

export type RegionRow = {
  code: string;
  level: (typeof LEVELS)[keyof typeof LEVELS];
  parentCode: string | null;
  name: string;
};

export type ReferenceCounts = {
  regions: Record<RegionRow["level"], number>;
  regionsInserted: number;
  regionsRenamed: number;
  povertyFigures: number;
  povertyFiguresInserted: number;
  opd: number;
  opdInserted: number;
  settingsInserted: boolean;
  menuItemsInserted: number;
};

/** Minimal RFC 4180 reader (quoted fields, doubled quotes); the first row is the header. */
export function readCsv(fileName: string): Record<string, string>[] {
  const text = readFileSync(path.join(REFERENCE_DIR, fileName), "utf8").replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      field = "";
      if (row.some((value) => value !== "")) rows.push(row);
      row = [];
    } else field += ch;
  }
  row.push(field);
  if (row.some((value) => value !== "")) rows.push(row);
  const [header, ...body] = rows;
  if (!header) throw new Error(`${fileName} is empty`);
  return body.map((values, index) => {
    if (values.length !== header.length) {
      throw new Error(`${fileName} line ${index + 2}: ${values.length} fields, expected ${header.length}`);
    }
    return Object.fromEntries(header.map((name, i) => [name, values[i] ?? ""]));
  });
}

/** banyuwangi-wilayah.csv as Region rows, parents before children, counts asserted. */
export function readRegions(): RegionRow[] {
  const rows = readCsv("banyuwangi-wilayah.csv").map((row): RegionRow => {
    const level = LEVELS[row.level as keyof typeof LEVELS];
    if (!level) throw new Error(`banyuwangi-wilayah.csv: unknown level "${row.level}" (${row.code})`);
    const code = row.code ?? "";
    // The kabupaten's parent (province 35) is not in the file.
    const parentCode = level === "KABUPATEN" ? null : row.parent_code || null;
    return { code, level, parentCode, name: (row.name ?? "").trim() };
  });
  const counts = countByLevel(rows);
  for (const [level, expected] of Object.entries(EXPECTED_REGION_COUNTS)) {
    const actual = counts[level as RegionRow["level"]];
    if (actual !== expected)
      throw new Error(`banyuwangi-wilayah.csv: ${actual} ${level} rows, expected ${expected}`);
  }
  const codes = new Set(rows.map((row) => row.code));
  if (codes.size !== rows.length) throw new Error("banyuwangi-wilayah.csv: duplicate codes");
  for (const row of rows) {
    if (row.parentCode !== null && !codes.has(row.parentCode)) {
      throw new Error(`banyuwangi-wilayah.csv: ${row.code} has unknown parent ${row.parentCode}`);
    }
    const parts = row.code.split(".").length;
    const expectedParts = { KABUPATEN: 2, KECAMATAN: 3, DESA: 4, KELURAHAN: 4 }[row.level];
    if (parts !== expectedParts || (row.parentCode && !row.code.startsWith(`${row.parentCode}.`))) {
      throw new Error(`banyuwangi-wilayah.csv: code ${row.code} does not fit level ${row.level}`);
    }
  }
  const order = { KABUPATEN: 0, KECAMATAN: 1, DESA: 2, KELURAHAN: 2 };
  return [...rows].sort((a, b) => order[a.level] - order[b.level] || a.code.localeCompare(b.code));
}

function countByLevel(rows: { level: RegionRow["level"] }[]): Record<RegionRow["level"], number> {
  const counts = { KABUPATEN: 0, KECAMATAN: 0, DESA: 0, KELURAHAN: 0 };
  for (const row of rows) counts[row.level]++;
  return counts;
}

export function readPovertyFigures(): Prisma.PovertyFigureCreateManyInput[] {
  return readCsv("poverty-rate-banyuwangi.csv").map((row) => {
    const year = Number(row.year);
    const percent = Number(row.percent_poor);
    if (!Number.isInteger(year) || year < 1990 || year > 2100 || !Number.isFinite(percent)) {
      throw new Error(`poverty-rate-banyuwangi.csv: bad row ${JSON.stringify(row)}`);
    }
    return {
      year,
      percentPoor: row.percent_poor ?? "",
      poorPeople: row.poor_people ? Number(row.poor_people) : null,
      source: row.source ?? "",
      status: row.status ?? "",
    };
  });
}

export async function loadReferenceData(prisma: ReferenceDb): Promise<ReferenceCounts> {
  // (a) Regions: insert missing rows (parents first), then fix names that differ from the CSV.
  const regions = readRegions();
  const existing = new Map(
    (await prisma.region.findMany({ select: { code: true, name: true, level: true, parentCode: true } })).map(
      (region) => [region.code, region],
    ),
  );
  let regionsInserted = 0;
  for (const level of ["KABUPATEN", "KECAMATAN", "DESA", "KELURAHAN"] as const) {
    const missing = regions.filter((region) => region.level === level && !existing.has(region.code));
    if (missing.length > 0) {
      regionsInserted += (await prisma.region.createMany({ data: missing, skipDuplicates: true })).count;
    }
  }
  let regionsRenamed = 0;
  for (const region of regions) {
    const current = existing.get(region.code);
    if (
      current &&
      (current.name !== region.name ||
        current.level !== region.level ||
        current.parentCode !== region.parentCode)
    ) {
      await prisma.region.update({
        where: { code: region.code },
        data: { name: region.name, level: region.level, parentCode: region.parentCode },
      });
      regionsRenamed++;
    }
  }
  const regionCounts = countByLevel(
    await prisma.region.findMany({
      where: { code: { startsWith: KABUPATEN_CODE } },
      select: { level: true },
    }),
  );
  for (const [level, expected] of Object.entries(EXPECTED_REGION_COUNTS)) {
    const actual = regionCounts[level as RegionRow["level"]];
    if (actual !== expected) throw new Error(`region table: ${actual} ${level} rows, expected ${expected}`);
  }

  // (b) Poverty figures: insert years that are missing; admin corrections stay.
  const povertyFiguresInserted = (
    await prisma.povertyFigure.createMany({ data: readPovertyFigures(), skipDuplicates: true })
  ).count;

  // (c) OPD that follow-ups are routed to. ON CONFLICT DO NOTHING on code or name.
  const opdInserted = (
    await prisma.opd.createMany({
      data: Object.entries(REFERENCE_OPD).map(([code, name]) => ({ code, name })),
      skipDuplicates: true,
    })
  ).count;
  const presentOpd = await prisma.opd.findMany({
    where: { code: { in: Object.keys(REFERENCE_OPD) } },
    select: { code: true },
  });
  if (presentOpd.length !== Object.keys(REFERENCE_OPD).length) {
    const missing = Object.keys(REFERENCE_OPD).filter((code) => !presentOpd.some((opd) => opd.code === code));
    throw new Error(
      `OPD ${missing.join(", ")} could not be inserted: another OPD already uses its name under a different code`,
    );
  }

  // (d) Settings row and default menu, only when missing.
  const settingsInserted =
    (
      await prisma.programmeSettings.createMany({
        data: [{ ...DEFAULT_SETTINGS, localAidProgrammes: [...DEFAULT_SETTINGS.localAidProgrammes] }],
        skipDuplicates: true,
      })
    ).count === 1;
  let menuItemsInserted = 0;
  if ((await prisma.menuItem.count()) === 0) {
    menuItemsInserted = (await prisma.menuItem.createMany({ data: [...DEFAULT_MENU], skipDuplicates: true }))
      .count;
  }

  const [povertyFigures, opd] = await Promise.all([prisma.povertyFigure.count(), prisma.opd.count()]);
  return {
    regions: regionCounts,
    regionsInserted,
    regionsRenamed,
    povertyFigures,
    povertyFiguresInserted,
    opd,
    opdInserted,
    settingsInserted,
    menuItemsInserted,
  };
}

export function isMainModule(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && path.resolve(script) === fileURLToPath(moduleUrl);
}

if (isMainModule(import.meta.url)) {
  const { createPrismaClient } = await import("./lib/prisma-client.mts");
  const prisma = createPrismaClient();
  try {
    const counts = await loadReferenceData(prisma);
    const r = counts.regions;
    console.log(
      `Data referensi: wilayah ${r.KABUPATEN} kabupaten, ${r.KECAMATAN} kecamatan, ${r.DESA} desa, ${r.KELURAHAN} kelurahan ` +
        `(${counts.regionsInserted} baru, ${counts.regionsRenamed} diperbarui); ` +
        `angka kemiskinan ${counts.povertyFigures} tahun (${counts.povertyFiguresInserted} baru); ` +
        `OPD ${counts.opd} (${counts.opdInserted} baru); pengaturan ${counts.settingsInserted ? "dibuat" : "sudah ada"}; ` +
        `menu ${counts.menuItemsInserted} item baru.`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await prisma.$disconnect();
  }
}
