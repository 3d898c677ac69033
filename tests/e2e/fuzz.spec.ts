import http from "node:http";
import ExcelJS from "exceljs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { familyRows, HOUSEHOLD_HEADERS } from "../support/import-fixtures";
import { ACTION_TABLE, ACTORS, byActor, type ActionKey, type ActorKey } from "./authorization-table";
import { ACTION_CASES, form, IDLE } from "./lib/authorization-cases";
import {
  fingerprint,
  openWorld,
  storedCounts,
  visitReport,
  waitForPreview,
  type OpenWorld,
  type World,
} from "./lib/fixture-world";
import {
  badBatchId,
  badUpload,
  badVisitReport,
  fuzzContext,
  goodHouseholdCsv,
  PAYLOADS,
  Rng,
} from "./lib/fuzz-inputs";
import {
  callAction,
  listPages,
  loadActionManifest,
  pagePathOf,
  postActionBody,
  type ActionReply,
  type ManifestAction,
} from "./lib/server-actions";

// ASVS V5 (validation): thousands of generated bad inputs against the visit report (POST
// /api/visits and submitVisitAction) and the registry import (POST /api/admin/imports and the
// commit/cancel actions), plus every text field of every server action poisoned with control
// characters and oversized text. Each answer must be a 4xx (or, for an action, a structured error)
// with an Indonesian message and no internal detail, and nothing may be stored. Deterministic:
// FUZZ_SEED=<n> reproduces a run; a failure prints the seed and the failing input.

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_129);
const COUNT = { api: 1200, action: 300, upload: 400, importActions: 150 };

/** Internal detail that must never reach a client. */
const LEAK =
  /(\bat \/|\bat [\w$.<>]+ \(|Error:|prisma|TypeError|SyntaxError|RangeError|ReferenceError|ECONN|ENOENT|node_modules|\/work\/|\/tmp\/|\.tsx?:\d|\.m?js:\d|Invalid `|\bP20\d\d\b)/i;
/** Zod's (and other libraries') English defaults. */
const ENGLISH =
  /\b(invalid input|expected|received|required|too (big|small)|unexpected token|must be|not found)\b/i;
/** A few words any Indonesian message of this app uses (function words and the domain's own). */
const INDONESIAN =
  /\b(tidak|yang|dan|atau|ini|dari|untuk|dengan|harus|wajib|belum|salah|isian|data|laporan|kirim|ulangi|masukkan|terlalu|silakan|periksa|pilih|ditolak|keluarga|kunci|periode|tanggal|nilai|jumlah|anggota|berkas|impor|kolom|masuk|ditemukan|sudah|kosong|karakter|paling|maksimal|minimal|isi|kata sandi)\b/i;

const manifest = new Map(loadActionManifest().map((a) => [a.key, a]));

// Thousands of requests: a generous safety net against a slow shared machine, not a speed target
// (the run time is reported by Playwright).
test.describe.configure({ timeout: 240_000 });

let opened: OpenWorld;
let world: World;
let baseURL: string;
let sessions: OpenWorld["sessions"];

test.beforeAll(async ({}, testInfo) => {
  baseURL = testInfo.project.use.baseURL!;
  opened = await openWorld(baseURL);
  ({ world, sessions } = opened);
  console.log(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} reproduces this run)`);
});

test.afterAll(async () => {
  await opened?.close();
});

type Failure = { input: number; label: string; problem: string; sent: string };

/** Collects failures; the assertion shows the seed and the first ones with what was sent. */
class Findings {
  readonly failures: Failure[] = [];
  constructor(private readonly name: string) {}
  add(input: number, label: string, problem: string, sent: string | Buffer) {
    const text = typeof sent === "string" ? sent : sent.toString("utf8");
    this.failures.push({
      input,
      label,
      problem,
      sent: text.length > 400 ? `${text.slice(0, 400)}… (${text.length} chars)` : text,
    });
  }
  assert(total: number) {
    if (this.failures.length > 0)
      void test.info().attach(`${this.name} failures.json`, {
        body: JSON.stringify(this.failures, null, 2),
        contentType: "application/json",
      });
    expect(
      this.failures.slice(0, 8),
      `${this.name}: ${this.failures.length} of ${total} inputs failed (FUZZ_SEED=${SEED})`,
    ).toEqual([]);
  }
}

/** The message problems of an answer, or null. */
function answerProblem(message: unknown, text: string): string | null {
  if (typeof message !== "string" || message.trim() === "") return "no message";
  if (!INDONESIAN.test(message)) return `message not in Indonesian: ${message}`;
  const english = ENGLISH.exec(text);
  if (english) return `English text in the answer ("${english[0]}"): ${text.slice(0, 300)}`;
  const leak = LEAK.exec(text);
  if (leak) return `internal detail in the answer ("${leak[0]}"): ${text.slice(0, 300)}`;
  return null;
}

