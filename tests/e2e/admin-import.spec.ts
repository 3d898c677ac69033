import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { familyRows, HOUSEHOLD_HEADERS, toCsv } from "../support/import-fixtures";
import { query, signInAndWait } from "./support";

// Bappeda imports a DTSEN export with a few bad rows: preview, error report, commit, result.

test("an admin previews a household file, downloads the error report and commits it", async ({ page }) => {
  const first = familyRows(1700, { headName: "Sumarni Impor E2E" });
  const second = familyRows(1701, { headName: "Bambang Impor E2E", size: 2 });
  const badNik = { ...first[2]!, NIK: "3510", Nama: "Anak NIK Salah" };
  const unknownDesa = {
    ...second[1]!,
    NIK: second[1]!.NIK.replace(/\d{4}$/, "0999"),
    "Kode Desa": "35.10.99.2001",
  };
  const rows = [...first, ...second, badNik, unknownDesa];
  const csv = toCsv(HOUSEHOLD_HEADERS, rows);

  await signInAndWait(page, "admin", "/admin");
  await page.goto("/admin/impor");
  await expect(page.getByRole("heading", { level: 1, name: "Impor data" })).toBeVisible();
  await page.getByLabel(/Berkas CSV atau XLSX/).setInputFiles({
    name: "dtsen-e2e.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv, "utf8"),
  });
  await page.getByRole("button", { name: "Unggah dan periksa" }).click();

  await expect(page).toHaveURL(/\/admin\/impor\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Pratinjau impor" })).toBeVisible();
  const counts = page.getByTestId("import-counts");
  await expect(counts).toContainText("Baris data7");
  await expect(counts).toContainText("keluarga baru2");
  await expect(counts).toContainText("Baris ditolak2");
  const rejected = page.getByTestId("rejected-rows");
  await expect(rejected).toContainText("NIK harus 16 digit angka (yang diisi 4 digit).");
  await expect(rejected).toContainText("Kode desa 35.10.99.2001 tidak ada di Kabupaten Banyuwangi.");

  // No NIK or No KK appears unmasked anywhere in the preview.
  const html = await page.content();
  for (const row of rows) {
    if (row.NIK.length === 16) expect(html).not.toContain(row.NIK);
    expect(html).not.toContain(row["No KK"]);
  }

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("error-report-link").click(),
  ]);
  expect(download.suggestedFilename()).toBe("laporan-kesalahan-dtsen-e2e.xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).getCell(3).value).toBe("Alasan");
  const reportText = JSON.stringify(sheet.getSheetValues());
  expect(reportText).toContain("Kode desa 35.10.99.2001 tidak ada di Kabupaten Banyuwangi.");
  expect(reportText).not.toContain(unknownDesa.NIK);
  expect(reportText).not.toContain(first[0]!["No KK"]);

  await page.getByRole("button", { name: "Simpan ke basis data" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hasil impor" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("import-status")).toContainText("Impor disimpan");
  const imported = page.getByTestId("imported-households");
  await expect(imported).toContainText("Sumarni Impor E2E");
  await expect(imported).toContainText("Bambang Impor E2E");
  expect(await page.content()).not.toContain(first[0]!["No KK"]);

  const stored = await query<{ head_name: string; source: string; members: string }>(
    `SELECT h.head_name, h.source, (SELECT count(*) FROM household_member m WHERE m.household_id = h.id)::text AS members
       FROM household h WHERE h.kk_number = $1`,
    [first[0]!["No KK"]],
  );
  expect(stored).toEqual([
    { head_name: "Sumarni Impor E2E", source: "Impor DTSEN dtsen-e2e.csv", members: "3" },
  ]);

  // The history lists the import.
  await page.goto("/admin/impor");
  await expect(page.getByTestId("import-history")).toContainText("dtsen-e2e.csv");
  await expect(page.getByTestId("import-history")).toContainText("Disimpan");
});
