import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/permissions";
import type { VisitReport } from "@/schemas/visit";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../scripts/lib/embedded-db.mjs";
import { createPrismaClient } from "../../scripts/lib/prisma-client.mjs";
import { migrate } from "../../scripts/migrate.mjs";
import { loadReferenceData } from "../../scripts/reference-data.mjs";

// PostgreSQL restarts in the middle of a burst of visit reports. The app's own client
// (src/server/db.ts, Prisma + adapter-pg pool) must recover by itself, and every report the
// server acknowledged must be stored exactly once: each simulated phone retries a failed
// submission with the same idempotency key, as the visit form does.
//
// This file runs its own embedded PostgreSQL (data in a temp dir, a fixed port so a restart
// keeps the URL) and points the DAL at it: DATABASE_URL is set before the DAL is imported.

const FAMILIES = 40;
// Thursday 26 Nov 2026, 12:00 WIB: period 2026-W48.
const NOW = new Date("2026-11-26T05:00:00Z");
const PERIOD = "2026-W48";

type Dal = {
  db: typeof import("@/server/db").db;
  submitVisit: typeof import("@/server/visits").submitVisit;
  checkHealth: typeof import("@/server/health").checkHealth;
  factories: typeof import("../support/factories");
};

let dataDir: string;
let port: number;
let server: EmbeddedPostgres | undefined;
let dal: Dal;
let stderr: { mockRestore: () => void } | undefined;
let asn: Actor;
const families: { id: string; headId: string; childId: string }[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

const start = () => startEmbeddedPostgres({ dataDir, port, persistent: true });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function report(f: (typeof families)[number]): VisitReport {
  const member = (memberId: string, school: "ENROLLED" | null) => ({
    memberId,
    presence: "PRESENT" as const,
    health: "HEALTHY" as const,
    chronicDisease: null,
    disability: null,
    jkn: "PBI" as const,
    school,
  });
  return {
    householdId: f.id,
    periodKey: PERIOD,
    idempotencyKey: randomUUID(),
    visitDate: "2026-11-25",
    delivered: true,
    items: [{ name: "Telur", quantity: 1, unit: "kg", valueRupiah: 28_000 }],
    notDeliveredReason: null,
    livingAlone: { anyoneAlone: false, hasCaregiver: null },
    members: [member(f.headId, null), member(f.childId, "ENROLLED")],
    aid: ["PKH", "PBI_JKN"],
    house: { floor: 2, wall: 1, roof: 2, drinkingWater: 4, sanitation: 1, electricity: 1, floorAreaM2: null },
    changes: { familyMoved: false, familyNotFound: false, newMember: false },
    notes: null,
    location: null,
  };
}

// Errors that escape every promise and listener while the server goes away. `next start` logs
// these (its uncaughtException/unhandledRejection handlers) and keeps serving; here they are
// collected the same way and must all be connection losses, nothing else.
const escaped: unknown[] = [];
const collect = (error: unknown) => void escaped.push(error);
function isConnectionLoss(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return (
    ["57P01", "57P03", "08006", "ECONNRESET", "ECONNREFUSED"].includes(code ?? "") ||
    /Connection terminated|not queryable|Server has closed the connection/.test(message ?? "")
  );
}

beforeAll(async () => {
  process.on("uncaughtException", collect);
  process.on("unhandledRejection", collect);
  dataDir = await mkdtemp(path.join(tmpdir(), "asn-berbagi-restart-"));
  port = await freePort();
  server = await start();
  await migrate(server.url, { log: () => {} });
  const prisma = createPrismaClient(server.url);
  try {
    await loadReferenceData(prisma);
  } finally {
    await prisma.$disconnect();
  }
  // Point the app's client at this server (the integration setup set the shared test database).
  process.env.DATABASE_URL = server.url;
  (globalThis as { prisma?: unknown }).prisma = undefined;
  const [{ db }, { submitVisit }, { checkHealth }, factories] = await Promise.all([
    import("@/server/db"),
    import("@/server/visits"),
    import("@/server/health"),
    import("../support/factories"),
  ]);
  dal = { db, submitVisit, checkHealth, factories };
  const opd = await factories.createOpd();
  asn = factories.actorFor(await factories.createUser("ASN", { opdId: opd.id, quota: FAMILIES }));
  for (let i = 0; i < FAMILIES; i += 1) {
    const h = await factories.createHousehold({ desil: 1, category: "MISKIN" }, 2);
    const members = await db.householdMember.findMany({
      where: { householdId: h.id },
      orderBy: { birthDate: "asc" },
    });
    await factories.assign(h.id, asn.id);
    families.push({ id: h.id, headId: members[0]!.id, childId: members[1]!.id });
  }
}, 180_000);

afterAll(async () => {
  await dal?.db.$disconnect();
  await server?.stop();
  stderr?.mockRestore();
  process.off("uncaughtException", collect);
  process.off("unhandledRejection", collect);
  await rm(dataDir, { recursive: true, force: true });
});

describe("a PostgreSQL restart under load", () => {
  it("recovers by itself and stores every acknowledged report exactly once", async () => {
    const { db, submitVisit, checkHealth } = dal;
    const reports = families.map(report);
    const acknowledged = new Map<string, string>(); // idempotency key → visit id
    const failures: string[] = [];
    const timing = { restartedAt: 0, firstSuccessAfterRestart: 0 };

    // One simulated phone per family: submit, and on any failure retry the same report (same
    // idempotency key) after a short pause, as the form's offline queue does.
    async function phone(r: VisitReport, delayMs: number) {
      await sleep(delayMs);
      const deadline = Date.now() + 90_000;
      for (;;) {
        try {
          const result = await submitVisit(asn, r, null, NOW);
          acknowledged.set(r.idempotencyKey, result.visitId);
          if (timing.restartedAt && !timing.firstSuccessAfterRestart)
            timing.firstSuccessAfterRestart = Date.now();
          return;
        } catch (error) {
          failures.push(
            error instanceof Error ? `${error.name}: ${error.message.split("\n").at(-1)}` : String(error),
          );
          if (Date.now() > deadline) throw error;
          await sleep(250);
        }
      }
    }

    // The burst: 40 submissions spread over ~2 s; the database goes down once 5 are acknowledged
    // and comes back ~1.5 s later (stop = PostgreSQL "fast" shutdown: sessions killed, open transactions rolled back).
    // The pool's lost connections are logged (src/server/db.ts → src/server/log.ts), not fatal.
    const logged: string[] = [];
    stderr = vi.spyOn(console, "error").mockImplementation((line: unknown) => void logged.push(String(line)));
    const burst = Promise.all(reports.map((r, i) => phone(r, i * 50)));
    // Mid-burst: once a few reports are through (the first ones are slow: cold pool and caches).
    for (let waited = 0; acknowledged.size < 5 && waited < 30_000; waited += 20) await sleep(20);
    const before = acknowledged.size;
    await server!.stop();
    const stoppedAt = Date.now();
    await sleep(1_500);
    server = await start();
    timing.restartedAt = Date.now();
    await burst;

    const health = await checkHealth();
    expect(health).toMatchObject({ status: "ok", database: "ok" });

    // Every report acknowledged, each stored once, nothing else stored.
    expect(acknowledged.size).toBe(FAMILIES);
    const stored = await db.visit.findMany({
      where: { householdId: { in: families.map((f) => f.id) } },
      select: { id: true, idempotencyKey: true, householdId: true, _count: { select: { items: true } } },
    });
    expect(stored).toHaveLength(FAMILIES);
    expect(new Set(stored.map((v) => v.householdId)).size).toBe(FAMILIES);
    for (const visit of stored) {
      expect(acknowledged.get(visit.idempotencyKey)).toBe(visit.id);
      expect(visit._count.items).toBe(1);
    }
    expect(await db.auditLog.count({ where: { action: "visit.create" } })).toBe(FAMILIES);

    console.info(
      `db restart under load: ${before}/${FAMILIES} acknowledged before the stop; database down ` +
        `${timing.restartedAt - stoppedAt} ms; ${escaped.length} unhandled connection errors; first success ${timing.firstSuccessAfterRestart - timing.restartedAt} ms after it ` +
        `was back; ${failures.length} failed attempts, retried: ${[...new Set(failures)].slice(0, 6).join(" | ")}`,
    );
    expect(escaped.filter((error) => !isConnectionLoss(error))).toEqual([]);
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged)
      expect(JSON.parse(line)).toMatchObject({ level: "warn", msg: expect.stringContaining("database") });
    // The restart really hit the burst: some submissions failed and were retried.
    expect(failures.length).toBeGreaterThan(0);
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(FAMILIES);
  }, 180_000);
});
