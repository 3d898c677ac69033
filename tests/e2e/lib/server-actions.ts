import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";

// Server actions and route handlers as an attacker sees them: every action the production build
// exposes (its server-reference manifest), called over HTTP exactly as React's client does, and
// every route handler file with its exported HTTP methods. Used by the authorization matrix and the
// fuzz test (docs/decisions/013-authorization-matrix-and-fuzzing.md).

const root = path.resolve(__dirname, "../../..");

export type ManifestAction = {
  /** The action id React sends in the `Next-Action` header. */
  id: string;
  /** "src/features/visits/actions.ts#submitVisitAction": the key of the authorization table. */
  key: string;
  /** The pages whose bundle carries the action, e.g. "app/(app)/asn/page". */
  workers: string[];
};

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };

/** Every server action of the build in `NEXT_DIST_DIR` (default `.next`); throws when there is no build. */
export function loadActionManifest(distDir = process.env.NEXT_DIST_DIR ?? ".next"): ManifestAction[] {
  const file = path.join(root, distDir, "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node).map(([id, entry]) => {
    if (!entry.filename || !entry.exportedName) throw new Error(`action ${id} has no file/export name`);
    return { id, key: `${entry.filename}#${entry.exportedName}`, workers: Object.keys(entry.workers) };
  });
}

/** "app/(app)/admin/asn/[asnId]/page" with { asnId } → "/admin/asn/<asnId>". */
export function pagePathOf(worker: string, params: Record<string, string> = {}): string {
  const segments = worker
    .replace(/^app\//, "")
    .replace(/\/?page$/, "")
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .map((s) => {
      const name = /^\[(.+)\]$/.exec(s)?.[1];
      if (!name) return s;
      const value = params[name];
      if (!value) throw new Error(`no value for [${name}] of ${worker}`);
      return encodeURIComponent(value);
    });
  return `/${segments.join("/")}`;
}

// React's own encoder of server-action arguments (the client bundle's `encodeReply`): FormData
// arguments become multipart fields, everything else React's JSON reply format.
const requireFromApp = createRequire(path.join(root, "package.json"));
const { encodeReply } = requireFromApp("next/dist/compiled/react-server-dom-turbopack/client.node") as {
  encodeReply: (value: unknown[]) => Promise<string | FormData>;
};

export type ActionReply = {
  status: number;
  /** Where the action (or the proxy) sends the browser: `x-action-redirect` or `Location`. */
  redirect: string | null;
  /** The action's return value, decoded from the RSC payload (undefined when it returned nothing). */
  result: unknown;
  body: string;
};

/**
 * Calls a server action as React does: POST to a page (an absolute URL) with `Next-Action` and the
 * encoded arguments.
 */
export async function callAction(
  request: APIRequestContext,
  action: { id: string; page: string },
  args: unknown[],
): Promise<ActionReply> {
  const encoded = await encodeReply(args);
  const headers = {
    Accept: "text/x-component",
    "Next-Action": action.id,
    // What a browser adds to a same-origin POST; Next compares it with Host (CSRF check).
    Origin: new URL(action.page).origin,
  };
  const response =
    typeof encoded === "string"
      ? await request.post(action.page, {
          headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" },
          data: encoded,
          maxRedirects: 0,
        })
      : await request.post(action.page, { headers, multipart: encoded, maxRedirects: 0 });
  return readActionReply(response);
}

/** Posts an already-built body (for malformed encodings in the fuzz test). */
export async function postActionBody(
  request: APIRequestContext,
  action: { id: string; page: string },
  body: { multipart: FormData } | { data: string | Buffer; contentType: string },
): Promise<ActionReply> {
  const headers = { Accept: "text/x-component", "Next-Action": action.id };
  const response =
    "multipart" in body
      ? await request.post(action.page, { headers, multipart: body.multipart, maxRedirects: 0 })
      : await request.post(action.page, {
          headers: { ...headers, "Content-Type": body.contentType },
          data: body.data,
          maxRedirects: 0,
        });
  return readActionReply(response);
}

async function readActionReply(response: APIResponse): Promise<ActionReply> {
  const body = await response.text();
  const headers = response.headers();
  const actionRedirect = headers["x-action-redirect"]?.split(";")[0] ?? null;
  const redirect =
    actionRedirect ?? (response.status() >= 300 && response.status() < 400 ? headers.location! : null);
  const result = (headers["content-type"] ?? "").startsWith("text/x-component")
    ? actionResultOf(body)
    : undefined;
  return { status: response.status(), redirect, result, body };
}

/**
 * The return value in an action's RSC payload: rows `<id>:<json>`, row 0 `{ "a": "$@<row>" }`.
 * Enough of React's format for the plain objects actions return ("$undefined", "$@" references).
 */
export function actionResultOf(payload: string): unknown {
  const rows = new Map<string, string>();
  for (const line of payload.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1]!, match[2]!);
  }
  // "E{...}": the action threw (production sends only a digest).
  const parse = (text: string): unknown => {
    try {
      return text.startsWith("E") ? { $error: JSON.parse(text.slice(1)) as unknown } : JSON.parse(text);
    } catch {
      return { $unreadable: text };
    }
  };
  const revive = (value: unknown): unknown => {
    if (typeof value === "string") {
      if (value === "$undefined") return undefined;
      const ref = /^\$@?([0-9a-f]+)$/.exec(value);
      if (ref && rows.has(ref[1]!)) return revive(parse(rows.get(ref[1]!)!));
      return value.startsWith("$$") ? value.slice(1) : value;
    }
    if (Array.isArray(value)) return value.map(revive);
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
    return value;
  };
  const head = rows.get("0");
  if (!head) return undefined;
  const root = parse(head) as { a?: unknown };
  return root && typeof root === "object" && "a" in root ? revive(root.a) : root;
}

