// The benchmark of issue 6: the production build against the scale database (npm run seed:scale).
//
//   1. builds the app into .next-bench (skipped with --skip-build when a build exists) and starts
//      `next start` on the scale database;
//   2. signs in over HTTP (next-auth credentials) as bupati, admin and ASN;
//   3. per read scenario: N sequential full server responses over HTTP (p50/p95/max), the same DAL
//      function in this process (Prisma, as the page calls it), and the raw SQL baseline: exactly
//      the statements that DAL call sent, recorded and replayed through plain `pg` (parallel where
//      the DAL ran them in parallel); ratio = DAL / raw;
//   4. visit submission under load: many ASN sessions POST /api/visits concurrently for distinct
//      families; throughput, p50/p95/p99, errors, stored rows = acknowledged; next to a raw `pg`
//      baseline running the same transaction at the same concurrency;
//   5. first-load JavaScript of the ASN pages, measured in Chromium (scripts/bench/page-weight.ts,
//      the definition the e2e budget check uses too) next to the static count from the build;
//   6. optionally (--import) the registry import check, (--lighthouse) Lighthouse mobile (median of
//      --lighthouse-runs, default 3).
// Prints one table and writes bench/results/<timestamp>.json.
//
// Usage: npm run bench [-- --skip-build --dist .next-bench --n 30 --warmup 3 --sessions 1200 --concurrency 32
//                          --only home,search,… --import --lighthouse --lighthouse-runs 3]
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { ageOn, isSchoolAge } from "@/lib/dates";
import type { Actor } from "@/lib/permissions";
import { periodKeyOf, todayInJakarta } from "@/lib/period";
import { DEMO_USERNAMES, demoPassword } from "./lib/demo-accounts.mjs";
import { firstLoadJs } from "./bench/bundle.ts";
import { FIRST_LOAD_JS_BUDGET_BYTES, kB, measureFirstLoadJs } from "./bench/page-weight.ts";
import { Session, waitForServer } from "./bench/http.ts";
import { RecordingPool, replay, waves, type Recorded } from "./bench/recording-pool.ts";
import { postmasterPid, processTreeCpuSeconds } from "./bench/cpu.ts";
import { rawSubmit } from "./bench/raw-submit.ts";
import { measure, stats, type Stats } from "./bench/stats.ts";
import { ROOT, SCALE_DATA_DIR, startScaleDb } from "./scale/db.ts";

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const N = option("n", 30);
/** --workers 2: server processes (WEB_CONCURRENCY), one per core by default. */
const CORES = availableParallelism();
const WORKERS = option("workers", CORES);
const WARMUP = option("warmup", 3);
/** The dashboard takes seconds per request at scale: fewer samples by default. */
const DASHBOARD_N = option("dashboard-n", N);
const SESSIONS = option("sessions", 1200);
const CONCURRENCY = option("concurrency", 32);
const PORT = option("port", 3190);
/** --dist .next-bench-<you>: the build folder, when several people benchmark on one machine. */
const DIST = argv.includes("--dist") ? argv[argv.indexOf("--dist") + 1]! : ".next-bench";
/** --only dashboard,home,search,compliance,load: run only these scenarios. */
const ONLY = argv.includes("--only") ? (argv[argv.indexOf("--only") + 1] ?? "").split(",") : null;
const want = (key: string) => ONLY === null || ONLY.includes(key);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = demoPassword();

type Row = {
  scenario: string;
  via: string;
  n: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
  baselineP50?: number | null;
  baselineP95?: number | null;
  ratio?: number | null;
  target: string;
  pass: boolean | null;
  note?: string;
};
const rows: Row[] = [];
const asnPages: [string, string][] = [];
const plans: { scenario: string; ms: number; sql: string; plan: string }[] = [];
let currentScenario = "";
const extra: Record<string, unknown> = {};
const log = (line: string) => console.log(line);
const ms = (s: Stats) => ({ n: s.n, p50: s.p50, p95: s.p95, max: s.max });

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

// ---------------------------------------------------------------------------------------------

const db = await startScaleDb(log);
process.env.DATABASE_URL = db.url;
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("hex");
process.env.NEXTAUTH_URL = BASE;
const appEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: DIST,
  DATABASE_URL: db.url,
};
delete appEnv.NODE_OPTIONS;

