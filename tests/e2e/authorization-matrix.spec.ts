import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import {
  ACTION_TABLE,
  ACTORS,
  byActor,
  ROUTE_TABLE,
  type ActionKey,
  type ActionOutcome,
  type ActorKey,
  type RouteKey,
} from "./authorization-table";
import {
  ACTION_CASES,
  describe,
  NOT_FOUND,
  outcomeOf,
  ROUTE_CASES,
  type RouteRequest,
} from "./lib/authorization-cases";
import { fingerprint, openWorld, type OpenWorld, type World } from "./lib/fixture-world";
import { callAction, listRouteHandlers, loadActionManifest, pagePathOf } from "./lib/server-actions";

// ASVS V4 (access control), proven over HTTP for every server action of the production build and
// every route handler in src/app, for eight kinds of actor (tests/e2e/authorization-table.ts).
// Refused calls are the very calls that succeed for an allowed actor (or point just outside the
// caller's scope), and must change nothing: the world's fingerprint (lib/fixture-world.ts) is
// compared before and after each. Allowed calls must succeed and (when they write) change it,
// which also proves that the calls are encoded the way React encodes them.

const manifest = loadActionManifest();
const routeHandlers = listRouteHandlers();

let opened: OpenWorld;
let world: World;
let baseURL: string;
let sessions: Record<ActorKey, APIRequestContext>;

test.beforeAll(async ({}, testInfo) => {
  baseURL = testInfo.project.use.baseURL!;
  opened = await openWorld(baseURL);
  ({ world, sessions } = opened);
});

test.afterAll(async () => {
  await opened?.close();
});

// ---------------------------------------------------------------------------------------------
// The tests

test("every server action of the build and every route handler has a row, and every row exists", () => {
  const actions = manifest.map((a) => a.key).sort();
  expect(actions.length).toBeGreaterThan(0);
  expect(actions, "server actions in the build vs rows of ACTION_TABLE").toEqual(
    Object.keys(ACTION_TABLE).sort(),
  );
  const routes = routeHandlers.map((r) => r.key).sort();
  expect(routes, "route handlers in src/app vs rows of ROUTE_TABLE").toEqual(Object.keys(ROUTE_TABLE).sort());
});

for (const action of manifest) {
  test(`action ${action.key}`, async () => {
    const row = ACTION_TABLE[action.key as ActionKey] as (typeof ACTION_TABLE)[ActionKey] | undefined;
    expect(row, `no row for ${action.key} in tests/e2e/authorization-table.ts`).toBeDefined();
    const spec = ACTION_CASES[action.key as ActionKey];
    const expected = byActor(row!);
    const allowed = ACTORS.filter((a) => expected[a] === "ok");
    const notFound = spec.notFound === undefined ? NOT_FOUND : spec.notFound;
    const target = {
      id: action.id,
      page: `${baseURL}${pagePathOf(action.workers[0]!, {
        asnId: world.users.moveFrom.id,
        householdId: world.households.own.id,
        batchId: world.failedBatchId,
        followUpId: world.followUps.inScope,
      })}`,
    };
    const problems: string[] = [];
    const refuse = async (actor: ActorKey, label: string, want: ActionOutcome, args: unknown[]) => {
      const before = await fingerprint(world);
      const reply = await callAction(sessions[actor], target, args);
      const got = outcomeOf(reply, notFound);
      if (got !== want) problems.push(`${label}: expected ${want}, got ${describe(reply)}`);
      if ((await fingerprint(world)) !== before) problems.push(`${label}: a refused call changed data`);
    };

    for (const actor of ACTORS.filter((a) => expected[a] !== "ok")) {
      const args = await (spec.refusedArgs ? spec.refusedArgs(world) : spec.args(world, allowed[0]!));
      await refuse(actor, actor, expected[actor], args);
    }
    for (const [actor, cases] of Object.entries(spec.crossScope ?? {}) as [
      ActorKey,
      { label: string; args: (w: World) => unknown[] }[],
    ][])
      for (const c of cases) await refuse(actor, `${actor} with ${c.label}`, "404", c.args(world));

    for (const actor of allowed) {
      const before = await fingerprint(world);
      const reply = await callAction(sessions[actor], target, await spec.args(world, actor));
      const problem = spec.succeeded(reply, actor);
      if (problem) problems.push(`${actor}: ${problem}`);
      const changed = (await fingerprint(world)) !== before;
      if (!problem && changed !== spec.writes)
        problems.push(`${actor}: the allowed call ${changed ? "changed" : "did not change"} data`);
      await spec.restore?.(world, actor);
    }
    expect(problems, `${action.key} (table row: ${row!.join(" ")})`).toEqual([]);
  });
}

async function send(context: APIRequestContext, method: string, r: RouteRequest): Promise<APIResponse> {
  const options = { headers: r.headers, data: r.data, maxRedirects: 0 };
  return method === "POST" ? context.post(r.path, options) : context.get(r.path, options);
}

for (const route of routeHandlers) {
  test(`route ${route.key}`, async () => {
    const row = ROUTE_TABLE[route.key as RouteKey] as (typeof ROUTE_TABLE)[RouteKey] | undefined;
    expect(row, `no row for ${route.key} (${route.file}) in tests/e2e/authorization-table.ts`).toBeDefined();
    const spec = ROUTE_CASES[route.key as RouteKey];
    const expected = byActor(row!);
    const problems: string[] = [];
    const attempt = async (actor: ActorKey, label: string, want: number, request: RouteRequest) => {
      const before = await fingerprint(world);
      const response = await send(sessions[actor], route.method, request);
      const body = await response.text();
      if (response.status() !== want)
        problems.push(`${label}: expected ${want}, got ${response.status()} ${body.slice(0, 200)}`);
      else if (want < 300 && spec.check) {
        const problem = spec.check(response);
        if (problem) problems.push(`${label}: ${problem}`);
      }
      if (want >= 400 && (await fingerprint(world)) !== before)
        problems.push(`${label}: a refused request changed data`);
      if (want < 300) await spec.settle?.(response, sessions[actor]);
      if (want === 401 || (want === 404 && route.path.startsWith("/api/"))) {
        const error = (JSON.parse(body) as { error?: string }).error;
        if (!error) problems.push(`${label}: no Indonesian error message in ${body.slice(0, 100)}`);
      }
    };
    // Refused first: an allowed write (an upload) must not be running while a refusal is checked.
    const ordered = [...ACTORS.filter((a) => expected[a] >= 400), ...ACTORS.filter((a) => expected[a] < 400)];
    for (const actor of ordered.filter((a) => expected[a] >= 400))
      await attempt(actor, actor, expected[actor], spec.request(world));
    for (const [actor, cases] of Object.entries(spec.crossScope ?? {}) as [
      ActorKey,
      { label: string; request: (w: World) => RouteRequest }[],
    ][])
      for (const c of cases) await attempt(actor, `${actor} with ${c.label}`, 404, c.request(world));
    for (const actor of ordered.filter((a) => expected[a] < 400))
      await attempt(actor, actor, expected[actor], spec.request(world));
    expect(problems, `${route.key} (table row: ${row!.join(" ")})`).toEqual([]);
  });
}
