import "server-only";
import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { Prisma } from "@/generated/prisma/client";
import { maskPersonalNumber, parseAsnId } from "@/lib/identity";
import { ROSTER_COLUMNS, ROSTER_REQUIRED_COLUMNS, type RosterColumnKey } from "@/schemas/imports";
import { db } from "../db";
import { AppError } from "../errors";
import {
  chunks,
  type ImportCounts,
  PlanWriter,
  type ProgressReporter,
  readNdjsonBatches,
  RejectionLog,
} from "./common";
import { type AnalysisResult, StalePlanError } from "./households-import";
import type { FileFormat } from "./files";
import { missingColumnsMessage, NO_DATA_ROWS_MESSAGE, openTable, type TableRow } from "./parse";
import { normaliseText, readPhone, readQuota, readText, type Read } from "./values";

// The ASN roster import: NIP (PNS) or NI PPPK, name, OPD, position, phone, quota. Matched on the
// NIP. New accounts get role ASN, mustChangePassword and the hash of a random secret nobody
// knows: they cannot sign in until an admin sets a temporary password on the roster page
// (docs/import-format.md).

type RosterKey = RosterColumnKey;

const HEADER: Record<RosterKey, string> = Object.fromEntries(
  ROSTER_COLUMNS.map((c) => [c.key, c.header]),
) as Record<RosterKey, string>;

export function checkRosterColumns(present: ReadonlySet<RosterKey>): string | null {
  return missingColumnsMessage(ROSTER_COLUMNS, ROSTER_REQUIRED_COLUMNS, present);
}

export type RosterValues = {
  name: string;
  employmentType: "PNS" | "PPPK";
  opdId: number;
  position: string | null;
  phone: string | null;
  quota: number | null;
};

export type RosterPlanEntry = { nip: string; action: "new" | "updated"; values: RosterValues };

type StoredAsn = RosterValues & { nip: string; role: string };

async function loadOpds() {
  const opds = await db.opd.findMany({ select: { id: true, code: true, name: true } });
  const byKey = new Map<string, number>();
  for (const o of opds) {
    byKey.set(normaliseText(o.name), o.id);
    byKey.set(normaliseText(o.code), o.id);
  }
  return byKey;
}

export async function analyseRosterFile(options: {
  path: string;
  format: FileFormat;
  planPath: string;
  errorsPath: string;
  onProgress: ProgressReporter;
  today?: Date;
}): Promise<AnalysisResult> {
  const today = options.today ?? new Date();
  const opds = await loadOpds();
  const table = await openTable(options.path, options.format, ROSTER_COLUMNS, checkRosterColumns);
  const log = new RejectionLog(options.errorsPath);
  const seen = new Map<string, number>();
  const accepted: { nip: string; values: RosterValues }[] = [];
  let rows = 0;
  try {
    for await (const { rowNumber, cells } of table.rows as AsyncGenerator<TableRow<RosterKey>>) {
      rows += 1;
      if (rows % 5_000 === 0) {
        await options.onProgress(
          rows,
          0.9 * (table.progress.bytesRead / Math.max(1, table.progress.totalBytes)),
        );
      }
      const problems: { column: RosterKey; message: string }[] = [];
      const take = <T>(column: RosterKey, read: Read<T>): T | null => {
        if (read.ok) return read.value;
        problems.push({ column, message: read.message });
        return null;
      };
      const id = parseAsnId(cells.nip ?? "", today);
      if (!id.ok) problems.push({ column: "nip", message: id.message });
      const name = take("name", readText(cells.name ?? "", "Nama", 150, true));
      const opdText = (cells.opd ?? "").trim();
      const opdId = opdText ? opds.get(normaliseText(opdText)) : undefined;
      if (!opdText) problems.push({ column: "opd", message: "OPD wajib diisi (kode atau nama OPD)." });
      else if (opdId === undefined)
        problems.push({
          column: "opd",
          message: `OPD "${opdText}" tidak dikenal. Isi kode atau nama OPD persis seperti di aplikasi.`,
        });
      const position = take("position", readText(cells.position ?? "", "Jabatan", 150, false));
      const phone = take("phone", readPhone(cells.phone ?? ""));
      const quota = take("quota", readQuota(cells.quota ?? ""));
      if (id.ok) {
        const previous = seen.get(id.id);
        if (previous) problems.push({ column: "nip", message: `NIP ganda: sama dengan baris ${previous}.` });
      }
      if (problems.length > 0 || !id.ok || !name || opdId === undefined) {
        const values: Record<string, string> = {};
        for (const [key, value] of Object.entries(cells) as [RosterKey, string][]) {
          values[HEADER[key]] = key === "nip" ? maskPersonalNumber(value) : value;
        }
        for (const p of problems)
          await log.add({ row: rowNumber, column: HEADER[p.column], reason: p.message, values });
        continue;
      }
      seen.set(id.id, rowNumber);
      accepted.push({
        nip: id.id,
        values: { name, employmentType: id.employmentType, opdId, position, phone, quota },
      });
    }
    if (rows === 0) throw new AppError("INVALID_INPUT", NO_DATA_ROWS_MESSAGE);

    const counts: ImportCounts = { rows, new: 0, updated: 0, unchanged: 0, rejected: 0, rejectedRows: 0 };
    const plan = new PlanWriter<RosterPlanEntry>(options.planPath);
    try {
      for (const part of chunks(accepted, 5_000)) {
        const nips = part.map((a) => a.nip);
        const stored = await db.$queryRaw<StoredAsn[]>`
          SELECT nip, role::text AS role, name, employment_type::text AS "employmentType", opd_id AS "opdId",
                 position, phone, quota
            FROM app_user WHERE nip = ANY(${nips}::text[])`;
        const byNip = new Map(stored.map((s) => [s.nip, s]));
        for (const a of part) {
          const old = byNip.get(a.nip);
          const values: RosterValues = {
            ...a.values,
            // A column missing from the file keeps the stored value.
            position: table.present.has("position") || !old ? a.values.position : old.position,
            phone: table.present.has("phone") || !old ? a.values.phone : old.phone,
            quota: table.present.has("quota") || !old ? a.values.quota : old.quota,
          };
          if (!old) {
            counts.new += 1;
            await plan.write({ nip: a.nip, action: "new", values });
          } else if ((Object.keys(values) as (keyof RosterValues)[]).some((k) => values[k] !== old[k])) {
            counts.updated += 1;
            await plan.write({ nip: a.nip, action: "updated", values });
          } else counts.unchanged += 1;
        }
      }
    } finally {
      await plan.close();
    }
    counts.rejected = log.rowCount;
    counts.rejectedRows = log.rowCount;
    return { counts, sample: log.firstRejections() };
  } finally {
    await log.close();
  }
}

