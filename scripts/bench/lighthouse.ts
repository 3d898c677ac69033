// Lighthouse mobile performance of a signed-in page, with Debian's Chromium through chrome-launcher.
// Lighthouse lives in scripts/bench/lighthouse (npm --prefix scripts/bench/lighthouse ci), apart
// from the app's dependencies. The session cookie goes in as an extra header.
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Session } from "./http.ts";
import { ROOT } from "../scale/db.ts";

const TOOL_DIR = path.join(ROOT, "scripts/bench/lighthouse");

async function load<T>(name: string): Promise<T> {
  const require = createRequire(path.join(TOOL_DIR, "package.json"));
  let resolved: string;
  try {
    resolved = require.resolve(name);
  } catch {
    throw new Error(`paket ${name} belum terpasang: npm --prefix scripts/bench/lighthouse ci`);
  }
  return (await import(pathToFileURL(resolved).href)) as T;
}

export async function lighthouseMobile(
  baseUrl: string,
  pagePath: string,
  session: Session,
): Promise<{ score: number }> {
  type Launcher = { launch: (o: object) => Promise<{ port: number; kill: () => Promise<void> | void }> };
  type Lh = {
    default: (
      url: string,
      flags: object,
    ) => Promise<
      | { lhr: { categories: { performance: { score: number | null } }; runtimeError?: { message: string } } }
      | undefined
    >;
  };
  const chromeLauncher = await load<Launcher>("chrome-launcher");
  const lighthouse = (await load<Lh>("lighthouse")).default;
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const result = await lighthouse(baseUrl + pagePath, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      formFactor: "mobile",
      extraHeaders: { Cookie: session.cookieHeader() },
    });
    if (!result) throw new Error("Lighthouse tidak mengembalikan hasil");
    if (result.lhr.runtimeError) throw new Error(result.lhr.runtimeError.message);
    return { score: Math.round((result.lhr.categories.performance.score ?? 0) * 100) };
  } finally {
    await chrome.kill();
  }
}
