import "server-only";
import { log } from "../log";
import { existsSync } from "node:fs";
import { copyFile, mkdir, rename, rm } from "node:fs/promises";
import type { Prisma } from "@/generated/prisma/client";
import { maskPersonalNumber } from "@/lib/identity";
import type { Actor } from "@/lib/permissions";
import {
  HOUSEHOLD_COLUMNS,
  type ImportColumn,
  type ImportKindValue,
  type ImportStatusPayload,
  IMPORT_KIND_SLUG,
  ROSTER_COLUMNS,
} from "@/schemas/imports";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError, assertUuid, isAppError, notFound } from "../errors";
import { buildWorkbook, defineSheet } from "../spreadsheet";
import {
  EMPTY_COUNTS,
  type ImportCounts,
  readNdjsonBatches,
  type RowError,
  type RowErrorSummary,
  SAMPLE_SIZE,
} from "./common";
import { detectFormat, importDir, importFiles, removeBatchFiles } from "./files";
import {
  analyseHouseholdFile,
  batchHouseholdSelect,
  checkHouseholdColumns,
  commitHouseholdPlan,
  StalePlanError,
} from "./households-import";
import { NO_DATA_ROWS_MESSAGE, openTable } from "./parse";
import { analyseRosterFile, checkRosterColumns, commitRosterPlan } from "./roster-import";

// The import workflow (docs/import-format.md): upload → prepareImport (format + columns checked,
// batch ANALYSING) → analyseImport (rows validated, plan written, batch PREVIEW) → commitImport
// (one transaction, batch COMMITTED) or cancelImport. Admin only: anyone else gets NOT_FOUND.

const MAX_ERROR_REPORT_ROWS = 50_000;
const COMMIT_TIMEOUT_MS = 15 * 60 * 1000;
/** Serialises commits of imports (pg_advisory_xact_lock key). */
const IMPORT_LOCK_KEY = 727073_6901;

function assertAdmin(actor: Actor): void {
  if (actor.role !== "ADMIN") throw notFound();
}

function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (cleaned || "berkas-impor").slice(0, 200);
}

export function sourceLabel(fileName: string): string {
  return `Impor DTSEN ${fileName}`.slice(0, 100);
}

/**
 * Checks an uploaded file (content-sniffed format, header row, required columns, at least one data
 * row) and records a batch in ANALYSING state. A bad file is deleted and nothing is recorded: INVALID_INPUT with an
 * Indonesian message.
 */
export async function prepareImport(
  actor: Actor,
  input: { kind: ImportKindValue; fileName: string; uploadPath: string },
): Promise<{ batchId: string }> {
  try {
    assertAdmin(actor);
    const format = await detectFormat(input.uploadPath);
    const table =
      input.kind === "HOUSEHOLDS"
        ? await openTable(input.uploadPath, format, HOUSEHOLD_COLUMNS, checkHouseholdColumns)
        : await openTable(input.uploadPath, format, ROSTER_COLUMNS, checkRosterColumns);
    // A file with only its header row is refused here, before a batch is recorded.
    const firstRow = await table.rows.next();
    await table.rows.return(undefined);
    if (firstRow.done) throw new AppError("INVALID_INPUT", NO_DATA_ROWS_MESSAGE);
    const batch = await db.importBatch.create({
      data: {
        kind: input.kind,
        fileName: cleanFileName(input.fileName),
        uploadedById: actor.id,
        counts: EMPTY_COUNTS,
        status: "ANALYSING",
      },
      select: { id: true },
    });
    await mkdir(importDir(), { recursive: true, mode: 0o700 });
    await rename(input.uploadPath, importFiles.upload(batch.id)).catch(async () => {
      // Another file system (EXDEV): copy, then remove the original.
      await copyFile(input.uploadPath, importFiles.upload(batch.id));
      await rm(input.uploadPath, { force: true });
    });
    return { batchId: batch.id };
  } catch (error) {
    await rm(input.uploadPath, { force: true });
    throw error;
  }
}

const SYSTEM_FAILURE =
  "Berkas gagal diperiksa karena kesalahan sistem. Coba unggah lagi; bila berulang, hubungi pengelola aplikasi.";

/**
 * Reads and validates every row, compares with the database and writes the plan; the batch ends
 * in PREVIEW (or FAILED with an Indonesian message). Runs after the upload response (route
 * handler `after()`); progress is written to the batch row for the status endpoint.
 */
