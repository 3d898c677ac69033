import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { periodKeyOf } from "../../src/lib/period";
import { query, signInAndWait } from "./support";

// Field reality (docs/decisions/007): the ASN's families are readable offline, a report filed
// without a connection waits on the phone and is sent once when the connection returns.

const ONE_PIXEL_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const PERIOD = periodKeyOf(new Date(), "WEEKLY");

type DueFamily = { nip: string; household_id: string; head_name: string; asn_id: string };

/** A due family (no report this period), taken from the end of the list (asn-visit takes the start). */
async function dueFamily(exclude: string[] = []): Promise<DueFamily> {
  const [row] = await query<DueFamily>(
    `SELECT u.nip, u.id AS asn_id, h.id AS household_id, h.head_name
       FROM household h
       JOIN assignment a ON a.household_id = h.id AND a.ended_at IS NULL
       JOIN app_user u ON u.id = a.asn_id AND u.is_active AND NOT u.must_change_password
      WHERE h.status = 'ACTIVE'
        AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id AND v.period_key = $1)
        AND EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id)
        AND NOT (h.id::text = ANY($2::text[]))
      ORDER BY h.head_name DESC LIMIT 1`,
    [PERIOD, exclude],
  );
  if (!row) throw new Error("demo data has no due family");
  return row;
}

async function reportsOf(householdId: string) {
  return query<{ id: string; idempotency_key: string; has_photo: boolean }>(
    `SELECT v.id, v.idempotency_key, EXISTS (SELECT 1 FROM visit_photo p WHERE p.visit_id = v.id) AS has_photo
       FROM visit v WHERE v.household_id = $1 AND v.period_key = $2`,
    [householdId, PERIOD],
  );
}