const sql = new pg.Pool({ connectionString: db.url, max: 10 });
let server: ChildProcess | null = null;
process.once("SIGINT", () => server?.kill("SIGTERM"));
try {
  const { rows: counts } = await sql.query<{ h: string; v: string }>(
    "SELECT (SELECT count(*) FROM household) AS h, (SELECT count(*) FROM visit) AS v",
  );
  if (Number(counts[0]?.h) === 0)
    throw new Error("Basis data skala kosong: jalankan dulu `npm run seed:scale`.");
  extra.data = { households: Number(counts[0]?.h), visits: Number(counts[0]?.v) };
  extra.serverWorkers = WORKERS;
  log(`Data skala: ${counts[0]?.h} keluarga, ${counts[0]?.v} laporan.`);

  // --- Build and start ------------------------------------------------------------------------
  if (!(flag("skip-build") && existsSync(path.join(ROOT, DIST, "BUILD_ID")))) {
    log(`Membangun aplikasi ke ${DIST} ...`);
    const t0 = performance.now();
    // next build adds the build folder's types to tsconfig.json (and reformats it) when the folder
    // is not .next: put the file back, so a benchmark leaves the working tree as it found it.
    const tsconfig = await readFile(path.join(ROOT, "tsconfig.json"), "utf8");
    const code = await run("npx", ["next", "build"], appEnv).finally(() =>
      writeFile(path.join(ROOT, "tsconfig.json"), tsconfig),
    );
    if (code !== 0) throw new Error("next build gagal");
    extra.buildSeconds = Math.round((performance.now() - t0) / 1000);
  }
  // The production server as `npm start` runs it: scripts/serve.mjs, WORKERS `next start` processes.
  // --cpu-prof: every server process writes a V8 CPU profile to bench/profiles when it stops
  // (node flags reach the cluster workers through serve.mjs's execArgv).
  const profile = flag("cpu-prof")
    ? ["--cpu-prof", `--cpu-prof-dir=${path.join(ROOT, "bench/profiles")}`]
    : [];
  server = spawn(process.execPath, [...profile, "scripts/serve.mjs", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...appEnv, WEB_CONCURRENCY: String(WORKERS) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForServer(`${BASE}/api/health`, 90_000);
  log(`next start siap di ${BASE}`);

  // --- In-process DAL with a recording pool -----------------------------------------------------
  const recordingPool = new RecordingPool({ connectionString: db.url, max: 10 });
  (globalThis as unknown as { prisma?: PrismaClient }).prisma = new PrismaClient({
    adapter: new PrismaPg(recordingPool),
  });
  const dashboard = await import("@/server/dashboard");
  const households = await import("@/server/households");
  const registry = await import("@/server/registry");
  const compliance = await import("@/server/compliance");

  async function actorOf(where: string, params: unknown[]): Promise<Actor> {
    const { rows: found } = await sql.query<{
      id: string;
      role: Actor["role"];
      name: string;
      opd_id: number | null;
      supervised_region_code: string | null;
    }>(`SELECT id, role, name, opd_id, supervised_region_code FROM app_user WHERE ${where} LIMIT 1`, params);
    const u = found[0];
    if (!u) throw new Error(`no user ${where} ${params.join()}`);
    return {
      id: u.id,
      role: u.role,
      name: u.name,
      opdId: u.opd_id,
      supervisedRegionCode: u.supervised_region_code,
    };
  }
  const leader = await actorOf("username = $1", [DEMO_USERNAMES.leader]);
  const admin = await actorOf("username = $1", [DEMO_USERNAMES.admin]);

  /** DAL in-process and its replayed SQL: both measured the same way. */
  async function dalAndRaw(
    fn: () => Promise<unknown>,
    n = N,
    warmup = WARMUP,
  ): Promise<{ dal: Stats; raw: Stats; statements: number }> {
    const dal = await measure(n, warmup, fn);
    recordingPool.recording = [];
    await fn();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const recorded: Recorded[] = recordingPool.recording;
    recordingPool.recording = null;
    const plan = waves(recorded);
    const raw = await measure(n, warmup, () => replay(sql, plan));
    // The slowest statements, with their plans (EXPLAIN (ANALYZE, BUFFERS)), for docs/performance.md.
    const slowest = [...recorded].sort((a, b) => b.end - b.start - (a.end - a.start)).slice(0, 2);
    for (const r of slowest) {
      const explained = await sql.query<{ "QUERY PLAN": string }>({
        text: `EXPLAIN (ANALYZE, BUFFERS) ${r.text}`,
        values: r.values as unknown[],
      });
      plans.push({
        scenario: currentScenario,
        ms: Math.round(r.end - r.start),
        sql: r.text,
        plan: explained.rows.map((row) => row["QUERY PLAN"]).join("\n"),
      });
    }
    return { dal, raw, statements: recorded.length };
  }

  function pageRow(
    scenario: string,
    http: Stats,
    target: number,
    pair: { dal: Stats; raw: Stats; statements: number } | null,
    ratioTarget?: number,
    note?: string,
  ) {
    const ratio = pair ? pair.dal.p50 / pair.raw.p50 : null;
    rows.push({
      scenario,
      via: "HTTP",
      ...ms(http),
      target: `p95 ≤ ${target} ms`,
      pass: http.p95 <= target,
      note,
    });
    if (pair)
      rows.push({
        scenario: `  ${scenario}: kueri DAL vs SQL mentah`,
        via: `DAL (${pair.statements} kueri)`,
        ...ms(pair.dal),
        baselineP50: pair.raw.p50,
        baselineP95: pair.raw.p95,
        ratio,
        target: ratioTarget ? `≤ ${ratioTarget} × SQL mentah` : "(informasi)",
        pass: ratioTarget ? (ratio ?? Infinity) <= ratioTarget : null,
      });
  }

  // --- Sessions -------------------------------------------------------------------------------
  const bupati = new Session(BASE, "bupati");
  await bupati.signIn(DEMO_USERNAMES.leader, PASSWORD);
  const adminSession = new Session(BASE, "admin");
  await adminSession.signIn(DEMO_USERNAMES.admin, PASSWORD);

  // 1. Leader dashboard
  if (want("dashboard")) {
    currentScenario = "dasbor pimpinan";
    log("Skenario: dasbor pimpinan ...");
    const dashHttp = await measure(DASHBOARD_N, 1, () => bupati.getPage("/pimpinan"));
    pageRow(
      "Dasbor pimpinan /pimpinan",
      dashHttp,
      300,
      await dalAndRaw(() => dashboard.getDashboard(leader, null), DASHBOARD_N, 1),
      1.5,
    );
  }

  // 2. ASN home (a different ASN each request, each signed in once)
  currentScenario = "beranda ASN";
  log("Skenario: beranda ASN ...");
  const { rows: homeAsn } = await sql.query<{ nip: string; id: string }>(
    "SELECT nip, id FROM app_user WHERE role = 'ASN' AND is_active ORDER BY nip LIMIT 10",
  );
  const homeSessions = await Promise.all(
    homeAsn.map(async (u) => {
      const s = new Session(BASE, u.nip);
      await s.signIn(u.nip, PASSWORD);
      return s;
    }),
  );

  // First-load JS of the ASN pages (scripts/bench/page-weight.ts): measured in Chromium, a fresh
  // context per page, as transferred; next to the static count from the build (bundle.ts).
  const { rows: pageOwner } = await sql.query<{ nip: string; household_id: string }>(
    `SELECT u.nip, a.household_id FROM app_user u
       JOIN assignment a ON a.asn_id = u.id AND a.ended_at IS NULL
      WHERE u.role = 'ASN' AND u.is_active AND NOT u.must_change_password
      ORDER BY u.nip, a.household_id LIMIT 1`,
  );
  const owner = pageOwner[0];
  if (!owner) throw new Error("tidak ada ASN dengan keluarga asuhan");
  const pageSession = new Session(BASE, owner.nip);
  await pageSession.signIn(owner.nip, PASSWORD);
  const familyId = owner.household_id;
  asnPages.push(
    ["beranda /asn", "/asn"],
    ["keluarga /asn/keluarga/[id]", `/asn/keluarga/${familyId}`],
    ["formulir /asn/keluarga/[id]/lapor", `/asn/keluarga/${familyId}/lapor`],
    ["riwayat /asn/riwayat", "/asn/riwayat"],
  );
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    for (const [label, pagePath] of asnPages) {
      const response = await pageSession.request(pagePath);
      const html = await response.text();
      if (response.status !== 200) throw new Error(`GET ${pagePath}: HTTP ${response.status}`);
      const built = await firstLoadJs(path.join(ROOT, DIST), html);
      const measured = await measureFirstLoadJs(browser, BASE + pagePath, pageSession.cookieList());
      rows.push({
        scenario: `JS muat pertama ${label}`,
        via: "Chromium",
        n: measured.scripts.length,
        p50: null,
        p95: null,
        max: null,
        target: `≤ ${kB(FIRST_LOAD_JS_BUDGET_BYTES)} gzip`,
        pass:
          measured.transferred <= FIRST_LOAD_JS_BUDGET_BYTES && !measured.scripts.some((s) => s.hasRecharts),
        note:
          `${kB(measured.transferred)} terkirim dari ${measured.scripts.length} skrip (gzip -9 ${kB(measured.gzip9)}, ` +
          `mentah ${kB(measured.raw)}); dari build: ${kB(built.gzipBytes)} gzip -9 dari ${built.files} skrip di HTML ` +
          `(+ ${kB(built.polyfillGzipBytes)} polyfill noModule, tidak diunduh peramban modern); HTML ${kB(measured.document)}` +
          (measured.scripts.some((s) => s.hasRecharts) ? "; RECHARTS ikut termuat" : ""),
      });
    }
  } finally {
    await browser.close();
  }
  if (want("home")) {
    const homeHttp = await measure(N, WARMUP, (i) => homeSessions[i % homeSessions.length]!.getPage("/asn"));
    const asnActor = await actorOf("nip = $1", [homeAsn[0]!.nip]);
    pageRow("Beranda ASN /asn", homeHttp, 100, await dalAndRaw(() => households.listMyFamilies(asnActor)));
  }

  // 3. Admin household search: name prefix over HTTP; NIK / No KK through the sealed search.
  if (want("search")) {
    currentScenario = "cari keluarga";
    log("Skenario: pencarian registri ...");
    const emptyFilters: Record<string, string | number | null> = {
      name: null,
      identityNumber: null,
      kecamatanCode: null,
      desaCode: null,
      desil: null,
      category: null,
      status: null,
      assigned: null,
      asn: null,
    };
    const registryFilters = (f: Record<string, string | number | null>) =>
      ({ ...emptyFilters, ...f }) as unknown as Parameters<typeof registry.listRegistryHouseholds>[1];
    const prefix = "Sit";
    const nameHttp = await measure(N, WARMUP, () => adminSession.getPage(`/admin/keluarga?nama=${prefix}`));
    pageRow(
      `Cari keluarga: awalan nama "${prefix}"`,
      nameHttp,
      150,
      await dalAndRaw(() => registry.listRegistryHouseholds(admin, registryFilters({ name: prefix }), 1)),
    );
    const { rows: numbers } = await sql.query<{ nik: string; kk: string }>(
      `SELECT m.nik, h.kk_number AS kk FROM household_member m JOIN household h ON h.id = m.household_id
      WHERE m.relationship <> 'HEAD' ORDER BY m.id LIMIT 1`,
    );
    for (const [label, number] of [
      ["NIK persis", numbers[0]!.nik],
      ["No KK persis", numbers[0]!.kk],
    ] as const) {
      const sealed = registry.sealIdentitySearch(admin, number, new Date());
      adminSession.setCookie(registry.IDENTITY_SEARCH_COOKIE, sealed.sealed);
      const http = await measure(N, WARMUP, () =>
        adminSession.getPage(`/admin/keluarga?nomor=${sealed.token}`),
      );
      pageRow(
        `Cari keluarga: ${label}`,
        http,
        150,
        await dalAndRaw(() =>
          registry.listRegistryHouseholds(admin, registryFilters({ identityNumber: number }), 1),
        ),
        undefined,
        "nomor dari cookie tersegel (formulir POST)",
      );
    }

    // 4. Compliance, current period, all OPD
  }
  if (want("compliance")) {
    currentScenario = "kepatuhan";
    log("Skenario: kepatuhan ...");
    const complianceHttp = await measure(N, WARMUP, () => adminSession.getPage("/admin/kepatuhan"));
    pageRow(
      "Kepatuhan periode berjalan, semua OPD",
      complianceHttp,
      300,
      await dalAndRaw(async () => {
        const { period } = await compliance.resolveCompliancePeriod(null);
        return compliance.getComplianceOverview(admin, period, { page: 1 });
      }),
    );
  }

  // 5. Visit submission under load
  log(`Skenario: kirim laporan, ${SESSIONS} sesi ASN, konkurensi ${CONCURRENCY} ...`);
  if (want("load")) await loadTest(sql);

  // 6. Optional: registry import, Lighthouse
  if (flag("import")) await importCheck();
  if (flag("lighthouse")) {
    const { describeRun, lighthouseMobile, medianRun } = await import("./bench/lighthouse.ts");
    const runs = option("lighthouse-runs", 3);
    // BENCH_LIGHTHOUSE_DIR=<folder>: keep every run's full report (JSON) there.
    const reportDir = process.env.BENCH_LIGHTHOUSE_DIR;
    const lighthouseReport = (label: string, i: number) =>
      reportDir ? path.join(reportDir, `${label.split(" ")[0]}-${i + 1}.json`) : undefined;
    for (const [label, pathName] of asnPages.filter(([l]) => /beranda|formulir/.test(l))) {
      log(`Lighthouse seluler ${label} (${runs}×) ...`);
      const done: Awaited<ReturnType<typeof lighthouseMobile>>[] = [];
      let failure: string | null = null;
      let failures = 0;
      // A run Lighthouse itself aborts (e.g. NO_NAVSTART, a trace without the navigation) is run
      // again, up to 3 times over the series; the note counts them.
      for (let i = 0; done.length < runs && failures <= 3; i++) {
        const run = await lighthouseMobile(BASE, pathName, pageSession, lighthouseReport(label, i)).catch(
          (e: Error) => {
            failure = e.message;
            failures++;
            return null;
          },
        );
        if (run) done.push(run);
      }
      const median = done.length > 0 ? medianRun(done) : null;
      rows.push({
        scenario: `Lighthouse seluler ${label}`,
        via: "lighthouse",
        n: done.length,
        p50: null,
        p95: null,
        max: null,
        target: "skor ≥ 90",
        pass: median ? median.score >= 90 : null,
        note: median
          ? `median ${describeRun(median)}; semua skor: ${done.map((r) => r.score).join(", ")}` +
            (failures > 0 ? `; ${failures} kali gagal dan diulang (${failure})` : "")
          : `tidak dapat dijalankan: ${failure}`,
      });
      extra[`lighthouse ${label}`] = done;
    }
  }
  await recordingPool.end();
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
} finally {
  server?.kill("SIGTERM");
  await sql.end();
  await db.stop();
}

printAndSave();

// ---------------------------------------------------------------------------------------------

type Job = { session: Session; body: string; householdId: string };

async function loadTest(pool: pg.Pool): Promise<void> {
  const periodKey = periodKeyOf(new Date(), "WEEKLY");
  const today = todayInJakarta();
  // ASN with five active families each; half for the app, half for the raw baseline.
  const { rows: asnRows } = await pool.query<{ id: string; nip: string }>(
    `SELECT u.id, u.nip FROM app_user u WHERE u.role = 'ASN' AND u.is_active
       AND (SELECT count(*) FROM assignment a WHERE a.asn_id = u.id AND a.ended_at IS NULL) = 5
     ORDER BY md5(u.id::text) LIMIT $1`,
    [SESSIONS * 2],
  );
  const appAsn = asnRows.slice(0, SESSIONS);
  const rawAsn = asnRows.slice(SESSIONS);
  const { rows: fams } = await pool.query<{
    asn_id: string;
    household_id: string;
    members: { id: string; birth: string; status: string }[];
  }>(
    `SELECT a.asn_id, a.household_id,
            json_agg(json_build_object('id', m.id, 'birth', m.birth_date, 'status', m.status)) AS members
       FROM assignment a JOIN household_member m ON m.household_id = a.household_id
      WHERE a.ended_at IS NULL AND a.asn_id = ANY($1::uuid[])
      GROUP BY a.asn_id, a.household_id`,
    [asnRows.map((a) => a.id)],
  );
  // The sample's families must be due: their reports of this week (from the seed) are removed.
  const ids = fams.map((f) => f.household_id);
  const { rowCount: removed } = await pool.query(
    "DELETE FROM visit WHERE period_key = $1 AND household_id = ANY($2::uuid[])",
    [periodKey, ids],
  );
  log(
    `  ${fams.length} keluarga disiapkan (${removed} laporan minggu ini dari seed dihapus agar jatuh tempo).`,
  );
  const reportOf = (f: (typeof fams)[number]) =>
    JSON.stringify({
      householdId: f.household_id,
      periodKey,
      idempotencyKey: randomUUID(),
      visitDate: today,
      delivered: true,
      items: [{ name: "Tahu dan tempe", quantity: 1, unit: "paket", valueRupiah: 15_000 }],
      notDeliveredReason: null,
      livingAlone: {
        anyoneAlone: f.members.filter((m) => m.status === "PRESENT").length === 1,
        hasCaregiver: f.members.filter((m) => m.status === "PRESENT").length === 1 ? true : null,
      },
      members: f.members
        .filter((m) => m.status === "PRESENT")
        .map((m) => ({
          memberId: m.id,
          presence: "PRESENT",
          health: "HEALTHY",
          chronicDisease: null,
          disability: null,
          jkn: "PBI",
          school: isSchoolAge(ageOn(m.birth, today)) ? "ENROLLED" : null,
        })),
      aid: ["PKH", "BPNT", "PBI_JKN"],
      house: { floor: 2, wall: 1, roof: 2, drinkingWater: 4, sanitation: 1, electricity: 1, floorAreaM2: 80 },
      changes: { familyMoved: false, familyNotFound: false, newMember: false },
      notes: null,
      location: null,
    });

  // Sign in the app's ASN sessions (argon2 verification: a few at a time).
  const t0 = performance.now();
  const sessions = new Map<string, Session>();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < appAsn.length) {
        const u = appAsn[next++]!;
        const s = new Session(BASE, u.nip);
        await s.signIn(u.nip, PASSWORD);
        sessions.set(u.id, s);
      }
    }),
  );
  log(`  ${sessions.size} sesi ASN masuk dalam ${((performance.now() - t0) / 1000).toFixed(0)} dtk`);
  const jobs: Job[] = fams
    .filter((f) => sessions.has(f.asn_id))
    .map((f) => ({ session: sessions.get(f.asn_id)!, body: reportOf(f), householdId: f.household_id }));
  // Interleave ASN so concurrent requests come from different sessions.
  jobs.sort((a, b) => (a.body < b.body ? -1 : 1));

  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let acknowledged = 0;
  const acknowledgedIds: string[] = [];
  async function post(job: Job): Promise<void> {
    const response = await job.session.postJson("/api/visits", job.body);
    const text = response.text;
    statusCounts[response.status] = (statusCounts[response.status] ?? 0) + 1;
    if (response.status === 201) {
      acknowledged++;
      acknowledgedIds.push((JSON.parse(text) as { visitId: string }).visitId);
    }
  }
  // Warm-up, not measured: 300 reports at full concurrency, so "sustained" is the steady state
  // and not the JIT compiling the route in both server processes (the first ~1,000 requests ran
  // at about two thirds of the steady rate).
  const warm = jobs.splice(0, 300);
  let warmCursor = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (warmCursor < warm.length) await post(warm[warmCursor++]!);
    }),
  );
  for (const k of Object.keys(statusCounts)) delete statusCounts[k];
  acknowledged = 0;
  acknowledgedIds.length = 0;
  let cursor = 0;
  const cpu = cpuMeter();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (cursor < jobs.length) {
        const job = jobs[cursor++]!;
        const t = performance.now();
        try {
          await post(job);
        } catch {
          statusCounts.network = (statusCounts.network ?? 0) + 1;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const cpuPerReport = cpu.msPer(latencies.length);
  const { rows: stored } = await pool.query<{ n: string }>(
    "SELECT count(*) AS n FROM visit WHERE id = ANY($1::uuid[])",
    [acknowledgedIds],
  );
  const s = stats(latencies);
  const throughput = acknowledged / seconds;
  const errors = latencies.length - acknowledged;

  // Raw baseline: the same transaction through plain pg, same concurrency, other families.
  const rawJobs = fams.filter((f) => rawAsn.some((a) => a.id === f.asn_id)).slice(0, jobs.length);
  const rawLatencies: number[] = [];
  let rawCursor = 0;
  const rawPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const rawCpu = cpuMeter(false);
  const rawStart = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (rawCursor < rawJobs.length) {
        const f = rawJobs[rawCursor++]!;
        const t = performance.now();
        await rawSubmit(rawPool, f.asn_id, JSON.parse(reportOf(f)));
        rawLatencies.push(performance.now() - t);
      }
    }),
  );
  const rawSeconds = (performance.now() - rawStart) / 1000;
  const rawCpuPerReport = rawCpu.msPer(rawLatencies.length);
  await rawPool.end();
  const r = stats(rawLatencies);
  const rawThroughput = rawLatencies.length / rawSeconds;
  extra.load = {
    sessions: sessions.size,
    concurrency: CONCURRENCY,
    requests: latencies.length,
    acknowledged,
    stored: Number(stored[0]?.n),
    statusCounts,
    seconds,
    throughput,
    latency: s,
    cpuMsPerReport: cpuPerReport,
    raw: {
      requests: rawLatencies.length,
      seconds: rawSeconds,
      throughput: rawThroughput,
      latency: r,
      cpuMsPerReport: rawCpuPerReport,
    },
  };
  const pass = throughput >= 200 && s.p99 <= 500 && errors === 0 && Number(stored[0]?.n) === acknowledged;
  rows.push({
    scenario: `Kirim laporan POST /api/visits (${sessions.size} sesi, konkurensi ${CONCURRENCY})`,
    via: "HTTP beban",
    ...ms(s),
    baselineP50: r.p50,
    baselineP95: r.p95,
    ratio: s.p50 / r.p50,
    target: "≥ 200/dtk, p99 ≤ 500 ms, 0 galat, tersimpan = diakui",
    pass,
    note:
      `${throughput.toFixed(0)} laporan/dtk (SQL mentah ${rawThroughput.toFixed(0)}/dtk), p99 ${s.p99.toFixed(0)} ms, ` +
      `galat ${errors}, diakui ${acknowledged}, tersimpan ${stored[0]?.n}, status ${JSON.stringify(statusCounts)}; ` +
      `CPU per laporan: ${describeCpu(cpuPerReport)} (SQL mentah: ${describeCpu(rawCpuPerReport)})`,
  });
}

