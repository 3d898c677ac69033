// Lighthouse mobile performance of a signed-in page, with Debian's Chromium through chrome-launcher.
// Lighthouse lives in scripts/bench/lighthouse (npm --prefix scripts/bench/lighthouse ci), apart
// from the app's dependencies. The session cookie is set in the browser (puppeteer) before the run,
// as a signed-in phone has it: the page's requests and the service worker's warm-up both carry it.
// Lighthouse's default mobile settings: Moto G Power screen, simulated slow 4G, 4× CPU slowdown.
import { writeFile } from "node:fs/promises";
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

export type LighthouseRun = {
  score: number;
  /** Milliseconds (simulated), except CLS. */
  fcp: number;
  lcp: number;
  tbt: number;
  si: number;
  cls: number;
};

type Audit = { numericValue?: number };
type Lhr = {
  categories: { performance: { score: number | null } };
  audits: Record<string, Audit>;
  runtimeError?: { message: string };
};
type Launcher = { launch: (o: object) => Promise<{ port: number; kill: () => Promise<void> | void }> };
type Puppeteer = {
  connect: (o: { browserURL: string }) => Promise<{
    newPage: () => Promise<object>;
    setCookie: (...cookies: { name: string; value: string; url: string }[]) => Promise<void>;
    disconnect: () => Promise<void>;
  }>;
};
type Lh = {
  default: (url: string, flags: object, config: undefined, page: object) => Promise<{ lhr: Lhr } | undefined>;
};

/** With `reportFile`, the whole Lighthouse report (JSON) is written there, for a closer look. */
export async function lighthouseMobile(
  baseUrl: string,
  pagePath: string,
  session: Session,
  reportFile?: string,
): Promise<LighthouseRun> {
  const chromeLauncher = await load<Launcher>("chrome-launcher");
  const puppeteer = (await load<{ default: Puppeteer }>("puppeteer-core")).default;
  const lighthouse = (await load<Lh>("lighthouse")).default;
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
    await browser.setCookie(...session.cookieList());
    const page = await browser.newPage();
    const result = await lighthouse(
      baseUrl + pagePath,
      {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance"],
        formFactor: "mobile",
      },
      undefined,
      page,
    );
    await browser.disconnect();
    if (!result) throw new Error("Lighthouse tidak mengembalikan hasil");
    const { lhr } = result;
    if (reportFile) await writeFile(reportFile, JSON.stringify(lhr));
    if (lhr.runtimeError) throw new Error(lhr.runtimeError.message);
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    return {
      score: Math.round((lhr.categories.performance.score ?? 0) * 100),
      fcp: metric("first-contentful-paint"),
      lcp: metric("largest-contentful-paint"),
      tbt: metric("total-blocking-time"),
      si: metric("speed-index"),
      cls: metric("cumulative-layout-shift"),
    };
  } finally {
    await chrome.kill();
  }
}

/** The run with the median score (Lighthouse varies from run to run, more so on a shared machine). */
export function medianRun(runs: LighthouseRun[]): LighthouseRun {
  return [...runs].sort((a, b) => a.score - b.score)[Math.floor(runs.length / 2)]!;
}

export function describeRun(run: LighthouseRun): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return `skor ${run.score}: FCP ${s(run.fcp)}, LCP ${s(run.lcp)}, TBT ${Math.round(run.tbt)} ms, CLS ${run.cls.toFixed(3)}, SI ${s(run.si)}`;
}
