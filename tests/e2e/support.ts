import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { DEMO_ASN_NIPS, DEMO_USERNAMES, demoPassword } from "../../scripts/lib/demo-accounts.mjs";

export { DEMO_ASN_NIPS, DEMO_USERNAMES };
export const PASSWORD = demoPassword();

/** Signs in through the real form, as a user would. */
export async function signIn(page: Page, login: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("NIP / Nama pengguna").fill(login);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

export async function signInAndWait(page: Page, login: string, home: string) {
  await signIn(page, login);
  await expect(page).toHaveURL(new RegExp(`${home}$`));
}

/** Read-only queries against the e2e database (with-db.mjs sets DATABASE_URL), to find ids. */
export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** An active family fostered by the ASN with this NIP (or, with `not`, by anyone else). */
export async function familyIdOf(nip: string, { not = false } = {}): Promise<string> {
  const rows = await query<{ id: string }>(
    `SELECT h.id FROM household h
       JOIN assignment a ON a.household_id = h.id AND a.ended_at IS NULL
       JOIN app_user u ON u.id = a.asn_id
      WHERE h.status = 'ACTIVE' AND (u.nip = $1) = $2
      ORDER BY h.head_name LIMIT 1`,
    [nip, !not],
  );
  if (!rows[0]) throw new Error(`no family found for ${nip} (not=${not})`);
  return rows[0].id;
}

/**
 * A NIK or No KK as it would appear on a page: 16 digits standing alone. Runs glued to letters are
 * parts of build hashes (server action ids, chunk names), which can start with 16 decimal digits.
 */
export const PERSONAL_NUMBER = /(?<![0-9A-Za-z_])\d{16}(?![0-9A-Za-z_])/;