type CpuSplit = { server: number | null; postgres: number | null; loadGenerator: number };

/**
 * CPU used from now on by the server processes, PostgreSQL (when it runs on this machine) and this
 * process (the load generator), per request. What the shared cores' neighbours take is not in it.
 */
function cpuMeter(withServer = true): { msPer: (requests: number) => CpuSplit } {
  const pgPid = postmasterPid(SCALE_DATA_DIR, Number(new URL(db.url).port || 5432));
  const serverPid = withServer ? (server?.pid ?? null) : null;
  const roots = () => processTreeCpuSeconds({ server: serverPid, postgres: pgPid });
  const before = roots();
  const selfBefore = process.cpuUsage();
  return {
    msPer(requests) {
      const after = roots();
      const self = process.cpuUsage(selfBefore);
      const per = (name: string) => {
        const a = after[name];
        const b = before[name];
        return a != null && b != null ? ((a - b) * 1000) / requests : null;
      };
      return {
        server: per("server"),
        postgres: per("postgres"),
        loadGenerator: (self.user + self.system) / 1000 / requests,
      };
    },
  };
}

/** "server 4.1 ms, PostgreSQL 2.9 ms, pembangkit beban 0.6 ms = 7.6 ms (2 inti penuh: 263/dtk)" */
function describeCpu(split: CpuSplit): string {
  const parts = [
    ...(split.server != null ? [`server ${split.server.toFixed(1)} ms`] : []),
    split.postgres != null
      ? `PostgreSQL ${split.postgres.toFixed(1)} ms`
      : "PostgreSQL tidak terukur (server lain)",
    `pembangkit beban ${split.loadGenerator.toFixed(1)} ms`,
  ];
  if (split.postgres == null) return parts.join(", ");
  const total = (split.server ?? 0) + split.postgres + split.loadGenerator;
  return `${parts.join(", ")} = ${total.toFixed(1)} ms (${CORES} inti penuh: ${((CORES * 1000) / total).toFixed(0)}/dtk)`;
}

