import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate } from "../../scripts/migrate.mjs";

// Checks the committed migrations against prisma/schema.prisma and scripts/migrate.mjs against a
// database created here from nothing (separate from the shared test database).

const MIGRATIONS = new URL("../../prisma/migrations/", import.meta.url);
const SCHEMA = new URL("../../prisma/schema.prisma", import.meta.url);

const databaseName = `migration_check_${randomUUID().replaceAll("-", "")}`;
const serverUrl = inject("databaseUrl");
const freshUrl = withDatabase(serverUrl, databaseName);
let fresh: pg.Client;
let migrationDirs: string[];

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
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

/** Tables and their columns as schema.prisma declares them: @@map / @map names, relation fields left out. */
function modelTables(schema: string): Map<string, string[]> {
  const models = [...schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)].map(
    ([, name = "", body = ""]) => ({
      name,
      body,
    }),
  );
  const modelNames = new Set(models.map((model) => model.name));
  const tables = new Map<string, string[]>();
  for (const { name, body } of models) {
    const columns: string[] = [];
    for (const line of body.split("\n")) {
      const [, field, type = "", attributes = ""] = line.trim().match(/^(\w+)\s+(\w+)\S*(.*)$/) ?? [];
      if (field && !modelNames.has(type)) columns.push(attributes.match(/@map\("([^"]+)"\)/)?.[1] ?? field);
    }
    tables.set(body.match(/@@map\("([^"]+)"\)/)?.[1] ?? name, columns.sort());
  }
  return tables;
}

beforeAll(async () => {
  migrationDirs = (await readdir(MIGRATIONS, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  await onServer(`CREATE DATABASE "${databaseName}"`);
  await migrate(freshUrl, { log: () => {} });
  fresh = new pg.Client({ connectionString: freshUrl });
  await fresh.connect();
});

afterAll(async () => {
  await fresh?.end();
  await onServer(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
});

describe("migrations", () => {
  it("snapshot the current schema in the newest migration", async () => {
    const newest = migrationDirs.at(-1);
    expect(newest, "prisma/migrations has no migration").toBeDefined();
    const snapshot = await readFile(new URL(`${newest}/schema.prisma`, MIGRATIONS));
    const schema = await readFile(SCHEMA);
    expect(
      snapshot.equals(schema),
      `prisma/schema.prisma differs from prisma/migrations/${newest}/schema.prisma: ` +
        "create a migration with `npm run db:migration:new -- <name>`",
    ).toBe(true);
  });

  it("create every model's table and column, and no other table", async () => {
    const { rows } = await fresh.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const actual = new Map<string, string[]>();
    for (const { table_name, column_name } of rows) {
      actual.set(table_name, [...(actual.get(table_name) ?? []), column_name]);
    }
    const expected = modelTables(await readFile(SCHEMA, "utf8"));
    expect(expected.size).toBeGreaterThan(10);
    for (const [table, columns] of expected) {
      expect(actual.get(table)?.sort(), `columns of table ${table}`).toEqual(columns);
    }
    expect([...actual.keys()].sort()).toEqual([...expected.keys(), "_prisma_migrations"].sort());
  });

  it("record each migration in _prisma_migrations with its SHA-256 checksum", async () => {
    const { rows } = await fresh.query(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count
         FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const expected = await Promise.all(
      migrationDirs.map(async (name) => ({
        migration_name: name,
        checksum: createHash("sha256")
          .update(await readFile(new URL(`${name}/migration.sql`, MIGRATIONS)))
          .digest("hex"),
        finished: true,
        applied_steps_count: 1,
      })),
    );
    expect(rows).toEqual(expected);
  });

  it("apply nothing the second time", async () => {
    expect((await migrate(freshUrl, { log: () => {} })).applied).toEqual([]);
  });

  it("allow one active assignment per household and one open follow-up per type", async () => {
    const insert = async (sql: string) => (await fresh.query(sql)).rows[0]?.id;
    await insert(`INSERT INTO region (code, level, parent_code, name) VALUES
      ('35.10', 'KABUPATEN', NULL, 'Banyuwangi'),
      ('35.10.01', 'KECAMATAN', '35.10', 'Pesanggaran'),
      ('35.10.01.2001', 'DESA', '35.10.01', 'Sarongan')`);
    const opdId = await insert(`INSERT INTO opd (code, name) VALUES ('DINSOS', 'Dinas Sosial') RETURNING id`);
    const asnId = await insert(`INSERT INTO app_user (role, nip, name, password_hash, updated_at)
      VALUES ('ASN', '198001012005011001', 'ASN Uji', 'x', now()) RETURNING id`);
    const householdId = await insert(`INSERT INTO household
      (kk_number, head_name, head_nik, desa_code, kecamatan_code, source, updated_at) VALUES
      ('3510010101200001', 'Kepala Uji', '3510014101800001', '35.10.01.2001', '35.10.01', 'test', now()) RETURNING id`);

    const assign = (endedAt: string | null) =>
      fresh.query(
        `INSERT INTO assignment (household_id, asn_id, started_at, ended_at) VALUES ($1, $2, now() - interval '1 day', $3)`,
        [householdId, asnId, endedAt],
      );
    await assign(new Date().toISOString());
    await assign(null);
    await expect(assign(null)).rejects.toMatchObject({
      code: "23505",
      constraint: "assignment_one_active_per_household",
    });

    const followUp = (type: string, status: string) =>
      fresh.query(
        `INSERT INTO follow_up (household_id, type, target_opd_id, status, detail, updated_at)
         VALUES ($1, $2, $3, $4, 'uji', now())`,
        [householdId, type, opdId, status],
      );
    await followUp("SCHOOL_DROPOUT", "RESOLVED");
    await followUp("SCHOOL_DROPOUT", "OPEN");
    await followUp("HEALTH_WITHOUT_JKN", "OPEN");
    await expect(followUp("SCHOOL_DROPOUT", "IN_PROGRESS")).rejects.toMatchObject({
      code: "23505",
      constraint: "follow_up_one_open_per_type",
    });
  });
});