// ---------------------------------------------------------------------------------------------
// Route handlers

const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export type RouteHandler = { key: string; path: string; method: string; file: string };

/**
 * Every route handler with each HTTP method it answers, "/api/visits POST": src/app/**\/route.ts
 * (the methods it exports) and the Pages API routes in src/pages/api (the methods it accepts).
 */
export function listRouteHandlers(): RouteHandler[] {
  return [...appRouteHandlers(), ...pagesApiRoutes()].sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** src/pages/api/<path>.ts: the methods come from its `req.method !== "POST"` check. */
function pagesApiRoutes(): RouteHandler[] {
  const apiDir = path.join(root, "src/pages/api");
  if (!existsSync(apiDir)) return [];
  const files = (readdirSync(apiDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".ts"))
    .sort();
  return files.flatMap((file) => {
    const source = readFileSync(path.join(apiDir, file), "utf8");
    const methods = [...source.matchAll(/req\.method !== "([A-Z]+)"/g)].map((m) => m[1]!);
    if (methods.length === 0)
      throw new Error(`no accepted method found in src/pages/api/${file}: check req.method against one`);
    const routePath = `/api/${file.replace(/\.ts$/, "").replace(/(^|\/)index$/, "")}`;
    return methods.map((method) => ({
      key: `${routePath} ${method}`,
      path: routePath,
      method,
      file: `src/pages/api/${file}`,
    }));
  });
}

function appRouteHandlers(): RouteHandler[] {
  const appDir = path.join(root, "src/app");
  const files = (readdirSync(appDir, { recursive: true }) as string[])
    .filter((f) => path.basename(f) === "route.ts")
    .sort();
  return files.flatMap((file) => {
    const source = readFileSync(path.join(appDir, file), "utf8");
    const methods = exportedMethods(source);
    if (methods.length === 0)
      throw new Error(`no HTTP method found in src/app/${file}: update exportedMethods`);
    const routePath = `/${path
      .dirname(file)
      .split(path.sep)
      .filter((s) => s !== "." && !/^\(.*\)$/.test(s))
      .join("/")}`;
    return methods.map((method) => ({
      key: `${routePath} ${method}`,
      path: routePath,
      method,
      file: `src/app/${file}`,
    }));
  });
}

/** Every page of src/app as its URL path, e.g. "/admin/asn/[asnId]" (route groups left out). */
export function listPages(): string[] {
  const appDir = path.join(root, "src/app");
  return (readdirSync(appDir, { recursive: true }) as string[])
    .filter((f) => path.basename(f) === "page.tsx")
    .map(
      (f) =>
        `/${path
          .dirname(f)
          .split(path.sep)
          .filter((s) => s !== "." && !/^\(.*\)$/.test(s))
          .join("/")}`,
    )
    .sort();
}

/** `export async function GET`, `export const GET =`, `export { handler as GET }`, `export const { GET } =`. */
export function exportedMethods(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+([A-Z]+)\b/g)) names.add(m[1]!);
  for (const m of source.matchAll(/export\s+const\s+([A-Z]+)\s*=/g)) names.add(m[1]!);
  for (const m of source.matchAll(/export\s+(?:const\s+)?\{([^}]*)\}/g))
    for (const part of m[1]!.split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) names.add(name);
    }
  return [...names].filter((n) => HTTP_METHODS.has(n)).sort();
}