/** Signs in, waits for the service worker to control the page and to cache the family's pages. */
async function signInAndCache(page: Page, family: DueFamily) {
  await signInAndWait(page, family.nip, "/asn");
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.getRegistration("/asn");
    return registration?.active?.state === "activated";
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await expect(page.getByTestId("connection-status")).toHaveText(/Online/);
  // The warm-up (WarmUp on /asn) caches the home, each family page and its report form, their
  // scripts, and the chunks those scripts load later (photo resize, sending, follow-up preview).
  await expect
    .poll(
      () =>
        page.evaluate(async (id) => {
          const pages = await caches.open("asn-pages-v1");
          const paths = ["/asn", `/asn/keluarga/${id}`, `/asn/keluarga/${id}/lapor`];
          const hits = await Promise.all(paths.map((p) => pages.match(location.origin + p)));
          const assets = await caches.open("asn-assets-v1");
          const cached = await assets.keys();
          let complete = cached.length > 3;
          for (const request of cached) {
            if (!complete || !request.url.endsWith(".js")) continue;
            const script = await (await assets.match(request))!.text();
            for (const [, chunk] of script.matchAll(/["'](static\/chunks\/[\w.-]+\.js)["']/g))
              if (!(await assets.match(`/_next/${chunk}`))) complete = false;
          }
          return hits.every(Boolean) && complete;
        }, family.household_id),
      { timeout: 20_000 },
    )
    .toBe(true);
}

/** Chooses the first option of every select the previous report left empty. */
async function completeEmptySelects(page: Page) {
  const selects = page.getByTestId("visit-form").locator("select");
  for (let i = 0; i < (await selects.count()); i++) {
    const select = selects.nth(i);
    if ((await select.inputValue()) === "") await select.selectOption({ index: 1 });
  }
}

async function fileReportOffline(context: BrowserContext, page: Page, family: DueFamily) {
  await context.setOffline(true);
  // Full page loads from the cache: the family, then its report form.
  await page.goto(`/asn/keluarga/${family.household_id}`);
  await expect(page.getByRole("heading", { level: 1, name: family.head_name })).toBeVisible();
  await expect(page.getByTestId("connection-status")).toHaveText(/Offline/);
  await page.goto(`/asn/keluarga/${family.household_id}/lapor`);
  await expect(page.getByRole("heading", { level: 1, name: "Laporan kunjungan" })).toBeVisible();
  await completeEmptySelects(page);
  await page.getByLabel("Catatan (boleh dikosongkan)").fill("Diisi tanpa sinyal di desa");
  await page
    .getByTestId("photo-input")
    .setInputFiles({ name: "foto.png", mimeType: "image/png", buffer: ONE_PIXEL_PNG });
  await expect(page.getByTestId("photo-size")).toBeVisible();
  await page.getByRole("button", { name: "Kirim laporan" }).click();
  await expect(page.getByTestId("queue-status")).toContainText("Menunggu dikirim");
  await expect(page.getByTestId("connection-status")).toContainText("1 menunggu");
}

test("offline: a family opens from the cache, a report with a photo waits and is sent once when online", async ({
  context,
  page,
}) => {
  const family = await dueFamily();
  await signInAndCache(page, family);
  await fileReportOffline(context, page, family);
  expect(await reportsOf(family.household_id)).toHaveLength(0);

  // Reloading offline keeps it (IndexedDB), with its state.
  await page.reload();
  await expect(page.getByTestId("queue-status")).toContainText("Menunggu dikirim");
  await expect(page.getByLabel("Catatan (boleh dikosongkan)")).toHaveValue("Diisi tanpa sinyal di desa");

  await context.setOffline(false);
  await expect(page.getByTestId("queue-status")).toContainText("Terkirim", { timeout: 20_000 });
  const stored = await reportsOf(family.household_id);
  expect(stored).toHaveLength(1);
  expect(stored[0]!.has_photo).toBe(true);

  // The home's queue panel shows it as sent; the server still holds one report.
  await page.goto("/asn");
  await expect(page.getByTestId("queue-panel")).toContainText(family.head_name);
  await expect(page.getByTestId("queue-panel").getByTestId("queued-status").first()).toHaveText("Terkirim");
  expect(await reportsOf(family.household_id)).toHaveLength(1);
});

test("the connection drops after the server stored the report: the retry keeps the key, still one report", async ({
  context,
  page,
}) => {
  const family = await dueFamily();
  await signInAndCache(page, family);
  await page.goto(`/asn/keluarga/${family.household_id}/lapor`);
  await completeEmptySelects(page);

  // The first POST reaches the server but its answer is lost; later ones pass.
  let dropped = 0;
  await context.route(`**/asn/keluarga/${family.household_id}/lapor*`, async (route) => {
    if (route.request().method() !== "POST" || dropped > 0) return route.fallback();
    dropped++;
    await route.fetch();
    await route.abort("internetdisconnected");
  });
  await page.getByRole("button", { name: "Kirim laporan" }).click();
  await expect(page.getByTestId("queue-status")).toContainText("Menunggu dikirim");
  expect(dropped).toBe(1);
  const first = await reportsOf(family.household_id);
  expect(first).toHaveLength(1); // stored by the lost request

  await page.goto("/asn");
  const panel = page.getByTestId("queue-panel");
  await expect(panel.getByTestId("queued-status").first()).toContainText(/Menunggu dikirim|Terkirim/);
  // The page-load sync may send it first and remove the button between a visibility check and a
  // click: press "Kirim sekarang" only while it is there; the next line is what must hold.
  await panel
    .getByRole("button", { name: "Kirim sekarang" })
    .click({ timeout: 3_000 })
    .catch(() => undefined);
  await expect(panel.getByTestId("queued-status").first()).toHaveText("Terkirim", { timeout: 20_000 });
  const after = await reportsOf(family.household_id);
  expect(after).toHaveLength(1);
  expect(after[0]!.idempotency_key).toBe(first[0]!.idempotency_key);
});

test("a report filed elsewhere meanwhile: the queued one fails with the conflict message, nothing overwritten", async ({
  context,
  page,
}) => {
  const family = await dueFamily();
  await signInAndCache(page, family);
  await fileReportOffline(context, page, family);

  // Another report for the same family and period arrives first (e.g. from another phone).
  const [other] = await query<{ id: string }>(
    `INSERT INTO visit (household_id, asn_id, period_key, visit_date, delivered, checklist, notes, idempotency_key, updated_at)
     VALUES ($1, $2, $3, current_date, true, '{}'::jsonb, 'dari ponsel lain', gen_random_uuid(), now()) RETURNING id`,
    [family.household_id, family.asn_id, PERIOD],
  );

  await context.setOffline(false);
  await expect(page.getByTestId("queue-status")).toContainText(
    "Gagal: Laporan kunjungan keluarga ini untuk periode ini sudah dikirim sebelumnya",
    { timeout: 20_000 },
  );
  const stored = await query<{ id: string; notes: string }>(
    `SELECT id, notes FROM visit WHERE household_id = $1 AND period_key = $2`,
    [family.household_id, PERIOD],
  );
  expect(stored).toEqual([{ id: other!.id, notes: "dari ponsel lain" }]);

  await page.goto("/asn");
  await expect(page.getByTestId("queue-panel")).toContainText("Gagal: Laporan kunjungan keluarga ini");
});

test("signing out warns about unsent reports, then clears the phone", async ({ context, page }) => {
  const family = await dueFamily();
  await signInAndCache(page, family);
  await fileReportOffline(context, page, family);
  // Back online, but every send fails (a dead connection): the report stays unsent.
  await context.route(
    (url) => url.pathname.startsWith("/asn"),
    (route) => (route.request().method() === "POST" ? route.abort("internetdisconnected") : route.fallback()),
  );
  await context.setOffline(false);
  await page.goto("/asn");
  await expect(page.getByTestId("queue-panel")).toContainText("Menunggu dikirim");

  const messages: string[] = [];
  page.once("dialog", (dialog) => {
    messages.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect.poll(() => messages.length).toBe(1);
  expect(messages[0]).toContain("Ada 1 laporan yang belum terkirim");
  await expect(page).toHaveURL(/\/asn$/);

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login/);
  const left = await page.evaluate(async () => ({
    caches: (await caches.keys()).length,
    databases: (await indexedDB.databases()).filter((d) => d.name === "asn-berbagi-offline").length,
    drafts: Object.keys(localStorage).filter((k) => k.startsWith("asn-berbagi:draft:")).length,
  }));
  expect(left).toEqual({ caches: 0, databases: 0, drafts: 0 });
  expect(await reportsOf(family.household_id)).toHaveLength(0);
});
