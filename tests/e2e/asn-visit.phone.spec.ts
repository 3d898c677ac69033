import { expect, test, type Page } from "@playwright/test";
import { periodKeyOf } from "../../src/lib/period";
import { query, signInAndWait } from "./support";

// The ASN's weekly work on a 360 px phone: open a due family, fill the report, send it once.

const ONE_PIXEL_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

type DueFamily = { nip: string; household_id: string; head_name: string; child_name: string };

/** A family due this period, with a school-age child and no open school follow-up. */
async function dueFamilyWithChild(excludeHousehold?: string): Promise<DueFamily> {
  const periodKey = periodKeyOf(new Date(), "WEEKLY");
  const [row] = await query<DueFamily>(
    `SELECT u.nip, h.id AS household_id, h.head_name, m.name AS child_name
       FROM household h
       JOIN assignment a ON a.household_id = h.id AND a.ended_at IS NULL
       JOIN app_user u ON u.id = a.asn_id AND u.is_active
       JOIN household_member m ON m.household_id = h.id AND m.status = 'PRESENT'
        AND m.birth_date BETWEEN (current_date - interval '17 years') AND (current_date - interval '8 years')
      WHERE h.status = 'ACTIVE'
        AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id AND v.period_key = $1)
        AND NOT EXISTS (SELECT 1 FROM follow_up f WHERE f.household_id = h.id AND f.type = 'SCHOOL_DROPOUT'
                        AND f.status IN ('OPEN','IN_PROGRESS'))
        AND EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id)
        AND h.id::text <> $2
      ORDER BY h.head_name LIMIT 1`,
    [periodKey, excludeHousehold ?? ""],
  );
  if (!row) throw new Error("demo data has no due family with a school-age child");
  return row;
}

async function openReportForm(page: Page, family: DueFamily) {
  await signInAndWait(page, family.nip, "/asn");
  await page
    .getByRole("link", { name: new RegExp(family.head_name) })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: family.head_name })).toBeVisible();
  await page.getByTestId("report-link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Laporan kunjungan" })).toBeVisible();
}

/** Chooses the first option of every select the previous report left empty. */
async function completeEmptySelects(page: Page) {
  const selects = page.getByTestId("visit-form").locator("select");
  for (let i = 0; i < (await selects.count()); i++) {
    const select = selects.nth(i);
    if ((await select.inputValue()) === "") await select.selectOption({ index: 1 });
  }
}

test("an ASN files a report with a photo, sees it done with the follow-up raised, and it is stored once", async ({
  page,
}) => {
  const family = await dueFamilyWithChild();
  const periodKey = periodKeyOf(new Date(), "WEEKLY");
  await openReportForm(page, family);
  await completeEmptySelects(page);

  // Bad values first: Indonesian messages, and what was typed stays.
  const item = page.getByTestId("visit-item").first();
  await item.getByLabel("Jumlah").fill("0");
  await item.getByLabel("Perkiraan nilai (Rp)").fill("-5000");
  await page.getByRole("button", { name: "Kirim laporan" }).click();
  await expect(page.getByTestId("form-error")).toContainText("Ada isian yang belum benar");
  await expect(item.getByText("Jumlah harus lebih dari 0.")).toBeVisible();
  await expect(item.getByLabel("Perkiraan nilai (Rp)")).toHaveValue("-5000");
  expect(
    await query(`SELECT 1 FROM visit WHERE household_id = $1 AND period_key = $2`, [
      family.household_id,
      periodKey,
    ]),
  ).toHaveLength(0);

  // Correct the values, report the child out of school, attach a photo.
  await item.getByLabel("Jumlah").fill("1");
  await item.getByLabel("Perkiraan nilai (Rp)").fill("28.000");
  const child = page.getByTestId("member-answer").filter({ hasText: family.child_name });
  await child.getByLabel("Keberadaan").selectOption("PRESENT");
  await child.getByLabel("Status sekolah").selectOption({ label: "Putus sekolah" });
  await expect(page.getByTestId("follow-up-preview")).toContainText("Anak putus sekolah");
  await page
    .getByTestId("photo-input")
    .setInputFiles({ name: "foto.png", mimeType: "image/png", buffer: ONE_PIXEL_PNG });
  await expect(page.getByTestId("photo-size")).toBeVisible();

  // A double tap sends one report.
  await page.getByRole("button", { name: "Kirim laporan" }).dblclick();
  await expect(page).toHaveURL(/\/asn\?terkirim=1&tindakLanjut=1/);
  await expect(page.getByTestId("sent-banner")).toContainText("1 tindak lanjut");
  await expect(page.getByTestId("done-families")).toContainText(family.head_name);

  const visits = await query<{ id: string; has_photo: boolean }>(
    `SELECT v.id, EXISTS (SELECT 1 FROM visit_photo p WHERE p.visit_id = v.id) AS has_photo
       FROM visit v WHERE v.household_id = $1 AND v.period_key = $2`,
    [family.household_id, periodKey],
  );
  expect(visits).toHaveLength(1);
  expect(visits[0]!.has_photo).toBe(true);
  const followUps = await query<{ code: string }>(
    `SELECT o.code FROM follow_up f JOIN opd o ON o.id = f.target_opd_id
      WHERE f.household_id = $1 AND f.type = 'SCHOOL_DROPOUT' AND f.status = 'OPEN'`,
    [family.household_id],
  );
  expect(followUps).toEqual([{ code: "DISPENDIK" }]);

  // The family page shows the follow-up with its status.
  await page
    .getByTestId("done-families")
    .getByRole("link", { name: new RegExp(family.head_name) })
    .click();
  await expect(page.getByTestId("follow-up-list")).toContainText("Anak putus sekolah");
  await expect(page.getByTestId("follow-up-list")).toContainText("Terbuka");
});

test("a draft survives a reload mid-form", async ({ page }) => {
  const family = await dueFamilyWithChild();
  await openReportForm(page, family);
  await page.getByLabel("Catatan (boleh dikosongkan)").fill("Atap bocor di dapur, perlu dicek minggu depan");
  await page.getByTestId("visit-item").first().getByLabel("Perkiraan nilai (Rp)").fill("31.500");
  await page.reload();
  await expect(page.getByTestId("draft-restored")).toBeVisible();
  await expect(page.getByLabel("Catatan (boleh dikosongkan)")).toHaveValue(
    "Atap bocor di dapur, perlu dicek minggu depan",
  );
  await expect(page.getByTestId("visit-item").first().getByLabel("Perkiraan nilai (Rp)")).toHaveValue(
    "31.500",
  );
});

test("a report for someone else's family answers 404", async ({ page }) => {
  const family = await dueFamilyWithChild();
  const [other] = await query<{ id: string }>(
    `SELECT h.id FROM household h JOIN assignment a ON a.household_id = h.id AND a.ended_at IS NULL
       JOIN app_user u ON u.id = a.asn_id WHERE u.nip <> $1 LIMIT 1`,
    [family.nip],
  );
  await signInAndWait(page, family.nip, "/asn");
  const response = await page.goto(`/asn/keluarga/${other!.id}/lapor`);
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("visit-form")).toHaveCount(0);
});
