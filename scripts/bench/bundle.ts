// First-load JavaScript of a page: every <script src> the server-rendered HTML references (what a
// phone downloads before the page is interactive), read from the build folder and gzipped here.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

export type FirstLoad = { files: number; rawBytes: number; gzipBytes: number };

export async function firstLoadJs(distDir: string, html: string): Promise<FirstLoad> {
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)[^"]*"/g)) sources.add(match[1]!);
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const src of sources) {
    const relative = src.replace(/^\/_next\//, "");
    const content = await readFile(path.join(distDir, relative));
    rawBytes += content.byteLength;
    gzipBytes += gzipSync(content, { level: 9 }).byteLength;
  }
  return { files: sources.size, rawBytes, gzipBytes };
}
