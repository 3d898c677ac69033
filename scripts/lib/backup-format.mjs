// Consistent logical backup and restore of the app's database, in plain Node + `pg` (embedded
// PostgreSQL ships no pg_dump, and a system pg_dump older than the server refuses to run).
//
// The archive (`*.backup.gz`) is gzip'd UTF-8 text, one record per line:
//
//   @header {"format":"asn-berbagi-backup","version":1,"createdAt":…,"postgres":…,"schema":…,
//            "migrations":["2026…_init",…],"tables":["region","opd",…]}
//   @table  {"name":"region","columns":["code","name",…]}
//   {"code":"35","name":"JAWA TIMUR",…}              ← one row: PostgreSQL's row_to_json(), as is
//   …
//   @end    {"name":"region","rows":242,"sha256":"…"} ← sha256 of that table's row lines (with \n)
//   … (every table, parents before children)
//   @complete {"tables":17,"rows":12345}              ← a file without it is truncated
//
// Backup: one REPEATABLE READ, READ ONLY transaction (one snapshot: every table as of the same
// instant, like pg_dump), each table read through a cursor ordered by its primary key (rows of a
// self-referencing table parents first), every table of the schema including _prisma_migrations.
// Row JSON is never parsed in Node, so numerics, bigints, bytea (hex), jsonb and timestamps keep
// their exact text. Restore: into an EMPTY database: the migrations up to the backup's level, then
// every table in one transaction (json_populate_recordset), then the sequences (setval); any
// mismatch in a count or checksum rolls the whole data load back.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { StringDecoder } from "node:string_decoder";
import { pipeline } from "node:stream/promises";
import { PassThrough } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { migrate, readMigrations } from "../migrate.mjs";
import { startEmbeddedPostgres } from "./embedded-db.mjs";

export const BACKUP_FORMAT = "asn-berbagi-backup";
export const BACKUP_VERSION = 1;
const MIGRATIONS_TABLE = "_prisma_migrations";
const INSERT_BATCH_BYTES = 4 * 1024 * 1024;
const INSERT_BATCH_ROWS = 1_000;

/** Base tables of the current schema in dependency order, with columns, key and self reference. */
export async function describeTables(client) {
  const { rows: tables } = await client.query(
    `SELECT c.oid, c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY c.relname`,
  );
  const { rows: columns } = await client.query(
    `SELECT a.attrelid AS oid, a.attname AS name, t.typname AS type, a.attgenerated <> '' AS generated,
            pg_get_serial_sequence(quote_ident(current_schema()) || '.' || quote_ident(c.relname), a.attname) AS sequence
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_type t ON t.oid = a.atttypid
      WHERE a.attrelid = ANY($1) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attrelid, a.attnum`,
    [tables.map((t) => t.oid)],
  );
  const { rows: keys } = await client.query(
    `SELECT con.conrelid AS oid, con.contype AS kind, con.confrelid AS references_oid,
            ARRAY(SELECT attname FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                    JOIN pg_attribute ON attrelid = con.conrelid AND attnum = k.n ORDER BY k.i)::text[] AS cols,
            ARRAY(SELECT attname FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                    JOIN pg_attribute ON attrelid = con.confrelid AND attnum = k.n ORDER BY k.i)::text[] AS ref_cols
       FROM pg_constraint con
      WHERE con.conrelid = ANY($1) AND con.contype IN ('p', 'f')`,
    [tables.map((t) => t.oid)],
  );
  const byOid = new Map(
    tables.map((t) => [
      t.oid,
      {
        name: t.name,
        columns: [],
        sequences: [],
        hasBinary: false,
        primaryKey: [],
        dependsOn: new Set(),
        selfReference: undefined,
      },
    ]),
  );
  for (const column of columns) {
    const table = byOid.get(column.oid);
    if (column.generated) continue; // computed by the server, never inserted
    table.columns.push(column.name);
    if (column.type === "bytea") table.hasBinary = true;
    if (column.sequence) table.sequences.push({ column: column.name, sequence: column.sequence });
  }
  for (const key of keys) {
    const table = byOid.get(key.oid);
    if (key.kind === "p") table.primaryKey = key.cols;
    else if (key.references_oid === key.oid) {
      if (key.cols.length !== 1) throw new Error(`${table.name}: multi-column self reference not supported`);
      table.selfReference = { column: key.cols[0], references: key.ref_cols[0] };
    } else if (byOid.has(key.references_oid)) table.dependsOn.add(byOid.get(key.references_oid).name);
  }
  return topologicalOrder([...byOid.values()]);
}

