import { expect, test } from "@playwright/test";
import { DEMO_ASN_NIPS, DEMO_USERNAMES, PERSONAL_NUMBER, query, signInAndWait } from "./support";

// The household registry for Bappeda admins, on the demo data. The household whose status is changed
// is fostered by an ASN other than the three documented demo ASN, so their tests are unaffected.

/** Exactly 16 digits in a row: an unmasked NIK or No KK. */

type Target = {
  id: string;
  head_name: string;
  head_nik: string;
  kecamatan_code: string;
  kecamatan_name: string;
  asn_name: string;
};

async function target(): Promise<Target> {
  const rows = await query<Target>(
    `SELECT h.id, h.head_name, h.head_nik, h.kecamatan_code, k.name AS kecamatan_name, u.name AS asn_name
       FROM household h
       JOIN region k ON k.code = h.kecamatan_code
       JOIN assignment a ON a.household_id = h.id AND a.ended_at IS NULL
       JOIN app_user u ON u.id = a.asn_id
      WHERE h.status = 'ACTIVE' AND u.nip <> ALL($1::text[]) AND h.head_name ~ '^[A-Za-z]{4}'
      ORDER BY h.head_name DESC, h.id
      LIMIT 1`,
    [DEMO_ASN_NIPS],
  );
  if (!rows[0]) throw new Error("no suitable demo household");
  return rows[0];
}

test("an admin finds, opens, edits and moves a household; numbers stay out of URLs and lists", async ({
  page,
}) => {
  const family = await target();
  await signInAndWait(page, DEMO_USERNAMES.admin, "/admin");

  // Name prefix + kecamatan, through the GET form.
  await page.goto("/admin/keluarga");
  const prefix = family.head_name.slice(0, 4).toLowerCase();
  await page.getByLabel("Nama kepala keluarga (awalan)").fill(prefix);
  await page.getByLabel("Kecamatan").selectOption(family.kecamatan_code);
  await page.getByRole("button", { name: "Terapkan filter" }).click();
  await expect(page).toHaveURL(
    new RegExp(`nama=${prefix}.*kecamatan=${family.kecamatan_code.replaceAll(".", "\\.")}`),
  );
  const rows = page.getByTestId("registry-row");
  await expect(rows.filter({ hasText: family.head_name }).first()).toBeVisible();
  for (const text of await rows.allInnerTexts()) {
    expect(text.toLowerCase()).toContain(prefix);
    expect(text).toContain(family.kecamatan_name);
  }
  expect(await page.content()).not.toMatch(PERSONAL_NUMBER);
  const unfiltered = await page.request.get("/admin/keluarga");
  expect(await unfiltered.text()).not.toMatch(PERSONAL_NUMBER);

  // Number search: POSTed, the URL carries an opaque token only.
  await page.getByLabel("Cari NIK atau No KK (16 digit)").fill("1234");
  await page.getByRole("button", { name: "Cari nomor" }).click();
  await expect(page.getByText("Masukkan 16 digit NIK atau No KK (hanya angka).")).toBeVisible();
  await page.getByLabel("Cari NIK atau No KK (16 digit)").fill(family.head_nik);
  await page.getByRole("button", { name: "Cari nomor" }).click();
  await expect(page).toHaveURL(/\/admin\/keluarga\?nomor=[A-Za-z0-9_-]{22}$/);
  expect(page.url()).not.toContain(family.head_nik);
  await expect(page.getByTestId("identity-search-active")).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(family.head_name);
  expect(await page.content()).not.toMatch(PERSONAL_NUMBER);

  // The detail page shows the full NIK, and that showing is audited.
  const auditsBefore = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'household.view_identity'`,
    [family.id],
  );
  await rows.first().getByRole("link", { name: family.head_name }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/keluarga/${family.id}$`));
  await expect(page.getByTestId("head-nik")).toHaveText(family.head_nik);
  const audits = await query<{ n: number; changes: string }>(
    `SELECT count(*)::int AS n, max(changes::text) AS changes FROM audit_log l
       JOIN app_user u ON u.id = l.actor_id
      WHERE l.entity_id = $1 AND l.action = 'household.view_identity' AND u.username = $2`,
    [family.id, DEMO_USERNAMES.admin],
  );
  expect(audits[0]?.n).toBeGreaterThan(auditsBefore[0]?.n ?? 0);
  expect(audits[0]?.changes).not.toMatch(PERSONAL_NUMBER);

  // A bad RT: Indonesian message, what was typed stays; then a good one.
  const editForm = page.getByTestId("household-edit-form");
  await editForm.getByLabel("RT", { exact: true }).fill("12a");
  await editForm.getByLabel("Dusun/lingkungan").fill("Dusun Uji Registri");
  await editForm.getByRole("button", { name: "Simpan data keluarga" }).click();
  await expect(editForm.getByText("RT harus 1–3 digit angka, misalnya 003.")).toBeVisible();
  await expect(editForm.getByLabel("RT", { exact: true })).toHaveValue("12a");
  await expect(editForm.getByLabel("Dusun/lingkungan")).toHaveValue("Dusun Uji Registri");
  expect(
    (await query<{ rt: string }>(`SELECT rt FROM household WHERE id = $1`, [family.id]))[0]?.rt,
  ).not.toBe("12a");
  await editForm.getByLabel("RT", { exact: true }).fill("7");
  await editForm.getByRole("button", { name: "Simpan data keluarga" }).click();
  await expect(editForm.getByTestId("form-success")).toHaveText("Data keluarga tersimpan.");
  const stored = await query<{ rt: string; dusun: string }>(`SELECT rt, dusun FROM household WHERE id = $1`, [
    family.id,
  ]);
  expect(stored[0]).toEqual({ rt: "007", dusun: "Dusun Uji Registri" });
  await expect(page.getByTestId("audit-trail")).toContainText("RT:");

  // Status "Pindah" with a reason ends the assignment.
  const statusForm = page.getByTestId("status-form");
  await statusForm.getByLabel("Status baru").selectOption("MOVED");
  await statusForm.getByRole("button", { name: "Ubah status" }).click();
  await expect(statusForm.getByText("Alasan wajib diisi (minimal 5 karakter).")).toBeVisible();
  await statusForm.getByLabel("Status baru").selectOption("MOVED");
  await statusForm.getByLabel("Alasan").fill("Pindah ke Kabupaten Jember");
  await statusForm.getByRole("button", { name: "Ubah status" }).click();
  await expect(statusForm.getByTestId("form-success")).toContainText(
    "Penugasan ASN untuk keluarga ini telah diakhiri",
  );
  await expect(page.getByTestId("current-assignment")).toHaveText("Belum ada ASN pengasuh.");
  await expect(page.getByTestId("assignment-history")).toContainText(
    "Status keluarga: Pindah. Pindah ke Kabupaten Jember",
  );
  const active = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM assignment WHERE household_id = $1 AND ended_at IS NULL`,
    [family.id],
  );
  expect(active[0]?.n).toBe(0);
  expect(
    (await query<{ status: string }>(`SELECT status FROM household WHERE id = $1`, [family.id]))[0]?.status,
  ).toBe("MOVED");
});

test("an ASN opening the registry gets 404", async ({ page }) => {
  const family = await target();
  await signInAndWait(page, DEMO_ASN_NIPS[2], "/asn");
  for (const path of [`/admin/keluarga/${family.id}`, "/admin/keluarga"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
  }
  expect(await page.content()).not.toContain(family.head_nik);
});
