import { hash } from "@node-rs/argon2";
import { randomBytes, randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { query, signIn } from "./support";

// Sign-in throttling and server-side sessions on the real sign-in page (docs/decisions/012).
//
// A dedicated account is created here, never a demo account: other specs sign in with those. The
// e2e server trusts one proxy hop (TRUST_PROXY=1 in playwright.config.ts), so this spec sends its
// own X-Forwarded-For address and its failures count against that address, not against the
// 127.0.0.1 every other spec signs in from; the e2e server's per-IP limit is also set high there.

const FAILED = "NIP / nama pengguna atau kata sandi salah.";
const LOCKED = "Terlalu banyak percobaan masuk. Coba lagi dalam 15 menit.";
const PASSWORD = `Kunci-Uji-${randomBytes(6).toString("hex")}`;
const CLIENT_ADDRESS = { "x-forwarded-for": `198.51.100.${randomInt(1, 255)}` };

test.use({ extraHTTPHeaders: CLIENT_ADDRESS });

const created: string[] = [];

/** A leader account of this spec's own (leaders sign in with a username and land on /pimpinan). */
async function createAccount(): Promise<string> {
  const username = `uji-sesi-${randomBytes(4).toString("hex")}`;
  const [row] = await query<{ id: string }>(
    `INSERT INTO app_user (role, username, name, password_hash, updated_at)
     VALUES ('LEADER', $1, 'Pengguna Uji Sesi', $2, now()) RETURNING id`,
    [username, await hash(PASSWORD)],
  );
  created.push(row!.id);
  return username;
}

test.afterAll(async () => {
  await query("DELETE FROM app_user WHERE id = ANY($1::uuid[])", [created]);
});

test("five wrong passwords lock the account: the right password is then refused, in Indonesian", async ({
  page,
}) => {
  const username = await createAccount();
  for (let i = 1; i <= 5; i++) {
    await signIn(page, username, `salah-${i}`);
    await expect(page.getByTestId("form-error")).toHaveText(FAILED);
  }
  await signIn(page, username, PASSWORD);
  await expect(page.getByTestId("form-error")).toHaveText(LOCKED);
  await expect(page).toHaveURL(/\/login$/);
  // Still locked on a fresh page: no session was created.
  await page.goto("/pimpinan");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fpimpinan$/);

  const audit = await query<{ action: string; changes: { scope?: string; login?: string } }>(
    `SELECT action, changes FROM audit_log
      WHERE action IN ('auth.sign_in_locked', 'auth.sign_in_throttled') AND changes->>'login' = $1
      ORDER BY id`,
    [username],
  );
  expect(audit.map((entry) => entry.action)).toEqual(["auth.sign_in_locked", "auth.sign_in_throttled"]);
  expect(audit[0]!.changes.scope).toBe("account");
  expect(JSON.stringify(audit)).not.toContain(PASSWORD);
});

test("an unknown login string gets exactly the same answers", async ({ page }) => {
  const unknown = `tidak-ada-${randomBytes(4).toString("hex")}`;
  for (let i = 1; i <= 5; i++) {
    await signIn(page, unknown, `salah-${i}`);
    await expect(page.getByTestId("form-error")).toHaveText(FAILED);
  }
  await signIn(page, unknown, PASSWORD);
  await expect(page.getByTestId("form-error")).toHaveText(LOCKED);
});

test("signing out ends the session on the server: a copy of the cookie opens nothing", async ({
  page,
  browser,
}) => {
  const username = await createAccount();
  await signIn(page, username, PASSWORD);
  await expect(page).toHaveURL(/\/pimpinan$/);
  // Someone copies the session cookie (a shared phone, a stolen backup): it works for now.
  const thief = await browser.newContext({ extraHTTPHeaders: CLIENT_ADDRESS });
  await thief.addCookies(await page.context().cookies());
  const stolen = await thief.newPage();
  await stolen.goto("/pimpinan");
  await expect(stolen).toHaveURL(/\/pimpinan$/);

  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/login/);
  // The copy still carries a validly signed token, but its session row is gone.
  await stolen.goto("/pimpinan");
  await expect(stolen).toHaveURL(/\/login/);
  await expect(stolen.getByRole("button", { name: "Masuk" })).toBeVisible();
  await thief.close();
});