function topologicalOrder(tables) {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered = [];
  const state = new Map(); // name → "visiting" | "done"
  const visit = (table, trail) => {
    if (state.get(table.name) === "done") return;
    if (state.get(table.name) === "visiting")
      throw new Error(`Foreign keys form a cycle (${[...trail, table.name].join(" → ")}); not supported.`);
    state.set(table.name, "visiting");
    for (const parent of [...table.dependsOn].sort()) visit(byName.get(parent), [...trail, table.name]);
    state.set(table.name, "done");
    ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered;
}

const ident = (name) => `"${name.replaceAll('"', '""')}"`;

/** SELECT of a table's rows as row_to_json text, in a stable order (parents first when self-referencing). */
function selectRowsSql(table) {
  const order = (table.primaryKey.length ? table.primaryKey : table.columns)
    .map((c) => `t.${ident(c)}`)
    .join(", ");
  const cols = table.columns.map((c) => `t.${ident(c)}`).join(", ");
  const row = `row_to_json((SELECT r FROM (SELECT ${cols}) r))::text AS line`;
  if (!table.selfReference) return `SELECT ${row} FROM ${ident(table.name)} t ORDER BY ${order}`;
  const { column, references } = table.selfReference;
  return `WITH RECURSIVE depth AS (
      SELECT ${ident(references)} AS key, 0 AS level FROM ${ident(table.name)} WHERE ${ident(column)} IS NULL
      UNION ALL
      SELECT c.${ident(references)}, d.level + 1 FROM ${ident(table.name)} c JOIN depth d ON c.${ident(column)} = d.key)
    SELECT ${row} FROM ${ident(table.name)} t JOIN depth d ON d.key = t.${ident(references)}
     ORDER BY d.level, ${order}`;
}

/** Streams a table's row lines to `onLine` through a cursor (inside the caller's transaction). */
async function forEachRowLine(client, table, onLine) {
  const cursor = `backup_${table.name.replace(/\W/g, "_")}`;
  await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${selectRowsSql(table)}`);
  const fetchSize = table.hasBinary ? 20 : 2_000;
  for (;;) {
    const { rows } = await client.query(`FETCH ${fetchSize} FROM ${cursor}`);
    for (const { line } of rows) await onLine(line);
    if (rows.length < fetchSize) break;
  }
  await client.query(`CLOSE ${cursor}`);
}

async function withClient(databaseUrl, fn) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Writes a consistent backup of the database to `file` (gzip'd, format above). The file appears
 * only when complete (written to `<file>.partial`, then renamed).
 * @returns {Promise<{ file: string, tables: number, rows: number, bytes: number, ms: number }>}
 */
export async function backupDatabase(databaseUrl, file, { log = console.log } = {}) {
  const started = Date.now();
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  const text = new PassThrough();
  const output = createWriteStream(partial, { mode: 0o600 });
  const written = pipeline(text, createGzip({ level: 6 }), output);
  const write = async (line) => {
    if (!text.write(`${line}\n`)) await new Promise((resolve) => text.once("drain", resolve));
  };
  let totalRows = 0;
  let tableCount = 0;
  try {
    await withClient(databaseUrl, async (client) => {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      try {
        const tables = await describeTables(client);
        const { rows: info } = await client.query(
          `SELECT current_schema() AS schema, current_setting('server_version') AS version`,
        );
        const hasMigrations = tables.some((t) => t.name === MIGRATIONS_TABLE);
        const migrations = hasMigrations
          ? (
              await client.query(
                `SELECT migration_name FROM ${MIGRATIONS_TABLE} WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL ORDER BY migration_name`,
              )
            ).rows.map((r) => r.migration_name)
          : [];
        await write(
          `@header ${JSON.stringify({
            format: BACKUP_FORMAT,
            version: BACKUP_VERSION,
            createdAt: new Date().toISOString(),
            postgres: info[0].version,
            schema: info[0].schema,
            migrations,
            tables: tables.map((t) => t.name),
          })}`,
        );
        for (const table of tables) {
          const hash = createHash("sha256");
          let rows = 0;
          await write(`@table ${JSON.stringify({ name: table.name, columns: table.columns })}`);
          await forEachRowLine(client, table, async (line) => {
            hash.update(`${line}\n`);
            rows += 1;
            await write(line);
          });
          await write(`@end ${JSON.stringify({ name: table.name, rows, sha256: hash.digest("hex") })}`);
          log(`  ${table.name}: ${rows} baris`);
          totalRows += rows;
          tableCount += 1;
        }
        await write(`@complete ${JSON.stringify({ tables: tableCount, rows: totalRows })}`);
      } finally {
        await client.query("ROLLBACK");
      }
    });
    text.end();
    await written;
    await rename(partial, file);
  } catch (error) {
    text.destroy();
    await written.catch(() => {});
    await rm(partial, { force: true });
    throw error;
  }
  const { size } = await stat(file);
  return { file, tables: tableCount, rows: totalRows, bytes: size, ms: Date.now() - started };
}

/** Lines of a gzip'd text file; a missing file or corrupt gzip data rejects the iteration. */
async function* gzipLines(file) {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on("error", (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  const decoder = new StringDecoder("utf8");
  let pending = "";
  for await (const chunk of gunzip) {
    pending += decoder.write(chunk);
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    yield* lines;
  }
  pending += decoder.end();
  if (pending) yield pending;
}

/** Reads an archive line by line; yields { kind, value } for control lines and { kind: "row", line }. */
async function* readArchive(file) {
  for await (const line of gzipLines(file)) {
    if (line.startsWith("{")) yield { kind: "row", line };
    else if (line.startsWith("@")) {
      const space = line.indexOf(" ");
      yield { kind: line.slice(1, space), value: JSON.parse(line.slice(space + 1)) };
    } else if (line !== "")
      throw new Error(`Berkas cadangan rusak: baris tak dikenal "${line.slice(0, 40)}"`);
  }
}

/** Reads just the header of an archive. */
export async function readBackupHeader(file) {
  for await (const record of readArchive(file)) {
    if (record.kind !== "header" || record.value.format !== BACKUP_FORMAT)
      throw new Error(`${file} bukan berkas cadangan ASN Berbagi.`);
    return record.value;
  }
  throw new Error(`${file} kosong.`);
}

/** Refuses unless every table of the schema is empty (an applied-migrations record is allowed). */
async function assertEmpty(client) {
  const tables = await describeTables(client);
  const filled = [];
  for (const table of tables) {
    if (table.name === MIGRATIONS_TABLE) continue;
    const { rowCount } = await client.query(`SELECT 1 FROM ${ident(table.name)} LIMIT 1`);
    if (rowCount) filled.push(table.name);
  }
  if (filled.length)
    throw new Error(
      `Basis data tujuan tidak kosong (berisi data di tabel: ${filled.join(", ")}). ` +
        "Pemulihan hanya ke basis data kosong: buat basis data baru (CREATE DATABASE …) dan arahkan DATABASE_URL ke sana.",
    );
}

/**
 * Restores an archive into an EMPTY database: migrations up to the backup's level, then all rows in
 * one transaction, then the sequences.
 * @returns {Promise<{ tables: number, rows: number, ms: number, migrations: number }>}
 */
export async function restoreDatabase(databaseUrl, file, { log = console.log } = {}) {
  const started = Date.now();
  const header = await readBackupHeader(file);
  if (header.version !== BACKUP_VERSION)
    throw new Error(
      `Versi format cadangan ${header.version} tidak didukung (yang didukung: ${BACKUP_VERSION}).`,
    );
  const known = new Set((await readMigrations()).map((m) => m.name));
  const unknown = header.migrations.filter((name) => !known.has(name));
  if (unknown.length)
    throw new Error(
      `Cadangan berasal dari versi aplikasi yang lebih baru: migrasi ${unknown.join(", ")} tidak dikenal kode ini. ` +
        "Pulihkan dengan versi aplikasi yang sama atau lebih baru.",
    );

  await withClient(databaseUrl, async (client) => {
    await assertEmpty(client);
    if (header.tables.includes(MIGRATIONS_TABLE)) {
      const { rows } = await client
        .query(`SELECT migration_name FROM ${MIGRATIONS_TABLE} WHERE rolled_back_at IS NULL`)
        .catch(() => ({ rows: [] }));
      const ahead = rows.map((r) => r.migration_name).filter((name) => !header.migrations.includes(name));
      if (ahead.length)
        throw new Error(
          `Basis data tujuan sudah dimigrasi melewati tingkat cadangan (${ahead.join(", ")}); gunakan basis data kosong yang baru.`,
        );
    }
  });
  const level = header.migrations.at(-1);
  if (level) await migrate(databaseUrl, { log, until: level });

  let totalRows = 0;
  await withClient(databaseUrl, async (client) => {
    await client.query("BEGIN");
    try {
      await assertEmpty(client); // again, inside the transaction: nobody wrote in between
      const tables = new Map((await describeTables(client)).map((t) => [t.name, t]));
      // The dump already holds the rollup tables as they were (docs/decisions/010): the triggers
      // that keep them must not add the restored reports a second time. Foreign keys stay on.
      for (const name of tables.keys()) await client.query(`ALTER TABLE ${ident(name)} DISABLE TRIGGER USER`);
      let current;
      let batch = [];
      let batchBytes = 0;
      const flush = async () => {
        if (!batch.length) return;
        const cols = current.columns.map(ident).join(", ");
        await client.query(
          `INSERT INTO ${ident(current.name)} (${cols}) OVERRIDING SYSTEM VALUE
           SELECT ${cols} FROM json_populate_recordset(NULL::${ident(current.name)}, $1::json)`,
          [`[${batch.join(",")}]`],
        );
        batch = [];
        batchBytes = 0;
      };
      let complete = false;
      for await (const record of readArchive(file)) {
        if (record.kind === "header") continue;
        if (record.kind === "table") {
          const table = tables.get(record.value.name);
          if (!table) throw new Error(`Tabel ${record.value.name} dari cadangan tidak ada di skema.`);
          const missing = record.value.columns.filter((c) => !table.columns.includes(c));
          if (missing.length)
            throw new Error(`Kolom ${record.value.name}.${missing.join(", ")} tidak ada di skema.`);
          if (table.name === MIGRATIONS_TABLE) await client.query(`DELETE FROM ${MIGRATIONS_TABLE}`); // the backup's own history
          current = { name: table.name, columns: record.value.columns, hash: createHash("sha256"), rows: 0 };
        } else if (record.kind === "row") {
          if (!current) throw new Error("Berkas cadangan rusak: baris data di luar tabel.");
          current.hash.update(`${record.line}\n`);
          current.rows += 1;
          batch.push(record.line);
          batchBytes += record.line.length;
          if (batch.length >= INSERT_BATCH_ROWS || batchBytes >= INSERT_BATCH_BYTES) await flush();
        } else if (record.kind === "end") {
          await flush();
          const sha256 = current.hash.digest("hex");
          if (
            record.value.name !== current.name ||
            record.value.rows !== current.rows ||
            record.value.sha256 !== sha256
          )
            throw new Error(
              `Berkas cadangan rusak: isi tabel ${current.name} tidak cocok dengan checksum-nya.`,
            );
          log(`  ${current.name}: ${current.rows} baris`);
          totalRows += current.rows;
          current = undefined;
        } else if (record.kind === "complete") {
          complete = record.value.rows === totalRows;
        }
      }
      if (!complete)
        throw new Error("Berkas cadangan tidak lengkap (terpotong); tidak ada data yang dipulihkan.");
      for (const table of tables.values())
        for (const { column, sequence } of table.sequences)
          await client.query(
            `SELECT setval($1::regclass, COALESCE((SELECT MAX(${ident(column)}) FROM ${ident(table.name)}), 0) + 1, false)`,
            [sequence],
          );
      for (const name of tables.keys()) await client.query(`ALTER TABLE ${ident(name)} ENABLE TRIGGER USER`);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  });
  return {
    tables: header.tables.length,
    rows: totalRows,
    ms: Date.now() - started,
    migrations: header.migrations.length,
  };
}

/**
 * Row count and sha256 of every table's ordered content (the same lines a backup writes), for
 * comparing two databases.
 * @returns {Promise<Record<string, { rows: number, sha256: string }>>}
 */
export async function tableChecksums(databaseUrl) {
  return withClient(databaseUrl, async (client) => {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    try {
      const result = {};
      for (const table of await describeTables(client)) {
        const hash = createHash("sha256");
        let rows = 0;
        await forEachRowLine(client, table, (line) => {
          hash.update(`${line}\n`);
          rows += 1;
        });
        result[table.name] = { rows, sha256: hash.digest("hex") };
      }
      return result;
    } finally {
      await client.query("ROLLBACK");
    }
  });
}

/**
 * The database a command-line backup/restore works on: DATABASE_URL, else the embedded one in
 * .data/postgres (the running server when `npm start` has it up, else started for the command).
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function toolDatabase() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const dataDir = path.resolve(".data/postgres");
  const pidFile = (await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => "")).split("\n");
  const pid = Number(pidFile[0]);
  if (pid && isAlive(pid)) {
    const port = Number(pidFile[3]);
    return { url: `postgresql://postgres:postgres@127.0.0.1:${port}/asn_berbagi`, stop: async () => {} };
  }
  return startEmbeddedPostgres({
    dataDir,
    port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
    persistent: true,
  });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
