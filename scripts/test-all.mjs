// `npm test`: every tier in order (lint, typecheck, unit, integration on real PostgreSQL, build,
// e2e in real Chromium), then one plain line `N passed, N failed` totalled over all tiers.
// Lint, typecheck and build count as one check each; unit/integration/e2e count their tests.
// Every tier runs even when an earlier one fails (e2e needs the build), and the exit code is 1
// when anything failed.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { findOrInstallChromium } from "./lib/chromium.mjs";

const RESULTS = ".test-results";
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
const tiers = [];

function run(command, args, env = baseEnv) {
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env });
  return { ok: result.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function check(name, command, args) {
  console.log(`\n=== ${name} ===`);
  const { ok, seconds } = run(command, args);
  tiers.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds });
  return ok;
}

function readJson(file) {
  try {
    return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
  } catch {
    return null;
  }
}

function vitestTier(name, project) {
  console.log(`\n=== ${name} ===`);
  const file = `${RESULTS}/${project}.json`;
  const { ok, seconds } = run("npx", [
    "vitest",
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${file}`,
  ]);
  const report = readJson(file);
  const passed = report?.numPassedTests ?? 0;
  let failed = report?.numFailedTests ?? 0;
  // A runner that failed without a failed test (crash, broken suite) counts as one failure.
  if (!ok && failed === 0) failed = 1;
  tiers.push({ name, passed, failed, seconds });
}

function e2eTier(buildOk) {
  console.log("\n=== e2e (Playwright, Chromium) ===");
  if (!buildOk) {
    tiers.push({ name: "e2e", passed: 0, failed: 1, seconds: "0.0", note: "build failed" });
    return;
  }
  const chromium = findOrInstallChromium();
  console.log(`Chromium: ${chromium}`);
  const env = {
    ...baseEnv,
    CHROMIUM_PATH: chromium,
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
  };
  const started = Date.now();
  const result = spawnSync("node", ["scripts/with-db.mjs", "--seed", "npx", "playwright", "test"], {
    stdio: "inherit",
    env,
  });
  const report = readJson(`${RESULTS}/e2e.json`);
  const stats = report?.stats ?? {};
  const passed = (stats.expected ?? 0) + (stats.flaky ?? 0);
  let failed = stats.unexpected ?? 0;
  if (result.status !== 0 && failed === 0) failed = 1;
  tiers.push({ name: "e2e", passed, failed, seconds: ((Date.now() - started) / 1000).toFixed(1) });
}

check("lint (ESLint + Prettier)", "npm", ["run", "--silent", "lint:all"]);
check("typecheck (tsc --noEmit)", "npx", ["tsc", "--noEmit"]);
vitestTier("unit", "unit");
vitestTier("integration (PostgreSQL)", "integration");
const buildOk = check("build (next build)", "npx", ["next", "build"]);
e2eTier(buildOk);

console.log("\n=== summary ===");
for (const t of tiers)
  console.log(
    `${t.name.padEnd(28)} ${String(t.passed).padStart(4)} passed ${String(t.failed).padStart(3)} failed  ${t.seconds}s${t.note ? `  (${t.note})` : ""}`,
  );
const passed = tiers.reduce((sum, t) => sum + t.passed, 0);
const failed = tiers.reduce((sum, t) => sum + t.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
