import { expect, request as playwrightRequest, test } from "@playwright/test";
import { periodKeyOf, todayInJakarta } from "../../src/lib/period";
import { familyIdOf, query, signInAndWait } from "./support";

// POST /api/visits: the JSON door to the same submitVisit as the form (offline sync, benchmark).

type Family = { nip: string; household_id: string };

/** A family due this period whose present members are all adults (no school answers needed). */
async function dueAdultFamily(): Promise<Family> {
  const [row] = await query<Family>(
    `SELECT u.nip, h.id AS household_id
       FROM household h
       JOIN assignment a ON a.household_id = h.id AND a.ended_at IS NULL
       JOIN app_user u ON u.id = a.asn_id AND u.is_active AND NOT u.must_change_password
      WHERE h.status = 'ACTIVE'
        AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id AND v.period_key = $1)
        AND NOT EXISTS (SELECT 1 FROM household_member m WHERE m.household_id = h.id
                        AND m.birth_date > current_date - interval '20 years')
      ORDER BY h.head_name DESC LIMIT 1`,
    [periodKeyOf(new Date(), "WEEKLY")],
  );
  if (!row) throw new Error("demo data has no due family of adults");
  return row;
}

async function reportFor(householdId: string) {
  const members = await query<{ id: string }>(
    `SELECT id FROM household_member WHERE household_id = $1 AND status = 'PRESENT' ORDER BY birth_date`,
    [householdId],
  );
  return {
    householdId,
    periodKey: periodKeyOf(new Date(), "WEEKLY"),
    idempotencyKey: crypto.randomUUID(),
    visitDate: todayInJakarta(),
    delivered: true,
    items: [{ name: "Telur ayam", quantity: 1, unit: "kg", valueRupiah: 28_000 }],
    notDeliveredReason: null,
    livingAlone: { anyoneAlone: members.length === 1, hasCaregiver: members.length === 1 ? true : null },
    members: members.map((m) => ({
      memberId: m.id,
      presence: "PRESENT",
      health: "HEALTHY",
      chronicDisease: null,
      disability: null,
      jkn: "PBI",
      school: null,
    })),
    aid: ["PKH", "BPNT"],
    house: { floor: 2, wall: 1, roof: 2, drinkingWater: 4, sanitation: 1, electricity: 1, floorAreaM2: 90 },
    changes: { familyMoved: false, familyNotFound: false, newMember: false },
    notes: null,
    location: null,
  };
}

async function storedCount(idempotencyKey: string): Promise<number> {
  const [row] = await query<{ n: string }>(`SELECT count(*) AS n FROM visit WHERE idempotency_key = $1`, [
    idempotencyKey,
  ]);
  return Number(row?.n ?? 0);
}

test("an ASN posts a report as JSON: 201, a retry is stored once, bad input and others' families are refused", async ({
  page,
}) => {
  const family = await dueAdultFamily();
  await signInAndWait(page, family.nip, "/asn");
  const report = await reportFor(family.household_id);

  const first = await page.request.post("/api/visits", { data: report });
  expect(first.status()).toBe(201);
  const created = await first.json();
  expect(created).toMatchObject({ created: true });
  expect(created.visitId).toMatch(/^[0-9a-f-]{36}$/);

  // The same key again (a retry after a timeout): the same visit, nothing new stored.
  const retry = await page.request.post("/api/visits", { data: report });
  expect(retry.status()).toBe(200);
  expect(await retry.json()).toMatchObject({ visitId: created.visitId, created: false });
  expect(await storedCount(report.idempotencyKey)).toBe(1);

  // Bad input: Indonesian messages per field, nothing stored.
  const bad = { ...report, idempotencyKey: crypto.randomUUID(), visitDate: "kemarin", items: [] };
  const invalid = await page.request.post("/api/visits", { data: bad });
  expect(invalid.status()).toBe(400);
  const body = await invalid.json();
  expect(body.fieldErrors.visitDate).toEqual(["Tanggal kunjungan wajib diisi dengan benar."]);
  expect(body.fieldErrors.items).toEqual(["Isi minimal satu barang yang diantar."]);
  expect(await storedCount(bad.idempotencyKey)).toBe(0);

  // Not JSON at all.
  const garbled = await page.request.post("/api/visits", {
    headers: { "Content-Type": "application/json" },
    data: Buffer.from("{laporan"),
  });
  expect(garbled.status()).toBe(400);
  expect((await garbled.json()).error).toContain("tidak terbaca");

  // Only POST: another method gets 405 in Indonesian (the route is a Pages API route, decision 017).
  const wrongMethod = await page.request.get("/api/visits");
  expect(wrongMethod.status()).toBe(405);
  expect(wrongMethod.headers()["allow"]).toBe("POST");
  expect((await wrongMethod.json()).error).toBe("Gunakan metode POST untuk mengirim laporan.");

  // Someone else's family: 404, as if it did not exist.
  const othersFamily = await familyIdOf(family.nip, { not: true });
  const foreign = { ...(await reportFor(othersFamily)), idempotencyKey: crypto.randomUUID() };
  const refused = await page.request.post("/api/visits", { data: foreign });
  expect(refused.status()).toBe(404);
  expect((await refused.json()).error).toBe("Data tidak ditemukan.");
  expect(await storedCount(foreign.idempotencyKey)).toBe(0);
});

test("signed out, POST /api/visits stores nothing and asks to sign in", async ({ baseURL }) => {
  const family = await dueAdultFamily();
  const report = await reportFor(family.household_id);
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const response = await anonymous.post("/api/visits", { data: report, maxRedirects: 0 });
  expect(response.status()).toBe(401);
  expect((await response.json()).error).toBe("Silakan masuk terlebih dahulu.");
  expect(await storedCount(report.idempotencyKey)).toBe(0);
  await anonymous.dispose();
});
