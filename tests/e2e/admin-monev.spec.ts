import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { DEMO_USERNAMES, query, signInAndWait } from "./support";

test("admin opens compliance, switches period, sorts, exports XLSX and opens the not-reported list", async ({
  page,
}) => {
  await signInAndWait(page, DEMO_USERNAMES.admin, "/admin");
  await page.goto("/admin/kepatuhan");
  await expect(page.getByRole("heading", { name: "Kepatuhan pelaporan" })).toBeVisible();
  const table = page.getByTestId("asn-compliance");
  await expect(table).toBeVisible();

  // Switch to the previous period.
  const select = page.getByLabel("Periode");
  const previous = await select.locator("option").nth(1).getAttribute("value");
  await select.selectOption(previous!);
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page).toHaveURL(new RegExp(`periode=${previous}`));
  await expect(table.locator("tbody tr").first()).toBeVisible();

  // Sort by name, descending on a second click.
  await table.getByRole("link", { name: /^Nama/ }).click();
  await expect(page).toHaveURL(/urut=nama/);
  await table.getByRole("link", { name: /^Nama/ }).click();
  await expect(page).toHaveURL(/urut=-nama/);
  await expect(table.getByRole("link", { name: /^Nama ↓/ })).toBeVisible();
  const descending = await table.locator("tbody tr td:first-child").allTextContents();
  await table.getByRole("link", { name: /^Nama/ }).click();
  await expect(page).toHaveURL(/urut=nama/);
  await expect(table.locator("tbody tr td:first-child").first()).not.toHaveText(descending[0]!);

  // Export: a real XLSX with an ASN row and no 16-digit numbers.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Unduh XLSX" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`kepatuhan-${previous}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  const filePath = await download.path();
  await workbook.xlsx.load((await readFile(filePath)).buffer as ArrayBuffer);
  const sheet = workbook.getWorksheet("Per ASN")!;
  expect(sheet.getRow(1).getCell(1).value).toBe("Nama");
  const [asn] = await query<{ name: string; nip: string }>(
    `SELECT name, nip FROM app_user WHERE role = 'ASN' AND is_active ORDER BY name LIMIT 1`,
  );
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
  expect(rows.some((r) => r[0] === asn!.name && r[1] === asn!.nip)).toBe(true);
  expect(rows.flat().some((v) => /^\d{16}$/.test(v))).toBe(false);

  // The not-reported list.
  await page.getByRole("link", { name: "Belum melapor" }).click();
  await expect(page).toHaveURL(/tampilan=belum/);
  await expect(page.getByTestId("not-reported")).toBeVisible();
  await page.getByRole("link", { name: "Per kecamatan" }).click();
  await expect(page.getByTestId("compliance-by-kecamatan")).toBeVisible();
});

test("admin changes a follow-up's status with a note and sees it in the history", async ({ page }) => {
  const [followUp] = await query<{ id: string }>(
    `SELECT f.id FROM follow_up f JOIN opd o ON o.id = f.target_opd_id
      WHERE f.status IN ('OPEN', 'IN_PROGRESS') AND o.code <> 'DISPENDIK' ORDER BY f.created_at LIMIT 1`,
  );
  await signInAndWait(page, DEMO_USERNAMES.admin, "/admin");
  await page.goto("/admin/tindak-lanjut");
  await expect(page.getByTestId("follow-up-board")).toBeVisible();
  await page.goto(`/admin/tindak-lanjut/${followUp!.id}`);
  await expect(page.getByTestId("follow-up-detail")).toBeVisible();

  const form = page.getByTestId("status-form");
  await form.getByLabel("Status baru").selectOption({ label: "Selesai" });
  await form.getByRole("button", { name: "Simpan status" }).click();
  await expect(form.getByTestId("field-error")).toContainText("Catatan wajib diisi");
  await expect(form.getByLabel("Status baru")).toHaveValue("RESOLVED");

  const note = `Sudah ditangani petugas (uji e2e ${Date.now()}).`;
  await form.getByLabel("Catatan (wajib)").fill(note);
  await form.getByRole("button", { name: "Simpan status" }).click();
  await expect(page.getByTestId("follow-up-history")).toContainText(note);
  await expect(page.getByTestId("follow-up-history")).toContainText("→ Selesai");
  const [row] = await query<{ status: string; resolved: boolean }>(
    `SELECT status, resolved_at IS NOT NULL AS resolved FROM follow_up WHERE id = $1`,
    [followUp!.id],
  );
  expect(row).toEqual({ status: "RESOLVED", resolved: true });
});