async function importCheck(): Promise<void> {
  const script = path.join(ROOT, "scripts/generate-import-file.mts");
  if (!existsSync(script) || !existsSync(path.join(ROOT, "scripts/import-scale-check.mts"))) {
    rows.push({
      scenario: "Impor registri 200.000 keluarga",
      via: "skrip",
      n: 0,
      p50: null,
      p95: null,
      max: null,
      target: "≤ 120 dtk, ≤ 1 GB",
      pass: null,
      note: "skrip impor belum ada",
    });
    return;
  }
  log("Skenario: impor registri 200.000 keluarga (skrip tim impor) ...");
  const file = "/tmp/dtsen-200000.csv";
  if (!existsSync(file)) await run("npx", ["tsx", script, "200000", file], process.env);
  const out: string[] = [];
  // The same heap cap as a server worker (scripts/serve.mjs), where the import runs in production.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: `--import ./scripts/stub-server-only.mjs --max-old-space-size=${process.env.SERVER_HEAP_MB ?? 768}`,
  };
  delete env.DATABASE_URL;
  const code = await new Promise<number>((resolve) => {
    const child = spawn(
      "node",
      ["scripts/with-db.mjs", "/usr/bin/time", "-v", "npx", "tsx", "scripts/import-scale-check.mts", file],
      { cwd: ROOT, env },
    );
    child.stdout.on("data", (d: Buffer) => out.push(d.toString()));
    child.stderr.on("data", (d: Buffer) => out.push(d.toString()));
    child.on("exit", (c) => resolve(c ?? 1));
  });
  const text = out.join("");
  const total = /first import commit: [\d.]+ s; total ([\d.]+) s/.exec(text)?.[1];
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1];
  const seconds = total ? Number(total) : null;
  const mb = rss ? Number(rss) / 1024 : null;
  rows.push({
    scenario: "Impor registri 200.000 keluarga",
    via: "scripts/import-scale-check.mts",
    n: 1,
    p50: seconds === null ? null : seconds * 1000,
    p95: null,
    max: null,
    target: "≤ 120 dtk, ≤ 1 GB",
    pass: code === 0 && seconds !== null && mb !== null ? seconds <= 120 && mb <= 1024 : null,
    note:
      code === 0
        ? `${seconds ?? "?"} dtk, RSS maks ${mb?.toFixed(0) ?? "?"} MB (proses tsx)`
        : `gagal (kode ${code})`,
  });
  extra.importOutput = text.split("\n").filter((l) => /import|stored|rss|Maximum resident|Elapsed/.test(l));
}

