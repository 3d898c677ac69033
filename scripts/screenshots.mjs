// Screenshots for the README, from the built app on demo data:
//   npx next build && node scripts/with-db.mjs --seed node scripts/screenshots.mjs
import { spawn } from "node:child_process";
import { chromium, devices } from "@playwright/test";
import { findOrInstallChromium } from "./lib/chromium.mjs";
import { DEMO_ASN_NIPS, DEMO_USERNAMES, demoPassword } from "./lib/demo-accounts.mjs";

const port = 3199;
const base = `http://127.0.0.1:${port}`;
const server = spawn(
  process.execPath,
  ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
  {
    env: {
      ...process.env,
      NEXTAUTH_URL: base,
      NEXTAUTH_SECRET: "screenshots-secret-0123456789abcdef0123456789",
    },
    stdio: "ignore",
  },
);

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

async function signIn(page, login) {
  await page.goto(`${base}/login`);
  await page.getByLabel("NIP / Nama pengguna").fill(login);
  await page.getByLabel("Kata sandi").fill(demoPassword());
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.locator("h1").first().waitFor();
  await page.waitForLoadState("networkidle");
}

try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: findOrInstallChromium(),
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const phone = await browser.newContext({
    ...devices["Pixel 5"],
    viewport: { width: 360, height: 740 },
    locale: "id-ID",
  });
  const page = await phone.newPage();
  await signIn(page, DEMO_ASN_NIPS[0]);
  await page.screenshot({ path: "docs/screenshots/asn-home.png", fullPage: true });
  await page.locator("[data-testid=family-list] a").first().click();
  await page.waitForSelector("[data-testid=report-link]");
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: "docs/screenshots/asn-family.png", fullPage: true });
  await page.getByTestId("report-link").click();
  await page.waitForSelector("[data-testid=visit-form]");
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: "docs/screenshots/asn-visit-form.png" });
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "id-ID" });
  const adminPage = await desktop.newPage();
  await signIn(adminPage, DEMO_USERNAMES.admin);
  await adminPage.screenshot({ path: "docs/screenshots/admin-home.png" });
  await browser.close();
  console.log("Screenshots written to docs/screenshots/");
} finally {
  server.kill("SIGTERM");
}
