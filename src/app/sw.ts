// The ASN service worker (bundled by @serwist/turbopack's route, src/app/serwist/[path]/route.ts,
// served as /serwist/sw.js, scope /asn). What it keeps for offline use (docs/decisions/007):
// - ASN pages (HTML of full page loads under /asn): network first, the cached copy when offline;
// - Next's hashed scripts/styles (/_next/static): cache first, also the chunks scripts load later;
// - a warm-up on request of the ASN home: the home and each of the ASN's own families.
// Not cached: server actions (POST), RSC payloads, API routes, photos, other roles' pages.
// No webworker lib here (it would change `self` for the whole project): minimal local types.
import {
  CacheFirst,
  ExpirationPlugin,
  NetworkFirst,
  Serwist,
  StaleWhileRevalidate,
  type PrecacheEntry,
  type SerwistPlugin,
} from "serwist";

type ExtendableMessageEvent = Event & { data: unknown; waitUntil(promise: Promise<unknown>): void };
type WorkerScope = {
  __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  location: Location;
  addEventListener(type: "message", listener: (event: ExtendableMessageEvent) => void): void;
};
declare const self: WorkerScope;

const PAGES = "asn-pages-v1";
const ASSETS = "asn-assets-v1";
const WARM_UP = "ASN_WARM_UP"; // offline-client.ts SW_WARM_UP
const ASN_PATH = /^\/asn(\/|$)/;

/** One cache entry per page: the query is dropped (e.g. ?terkirim=1) except the report's period. */
function pageKey(url: URL): string {
  const key = new URL(url.pathname, url.origin);
  const period = url.searchParams.get("periode");
  if (period) key.searchParams.set("periode", period);
  return key.href;
}

function isCacheablePage(response: Response): boolean {
  return (
    response.status === 200 &&
    response.type === "basic" &&
    !response.redirected &&
    (response.headers.get("content-type") ?? "").includes("text/html")
  );
}

const pagePlugin: SerwistPlugin = {
  cacheKeyWillBeUsed: async ({ request }) => pageKey(new URL(request.url)),
  cacheWillUpdate: async ({ request, response }) =>
    isCacheablePage(response) && !new URL(request.url).searchParams.has("terkirim") ? response : null,
  // A family no longer assigned to this ASN answers 404: forget its cached page.
  fetchDidSucceed: async ({ request, response }) => {
    if (response.status === 404) await (await caches.open(PAGES)).delete(pageKey(new URL(request.url)));
    return response;
  },
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ request, url, sameOrigin }) =>
        sameOrigin && request.mode === "navigate" && request.method === "GET" && ASN_PATH.test(url.pathname),
      handler: new NetworkFirst({
        cacheName: PAGES,
        networkTimeoutSeconds: 10,
        plugins: [pagePlugin, new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 24 * 3600 })],
      }),
    },
    {
      matcher: ({ url, sameOrigin, request }) =>
        sameOrigin && request.method === "GET" && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({
        cacheName: ASSETS,
        plugins: [new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 60 * 24 * 3600 })],
      }),
    },
    {
      matcher: ({ url, sameOrigin }) =>
        sameOrigin && (url.pathname.startsWith("/icons/") || url.pathname === "/manifest.webmanifest"),
      handler: new StaleWhileRevalidate({ cacheName: ASSETS }),
    },
  ],
});

const STATIC_ASSET = /\/_next\/static\/[^"'\\\s)<>]+/g;
/** A chunk a script loads later (dynamic import): Turbopack names it inside the script. */
const LAZY_CHUNK = /["'](static\/chunks\/[\w.-]+\.js)["']/g;

/**
 * Caches the given ASN pages (fetched with the ASN's own session: the server's scoping decides
 * what comes back) and the scripts/styles they reference. With `complete`, the list is the ASN's
 * whole family list: cached pages of families no longer on it are dropped.
 */
async function warmUp(paths: string[], complete: boolean): Promise<void> {
  const pages = await caches.open(PAGES);
  const assets = await caches.open(ASSETS);
  const referenced = new Set<string>();
  for (const path of paths) {
    const url = new URL(path, self.location.origin);
    let response: Response;
    try {
      response = await fetch(url.href, { credentials: "same-origin", redirect: "manual" });
    } catch {
      return; // offline again: keep what is cached
    }
    if (response.status === 404) {
      await pages.delete(pageKey(url));
      continue;
    }
    if (!isCacheablePage(response)) continue; // e.g. redirected to /login: never cache
    const html = await response.clone().text();
    await pages.put(pageKey(url), response);
    for (const match of html.matchAll(STATIC_ASSET)) referenced.add(match[0]);
  }
  // The scripts and styles the pages reference, then the chunks those scripts load on demand (the
  // photo resize of the report form, for one): offline, a chunk not cached could not be loaded.
  // Cached scripts are read again, so chunks a broken-off earlier warm-up missed are found too.
  const pending = [...referenced];
  while (pending.length > 0) {
    const asset = pending.shift()!;
    let response = await assets.match(asset);
    if (!response) {
      try {
        const fetched = await fetch(asset, { credentials: "same-origin" });
        if (!fetched.ok) continue;
        await assets.put(asset, fetched.clone());
        response = fetched;
      } catch {
        return;
      }
    }
    if (!asset.endsWith(".js")) continue;
    for (const match of (await response.text()).matchAll(LAZY_CHUNK)) {
      const chunk = `/_next/${match[1]}`;
      if (referenced.has(chunk)) continue;
      referenced.add(chunk);
      pending.push(chunk);
    }
  }
  if (complete) {
    const keep = new Set(paths);
    for (const request of await pages.keys()) {
      const path = new URL(request.url).pathname;
      if (path.startsWith("/asn/keluarga/") && !keep.has(path)) await pages.delete(request);
    }
  }
}

self.addEventListener("message", (event) => {
  const data = event.data as { type?: unknown; urls?: unknown; complete?: unknown } | null;
  if (data?.type !== WARM_UP || !Array.isArray(data.urls)) return;
  const paths = data.urls.filter((u): u is string => typeof u === "string" && ASN_PATH.test(u));
  event.waitUntil(warmUp(paths, data.complete === true));
});

serwist.addEventListeners();
