import { expect, test, type Page } from "@playwright/test";
import { DEMO_ASN_NIPS, DEMO_USERNAMES, query, signIn, signInAndWait } from "./support";

// Admin roster and assignment on a desktop, against the demo data: create an ASN with a temporary
// password (forced change at first sign-in), assign families in bulk, deactivate an ASN who
// fosters families and move them, and the area's 404 for other roles.

const TEMPORARY = "Sementara-Uji-2026";
const CHOSEN = "Kopi-Pagi-Banyuwangi-7";

async function freeNip(): Promise<string> {
  for (let serial = 901; ; serial++) {
    const nip = `199405172019031${serial}`;
    const rows = await query("SELECT 1 FROM app_user WHERE nip = $1", [nip]);
    if (rows.length === 0) return nip;
  }
}

async function headNamesIn(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).locator("tbody tr td:first-child").allInnerTexts();
}

test("admin creates an ASN with a temporary password; the ASN must change it, then sees the families assigned to them", async ({
  page,
  browser,
}) => {
  const nip = await freeNip();
  await signInAndWait(page, DEMO_USERNAMES.admin, "/admin");
  await page.goto("/admin/asn");
  await expect(page.getByRole("heading", { level: 1, name: "Daftar ASN" })).toBeVisible();
  await page.getByRole("link", { name: "Tambah ASN" }).click();
  await page.getByLabel("NIP / NI PPPK").fill(nip);
  await page.getByLabel("Nama lengkap").fill("Rina Kartika Uji, S.E.");
  await page.getByLabel("OPD", { exact: true }).selectOption({ index: 1 });
  await page.getByLabel("Nomor HP").fill("0812 3456 7001");
  await page.getByLabel("Kecamatan tempat kerja").selectOption({ label: "Genteng" });
  // A weak temporary password is refused with the Indonesian message; the typed values stay.
  await page.getByLabel("Kata sandi sementara").fill("berbagi-demo");
  await page.getByRole("button", { name: "Simpan ASN baru" }).click();
  await expect(page.getByText("Kata sandi demo tidak boleh dipakai. Pilih kata sandi lain.")).toBeVisible();
  await expect(page.getByLabel("NIP / NI PPPK")).toHaveValue(nip);
  await page.getByLabel("Kata sandi sementara").fill(TEMPORARY);
  await page.getByRole("button", { name: "Simpan ASN baru" }).click();
  await expect(page).toHaveURL(/\/admin\/asn\/[0-9a-f-]{36}\?dibuat=1$/);
  await expect(page.getByTestId("created-notice")).toBeVisible();

  // Bulk assignment: two unassigned families to the new ASN.
  await page.goto(`/admin/penugasan?asn=${nip}`);
  await expect(page.getByLabel("NIP ASN tujuan")).toHaveValue(nip);
  const rows = page.getByTestId("unassigned-table").locator("tbody tr");
  const names: string[] = [];
  for (const i of [0, 1]) {
    names.push((await rows.nth(i).locator("td").nth(1).innerText()).trim());
    await rows.nth(i).getByRole("checkbox").check();
  }
  await page.getByRole("button", { name: "Tugaskan 2 keluarga" }).click();
  await expect(page.getByTestId("form-success")).toContainText(
    "2 keluarga ditugaskan kepada Rina Kartika Uji",
  );

  // The ASN signs in with the temporary password and is held on /ganti-sandi.
  const asnContext = await browser.newContext();
  const asnPage = await asnContext.newPage();
  await signIn(asnPage, nip, TEMPORARY);
  await expect(asnPage).toHaveURL(/\/ganti-sandi$/);
  await asnPage.goto("/asn");
  await expect(asnPage).toHaveURL(/\/ganti-sandi$/);
  await asnPage.getByLabel("Kata sandi saat ini").fill(TEMPORARY);
  await asnPage.getByLabel("Kata sandi baru", { exact: true }).fill("1234567890");
  await asnPage.getByLabel("Ulangi kata sandi baru").fill("1234567890");
  await asnPage.getByRole("button", { name: "Simpan kata sandi baru" }).click();
  await expect(asnPage.getByTestId("field-error").first()).toHaveText(
    "Kata sandi tidak boleh hanya berisi angka. Tambahkan huruf.",
  );
  await asnPage.getByLabel("Kata sandi saat ini").fill(TEMPORARY);
  await asnPage.getByLabel("Kata sandi baru", { exact: true }).fill(CHOSEN);
  await asnPage.getByLabel("Ulangi kata sandi baru").fill(CHOSEN);
  await asnPage.getByRole("button", { name: "Simpan kata sandi baru" }).click();
  await expect(asnPage.getByTestId("form-success")).toHaveText(
    "Kata sandi berhasil diganti. Silakan masuk kembali dengan kata sandi baru.",
  );
  await asnPage.getByRole("button", { name: "Masuk kembali" }).click();
  await expect(asnPage).toHaveURL(/\/login/);
  await signIn(asnPage, nip, CHOSEN);
  await expect(asnPage).toHaveURL(/\/asn$/);
  for (const name of names) await expect(asnPage.getByText(name)).toBeVisible();
  await asnContext.close();
});

