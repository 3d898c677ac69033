import { defineConfig, devices } from "@playwright/test";

// Run through `npm test` or `npm run test:e2e`: those start a database with demo data, build the
// app and set CHROMIUM_PATH (scripts/lib/chromium.mjs finds or installs Debian's Chromium).
const port = Number(process.env.E2E_PORT ?? 3123);
const baseURL = `http://127.0.0.1:${port}`;

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".test-results/e2e.json" }]],
  use: {
    baseURL,
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    trace: "retain-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] }, testIgnore: /\.phone\.spec\.ts$/ },
    {
      name: "phone",
      use: { ...devices["Pixel 5"], viewport: { width: 360, height: 740 } },
      testMatch: /\.phone\.spec\.ts$/,
    },
  ],
  webServer: {
    // The production server as `npm start` runs it, with two worker processes: every spec also
    // proves that no request depends on in-process state (scripts/serve.mjs, decision 011).
    command: `node scripts/serve.mjs -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 90_000,
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      WEB_CONCURRENCY: "2",
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-secret-0123456789abcdef0123456789abcdef",
      DATABASE_URL: process.env.DATABASE_URL ?? "",
      // Sign-in throttling (docs/decisions/012). Every spec signs in from 127.0.0.1, so the per-IP
      // limit must never lock them out: it is set far above what the whole suite fails. One trusted
      // proxy hop lets tests/e2e/sign-in-lockout.spec.ts send its own X-Forwarded-For address, so
      // its deliberate failures do not count against 127.0.0.1 at all. The per-account limit and
      // lockout stay at their defaults (5 failures, 15 minutes), which that spec checks.
      TRUST_PROXY: "1",
      SIGN_IN_IP_MAX_FAILURES: "10000",
    },
  },
});