export async function analyseImport(actor: Actor, batchId: string): Promise<ImportStatusPayload> {
  assertAdmin(actor);
  assertUuid(batchId);
  const batch = await db.importBatch.findFirst({ where: { id: batchId, status: "ANALYSING" } });
  if (!batch) throw notFound();
  const path = importFiles.upload(batchId);
  try {
    const format = await detectFormat(path);
    const options = {
      path,
      format,
      planPath: importFiles.plan(batchId),
      errorsPath: importFiles.errors(batchId),
      onProgress: async (rowsRead: number, fraction: number) => {
        await db.importBatch.update({
          where: { id: batchId },
          data: { rowsRead, progressPercent: Math.min(99, Math.floor(fraction * 100)) },
        });
      },
    };
    const result =
      batch.kind === "HOUSEHOLDS" ? await analyseHouseholdFile(options) : await analyseRosterFile(options);
    await db.importBatch.update({
      where: { id: batchId },
      data: {
        status: "PREVIEW",
        counts: result.counts,
        rejectedSample: result.sample,
        rowsRead: result.counts.rows,
        progressPercent: 100,
      },
    });
    await rm(path, { force: true });
    await recordAudit({
      actorId: actor.id,
      action: "import.preview",
      entityType: "import_batch",
      entityId: batchId,
      changes: { kind: batch.kind, fileName: batch.fileName, counts: result.counts },
    });
  } catch (error) {
    if (!isAppError(error))
      // Parser and database messages may quote row values (personal data): log the kind only.
      log.error("import analysis failed", {
        batchId,
        errorName: error instanceof Error ? error.name : typeof error,
      });
    await db.importBatch.update({
      where: { id: batchId },
      data: {
        status: "FAILED",
        failureMessage: isAppError(error) ? error.message.slice(0, 500) : SYSTEM_FAILURE,
      },
    });
    await removeBatchFiles(batchId);
  }
  return getImportStatus(actor, batchId);
}

export async function getImportStatus(actor: Actor, batchId: string): Promise<ImportStatusPayload> {
  assertAdmin(actor);
  assertUuid(batchId);
  const batch = await db.importBatch.findUnique({
    where: { id: batchId },
    select: { id: true, status: true, progressPercent: true, rowsRead: true, failureMessage: true },
  });
  if (!batch) throw notFound();
  return batch;
}

const batchSelect = {
  id: true,
  kind: true,
  fileName: true,
  status: true,
  counts: true,
  rejectedSample: true,
  failureMessage: true,
  progressPercent: true,
  rowsRead: true,
  createdAt: true,
  committedAt: true,
  uploadedBy: { select: { name: true } },
} satisfies Prisma.ImportBatchSelect;

type BatchRow = Prisma.ImportBatchGetPayload<{ select: typeof batchSelect }>;

export type ImportBatchDto = Omit<BatchRow, "counts" | "rejectedSample" | "uploadedBy"> & {
  counts: ImportCounts;
  rejectedSample: RowErrorSummary[];
  uploadedByName: string;
  hasErrorReport: boolean;
};

function toDto(batch: BatchRow): ImportBatchDto {
  const { counts, rejectedSample, uploadedBy, ...rest } = batch;
  return {
    ...rest,
    counts: { ...EMPTY_COUNTS, ...(counts as Partial<ImportCounts>) },
    rejectedSample: ((rejectedSample ?? []) as RowErrorSummary[]).slice(0, SAMPLE_SIZE * 5),
    uploadedByName: uploadedBy.name,
    hasErrorReport: existsSync(importFiles.errors(batch.id)),
  };
}

export async function getImportBatch(actor: Actor, batchId: string): Promise<ImportBatchDto> {
  assertAdmin(actor);
  assertUuid(batchId);
  const batch = await db.importBatch.findUnique({ where: { id: batchId }, select: batchSelect });
  if (!batch) throw notFound();
  return toDto(batch);
}

export async function listImportBatches(actor: Actor, limit = 50): Promise<ImportBatchDto[]> {
  assertAdmin(actor);
  const batches = await db.importBatch.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: batchSelect,
  });
  return batches.map(toDto);
}

export type BatchHouseholdDto = {
  id: string;
  headName: string;
  kkMasked: string;
  desaName: string;
  kecamatanName: string;
  isNew: boolean;
};

