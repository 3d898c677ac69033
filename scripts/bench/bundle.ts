// First-load JavaScript of a page counted statically, from the build folder: the scripts its
// server-rendered HTML references for a browser with ES modules, gzipped here (-9, as Next's build
// output used to count). The `noModule` polyfills are left out: modern browsers never fetch them
// (counting them was the +38 kB gap between the benchmark's first figures and the manifests').
// Chunks the page's code loads right after hydration are not in the HTML: the measured figure
// (page-weight.ts, Chromium) is the reference; the two agree when nothing loads on mount.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

export type FirstLoad = { files: number; rawBytes: number; gzipBytes: number; polyfillGzipBytes: number };

export async function firstLoadJs(distDir: string, html: string): Promise<FirstLoad> {
  const sources = new Map<string, boolean>(); // src → noModule
  for (const match of html.matchAll(/<script\b([^>]*)>/g)) {
    const attributes = match[1]!;
    const src = /\ssrc="([^"]+\.js)[^"]*"/.exec(` ${attributes}`)?.[1];
    if (src) sources.set(src, /\snomodule\b/i.test(` ${attributes}`));
  }
  let rawBytes = 0;
  let gzipBytes = 0;
  let polyfillGzipBytes = 0;
  let files = 0;
  for (const [src, noModule] of sources) {
    const content = await readFile(path.join(distDir, src.replace(/^\/_next\//, "")));
    const gzip = gzipSync(content, { level: 9 }).byteLength;
    if (noModule) {
      polyfillGzipBytes += gzip;
      continue;
    }
    files++;
    rawBytes += content.byteLength;
    gzipBytes += gzip;
  }
  return { files, rawBytes, gzipBytes, polyfillGzipBytes };
}
