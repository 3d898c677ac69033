import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { pipeline } from "node:stream/promises";
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from "@/schemas/imports";
import { AppError } from "../errors";

// Uploaded import files and the analysed plans live on local disk under os.tmpdir(), never in
// memory: the upload is streamed to disk, parsed from disk, and the plan is written line by line.
// With several app servers, the preview and the commit must reach the same server (sticky
// sessions) or IMPORT_TMP_DIR must be a shared volume (docs/import-format.md).

const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

export function importDir(): string {
  return process.env.IMPORT_TMP_DIR ?? join(tmpdir(), "asn-berbagi-imports");
}

export const importFiles = {
  upload: (batchId: string) => join(importDir(), `${batchId}.upload`),
  plan: (batchId: string) => join(importDir(), `${batchId}.plan.ndjson`),
  errors: (batchId: string) => join(importDir(), `${batchId}.errors.ndjson`),
};

export async function removeBatchFiles(batchId: string): Promise<void> {
  await Promise.all(Object.values(importFiles).map((path) => rm(path(batchId), { force: true })));
}

/** Removes files of abandoned previews (older than a day). Best effort. */
async function sweepStaleFiles(): Promise<void> {
  const dir = importDir();
  const names = await readdir(/* turbopackIgnore: true */ dir).catch(() => [] as string[]);
  const now = Date.now();
  await Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      const info = await stat(path).catch(() => null);
      if (info && now - info.mtimeMs > STALE_AFTER_MS) await rm(path, { force: true });
    }),
  );
}

export const TOO_LARGE_MESSAGE = `Berkas terlalu besar (maksimal ${MAX_IMPORT_LABEL}). Pecah berkas menjadi beberapa bagian per kecamatan.`;

/**
 * Streams a request body to a new temp file, refusing more than MAX_IMPORT_BYTES (413 before any
 * byte is read when Content-Length says so). Returns the path of the received file.
 */
export async function receiveUpload(body: ReadableStream<Uint8Array> | null, limit = MAX_IMPORT_BYTES) {
  if (!body) throw new AppError("INVALID_INPUT", "Berkas kosong: tidak ada isi yang diunggah.");
  await mkdir(importDir(), { recursive: true, mode: 0o700 });
  void sweepStaleFiles();
  const path = join(importDir(), `incoming-${randomUUID()}.upload`);
  let received = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received > limit) callback(new AppError("INVALID_INPUT", TOO_LARGE_MESSAGE));
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(body as NodeReadableStream<Uint8Array>),
      limiter,
      createWriteStream(path, { mode: 0o600 }),
    );
  } catch (error) {
    await rm(path, { force: true });
    throw error instanceof AppError
      ? error
      : new AppError("INVALID_INPUT", "Unggahan terputus. Periksa koneksi lalu coba lagi.");
  }
  return { path, size: received };
}

export type FileFormat = "CSV" | "XLSX";

const NOT_TABULAR =
  "Berkas bukan CSV atau XLSX. Simpan data dari Excel sebagai “CSV UTF-8” atau “Excel Workbook (.xlsx)”, lalu unggah lagi.";

/**
 * Decides the format by content, never by extension: XLSX is a zip ("PK\x03\x04"); CSV must be
 * UTF-8 text without NUL bytes (checked on the first 64 KB; later bytes that are not UTF-8 show
 * up as unreadable values in their rows).
 */
export async function detectFormat(path: string): Promise<FileFormat> {
  const handle = await open(path, "r");
  try {
    const sample = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(sample, 0, sample.length, 0);
    const head = sample.subarray(0, bytesRead);
    if (bytesRead === 0 || head.toString("utf8").trim() === "") {
      throw new AppError("INVALID_INPUT", "Berkas kosong: tidak ada baris data.");
    }
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "XLSX";
    if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
      throw new AppError(
        "INVALID_INPUT",
        "Format Excel lama (.xls) tidak didukung. Buka di Excel lalu simpan sebagai .xlsx atau CSV UTF-8.",
      );
    }
    if (head.includes(0)) throw new AppError("INVALID_INPUT", NOT_TABULAR);
    try {
      // stream: true tolerates a multi-byte character cut at the end of the sample.
      new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    } catch {
      throw new AppError("INVALID_INPUT", NOT_TABULAR);
    }
    return "CSV";
  } finally {
    await handle.close();
  }
}