function actionTarget(key: ActionKey): ManifestAction & { page: string } {
  const action = manifest.get(key)!;
  const page = pagePathOf(action.workers[0]!, {
    asnId: world.users.moveFrom.id,
    householdId: world.households.own.id,
    batchId: world.failedBatchId,
    followUpId: world.followUps.inScope,
  });
  return { ...action, page: `${baseURL}${page}` };
}

/** A structured error result of an action, or what is wrong with the reply. */
function actionErrorProblem(reply: ActionReply): string | null {
  if (reply.status !== 200) return `HTTP ${reply.status}: ${reply.body.slice(0, 200)}`;
  const result = reply.result as { status?: string; message?: string; fieldErrors?: unknown } | undefined;
  if (result?.status !== "error")
    return `not an error result: ${JSON.stringify(result)?.slice(0, 200) ?? reply.body.slice(0, 200)}`;
  const leak = LEAK.exec(reply.body);
  if (leak) return `internal detail in the answer ("${leak[0]}")`;
  return answerProblem(
    result.message,
    JSON.stringify({ message: result.message, fieldErrors: result.fieldErrors }),
  );
}

type Input = { label: string; sent: string | Buffer };

/**
 * Sends inputs a few at a time (the order of generation stays fixed by the seed) and checks what is
 * stored after each group of CHUNK; when a group stored something, it is replayed one input at a
 * time to name the culprit. `send` answers the problem with the reply, or null.
 */
async function fuzz<T extends Input>(
  findings: Findings,
  inputs: T[],
  send: (input: T) => Promise<string | null>,
) {
  const CHUNK = 24;
  const PARALLEL = 4;
  for (let start = 0; start < inputs.length; start += CHUNK) {
    const chunk = inputs.slice(start, start + CHUNK);
    const before = await storedCounts(world);
    const problems: (string | null)[] = [];
    for (let i = 0; i < chunk.length; i += PARALLEL)
      problems.push(...(await Promise.all(chunk.slice(i, i + PARALLEL).map(send))));
    problems.forEach(
      (problem, i) => problem && findings.add(start + i, chunk[i]!.label, problem, chunk[i]!.sent),
    );
    if ((await storedCounts(world)) === before) continue;
    let named = false;
    for (const [i, input] of chunk.entries()) {
      const was = await storedCounts(world);
      await send(input);
      const now = await storedCounts(world);
      if (now !== was) {
        findings.add(start + i, input.label, `stored something: ${was} → ${now}`, input.sent);
        named = true;
      }
    }
    if (!named) findings.add(start, `inputs ${start}–${start + chunk.length - 1}`, "stored something", "");
  }
}

function apiProblem(status: number, text: string): string | null {
  if (status < 400 || status >= 500) return `HTTP ${status}: ${text.slice(0, 200)}`;
  return answerProblem(safeJson(text)?.error, text);
}

test("POST /api/visits: generated bad reports get a 4xx in Indonesian and store nothing", async () => {
  const rng = new Rng(SEED);
  const context = fuzzContext(world);
  const findings = new Findings("POST /api/visits");
  const inputs = Array.from({ length: COUNT.api }, () => {
    const input = badVisitReport(rng, context);
    return { ...input, sent: input.data };
  });
  await fuzz(findings, inputs, async (input) => {
    const response = await sessions.asn.post("/api/visits", {
      headers: { "Content-Type": input.contentType },
      data: input.data,
      maxRedirects: 0,
    });
    return apiProblem(response.status(), await response.text());
  });
  // Past the proxy's 10 MB body cap (src/proxy.ts buffers the bodies of the routes it sees).
  const huge = await sessions.asn.post("/api/visits", {
    headers: { "Content-Type": "application/json" },
    data: Buffer.alloc(11 * 1024 * 1024, " "),
  });
  const hugeProblem = apiProblem(huge.status(), await huge.text());
  if (hugeProblem) findings.add(COUNT.api, "body of 11 MB", hugeProblem, "");
  findings.assert(COUNT.api + 1);

  // The endpoint works: the valid report is stored.
  const valid = await sessions.asn.post("/api/visits", { data: visitReport(world, world.households.ownApi) });
  expect(valid.status(), await valid.text()).toBe(201);
});

