// The scale database: SCALE_DATABASE_URL, or a persistent embedded PostgreSQL in
// .data/scale-postgres on its own port (54330, or SCALE_PG_PORT), apart from the app's .data/postgres.
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/embedded-db.mjs";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SCALE_DATA_DIR = path.join(ROOT, ".data/scale-postgres");
export const SCALE_PORT = Number(process.env.SCALE_PG_PORT ?? 54330);

/**
 * Server settings of the embedded scale cluster, as one would give a dedicated database server with
 * 24 GB RAM and SSD storage (a managed PostgreSQL sets similar ones). Durability stays on
 * (fsync, synchronous_commit): the load test measures real commits.
 */
const SERVER_SETTINGS: Record<string, string> = {
  shared_buffers: "2GB",
  effective_cache_size: "12GB",
  work_mem: "32MB",
  maintenance_work_mem: "1GB",
  max_wal_size: "8GB",
  checkpoint_timeout: "15min",
  random_page_cost: "1.1",
  effective_io_concurrency: "200",
  max_connections: "200",
};

export type ScaleDb = { url: string; embedded: boolean; stop: () => Promise<void> };

async function applySettings(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let restart = false;
  try {
    for (const [name, value] of Object.entries(SERVER_SETTINGS)) {
      const { rows } = await client.query<{
        context: string;
        sourcefile: string | null;
        pending_restart: boolean;
      }>("SELECT context, sourcefile, pending_restart FROM pg_settings WHERE name = $1", [name]);
      const current = rows[0];
      if (current?.sourcefile?.endsWith("postgresql.auto.conf") && !current.pending_restart) continue;
      await client.query(`ALTER SYSTEM SET ${name} = '${value}'`);
      if (current?.context === "postmaster") restart = true;
    }
    await client.query("SELECT pg_reload_conf()");
  } finally {
    await client.end();
  }
  return restart;
}

export async function startScaleDb(log: (line: string) => void = console.log): Promise<ScaleDb> {
  const external = process.env.SCALE_DATABASE_URL;
  if (external) return { url: external, embedded: false, stop: async () => undefined };
  log(`PostgreSQL skala (tertanam): ${path.relative(ROOT, SCALE_DATA_DIR)}, port ${SCALE_PORT}`);
  let db = await startEmbeddedPostgres({ dataDir: SCALE_DATA_DIR, port: SCALE_PORT, persistent: true });
  if (await applySettings(db.url)) {
    log("Pengaturan server diterapkan; memulai ulang PostgreSQL skala.");
    await db.stop();
    db = await startEmbeddedPostgres({ dataDir: SCALE_DATA_DIR, port: SCALE_PORT, persistent: true });
  }
  return { url: db.url, embedded: true, stop: db.stop };
}
