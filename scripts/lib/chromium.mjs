// Finds a Chromium for Playwright, installing one when needed, in this order:
// CHROMIUM_PATH, Playwright's own download, /usr/bin/chromium, `playwright install chromium`,
// then Debian's `chromium` package when running as root. Returns the executable path.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const SYSTEM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

function playwrightOwnChromium() {
  try {
    const out = execFileSync(
      process.execPath,
      ["-e", 'process.stdout.write(require("playwright-core").chromium.executablePath())'],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
    return out && existsSync(out) ? out : null;
  } catch {
    return null;
  }
}

function firstSystemChromium() {
  return SYSTEM_CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

function run(command, args) {
  return (
    spawnSync(command, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } })
      .status === 0
  );
}

export function findOrInstallChromium({ log = console.log } = {}) {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  const found = playwrightOwnChromium() ?? firstSystemChromium();
  if (found) return found;
  log("Chromium tidak ditemukan; mencoba `playwright install chromium`…");
  if (run("npx", ["playwright", "install", "chromium"])) {
    const installed = playwrightOwnChromium();
    if (installed) return installed;
  }
  if (process.getuid?.() === 0) {
    log("Memasang paket Debian `chromium` (apt-get)…");
    if (run("apt-get", ["update", "-qq"]) && run("apt-get", ["install", "-y", "-qq", "chromium"])) {
      const installed = firstSystemChromium();
      if (installed) return installed;
    }
  }
  throw new Error(
    "Chromium is required for the e2e tests: set CHROMIUM_PATH or install Debian's `chromium` package.",
  );
}
