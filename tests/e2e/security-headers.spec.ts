import { expect, test, type Page, type Response } from "@playwright/test";
import { DEMO_ASN_NIPS, DEMO_USERNAMES, query, signInAndWait } from "./support";

// HTTP hardening (docs/security.md, docs/decisions/006): a nonce-based Content-Security-Policy
// on every page and API response, the other security headers, the session cookie's flags, and
// no CSP violation while the real screens are used (sign-in, the ASN visit form with its photo
// preview, the leader's charts).

const ONE_PIXEL_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function nonceOf(csp: string): string {
  const match = /'nonce-([^']+)'/.exec(directives(csp).get("script-src")?.join(" ") ?? "");
  expect(match, `no nonce in script-src: ${csp}`).not.toBeNull();
  return match![1]!;
}

function expectSecurityHeaders(response: Response) {
  const headers = response.headers();
  const csp = headers["content-security-policy"];
  expect(csp, `CSP on ${response.url()}`).toBeTruthy();
  const policy = directives(csp!);
  const scriptSrc = policy.get("script-src")!;
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(policy.get("default-src")).toEqual(["'self'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'self'"]);
  expect(policy.get("form-action")).toEqual(["'self'"]);
  expect(policy.get("connect-src")).toEqual(["'self'"]);
  expect(policy.get("img-src")).toEqual(["'self'", "blob:", "data:"]);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  const permissions = headers["permissions-policy"] ?? "";
  expect(permissions).toContain("geolocation=(self)");
  expect(permissions).toContain("camera=(self)");
  expect(permissions).toContain("microphone=()");
  expect(permissions).toContain("payment=()");
  expect(headers["x-powered-by"]).toBeUndefined();
  // Plain http (the e2e server): no HSTS, which would pin the browser to https.
  expect(headers["strict-transport-security"]).toBeUndefined();
  expect(headers["x-request-id"]).toMatch(/^[\w.-]+$/);
  return nonceOf(csp!);
}

/** Every CSP violation on the page: the DOM event and Chromium's console report. */
function recordViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  void page.exposeFunction("__cspViolation", (text: string) => violations.push(text));
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __cspViolation?: (text: string) => void }).__cspViolation;
      report?.(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return violations;
}

test("the sign-in page carries a fresh nonce CSP, applied to all of Next's scripts", async ({ page }) => {
  const first = await page.goto("/login");
  const nonce = expectSecurityHeaders(first!);
  const scripts = await page.evaluate(() =>
    Array.from(document.scripts).map((s) => ({ src: s.src, nonce: s.nonce, inline: !s.src })),
  );
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script.nonce, script.src || "inline script").toBe(nonce);
  expect(scripts.some((s) => s.inline)).toBe(true); // Next's inline bootstrap runs only thanks to the nonce

  const second = await page.reload();
  expect(nonceOf(second!.headers()["content-security-policy"]!)).not.toBe(nonce);
});

test("static files, the health check and redirects get the static security headers", async ({ request }) => {
  for (const path of ["/favicon.svg", "/api/health"]) {
    const response = await request.get(path);
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(response.headers()["permissions-policy"], path).toContain("microphone=()");
    expect(response.headers()["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  }
  expect((await request.get("/api/health")).headers()["content-security-policy"]).toContain(
    "frame-ancestors 'none'",
  );
  // Signed out, an app page still redirects to the sign-in page (the proxy's steering).
  const redirect = await request.get("/asn", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers().location).toContain("/login?callbackUrl=%2Fasn");
  expect(redirect.headers()["x-content-type-options"]).toBe("nosniff");
});

test("signing in and using the visit form raise no CSP violation; the session cookie is HttpOnly, SameSite=Lax", async ({
  page,
  context,
}) => {
  const violations = recordViolations(page);
  const nip = DEMO_ASN_NIPS[0]!;
  await signInAndWait(page, nip, "/asn");

  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie, "session cookie").toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe("Lax");
  expect(cookie!.secure).toBe(false); // http://127.0.0.1; Secure (and the __Secure- prefix) with an https NEXTAUTH_URL
  expect(cookie!.path).toBe("/");
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");

  // An app page: its own nonce on its scripts.
  const home = await page.reload();
  const nonce = expectSecurityHeaders(home!);
  const nonces = await page.evaluate(() => Array.from(document.scripts).map((s) => s.nonce));
  expect(new Set(nonces)).toEqual(new Set([nonce]));

  // The visit form of one of this ASN's families, with a photo: the preview is a blob: URL.
  const [family] = await query<{ id: string }>(
    `SELECT h.id FROM household h
       JOIN assignment a ON a.household_id = h.id AND a.ended_at IS NULL
       JOIN app_user u ON u.id = a.asn_id
      WHERE u.nip = $1 AND h.status = 'ACTIVE' ORDER BY h.head_name LIMIT 1`,
    [nip],
  );
  await page.goto(`/asn/keluarga/${family!.id}/lapor`);
  await expect(page.getByTestId("visit-form")).toBeVisible();
  await page
    .getByTestId("photo-input")
    .setInputFiles({ name: "foto.png", mimeType: "image/png", buffer: ONE_PIXEL_PNG });
  await expect(page.getByTestId("photo-size")).toBeVisible();
  const preview = page.getByAltText("Pratinjau foto kunjungan");
  await expect(preview).toHaveAttribute("src", /^blob:/);
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await page.getByLabel("Catatan (boleh dikosongkan)").fill("uji CSP");

  expect(violations).toEqual([]);
});

test("the leader's dashboard charts and map render without a CSP violation", async ({ page }) => {
  const violations = recordViolations(page);
  await signInAndWait(page, DEMO_USERNAMES.leader, "/pimpinan");
  await expect(page.getByTestId("poverty-chart").locator("svg").first()).toBeVisible();
  await expect(page.getByTestId("choropleth").locator("path").first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("a visit photo is served with nosniff, its own content type and no caching", async ({ page }) => {
  const nip = DEMO_ASN_NIPS[0]!;
  const [visit] = await query<{ id: string }>(
    `SELECT v.id FROM visit v JOIN app_user u ON u.id = v.asn_id WHERE u.nip = $1 ORDER BY v.created_at LIMIT 1`,
    [nip],
  );
  // A photo for that visit (the demo data has none of its own); the e2e database is throw-away.
  await query(
    `INSERT INTO visit_photo (visit_id, mime_type, size_bytes, sha256, data)
     VALUES ($1, 'image/png', $2, encode(sha256($3), 'hex'), $3) ON CONFLICT (visit_id) DO NOTHING`,
    [visit!.id, ONE_PIXEL_PNG.length, ONE_PIXEL_PNG],
  );
  await signInAndWait(page, nip, "/asn");
  const response = await page.request.get(`/api/visits/${visit!.id}/photo`);
  expect(response.status()).toBe(200);
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["content-type"]).toMatch(/^image\//);
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(response.headers()["content-security-policy"]).toContain("default-src 'self'");
});
