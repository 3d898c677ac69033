import { expect, test, type Request } from "@playwright/test";
import { FIRST_LOAD_JS_BUDGET_BYTES, kB, measureFirstLoadJs } from "../../scripts/bench/page-weight";
import { query, signInAndWait } from "./support";

// The ASN pages' first-load JavaScript budget (issue 6, docs/performance.md): what a phone
// downloads on a first visit to each page, measured on the production build this run serves, in a
// fresh browser context, as transferred. A size check, not a timing: it fails when a change makes
// a page heavier than 150 kB gzip, and when the dashboard's chart library reaches an ASN page.

const ASN_WITH_FAMILY = `SELECT u.nip, a.household_id
   FROM app_user u JOIN assignment a ON a.asn_id = u.id AND a.ended_at IS NULL
  WHERE u.role = 'ASN' AND u.is_active AND NOT u.must_change_password
  ORDER BY u.nip, a.household_id LIMIT 1`;

test("each ASN page's first load stays within 150 kB of JavaScript (gzip), without the chart library", async ({
  browser,
  page,
  baseURL,
}) => {
  const [asn] = await query<{ nip: string; household_id: string }>(ASN_WITH_FAMILY);
  if (!asn) throw new Error("demo data has no ASN with a family");
  await signInAndWait(page, asn.nip, "/asn");
  const cookies = await page.context().cookies();
  const pages = [
    "/asn",
    `/asn/keluarga/${asn.household_id}`,
    `/asn/keluarga/${asn.household_id}/lapor`,
    "/asn/riwayat",
  ];
  for (const path of pages) {
    const weight = await measureFirstLoadJs(browser, `${baseURL}${path}`, cookies);
    const line = `${path}: ${kB(weight.transferred)} in ${weight.scripts.length} scripts (gzip -9 ${kB(weight.gzip9)}, raw ${kB(weight.raw)}); HTML ${kB(weight.document)}`;
    console.log(`first-load JS ${line}`);
    test.info().annotations.push({ type: "first-load JS", description: line });
    expect.soft(weight.scripts.length, `${path}: no scripts seen`).toBeGreaterThan(0);
    expect
      .soft(weight.transferred, `${path}: over the budget`)
      .toBeLessThanOrEqual(FIRST_LOAD_JS_BUDGET_BYTES);
    expect
      .soft(
        weight.scripts.filter((s) => s.hasRecharts).map((s) => s.path),
        `${path}: recharts in the first load`,
      )
      .toEqual([]);
  }
});

// Links do not prefetch (docs/decisions/018): every page is rendered per user, so a prefetch of a
// link in view fetched only the route's shell, yet cost a server render and the phone's main
// thread. The ASN home shows up to 8 links (header and families); after it loads, the page itself
// (the service worker is blocked here) sends no request for a page it has not been asked for.
test("the ASN home and the visit form do not prefetch the pages they link to", async ({
  browser,
  baseURL,
}) => {
  const [asn] = await query<{ nip: string; household_id: string }>(ASN_WITH_FAMILY);
  if (!asn) throw new Error("demo data has no ASN with a family");
  const context = await browser.newContext({ serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    await signInAndWait(page, asn.nip, "/asn");
    for (const path of ["/asn", `/asn/keluarga/${asn.household_id}/lapor`]) {
      const prefetches: string[] = [];
      const record = (request: Request) => {
        const headers = request.headers();
        if (headers["rsc"] || headers["next-router-prefetch"]) prefetches.push(request.url());
      };
      page.on("request", record);
      await page.goto(`${baseURL}${path}`, { waitUntil: "networkidle" });
      await page.waitForTimeout(1_000); // prefetches start once links are in view, after hydration
      page.off("request", record);
      await expect(page.locator("a[href^='/asn']").first()).toBeVisible();
      expect(prefetches, `${path}: prefetch requests`).toEqual([]);
    }
  } finally {
    await context.close();
  }
});