test("submitVisitAction: generated bad reports and photos get an Indonesian error and store nothing", async () => {
  const rng = new Rng(SEED + 1);
  const context = fuzzContext(world);
  const target = actionTarget("src/features/visits/actions.ts#submitVisitAction");
  const findings = new Findings("submitVisitAction");
  const photos: [string, () => FormDataEntryValue | null][] = [
    ["no photo", () => null],
    ["photo as text", () => "bukan-berkas"],
    ["empty photo", () => new File([], "kosong.jpg")],
    [
      "random bytes as JPEG",
      () => new File([new Uint8Array(rng.bytes(2000))], "acak.jpg", { type: "image/jpeg" }),
    ],
    ["SVG with script", () => new File(["<svg onload=alert(1)>"], "a.svg", { type: "image/svg+xml" })],
    ["photo of 1.2 MB", () => new File([new Uint8Array(1_200_000)], "besar.jpg", { type: "image/jpeg" })],
  ];
  const inputs = Array.from({ length: COUNT.action }, () => {
    const input = badVisitReport(rng, context, { wire: false });
    const [photoLabel, photo] = rng.chance(0.5) ? photos[0]! : rng.pick(photos);
    const data = new FormData();
    data.append("payload", input.data.toString("utf8"));
    const file = photo();
    if (file !== null) data.append("photo", file);
    return { label: `${input.label}; ${photoLabel}`, sent: input.data, data };
  });
  await fuzz(findings, inputs, async (input) =>
    actionErrorProblem(await callAction(sessions.asn, target, [input.data])),
  );
  // A photo over 1 MB with an otherwise valid report: refused with the app's own message.
  const big = form({ payload: JSON.stringify(visitReport(world, world.households.own)) });
  big.append("photo", new File([new Uint8Array(1_200_000)], "besar.jpg", { type: "image/jpeg" }));
  const problem = actionErrorProblem(await callAction(sessions.asn, target, [big]));
  if (problem) findings.add(COUNT.action, "valid report, photo of 1.2 MB", problem, "");
  findings.assert(COUNT.action + 1);

  const valid = await callAction(sessions.asn, target, [
    form({ payload: JSON.stringify(visitReport(world, world.households.own)) }),
  ]);
  expect(valid.result, valid.body.slice(0, 300)).toMatchObject({ status: "success" });
});

test("POST /api/admin/imports: generated bad files get a 4xx in Indonesian and record no import", async () => {
  const rng = new Rng(SEED + 2);
  const findings = new Findings("POST /api/admin/imports");
  const xlsx = {
    wrongHeaders: await workbook([
      ["Nomor", "Nama Lengkap", "Umur"],
      ["1", "Sutrisno", "50"],
      ...PAYLOADS.map((p) => [p, p, p]),
    ]),
    headersOnly: await workbook([[...HOUSEHOLD_HEADERS]]),
  };
  const goodCsv = goodHouseholdCsv(
    familyRows(world.importFamily, { size: 1, headName: `${world.marker} Fuzz` }),
  );
  const inputs = Array.from({ length: COUNT.upload }, () => {
    const input = badUpload(rng, world.marker, xlsx, goodCsv);
    return { ...input, sent: `?${input.query} ${input.contentType} ${input.data.length} bytes` };
  });
  await fuzz(findings, inputs, async (input) => {
    const response = await sessions.admin.post(`/api/admin/imports?${input.query}`, {
      headers: { "Content-Type": input.contentType },
      data: input.data,
      maxRedirects: 0,
    });
    return apiProblem(response.status(), await response.text());
  });
  const lying = await lyingContentLength(
    "/api/admin/imports?kind=keluarga&name=besar.csv",
    sessions.admin,
    300 * 1024 * 1024,
    "text/csv",
  );
  if (lying.status !== 413)
    findings.add(COUNT.upload, "Content-Length: 300 MB", `HTTP ${lying.status}: ${lying.body}`, "");
  findings.assert(COUNT.upload + 1);
});

