import { withSerwist } from "@serwist/turbopack";
import type { NextConfig } from "next";

// Security headers for every response, static files included (docs/decisions/006). The
// Content-Security-Policy needs a per-request nonce and HSTS depends on the runtime NEXTAUTH_URL
// (headers() here are fixed at build time), so both are set in src/proxy.ts instead.
const permissionsPolicy = [
  "geolocation=(self)", // the visit report's GPS point
  "camera=(self)", // the visit photo (file input with capture)
  "microphone=()",
  "accelerometer=()",
  "autoplay=()",
  "bluetooth=()",
  "browsing-topics=()",
  "display-capture=()",
  "encrypted-media=()",
  "fullscreen=(self)",
  "gyroscope=()",
  "hid=()",
  "idle-detection=()",
  "magnetometer=()",
  "midi=()",
  "payment=()",
  "picture-in-picture=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Development only: lets parallel builds (e.g. several e2e runs) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // `server-only` is the empty marker in every server bundle and the throwing one in the browser,
  // as Next's webpack build does (create-compiler-aliases.ts). Turbopack does this only for App
  // Router code: the one Pages API route (src/pages/api/visits.ts, decision 017) loaded the package
  // as an external with the throwing entry. Bundling it lets the alias apply. A client component
  // importing server code still fails the build ("'server-only' cannot be imported from a Client
  // Component module"; checked with a throw-away page).
  transpilePackages: ["server-only"],
  turbopack: {
    resolveAlias: {
      "server-only": {
        browser: "next/dist/compiled/server-only/index",
        default: "next/dist/compiled/server-only/empty",
      },
    },
  },
  experimental: {
    // A visit report may carry a photo of up to 1 MiB (MAX_PHOTO_BYTES) plus the report itself;
    // Next's default 1 MB limit refused such a request with a server error before the action's own
    // Indonesian "Foto terlalu besar" check could answer (tests/e2e/fuzz.spec.ts).
    serverActions: { bodySizeLimit: "2mb" },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: permissionsPolicy },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          // For browsers without CSP frame-ancestors support.
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

// withSerwist: lets the service-worker route (src/app/serwist) bundle src/app/sw.ts with esbuild.
export default withSerwist(nextConfig);
