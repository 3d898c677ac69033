import { expect, test } from "@playwright/test";
import { DEMO_ASN_NIPS, DEMO_USERNAMES, PASSWORD, signIn, signInAndWait } from "./support";

const homes = [
  { who: "ASN", login: DEMO_ASN_NIPS[0], path: "/asn", heading: "Keluarga asuhan saya" },
  { who: "admin Bappeda", login: DEMO_USERNAMES.admin, path: "/admin", heading: "Ringkasan program" },
  { who: "pengawas", login: DEMO_USERNAMES.supervisor, path: "/pengawas", heading: "Staf OPD saya" },
  { who: "bupati", login: DEMO_USERNAMES.leader, path: "/pimpinan", heading: "Dasbor ASN Berbagi" },
];

for (const home of homes) {
  test(`${home.who} signs in and lands on their home`, async ({ page }) => {
    await signInAndWait(page, home.login, home.path);
    await expect(page.getByRole("heading", { level: 1, name: home.heading })).toBeVisible();
  });
}

test("the sign-in page is in Bahasa Indonesia", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByLabel("NIP / Nama pengguna")).toBeVisible();
  await expect(page.getByLabel("Kata sandi")).toBeVisible();
  await expect(page.getByRole("button", { name: "Masuk" })).toBeVisible();
});

test("a wrong password gets one generic Indonesian message and keeps the NIP typed", async ({ page }) => {
  await signIn(page, DEMO_ASN_NIPS[0], "bukan-kata-sandinya");
  await expect(page.getByTestId("form-error")).toHaveText("NIP / nama pengguna atau kata sandi salah.");
  await expect(page.getByLabel("NIP / Nama pengguna")).toHaveValue(DEMO_ASN_NIPS[0]);
  await expect(page).toHaveURL(/\/login/);
  // An unknown account gets exactly the same message.
  await signIn(page, "tidak-ada", PASSWORD);
  await expect(page.getByTestId("form-error")).toHaveText("NIP / nama pengguna atau kata sandi salah.");
});

test("signed out, an app page redirects to /login and returns there after sign-in", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin$/);
  await page.getByLabel("NIP / Nama pengguna").fill(DEMO_USERNAMES.admin);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Ringkasan program" })).toBeVisible();
});

test("signing out ends the session", async ({ page }) => {
  await signInAndWait(page, DEMO_USERNAMES.leader, "/pimpinan");
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/pimpinan");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fpimpinan$/);
});