test("import actions: generated bad batch ids get an Indonesian error and change nothing", async () => {
  const rng = new Rng(SEED + 3);
  const findings = new Findings("commitImportAction / cancelImportAction");
  const keys = [
    "src/features/imports/actions.ts#commitImportAction",
    "src/features/imports/actions.ts#cancelImportAction",
  ] as const;
  const inputs = Array.from({ length: COUNT.importActions }, () => {
    const key = rng.pick(keys);
    const input = badBatchId(rng, world);
    const data = new FormData();
    for (const [name, value] of input.fields) data.append(name, value);
    return { label: `${key.split("#")[1]}: ${input.label}`, sent: JSON.stringify(input.fields), key, data };
  });
  const before = await fingerprint(world);
  await fuzz(findings, inputs, async (input) =>
    actionErrorProblem(await callAction(sessions.admin, actionTarget(input.key), [IDLE, input.data])),
  );
  // Not a form at all: raw bodies with the action's id are refused by Next before the action runs
  // (a bare 500 without detail); none may succeed or say more.
  const raw = ["", "[]", "{", '["$K1"]', '[{"status":"idle"},"$K9"]', '"$Q0"'];
  for (const [j, body] of raw.entries()) {
    const reply = await postActionBody(sessions.admin, actionTarget(keys[j % 2]!), {
      data: body,
      contentType: "text/plain;charset=UTF-8",
    });
    if ((reply.result as { status?: string } | undefined)?.status === "success")
      findings.add(COUNT.importActions + j, `raw body ${JSON.stringify(body)}`, "succeeded", body);
    if (LEAK.test(reply.body))
      findings.add(
        COUNT.importActions + j,
        `raw body ${JSON.stringify(body)}`,
        `internal detail: ${reply.body.slice(0, 200)}`,
        body,
      );
  }
  if ((await fingerprint(world)) !== before)
    findings.add(COUNT.importActions, "all inputs", "changed data", "");
  findings.assert(COUNT.importActions + raw.length);
});

// Control characters and oversized text in every text field of every server action (also in the
// JSON the visit and menu forms post): never a crash or a leak, and a refusal changes nothing.
const POISONS = ["a\u0000b", "x\u0001y", "z".repeat(100_000)];

function* poisonings(data: FormData): Generator<{ label: string; data: FormData }> {
  const entries = [...data.entries()];
  for (const [index, [name, value]] of entries.entries()) {
    if (typeof value !== "string") continue;
    const json = safeJson(value);
    const leaves = json && typeof json === "object" ? stringLeaves(json) : [];
    for (const poison of POISONS) {
      const shown = JSON.stringify(poison.slice(0, 8)) + (poison.length > 8 ? `…(${poison.length})` : "");
      yield { label: `${name}=${shown}`, data: replaced(entries, index, poison) };
      for (const path of leaves)
        yield {
          label: `${name}.${path.join(".")}=${shown}`,
          data: replaced(entries, index, JSON.stringify(setPath(json, path, poison))),
        };
    }
  }
}

test("every server action: each text field poisoned with control characters or 100,000 characters", async () => {
  const findings = new Findings("poisoned action fields");
  let total = 0;
  for (const key of Object.keys(ACTION_TABLE) as ActionKey[]) {
    const spec = ACTION_CASES[key];
    const expected = byActor(ACTION_TABLE[key]);
    const actor = ACTORS.find((a) => expected[a] === "ok")!;
    const args = await spec.args(world, actor);
    const at = args.findIndex((a) => a instanceof FormData);
    if (at < 0) continue;
    const target = actionTarget(key);
    let before = await fingerprint(world);
    for (const poisoned of poisonings(args[at] as FormData)) {
      total += 1;
      const reply = await callAction(
        sessions[actor],
        target,
        args.map((a, i) => (i === at ? poisoned.data : a)),
      );
      const result = reply.result as { status?: string } | undefined;
      let after = await fingerprint(world);
      let problem: string | null = null;
      if (reply.status >= 500) problem = `HTTP ${reply.status}: ${reply.body.slice(0, 200)}`;
      else if (LEAK.test(reply.body)) problem = `internal detail: ${reply.body.slice(0, 200)}`;
      else if (result?.status === "error") {
        problem = actionErrorProblem(reply);
        // A wrong current password is audited: that is the one refusal that writes.
        if (!problem && key !== "src/features/account/actions.ts#changePasswordAction" && after !== before)
          problem = "a refused call changed data";
      } else if (spec.restore) {
        await spec.restore(world, actor);
        after = await fingerprint(world);
      }
      if (problem) findings.add(total, `${key.split("#")[1]} ${poisoned.label}`, problem, poisoned.label);
      before = after;
    }
  }
  findings.assert(total);
  expect(total, "poisoned calls").toBeGreaterThan(250);
});