/** Households a committed batch created or last changed (result page); No KK masked. */
export async function listBatchHouseholds(
  actor: Actor,
  batchId: string,
  limit = 100,
): Promise<BatchHouseholdDto[]> {
  assertAdmin(actor);
  assertUuid(batchId);
  const rows = await db.household.findMany({
    where: { importBatchId: batchId },
    orderBy: { headName: "asc" },
    take: limit,
    select: batchHouseholdSelect,
  });
  return rows.map((h) => ({
    id: h.id,
    headName: h.headName,
    kkMasked: maskPersonalNumber(h.kkNumber),
    desaName: h.desa.name,
    kecamatanName: h.desa.parent?.name ?? "",
    isNew: h.createdAt.getTime() === h.updatedAt.getTime(),
  }));
}

const STALE_MESSAGE =
  "Data di basis data berubah sejak pratinjau dibuat (mis. No KK atau NIK yang sama baru saja disimpan). Tidak ada data yang disimpan. Unggah ulang berkas untuk pratinjau baru.";
const COMMIT_FAILED_MESSAGE =
  "Impor gagal disimpan karena data melanggar aturan basis data. Tidak ada data yang disimpan. Unggah ulang berkas; bila berulang, hubungi pengelola aplikasi.";

/** Applies the previewed plan in one transaction: everything or nothing. */
export async function commitImport(actor: Actor, batchId: string): Promise<ImportCounts> {
  assertAdmin(actor);
  assertUuid(batchId);
  const batch = await db.importBatch.findUnique({ where: { id: batchId } });
  if (!batch) throw notFound();
  if (batch.status !== "PREVIEW") {
    throw new AppError(
      "CONFLICT",
      "Impor ini tidak dapat disimpan: sudah disimpan, dibatalkan, atau belum selesai diperiksa.",
    );
  }
  const planPath = importFiles.plan(batchId);
  if (!existsSync(planPath)) {
    throw new AppError(
      "CONFLICT",
      "Pratinjau ini sudah kedaluwarsa. Unggah ulang berkas untuk pratinjau baru.",
    );
  }
  const counts = { ...EMPTY_COUNTS, ...(batch.counts as Partial<ImportCounts>) };
  try {
    await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY}::bigint)`;
        const claimed = await tx.importBatch.updateMany({
          where: { id: batchId, status: "PREVIEW" },
          data: { status: "COMMITTED", committedAt: new Date() },
        });
        if (claimed.count !== 1) throw new AppError("CONFLICT", "Impor ini sudah disimpan atau dibatalkan.");
        if (batch.kind === "HOUSEHOLDS") {
          await commitHouseholdPlan(tx, { planPath, batchId, source: sourceLabel(batch.fileName) });
        } else {
          await commitRosterPlan(tx, { planPath });
        }
        await recordAudit(
          {
            actorId: actor.id,
            action: "import.commit",
            entityType: "import_batch",
            entityId: batchId,
            changes: { kind: batch.kind, fileName: batch.fileName, counts },
          },
          tx,
        );
      },
      { timeout: COMMIT_TIMEOUT_MS, maxWait: 30_000 },
    );
  } catch (error) {
    if (isAppError(error)) throw error;
    if (error instanceof StalePlanError || isUniqueViolation(error))
      throw new AppError("CONFLICT", STALE_MESSAGE);
    // Database messages may quote values (personal data): log the kind of error only.
    log.error("import commit rolled back", {
      batchId,
      errorName: error instanceof Error ? error.name : typeof error,
    });
    throw new AppError("CONFLICT", COMMIT_FAILED_MESSAGE);
  }
  await Promise.all([rm(planPath, { force: true }), rm(importFiles.upload(batchId), { force: true })]);
  return counts;
}

function isUniqueViolation(error: unknown): boolean {
  const text =
    error instanceof Error
      ? `${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})}`
      : "";
  return /23505|unique constraint|UniqueConstraintViolation/i.test(text);
}

export async function cancelImport(actor: Actor, batchId: string): Promise<void> {
  assertAdmin(actor);
  assertUuid(batchId);
  const changed = await db.importBatch.updateMany({
    where: { id: batchId, status: { in: ["PREVIEW", "FAILED"] } },
    data: { status: "CANCELLED" },
  });
  if (changed.count === 0) {
    if (!(await db.importBatch.findUnique({ where: { id: batchId }, select: { id: true } })))
      throw notFound();
    throw new AppError("CONFLICT", "Impor ini tidak dapat dibatalkan: sudah disimpan atau sedang diperiksa.");
  }
  await removeBatchFiles(batchId);
  await recordAudit({
    actorId: actor.id,
    action: "import.cancel",
    entityType: "import_batch",
    entityId: batchId,
  });
}

function columnsOf(kind: ImportKindValue): readonly ImportColumn<string>[] {
  return kind === "HOUSEHOLDS" ? HOUSEHOLD_COLUMNS : ROSTER_COLUMNS;
}

/** The error report: every rejected row's reasons with the row's values (NIK/KK/NIP masked). */
export async function importErrorReport(
  actor: Actor,
  batchId: string,
): Promise<{ body: Uint8Array; fileName: string }> {
  const batch = await getImportBatch(actor, batchId);
  const path = importFiles.errors(batchId);
  if (!existsSync(path)) {
    throw new AppError(
      "NOT_FOUND",
      "Laporan kesalahan tidak tersedia (impor dibatalkan atau sudah lebih dari sehari).",
    );
  }
  const errors: RowError[] = [];
  let more = 0;
  for await (const part of readNdjsonBatches<RowError>(path, 5_000)) {
    for (const e of part) {
      if (errors.length < MAX_ERROR_REPORT_ROWS) errors.push(e);
      else more += 1;
    }
  }
  errors.sort((a, b) => a.row - b.row);
  const headers = columnsOf(batch.kind)
    .map((c) => c.header)
    .filter((h) => errors.some((e) => h in e.values));
  const rows: RowError[] =
    more > 0
      ? [
          ...errors,
          {
            row: 0,
            column: "",
            reason: `… dan ${more} alasan lain tidak dimuat (batas ${MAX_ERROR_REPORT_ROWS}).`,
            values: {},
          },
        ]
      : errors;
  const sheet = defineSheet<RowError>(
    "Baris ditolak",
    [
      { header: "Baris", value: (e) => (e.row > 0 ? e.row : null), width: 8 },
      { header: "Kolom", value: (e) => e.column, width: 16 },
      { header: "Alasan", value: (e) => e.reason, width: 70 },
      ...headers.map((h) => ({
        header: h,
        value: (e: RowError) => e.values[h] ?? "",
        width: Math.max(12, h.length + 4),
      })),
    ],
    rows,
  );
  const stem = batch.fileName.replace(/\.[^.]*$/, "");
  const body = await buildWorkbook([sheet]);
  // Names and masked numbers of rejected rows: a personal-data export, so it is audited.
  await recordAudit({
    actorId: actor.id,
    action: "export.import_errors",
    entityType: "import_batch",
    entityId: batchId,
    changes: { rows: errors.length },
  });
  return { body, fileName: `laporan-kesalahan-${stem}.xlsx` };
}

/** A template with the headers and two synthetic example rows. */
export async function importTemplate(
  actor: Actor,
  kind: ImportKindValue,
  format: "csv" | "xlsx",
): Promise<{ body: Uint8Array; fileName: string; contentType: string }> {
  assertAdmin(actor);
  const columns = columnsOf(kind);
  const fileStem = `templat-impor-${IMPORT_KIND_SLUG[kind]}`;
  if (format === "xlsx") {
    const rows = [0, 1] as const;
    const sheet = defineSheet<0 | 1>(
      "Data",
      columns.map((c) => ({
        header: c.header,
        value: (i: 0 | 1) => c.example[i],
        width: Math.max(14, c.header.length + 4),
      })),
      [...rows],
    );
    const guide = defineSheet<ImportColumn<string>>(
      "Petunjuk",
      [
        { header: "Kolom", value: (c) => c.header, width: 18 },
        { header: "Keterangan", value: (c) => c.description, width: 100 },
      ],
      [...columns],
    );
    return {
      body: await buildWorkbook([sheet, guide]),
      fileName: `${fileStem}.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };
  }
  const quote = (v: string) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    columns.map((c) => quote(c.header)).join(","),
    ...[0, 1].map((i) => columns.map((c) => quote(c.example[i as 0 | 1])).join(",")),
  ];
  return {
    body: new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`),
    fileName: `${fileStem}.csv`,
    contentType: "text/csv; charset=utf-8",
  };
}
