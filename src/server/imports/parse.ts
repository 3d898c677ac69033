import "server-only";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { parse as parseCsv } from "csv-parse";
import ExcelJS from "exceljs";
import { type ImportColumn, normaliseHeader } from "@/schemas/imports";
import { AppError } from "../errors";
import type { FileFormat } from "./files";

// Streaming reader for CSV and XLSX: yields one row at a time with its cells mapped to column
// keys, so a file of any size is read with constant memory.

export type RawRow = { rowNumber: number; values: string[] };
export type TableRow<Key extends string> = {
  rowNumber: number;
  cells: Partial<Record<Key, string>>;
};
export type Progress = { bytesRead: number; totalBytes: number };

export const NO_DATA_ROWS_MESSAGE = "Berkas kosong: hanya ada baris judul kolom, tidak ada baris data.";

/** Detects ";" or tab-separated exports (Excel in Indonesian locale writes ";"). */
async function detectDelimiter(path: string): Promise<string> {
  const handle = await open(path, "r");
  try {
    const sample = Buffer.alloc(8 * 1024);
    const { bytesRead } = await handle.read(sample, 0, sample.length, 0);
    const firstLine = sample.subarray(0, bytesRead).toString("utf8").split(/\r?\n/)[0] ?? "";
    const unquoted = firstLine.replace(/"[^"]*"/g, "");
    const counts = [",", ";", "\t", "|"].map((d) => ({ d, n: unquoted.split(d).length - 1 }));
    counts.sort((a, b) => b.n - a.n);
    return counts[0] && counts[0].n > 0 ? counts[0].d : ",";
  } finally {
    await handle.close();
  }
}

/** "1975-05-05" for a Date; integers without exponent; rich text and formulas as their text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === "boolean") return value ? "1" : "0";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "";
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellText(v.result);
    if (typeof v.text === "string") return v.text;
    if (v.error) return "";
  }
  return String(value);
}

async function* csvRows(path: string, progress: Progress): AsyncGenerator<RawRow> {
  const delimiter = await detectDelimiter(path);
  const input = createReadStream(path);
  input.on("data", (chunk) => (progress.bytesRead += chunk.length));
  const parser = input.pipe(
    parseCsv({
      bom: true,
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }),
  );
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { rowNumber: item.info.lines, values: item.record };
    }
  } catch (error) {
    if (error instanceof Error && "code" in error && String(error.code).startsWith("CSV_")) {
      throw new AppError("INVALID_INPUT", `Berkas CSV rusak dan tidak dapat dibaca (${error.message}).`);
    }
    throw error;
  } finally {
    input.destroy();
  }
}

async function* xlsxRows(path: string, progress: Progress): AsyncGenerator<RawRow> {
  const input = createReadStream(path);
  input.on("data", (chunk) => (progress.bytesRead += chunk.length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    // Styles tell which numeric cells are dates (Excel stores dates as serial numbers).
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        // exceljs rows are 1-based: index 0 is always empty.
        yield { rowNumber: row.number, values: values.slice(1).map(cellText) };
      }
      return; // only the first worksheet is read
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      "INVALID_INPUT",
      "Berkas XLSX rusak atau tidak dapat dibaca. Simpan ulang dari Excel.",
    );
  } finally {
    input.destroy();
  }
}

/** The columns of the header row: index in the row → column key. Unknown headers are ignored. */
export function mapHeader<Key extends string>(
  header: string[],
  columns: readonly ImportColumn<Key>[],
): { index: Map<Key, number>; duplicates: string[] } {
  const byAlias = new Map<string, Key>();
  for (const column of columns) {
    byAlias.set(normaliseHeader(column.header), column.key);
    for (const alias of column.aliases) byAlias.set(alias, column.key);
  }
  const index = new Map<Key, number>();
  const duplicates: string[] = [];
  header.forEach((cell, i) => {
    const key = byAlias.get(normaliseHeader(cell));
    if (!key) return;
    if (index.has(key)) duplicates.push(cell.trim());
    else index.set(key, i);
  });
  return { index, duplicates };
}

export type TableReader<Key extends string> = {
  /** Column keys present in the file. */
  present: ReadonlySet<Key>;
  rows: AsyncGenerator<TableRow<Key>>;
  progress: Progress;
};

/**
 * Opens a CSV/XLSX file, reads its header row and checks the required columns (naming the missing
 * ones in Indonesian); `rows` then yields the data rows. Throws AppError INVALID_INPUT for an
 * empty file or missing columns (a file without data rows: NO_DATA_ROWS_MESSAGE, by the caller).
 */
export async function openTable<Key extends string>(
  path: string,
  format: FileFormat,
  columns: readonly ImportColumn<Key>[],
  checkColumns: (present: ReadonlySet<Key>) => string | null,
): Promise<TableReader<Key>> {
  const progress: Progress = { bytesRead: 0, totalBytes: (await stat(path)).size };
  const raw = format === "CSV" ? csvRows(path, progress) : xlsxRows(path, progress);
  let first = await raw.next();
  while (!first.done && first.value.values.every((v) => v.trim() === "")) first = await raw.next();
  if (first.done)
    throw new AppError("INVALID_INPUT", "Berkas kosong: tidak ada baris judul kolom maupun data.");
  const { index, duplicates } = mapHeader(first.value.values, columns);
  const present = new Set(index.keys());
  const problem =
    (duplicates.length > 0 ? `Kolom ganda: ${duplicates.join(", ")}. Hapus salah satunya.` : null) ??
    checkColumns(present);
  if (problem) {
    await raw.return(undefined);
    throw new AppError("INVALID_INPUT", problem);
  }
  const entries = [...index.entries()];
  async function* rows(): AsyncGenerator<TableRow<Key>> {
    for await (const { rowNumber, values } of raw) {
      if (values.every((v) => v.trim() === "")) continue;
      const cells: Partial<Record<Key, string>> = {};
      // A leading apostrophe is the spreadsheet way to keep digits as text: "'3510…".
      for (const [key, i] of entries) cells[key] = (values[i] ?? "").trim().replace(/^'/, "");
      yield { rowNumber, cells };
    }
  }
  return { present, rows: rows(), progress };
}

/** "Kolom wajib belum ada: No KK, NIK." for the headers of the missing required columns. */
export function missingColumnsMessage<Key extends string>(
  columns: readonly ImportColumn<Key>[],
  required: readonly Key[],
  present: ReadonlySet<Key>,
): string | null {
  const missing = columns.filter((c) => required.includes(c.key) && !present.has(c.key)).map((c) => c.header);
  if (missing.length === 0) return null;
  const found = columns.filter((c) => present.has(c.key)).map((c) => c.header);
  return `Kolom wajib belum ada: ${missing.join(", ")}. Kolom yang dikenali: ${found.length ? found.join(", ") : "tidak ada"}. Gunakan templat impor.`;
}
