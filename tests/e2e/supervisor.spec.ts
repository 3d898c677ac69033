import { expect, test } from "@playwright/test";
import { DEMO_USERNAMES, query, signInAndWait } from "./support";

async function followUpOf(opdCode: string, equal: boolean): Promise<string> {
  const rows = await query<{ id: string }>(
    `SELECT f.id FROM follow_up f JOIN opd o ON o.id = f.target_opd_id
      WHERE (o.code = $1) = $2 AND f.status IN ('OPEN', 'IN_PROGRESS') ORDER BY f.created_at LIMIT 1`,
    [opdCode, equal],
  );
  if (!rows[0]) throw new Error(`no open follow-up (${opdCode}, ${equal})`);
  return rows[0].id;
}

test("the supervisor sees their staff's compliance and the not-reported list", async ({ page }) => {
  await signInAndWait(page, DEMO_USERNAMES.supervisor, "/pengawas");
  await expect(page.getByRole("heading", { name: "Staf OPD saya" })).toBeVisible();
  await expect(page.getByTestId("staff-table")).toBeVisible();
  await expect(page.getByTestId("not-reported")).toBeVisible();
  const [other] = await query<{ name: string }>(
    `SELECT u.name FROM app_user u JOIN opd o ON o.id = u.opd_id
      WHERE u.role = 'ASN' AND u.is_active AND o.code <> 'DISPENDIK' ORDER BY u.name LIMIT 1`,
  );
  await expect(page.getByTestId("staff-table")).not.toContainText(other!.name);
});

test("the supervisor updates a follow-up of their OPD", async ({ page }) => {
  const id = await followUpOf("DISPENDIK", true);
  await signInAndWait(page, DEMO_USERNAMES.supervisor, "/pengawas");
  await page.goto("/pengawas/tindak-lanjut");
  await expect(page.getByTestId("follow-up-board")).toBeVisible();
  await expect(page.getByTestId("board-filters").getByLabel("OPD tujuan")).toHaveCount(0);
  await page.goto(`/pengawas/tindak-lanjut/${id}`);
  await expect(page.getByTestId("follow-up-detail")).toBeVisible();
  await expect(page.getByTestId("target-form")).toHaveCount(0);
  const form = page.getByTestId("status-form");
  await form.getByLabel("Status baru").selectOption({ label: "Selesai" });
  const note = `Anak sudah kembali bersekolah (uji e2e ${Date.now()}).`;
  await form.getByLabel("Catatan (wajib)").fill(note);
  await form.getByRole("button", { name: "Simpan status" }).click();
  await expect(page.getByTestId("follow-up-history")).toContainText(note);
});

test("the supervisor gets 404 for another OPD's follow-up, and nothing changes", async ({ page }) => {
  const id = await followUpOf("DISPENDIK", false);
  const [before] = await query<{ status: string; updated_at: string }>(
    `SELECT status, updated_at::text FROM follow_up WHERE id = $1`,
    [id],
  );
  await signInAndWait(page, DEMO_USERNAMES.supervisor, "/pengawas");
  const response = await page.goto(`/pengawas/tindak-lanjut/${id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
  const [after] = await query<{ status: string; updated_at: string }>(
    `SELECT status, updated_at::text FROM follow_up WHERE id = $1`,
    [id],
  );
  expect(after).toEqual(before);
});
