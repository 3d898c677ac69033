import { createSerwistRoute } from "@serwist/turbopack";

// Serves the service worker (/serwist/sw.js) built from src/app/sw.ts with esbuild at build time.
// Precached: only public/ (icons); ASN pages and Next's scripts are cached at run time (sw.ts).
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "src/app/sw.ts",
  useNativeEsbuild: true,
  globPatterns: ["public/**/*.{png,svg}"],
  esbuildOptions: { format: "iife" },
});
