import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Development only: lets parallel builds (e.g. several e2e runs) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
};

export default nextConfig;
