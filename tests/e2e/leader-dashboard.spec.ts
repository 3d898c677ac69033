import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { DEMO_ASN_NIPS, DEMO_USERNAMES, PERSONAL_NUMBER, query, signInAndWait } from "./support";

test("the bupati follows poverty, the programme and the kecamatan from one page, and exports it", async ({
  page,
}) => {
  await signInAndWait(page, DEMO_USERNAMES.leader, "/pimpinan");

  // Poverty trend with labelled values and the source.
  await expect(page.getByTestId("poverty-chart").locator("svg").first()).toBeVisible();
  await expect(page.getByTestId("poverty-chart")).toContainText("6,13%");
  await expect(page.getByTestId("poverty-chart")).toContainText("Terendah");
  await expect(page.getByText("Sumber: BPS Kabupaten Banyuwangi")).toBeVisible();

  // The programme at a glance, with the previous period.
  for (const card of ["card-asn", "card-coverage", "card-compliance", "card-follow-ups"]) {
    await expect(page.getByTestId(card)).toContainText("Periode lalu");
  }
  await expect(page.getByTestId("kecamatan-table").locator("tbody tr")).toHaveCount(25);

  // Switch the map indicator.
  await page.getByTestId("indicator-switch").getByRole("link", { name: "Cakupan keluarga (%)" }).click();
  await expect(page).toHaveURL(/indikator=cakupan/);
  await expect(
    page.getByTestId("indicator-switch").getByRole("link", { name: "Cakupan keluarga (%)" }),
  ).toHaveAttribute("aria-current", "true");
  await expect(page.getByTestId("choropleth").locator("path")).toHaveCount(25);

  // No family or ASN name, no NIK/KK anywhere in the HTML.
  const html = await page.content();
  expect(html).not.toMatch(PERSONAL_NUMBER);
  const names = await query<{ name: string }>(
    `(SELECT head_name AS name FROM household ORDER BY head_name LIMIT 40)
     UNION (SELECT name FROM app_user WHERE role = 'ASN' ORDER BY name LIMIT 40)`,
  );
  for (const { name } of names) expect(html, name).not.toContain(`>${name}<`);

  // Export the tables.
  const download = page.waitForEvent("download");
  await page.getByTestId("xlsx-export").click();
  const file = await download;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await file.path());
  const sheet = workbook.getWorksheet("Per kecamatan");
  expect(sheet?.rowCount).toBe(26);
  expect(sheet?.getRow(1).getCell(2).value).toBe("Kecamatan");

  // Drill into a kecamatan: the map's shape links there, and so does the table.
  await expect(page.locator('[data-testid=choropleth] a[data-code="35.10.09"]')).toHaveAttribute(
    "href",
    /\/pimpinan\/kecamatan\/35\.10\.09\?/,
  );
  await page.getByTestId("kecamatan-table").getByRole("link", { name: "Genteng", exact: true }).click();
  await expect(page).toHaveURL(/\/pimpinan\/kecamatan\/35\.10\.09/);
  await expect(page.getByRole("heading", { level: 1, name: "Kecamatan Genteng" })).toBeVisible();
  await expect(page.getByTestId("desa-table").locator("tbody tr")).toHaveCount(5);
  expect(await page.content()).not.toMatch(PERSONAL_NUMBER);
});

test("unknown kecamatan or period answers 404, and so does any other role", async ({ page }) => {
  await signInAndWait(page, DEMO_USERNAMES.leader, "/pimpinan");
  expect((await page.goto("/pimpinan/kecamatan/35.10.99"))?.status()).toBe(404);
  expect((await page.goto("/pimpinan?periode=2099-W01"))?.status()).toBe(404);
  expect((await page.goto("/pimpinan?periode=bukan"))?.status()).toBe(404);
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signInAndWait(page, DEMO_ASN_NIPS[0], "/asn");
  expect((await page.goto("/pimpinan"))?.status()).toBe(404);
  expect((await page.goto("/api/pimpinan/xlsx"))?.status()).toBe(404);
});