export async function commitRosterPlan(
  tx: Prisma.TransactionClient,
  options: { planPath: string },
): Promise<void> {
  // One hash of a random secret that is thrown away: nobody can sign in with it.
  const lockedHash = await hash(randomBytes(32).toString("base64url"));
  for await (const batch of readNdjsonBatches<RosterPlanEntry>(options.planPath, 2_000)) {
    for (const [action, entries] of [
      ["new", batch.filter((e) => e.action === "new")],
      ["updated", batch.filter((e) => e.action === "updated")],
    ] as const) {
      if (entries.length === 0) continue;
      const nip = entries.map((e) => e.nip);
      const name = entries.map((e) => e.values.name);
      const type = entries.map((e) => e.values.employmentType);
      const opd = entries.map((e) => e.values.opdId);
      const position = entries.map((e) => e.values.position);
      const phone = entries.map((e) => e.values.phone);
      const quota = entries.map((e) => e.values.quota);
      if (action === "new") {
        await tx.$executeRaw`
          INSERT INTO app_user (role, nip, employment_type, name, password_hash, must_change_password, opd_id,
                                position, phone, quota, updated_at)
          SELECT 'ASN', t.nip, t.type::"EmploymentType", t.name, ${lockedHash}, true, t.opd, t.position, t.phone,
                 t.quota, now()
            FROM unnest(${nip}::text[], ${name}::text[], ${type}::text[], ${opd}::int[], ${position}::text[],
                        ${phone}::text[], ${quota}::int[]) AS t(nip, name, type, opd, position, phone, quota)`;
      } else {
        const changed = await tx.$executeRaw`
          UPDATE app_user u SET name = t.name, employment_type = t.type::"EmploymentType", opd_id = t.opd,
                 position = t.position, phone = t.phone, quota = t.quota, updated_at = now()
            FROM unnest(${nip}::text[], ${name}::text[], ${type}::text[], ${opd}::int[], ${position}::text[],
                        ${phone}::text[], ${quota}::int[]) AS t(nip, name, type, opd, position, phone, quota)
           WHERE u.nip = t.nip AND u.role = 'ASN'`;
        if (changed !== entries.length) throw new StalePlanError("an ASN account vanished since the preview");
      }
    }
  }
}
