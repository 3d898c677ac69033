// Applies pending prisma/migrations/*/migration.sql with plain `pg`, in place of `prisma migrate deploy`
// (which needs Prisma's native schema engine). Keeps `_prisma_migrations` in Prisma's own format.
// See docs/decisions/004-migrations-without-native-engine.md.
//
// Usage: DATABASE_URL=postgresql://... node scripts/migrate.mjs
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../prisma/migrations/", import.meta.url));

// Prisma's lock key and table DDL (prisma-engines, sql-schema-connector flavour/postgres.rs).
const ADVISORY_LOCK_KEY = 72707369;
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Prisma's checksum: lowercase hex SHA-256 of the file's text. */
function checksum(text) {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Migration directories in the order they apply, with their SQL and checksum. */
export async function readMigrations() {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(`${MIGRATIONS_DIR}${name}/migration.sql`, "utf8");
      return { name, sql, checksum: checksum(sql) };
    }),
  );
}

/**
 * Applies every pending migration (up to and including `until` when given), each in its own
 * transaction together with its `_prisma_migrations` row.
 * @returns {Promise<{ applied: string[] }>}
 */
export async function migrate(databaseUrl, { log = console.log, until } = {}) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const applied = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    await client.query(CREATE_MIGRATIONS_TABLE);

    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const failed = rows.find((row) => row.finished_at === null);
    if (failed) {
      throw new Error(
        `Migration ${failed.migration_name} failed earlier and was never rolled back (Prisma P3009). ` +
          `Repair the database by hand, then mark it: UPDATE "_prisma_migrations" SET rolled_back_at = now() ` +
          `WHERE migration_name = '${failed.migration_name}' AND finished_at IS NULL;`,
      );
    }
    const appliedChecksums = new Map(rows.map((row) => [row.migration_name, row.checksum]));

    for (const migration of await readMigrations()) {
      // `until`: stop after this migration (a restore brings the schema to the backup's level).
      if (until !== undefined && migration.name > until) break;
      const recorded = appliedChecksums.get(migration.name);
      if (recorded === undefined) {
        log(`Applying ${migration.name}`);
        await apply(client, migration);
        applied.push(migration.name);
      } else if (!sameFile(recorded, migration.sql)) {
        log(`Warning: ${migration.name}/migration.sql changed after it was applied (checksum differs).`);
      }
    }
    return { applied };
  } finally {
    log(`${applied.length} migration(s) applied.`);
    await client.end();
  }
}

async function apply(client, { name, sql, checksum }) {
  const id = randomUUID();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, $3)`,
      [id, checksum, name],
    );
    await client.query(sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    const line = error.position ? ` (line ${sql.slice(0, Number(error.position)).split("\n").length})` : "";
    throw new Error(`Migration ${name} failed${line}, nothing of it was applied: ${error.message}`);
  }
}

/** Like Prisma, accept the file with its line endings converted either way. */
function sameFile(recordedChecksum, sql) {
  const variants = [sql, sql.replaceAll("\r\n", "\n"), sql.replaceAll(/\r?\n/g, "\r\n")];
  return variants.some((text) => checksum(text) === recordedChecksum);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (!process.env.DATABASE_URL) {
    console.error("DATABASE_URL is not set.");
    process.exit(1);
  }
  await migrate(process.env.DATABASE_URL).catch((error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
