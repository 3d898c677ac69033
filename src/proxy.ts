import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { decodeSessionToken } from "@/server/session-token";

// Two jobs, on every page and API request (static files get their headers from next.config.ts):
// 1. Content-Security-Policy with a fresh nonce per request (docs/decisions/006). Next reads the
//    nonce from the CSP *request* header while rendering and puts it on its own scripts.
// 2. Steering only: a visitor without a valid session token is sent to /login and brought back
//    afterwards. Real authorization happens in every page and action (src/server/session.ts).

/** Paths a signed-out visitor may reach (the sign-in page, next-auth, health checks). */
const PUBLIC_PATHS = /^\/(login|api\/auth|api\/health)(\/|$)/;

function contentSecurityPolicy(nonce: string, isDev = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a nonce'd script are trusted; host allow-lists ignored.
    // Development needs 'unsafe-eval' (React's debug stacks); production never.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    // Inline style *attributes* (React style props, recharts' SVG) cannot carry a nonce, and a nonce
    // in style-src would switch 'unsafe-inline' off. Styles cannot run code; see decision 006.
    "style-src 'self' 'unsafe-inline'",
    // blob: for the photo preview (URL.createObjectURL), data: for small inline images.
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    // Explicit: under 'strict-dynamic' a worker (a future service worker) would not match 'self'.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;

  if (!PUBLIC_PATHS.test(pathname)) {
    const token = await getToken({
      req: request,
      secret: process.env.NEXTAUTH_SECRET,
      decode: decodeSessionToken,
    });
    if (!token) {
      // API clients (the offline sync, exports) get a JSON 401 rather than a sign-in page.
      if (pathname.startsWith("/api/"))
        return NextResponse.json({ error: "Silakan masuk terlebih dahulu." }, { status: 401 });
      const loginUrl = new URL("/login", request.url);
      if (pathname !== "/") loginUrl.searchParams.set("callbackUrl", `${pathname}${search}`);
      return NextResponse.redirect(loginUrl);
    }
  }

  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // A request id for the logs (src/server/log.ts), kept when a trusted front proxy set one.
  const incomingId = request.headers.get("x-request-id");
  const requestId = incomingId && /^[\w.-]{1,64}$/.test(incomingId) ? incomingId : crypto.randomUUID();
  requestHeaders.set("x-request-id", requestId);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Request-Id", requestId);
  // HSTS only in production behind https (NEXTAUTH_URL, as next-auth's Secure cookies): on
  // http://localhost it would at best be ignored, at worst pin a developer's browser to https.
  if (process.env.NODE_ENV === "production" && process.env.NEXTAUTH_URL?.startsWith("https://"))
    response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return response;
}

export const config = {
  // Every page and API route, signed in or not, so each response carries the CSP. Excluded: Next's
  // static files and public assets (headers from next.config.ts), import uploads
  // (api/admin/imports: a proxy buffers request bodies and cuts them at 10 MB) and the visit API
  // (exactly /api/visits: the machine clients' hot path, where the proxy's work was a tenth of a
  // request's cost; docs/decisions/014; the photo route below it keeps the proxy's headers). Those
  // route handlers check the session themselves (401/404 JSON) and return JSON only.
  matcher: [
    "/((?!api/admin/imports|api/visits$|_next/static|_next/image|favicon.ico|favicon.svg|icons/|manifest.webmanifest|serwist/|robots.txt).*)",
  ],
};
