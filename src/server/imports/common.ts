import "server-only";
import { once } from "node:events";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { maskPersonalNumber } from "@/lib/identity";

// Shared by the household and roster imports: rejection log (NDJSON on disk + the preview's
// sample), plan writer/reader, counts.

export type ImportCounts = {
  /** Data rows read (header excluded). */
  rows: number;
  /** Households (or ASN) to create / change / leave alone / refuse entirely. */
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Data rows refused (each with at least one reason in the error report). */
  rejectedRows: number;
};

export const EMPTY_COUNTS: ImportCounts = {
  rows: 0,
  new: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  rejectedRows: 0,
};

/** One reason a row was refused. `values` hold the row's cells by header, NIK/KK/NIP masked. */
export type RowError = { row: number; column: string; reason: string; values: Record<string, string> };
export type RowErrorSummary = Omit<RowError, "values">;

export const SAMPLE_SIZE = 20;

/** Masks every identity-number-like run of 16–18 digits in a text (messages quote No KK etc.). */
export function maskNumbersIn(text: string): string {
  return text.replace(/\d{16,18}/g, (digits) => maskPersonalNumber(digits));
}

class NdjsonWriter {
  private readonly stream: WriteStream;
  constructor(path: string) {
    this.stream = createWriteStream(path, { mode: 0o600 });
  }
  async write(value: unknown): Promise<void> {
    if (!this.stream.write(`${JSON.stringify(value)}\n`)) await once(this.stream, "drain");
  }
  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, "finish");
  }
}

export class RejectionLog {
  private readonly writer: NdjsonWriter;
  private readonly rejectedRows = new Set<number>();
  private sample: RowErrorSummary[] = [];

  constructor(path: string) {
    this.writer = new NdjsonWriter(path);
  }

  async add(error: RowError): Promise<void> {
    this.rejectedRows.add(error.row);
    this.sample.push({ row: error.row, column: error.column, reason: error.reason });
    if (this.sample.length > SAMPLE_SIZE * 10) this.trimSample();
    await this.writer.write(error);
  }

  has(row: number): boolean {
    return this.rejectedRows.has(row);
  }

  get rowCount(): number {
    return this.rejectedRows.size;
  }

  private trimSample() {
    this.sample.sort((a, b) => a.row - b.row);
    // Keep every reason of the first SAMPLE_SIZE rejected rows.
    const rows = [...new Set(this.sample.map((e) => e.row))].slice(0, SAMPLE_SIZE);
    const last = rows[rows.length - 1] ?? 0;
    this.sample = this.sample.filter((e) => e.row <= last);
  }

  /** The reasons of the first SAMPLE_SIZE rejected rows, by row number. */
  firstRejections(): RowErrorSummary[] {
    this.trimSample();
    return this.sample;
  }

  close(): Promise<void> {
    return this.writer.close();
  }
}

export class PlanWriter<T> {
  private readonly writer: NdjsonWriter;
  constructor(path: string) {
    this.writer = new NdjsonWriter(path);
  }
  write(entry: T): Promise<void> {
    return this.writer.write(entry);
  }
  close(): Promise<void> {
    return this.writer.close();
  }
}

/** Reads an NDJSON file in batches of `size` entries. */
export async function* readNdjsonBatches<T>(path: string, size: number): AsyncGenerator<T[]> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let batch: T[] = [];
  for await (const line of lines) {
    if (line === "") continue;
    batch.push(JSON.parse(line) as T);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Progress reporting: called every so many rows with the share of the file read (0–1). */
export type ProgressReporter = (rowsRead: number, fraction: number) => Promise<void>;
