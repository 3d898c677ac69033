import { expect, test } from "@playwright/test";
import { DEMO_ASN_NIPS, DEMO_USERNAMES, familyIdOf, signInAndWait } from "./support";

test("an ASN opens their own family", async ({ page }) => {
  const ownFamily = await familyIdOf(DEMO_ASN_NIPS[0]);
  await signInAndWait(page, DEMO_ASN_NIPS[0], "/asn");
  const response = await page.goto(`/asn/keluarga/${ownFamily}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 2, name: "Anggota keluarga" })).toBeVisible();
});

test("an ASN typing another family's URL gets 404 and sees nothing of it", async ({ page }) => {
  const othersFamily = await familyIdOf(DEMO_ASN_NIPS[0], { not: true });
  await signInAndWait(page, DEMO_ASN_NIPS[0], "/asn");
  const response = await page.goto(`/asn/keluarga/${othersFamily}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
  await expect(page.getByText("Anggota keluarga")).toHaveCount(0);
});

test("an ASN reaching another role's page gets 404", async ({ page }) => {
  await signInAndWait(page, DEMO_ASN_NIPS[1], "/asn");
  for (const path of ["/admin", "/pengawas", "/pimpinan"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
  }
});

test("the bupati cannot open family pages or the admin area", async ({ page }) => {
  const family = await familyIdOf(DEMO_ASN_NIPS[0]);
  await signInAndWait(page, DEMO_USERNAMES.leader, "/pimpinan");
  for (const path of [`/asn/keluarga/${family}`, "/admin", "/asn"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});