test("admin edits the late-report limit (bad value → Indonesian message, then a good one)", async ({
  page,
}) => {
  const [before] = await query<{ days: number }>(
    `SELECT late_report_limit_days AS days FROM programme_settings WHERE id = 1`,
  );
  await signInAndWait(page, DEMO_USERNAMES.admin, "/admin");
  await page.goto("/admin/pengaturan");
  const form = page.getByTestId("settings-form");
  const limit = form.getByLabel("Batas laporan terlambat (hari)");
  await limit.fill("99");
  await form.getByRole("button", { name: "Simpan pengaturan" }).click();
  await expect(form.getByTestId("field-error")).toContainText("paling banyak 60 hari");
  await expect(limit).toHaveValue("99");

  const next = before!.days === 10 ? 11 : 10;
  await limit.fill(String(next));
  await form.getByRole("button", { name: "Simpan pengaturan" }).click();
  await expect(form.getByTestId("form-success")).toContainText("Pengaturan program tersimpan");
  expect(
    (await query<{ days: number }>(`SELECT late_report_limit_days AS days FROM programme_settings`))[0]!.days,
  ).toBe(next);

  // Put it back for the other tests.
  await limit.fill(String(before!.days));
  await form.getByRole("button", { name: "Simpan pengaturan" }).click();
  await expect(form.getByTestId("form-success")).toBeVisible();
  await expect
    .poll(
      async () =>
        (await query<{ days: number }>(`SELECT late_report_limit_days AS days FROM programme_settings`))[0]!
          .days,
    )
    .toBe(before!.days);
});

test("admin corrects an official poverty figure", async ({ page }) => {
  const [figure] = await query<{ year: number; percent: string }>(
    `SELECT year, percent_poor::text AS percent FROM poverty_figure ORDER BY year DESC LIMIT 1`,
  );
  await signInAndWait(page, DEMO_USERNAMES.admin, "/admin");
  await page.goto("/admin/pengaturan");
  await page.getByRole("button", { name: `Koreksi ${figure!.year}` }).click();
  const form = page.getByTestId("poverty-form");
  await expect(form.getByLabel("Tahun")).toHaveValue(String(figure!.year));
  await form.getByLabel("Persentase penduduk miskin (%)").fill("101");
  await form.getByRole("button", { name: "Simpan angka" }).click();
  await expect(form.getByTestId("field-error")).toContainText("tidak boleh lebih dari 100");

  await form.getByLabel("Persentase penduduk miskin (%)").fill("6,01");
  await form.getByRole("button", { name: "Simpan angka" }).click();
  await expect(form.getByTestId("form-success")).toContainText(`dikoreksi`);
  await expect(page.getByTestId("poverty-figures")).toContainText("6,01%");
  const [audit] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log WHERE action = 'poverty_figure.update' AND entity_id = $1`,
    [String(figure!.year)],
  );
  expect(audit!.n).toBeGreaterThan(0);

  // Restore the official value.
  await page.getByRole("button", { name: `Koreksi ${figure!.year}` }).click();
  await form.getByLabel("Persentase penduduk miskin (%)").fill(figure!.percent.replace(".", ","));
  await form.getByRole("button", { name: "Simpan angka" }).click();
  await expect(page.getByTestId("poverty-figures")).toContainText(`${figure!.percent.replace(".", ",")}%`);
});
