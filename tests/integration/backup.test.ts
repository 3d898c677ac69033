import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  backupDatabase,
  readBackupHeader,
  restoreDatabase,
  tableChecksums,
} from "../../scripts/lib/backup-format.mjs";
import { createPrismaClient } from "../../scripts/lib/prisma-client.mjs";
import { migrate, readMigrations } from "../../scripts/migrate.mjs";
import { loadReferenceData } from "../../scripts/reference-data.mjs";
import { seedDemo } from "../../scripts/seed.mjs";

// `npm run db:backup` / `db:restore` (scripts/lib/backup-format.mjs) on databases of their own,
// created on the shared test server and dropped at the end: the demo data set is backed up,
// restored into a fresh database, and every table compared row for row (count + sha256 of the
// ordered content). Then the refusals: a database with data, a truncated file, a newer backup.

const serverUrl = inject("databaseUrl");
const created: string[] = [];
let workDir: string;
let sourceUrl: string;
let backupFile: string;

function urlOf(database: string): string {
  const parsed = new URL(serverUrl);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onServer(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

async function freshDatabase(): Promise<string> {
  const name = `backup_test_${randomUUID().replaceAll("-", "")}`;
  await onServer(`CREATE DATABASE "${name}"`);
  created.push(name);
  return urlOf(name);
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "asn-backup-"));
  sourceUrl = await freshDatabase();
  await migrate(sourceUrl, { log: () => {} });
  const prisma = createPrismaClient(sourceUrl);
  try {
    await loadReferenceData(prisma);
    const summary = await seedDemo(prisma, { password: "rahasia-uji" });
    expect(summary.skipped).toBe(false);
    // A photo, so binary data (bytea) takes the round trip too.
    const visit = await prisma.visit.findFirstOrThrow({ select: { id: true } });
    const data = Buffer.from([
      0xff,
      0xd8,
      0xff,
      0xe0,
      0x00,
      0x10,
      ...Array.from({ length: 2000 }, (_, i) => i % 256),
    ]);
    await prisma.visitPhoto.upsert({
      where: { visitId: visit.id },
      create: {
        visitId: visit.id,
        mimeType: "image/jpeg",
        sizeBytes: data.length,
        sha256: "0".repeat(64),
        data,
      },
      update: {},
    });
  } finally {
    await prisma.$disconnect();
  }
  backupFile = path.join(workDir, "demo.backup.gz");
}, 180_000);

afterAll(async () => {
  for (const name of created) await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await rm(workDir, { recursive: true, force: true });
});

describe("db:backup and db:restore", () => {
  it("round-trips the demo data: every table, row for row, sequences included", async () => {
    const backup = await backupDatabase(sourceUrl, backupFile, { log: () => {} });
    const header = await readBackupHeader(backupFile);
    expect(header.format).toBe("asn-berbagi-backup");
    expect(header.migrations).toEqual((await readMigrations()).map((m) => m.name));
    expect(header.tables).toContain("_prisma_migrations");
    expect(header.tables.indexOf("region")).toBeLessThan(header.tables.indexOf("household"));
    expect(header.tables.indexOf("visit")).toBeLessThan(header.tables.indexOf("visit_photo"));
    console.info(
      `backup of the demo data: ${backup.tables} tables, ${backup.rows} rows, ${backup.bytes} bytes, ${backup.ms} ms`,
    );

    const targetUrl = await freshDatabase();
    const restored = await restoreDatabase(targetUrl, backupFile, { log: () => {} });
    console.info(`restore: ${restored.rows} rows in ${restored.ms} ms`);
    expect(restored.rows).toBe(backup.rows);

    const [source, target] = await Promise.all([tableChecksums(sourceUrl), tableChecksums(targetUrl)]);
    expect(Object.keys(target).sort()).toEqual(Object.keys(source).sort());
    expect(target).toEqual(source);
    expect(source.visit_photo?.rows).toBeGreaterThan(0);
    expect(source.visit?.rows).toBeGreaterThan(0);

    // The sequences continue after the restored ids: new rows get fresh ids, no duplicate key.
    const client = new pg.Client({ connectionString: targetUrl });
    await client.connect();
    try {
      const { rows: opd } = await client.query<{ id: number }>(
        `INSERT INTO opd (code, name) VALUES ('TSEQ', 'Dinas Uji Urutan') RETURNING id`,
      );
      const { rows: maxOpd } = await client.query<{ max: number }>(
        `SELECT max(id) FROM opd WHERE code <> 'TSEQ'`,
      );
      expect(opd[0]!.id).toBeGreaterThan(maxOpd[0]!.max);
      await client.query(`INSERT INTO audit_log (action, entity_type) VALUES ('test.sequence', 'test')`);
    } finally {
      await client.end();
    }
  }, 120_000);

  it("refuses a database that already holds data, and changes nothing in it", async () => {
    const before = await tableChecksums(sourceUrl);
    await expect(restoreDatabase(sourceUrl, backupFile, { log: () => {} })).rejects.toThrow(
      /Basis data tujuan tidak kosong \(berisi data di tabel: .*region/,
    );
    expect(await tableChecksums(sourceUrl)).toEqual(before);
  }, 60_000);

  it("refuses a truncated archive and leaves the target without data", async () => {
    const text = gunzipSync(await readFile(backupFile)).toString("utf8");
    const truncatedFile = path.join(workDir, "truncated.backup.gz");
    await writeFile(truncatedFile, gzipSync(text.slice(0, Math.floor(text.length * 0.6))));
    const targetUrl = await freshDatabase();
    await expect(restoreDatabase(targetUrl, truncatedFile, { log: () => {} })).rejects.toThrow(
      /tidak lengkap|rusak|JSON/,
    );
    const after = await tableChecksums(targetUrl);
    for (const [table, { rows }] of Object.entries(after))
      if (table !== "_prisma_migrations") expect(rows, table).toBe(0);
  }, 60_000);

  it("refuses a backup from a newer app version (a migration this code does not know)", async () => {
    const text = gunzipSync(await readFile(backupFile)).toString("utf8");
    const newer = text.replace(/"migrations":\[/, `"migrations":["29991231000000_from_the_future",`);
    const newerFile = path.join(workDir, "newer.backup.gz");
    await writeFile(newerFile, gzipSync(newer));
    const targetUrl = await freshDatabase();
    await expect(restoreDatabase(targetUrl, newerFile, { log: () => {} })).rejects.toThrow(
      /versi aplikasi yang lebih baru: migrasi 29991231000000_from_the_future/,
    );
  }, 60_000);
});