function printAndSave(): void {
  const f = (v: number | null | undefined) =>
    v === null || v === undefined ? "" : v.toFixed(v < 10 ? 1 : 0);
  const header = [
    "skenario",
    "lewat",
    "n",
    "p50 ms",
    "p95 ms",
    "maks ms",
    "dasar p50",
    "dasar p95",
    "rasio",
    "target",
    "hasil",
  ];
  const table = rows.map((r) => [
    r.scenario,
    r.via,
    String(r.n),
    f(r.p50),
    f(r.p95),
    f(r.max),
    f(r.baselineP50),
    f(r.baselineP95),
    r.ratio === null || r.ratio === undefined ? "" : `${r.ratio.toFixed(2)}×`,
    r.target,
    r.pass === null ? "—" : r.pass ? "LULUS" : "GAGAL",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("-|-")}`);
  for (const t of table) console.log(line(t));
  for (const r of rows) if (r.note) console.log(`  · ${r.scenario.trim()}: ${r.note}`);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  extra.plans = plans;
  const file = path.join(ROOT, "bench/results", `${stamp}.json`);
  void mkdir(path.dirname(file), { recursive: true }).then(() =>
    writeFile(
      file,
      JSON.stringify({ at: new Date().toISOString(), n: N, warmup: WARMUP, rows, ...extra }, null, 2),
    ).then(() => console.log(`\nHasil: ${path.relative(ROOT, file)}`)),
  );
}