test("admin deactivates an ASN who fosters families, is warned, and moves them to another ASN", async ({
  page,
}) => {
  const [source] = await query<{ id: string; n: number }>(
    `SELECT u.id, count(a.id)::int AS n FROM app_user u
       JOIN assignment a ON a.asn_id = u.id AND a.ended_at IS NULL
      WHERE u.role = 'ASN' AND u.is_active AND u.nip <> ALL($1::text[])
      GROUP BY u.id ORDER BY u.name LIMIT 1`,
    [DEMO_ASN_NIPS],
  );
  if (!source) throw new Error("no fostering ASN in the demo data");
  const [target] = await query<{ id: string; nip: string; name: string }>(
    `SELECT u.id, u.nip, u.name FROM app_user u
       LEFT JOIN assignment a ON a.asn_id = u.id AND a.ended_at IS NULL
      WHERE u.role = 'ASN' AND u.is_active AND u.id <> $1 AND u.nip <> ALL($2::text[])
      GROUP BY u.id HAVING COALESCE(u.quota, 5) - count(a.id) >= $3
      ORDER BY u.name LIMIT 1`,
    [source.id, DEMO_ASN_NIPS, source.n],
  );
  if (!target) throw new Error("no ASN with enough capacity in the demo data");

  await signInAndWait(page, DEMO_USERNAMES.admin, "/admin");
  await page.goto(`/admin/asn/${source.id}`);
  const families = await headNamesIn(page, "asn-families");
  expect(families).toHaveLength(source.n);
  const panel = page.getByTestId("status-panel");
  await expect(panel.getByTestId("families-warning")).toContainText(
    `ASN ini masih mengasuh ${source.n} keluarga.`,
  );
  await panel.getByLabel("Alasan penonaktifan").fill("Pensiun");
  await panel.getByLabel("NIP ASN tujuan").fill(target.nip);
  await panel.getByRole("button", { name: `Nonaktifkan dan pindahkan ${source.n} keluarga` }).click();
  await expect(page.getByTestId("status-notice")).toHaveText(
    `ASN dinonaktifkan; ${source.n} keluarga dipindahkan (lihat riwayat penugasan).`,
  );
  await expect(page.getByTestId("asn-families")).toContainText("Belum mengasuh keluarga.");

  await page.goto(`/admin/asn/${target.id}`);
  const targetFamilies = await headNamesIn(page, "asn-families");
  for (const name of families) expect(targetFamilies).toContain(name);
  await expect(page.getByTestId("asn-history")).toContainText("Nonaktif: Pensiun");

  await page.goto(`/admin/asn/${source.id}`);
  await expect(page.getByTestId("asn-families")).toContainText("Belum mengasuh keluarga.");
  await expect(page.getByTestId("asn-history")).toContainText("Nonaktif: Pensiun");
});

test("a supervisor or an ASN opening the admin roster and assignment pages gets 404", async ({ page }) => {
  await signInAndWait(page, DEMO_USERNAMES.supervisor, "/pengawas");
  for (const path of ["/admin/penugasan", "/admin/asn", "/admin/penugasan/usulan"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signInAndWait(page, DEMO_ASN_NIPS[1], "/asn");
  const response = await page.goto("/admin/penugasan");
  expect(response?.status()).toBe(404);
});
