// First-load JavaScript of a page: the one definition used by the benchmark (scripts/bench.mts) and
// by the budget check of the test suite (tests/e2e/page-weight.phone.spec.ts); docs/performance.md.
//
//   Every script the browser downloads on a first visit to the page: the <script src> of its HTML
//   and every chunk its code loads straight away, until the network has been quiet for 500 ms; in a
//   fresh browser context (empty cache), signed in; counted as the response bodies as transferred
//   (compressed as the server sent them, headers not counted).
//
// Not counted: the HTML document with its inline RSC payload (reported apart), the stylesheet,
// the `noModule` polyfills (modern browsers never fetch them), chunks loaded later on a tap, and the
// service worker, which is blocked here: it installs after the page is interactive and caches the
// ASN's pages and their scripts in the background (src/app/sw.ts), which is not the page's load.
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContextOptions, Request } from "@playwright/test";

/** "150 kB gzip" as the issue and Next's build output count it: 1 kB = 1,000 bytes. */
export const FIRST_LOAD_JS_BUDGET_BYTES = 150_000;

export type ScriptTransfer = {
  /** Path on the server, e.g. /_next/static/chunks/1co4lziqmjpty.js. */
  path: string;
  /** Bytes of the response body as transferred (gzip from `next start`). */
  transferred: number;
  /** The same body uncompressed, and compressed with gzip -9 (comparable with the build's files). */
  raw: number;
  gzip9: number;
  /** Recharts' class names ("recharts-wrapper", …): the charts must never reach the ASN pages. */
  hasRecharts: boolean;
};

export type PageWeight = {
  path: string;
  scripts: ScriptTransfer[];
  /** Sums over `scripts`. */
  transferred: number;
  raw: number;
  gzip9: number;
  /** The HTML document as transferred (with the inline RSC payload), for reference. */
  document: number;
};

type Cookie = Parameters<Awaited<ReturnType<Browser["newContext"]>>["addCookies"]>[0][number];

async function describe(request: Request, origin: string): Promise<ScriptTransfer> {
  const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
  const body = (await response?.body()) ?? Buffer.alloc(0);
  return {
    path: request.url().replace(origin, ""),
    transferred: sizes.responseBodySize,
    raw: body.byteLength,
    gzip9: gzipSync(body, { level: 9 }).byteLength,
    hasRecharts: body.includes("recharts-"),
  };
}

/** Loads `url` once in a fresh context with `cookies` (the session) and sums its scripts. */
export async function measureFirstLoadJs(
  browser: Browser,
  url: string,
  cookies: Cookie[],
  contextOptions: BrowserContextOptions = {},
): Promise<PageWeight> {
  const context = await browser.newContext({ ...contextOptions, serviceWorkers: "block" });
  try {
    await context.addCookies(cookies);
    const page = await context.newPage();
    const { origin, pathname, search } = new URL(url);
    const scripts: Promise<ScriptTransfer>[] = [];
    const failed: string[] = [];
    let document: Promise<number> = Promise.resolve(0);
    page.on("requestfinished", (request) => {
      if (request.resourceType() === "script") scripts.push(describe(request, origin));
      else if (request.isNavigationRequest() && request.frame() === page.mainFrame())
        document = request.sizes().then((sizes) => sizes.responseBodySize);
    });
    page.on("requestfailed", (request) => {
      if (request.resourceType() === "script") failed.push(request.url());
    });
    const response = await page.goto(url, { waitUntil: "networkidle" });
    if (!response?.ok() || new URL(page.url()).pathname !== pathname)
      throw new Error(`${url}: HTTP ${response?.status()} at ${page.url()} (signed in?)`);
    if (failed.length > 0) throw new Error(`${url}: scripts failed to load: ${failed.join(", ")}`);
    const loaded = await Promise.all(scripts);
    const sum = (key: "transferred" | "raw" | "gzip9") => loaded.reduce((total, s) => total + s[key], 0);
    return {
      path: pathname + search,
      scripts: loaded,
      transferred: sum("transferred"),
      raw: sum("raw"),
      gzip9: sum("gzip9"),
      document: await document,
    };
  } finally {
    await context.close();
  }
}

/** 149,197 → "149.2 kB" (1 kB = 1,000 bytes, as the budget). */
export function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