test("formula payloads in an import come back neutralised in its error report", async () => {
  const rows = familyRows(world.importFamily, { size: 1 });
  const payloads: string[] = [...PAYLOADS.filter((p) => /^[=+\-@]/.test(p)), "=1+1", "-2+3", "@cmd", "+A1"];
  // Each formula in the name of a member whose NIK is wrong: every row is rejected and listed.
  const bad = payloads.map((p, i) => ({ ...rows[0]!, NIK: `351${i}`, Nama: p, Dusun: p, Alamat: p }));
  const upload = await sessions.admin.post(
    `/api/admin/imports?kind=keluarga&name=${world.marker}-rumus.csv`,
    {
      headers: { "Content-Type": "text/csv" },
      data: goodHouseholdCsv(bad),
    },
  );
  expect(upload.status(), await upload.text()).toBe(202);
  const { batchId } = (await upload.json()) as { batchId: string };
  await waitForPreview(sessions.admin, batchId);
  const report = await sessions.admin.get(`/api/admin/imports/${batchId}/errors`);
  expect(report.status()).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await report.body()) as unknown as ArrayBuffer);
  const texts: string[] = [];
  book.worksheets[0]!.eachRow((row) =>
    row.eachCell((cell) => {
      expect(cell.formula, `a formula in ${cell.address}`).toBeUndefined();
      if (typeof cell.value === "string") texts.push(cell.value);
    }),
  );
  for (const payload of payloads) {
    expect(texts, payload).toContain(`'${payload}`);
    expect(texts, payload).not.toContain(payload);
  }
});

test("sign-in: control characters, payloads and oversized logins get the ordinary refusal", async () => {
  const session = sessions.signedOut;
  const { csrfToken } = (await (await session.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const logins = [
    "admin\u0000",
    "a\u0000b",
    `${world.users.asn.nip}\u0000`,
    "\u0001admin",
    "z".repeat(100_000),
  ];
  const problems: string[] = [];
  for (const login of [...logins, ...PAYLOADS])
    for (const password of [world.password, "a\u0000b"]) {
      const response = await session.post("/api/auth/callback/credentials", {
        form: { csrfToken, login, password, json: "true" },
        maxRedirects: 0,
      });
      const text = await response.text();
      const url = (safeJson(text)?.url as string | undefined) ?? "";
      if (
        response.status() >= 500 ||
        LEAK.test(decodeURIComponent(url)) ||
        !url.includes("error=CredentialsSignin")
      )
        problems.push(
          `${JSON.stringify(login.slice(0, 30))}: HTTP ${response.status()} ${text.slice(0, 200)}`,
        );
    }
  expect(problems).toEqual([]);
});

// Every page without a path parameter, opened by the actor of its area with control characters
// in every filter parameter the pages read: never a server error (the filters drop them).
const FILTER_PARAMS = ["nama", "asn", "q", "kecamatan", "desa", "desil", "kategori", "status", "penugasan"]
  .concat(["halaman", "nomor", "opd", "jenis", "periode", "urut", "indikator", "dibuat"])
  .map((name) => `${name}=a%00b%01c`)
  .join("&");
const AREA_ACTOR: [RegExp, ActorKey][] = [
  [/^\/admin/, "admin"],
  [/^\/pengawas/, "supervisor"],
  [/^\/asn/, "asn"],
  [/^\/pimpinan/, "leader"],
  [/^\/ganti-sandi/, "temporary"],
  [/^\/login/, "signedOut"],
];

test("pages: control characters in every filter parameter never cause a server error", async () => {
  const pages = listPages().filter((p) => !p.includes("["));
  expect(pages.length).toBeGreaterThan(10);
  const problems: string[] = [];
  for (const page of pages) {
    const actor = AREA_ACTOR.find(([area]) => area.test(page))?.[1];
    if (!actor) continue;
    const response = await sessions[actor].get(`${page}?${FILTER_PARAMS}`, { maxRedirects: 0 });
    if (response.status() >= 500) problems.push(`${page} (${actor}): HTTP ${response.status()}`);
  }
  expect(problems).toEqual([]);
});

// ---------------------------------------------------------------------------------------------

function safeJson(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function stringLeaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "string") return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, i]));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

function setPath(value: unknown, path: (string | number)[], leaf: string): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = leaf;
  return copy;
}

function replaced(entries: [string, FormDataEntryValue][], index: number, value: string): FormData {
  const data = new FormData();
  for (const [i, [name, v]] of entries.entries()) data.append(name, i === index ? value : v);
  return data;
}

async function workbook(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Data").addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A request whose Content-Length announces `announced` bytes but sends 16: the answer must come first. */
async function lyingContentLength(
  path: string,
  session: APIRequestContext,
  announced: number,
  contentType: string,
): Promise<{ status: number; body: string }> {
  const cookie = (await session.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return new Promise((resolve, reject) => {
    const request = http.request(
      new URL(path, baseURL),
      {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": contentType, "Content-Length": String(announced) },
      },
      (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => {
          request.destroy();
          resolve({ status: response.statusCode ?? 0, body: body.slice(0, 200) });
        });
      },
    );
    request.on("error", reject);
    request.write("0123456789abcdef");
  });
}
