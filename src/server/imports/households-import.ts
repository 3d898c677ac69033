import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { checkNikAgainst, maskPersonalNumber, parseKkNumber, parseNik, type Sex } from "@/lib/identity";
import { HOUSEHOLD_COLUMNS, HOUSEHOLD_REQUIRED_COLUMNS, type HouseholdColumnKey } from "@/schemas/imports";
import { db } from "../db";
import { AppError } from "../errors";
import {
  chunks,
  type ImportCounts,
  PlanWriter,
  type ProgressReporter,
  readNdjsonBatches,
  RejectionLog,
  type RowErrorSummary,
} from "./common";
import type { FileFormat } from "./files";
import { missingColumnsMessage, NO_DATA_ROWS_MESSAGE, openTable, type TableRow } from "./parse";
import {
  type CategoryValue,
  type JknValue,
  normaliseRegionName,
  readCategory,
  readDate,
  readDesaCode,
  readDesil,
  readJkn,
  readRelationship,
  readRtRw,
  readSchool,
  readSex,
  readText,
  type Read,
  type RelationshipValue,
  type SchoolValue,
} from "./values";

// The registry import: one row per household member (DTSEN/SIKS-NG export), grouped by No KK.
// analyse…() reads the file once (streaming), validates every row, checks NIKs against the
// database in batches, compares each household with the stored one, and writes the plan
// (new/updated households with the members to insert or change) to an NDJSON file.
// commit…() applies that plan in one transaction with set-based SQL (unnest arrays).

type HouseholdKey = HouseholdColumnKey;

const HEADER: Record<HouseholdKey, string> = Object.fromEntries(
  HOUSEHOLD_COLUMNS.map((c) => [c.key, c.header]),
) as Record<HouseholdKey, string>;

export function checkHouseholdColumns(present: ReadonlySet<HouseholdKey>): string | null {
  const missing = missingColumnsMessage(HOUSEHOLD_COLUMNS, HOUSEHOLD_REQUIRED_COLUMNS, present);
  if (missing) return missing;
  if (!present.has("desaCode") && !(present.has("kecamatanName") && present.has("desaName"))) {
    return "Kolom wilayah belum ada: isi kolom Kode Desa, atau kolom Nama Kecamatan dan Nama Desa. Gunakan templat impor.";
  }
  return null;
}

type Member = {
  row: number;
  nik: string;
  name: string;
  sex: Sex;
  birthDate: string;
  relationship: RelationshipValue;
  school: SchoolValue | null;
  jkn: JknValue | null;
  rejected?: boolean;
};

type Address = {
  desaCode: string | null;
  dusun: string | null;
  rt: string | null;
  rw: string | null;
  street: string | null;
  desil: number | null;
  category: CategoryValue | null;
};

type Draft = {
  kk: string;
  /** Rows whose Hubungan reads "kepala keluarga", valid or not. */
  headRows: number[];
  rejectedHeadRow: number | null;
  head: Member | null;
  address: Address | null;
  members: Member[];
};

export type HouseholdValues = {
  headName: string;
  headNik: string;
  desaCode: string;
  dusun: string | null;
  rt: string | null;
  rw: string | null;
  street: string | null;
  desil: number | null;
  category: CategoryValue | null;
};

export type MemberValues = {
  nik: string;
  name: string;
  sex: Sex;
  birthDate: string;
  relationship: RelationshipValue;
  school: SchoolValue | null;
  jkn: JknValue;
};

/** One line of the plan file: a household to create or change, with the members to write. */
export type HouseholdPlanEntry = {
  kk: string;
  action: "new" | "updated";
  household: HouseholdValues;
  members: MemberValues[];
};

type RegionIndex = { codes: Set<string>; byName: Map<string, string> };

async function loadRegions(): Promise<RegionIndex> {
  const desa = await db.region.findMany({
    where: { level: { in: ["DESA", "KELURAHAN"] }, code: { startsWith: "35.10." } },
    select: { code: true, name: true, parent: { select: { name: true } } },
  });
  const byName = new Map<string, string>();
  for (const d of desa) {
    byName.set(`${normaliseRegionName(d.parent?.name ?? "")}|${normaliseRegionName(d.name)}`, d.code);
  }
  return { codes: new Set(desa.map((d) => d.code)), byName };
}

function maskedValues(cells: Partial<Record<HouseholdKey, string>>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(cells) as [HouseholdKey, string][]) {
    values[HEADER[key]] = key === "kk" || key === "nik" ? maskPersonalNumber(value) : value;
  }
  return values;
}

function memberValues(kk: string, m: Member): Record<string, string> {
  return {
    [HEADER.kk]: maskPersonalNumber(kk),
    [HEADER.nik]: maskPersonalNumber(m.nik),
    [HEADER.name]: m.name,
  };
}

type Problem = { column: HouseholdKey; message: string };

/** Reads one row: the member and (for every row) the address fields, or the problems found. */
function readRow(
  cells: Partial<Record<HouseholdKey, string>>,
  regions: RegionIndex,
  today: Date,
): {
  kk: string | null;
  member: Member | null;
  address: Address;
  relationship: RelationshipValue | null;
  problems: Problem[];
} {
  const problems: Problem[] = [];
  function take<T>(column: HouseholdKey, read: Read<T>): T | null {
    if (read.ok) return read.value;
    problems.push({ column, message: read.message });
    return null;
  }
  const kkRead = parseKkNumber(cells.kk ?? "");
  const kk = kkRead.ok ? kkRead.kk : (problems.push({ column: "kk", message: kkRead.message }), null);
  const nikRead = parseNik(cells.nik ?? "", today);
  if (!nikRead.ok) problems.push({ column: "nik", message: nikRead.message });
  const name = take("name", readText(cells.name ?? "", "Nama", 150, true));
  const relationshipRead = readRelationship(cells.relationship ?? "");
  const relationship = take("relationship", relationshipRead);
  if (relationshipRead.ok && relationship === null)
    problems.push({ column: "relationship", message: "Hubungan wajib diisi." });
  const givenSex = take("sex", readSex(cells.sex ?? ""));
  const givenBirth = take("birthDate", readDate(cells.birthDate ?? ""));
  const nikBirth = nikRead.ok ? nikRead.birthDate.toISOString().slice(0, 10) : "";
  // checkNikAgainst (which parses the NIK again) only when something differs: it words the message.
  // Birth years compare by their last two digits, as the NIK holds no century.
  if (
    nikRead.ok &&
    ((givenSex && givenSex !== nikRead.sex) || (givenBirth && givenBirth.slice(2) !== nikBirth.slice(2)))
  ) {
    for (const message of checkNikAgainst(
      nikRead.nik,
      { sex: givenSex ?? undefined, birthDate: givenBirth ?? undefined },
      today,
    )) {
      problems.push({ column: message.startsWith("Jenis kelamin") ? "sex" : "birthDate", message });
    }
  }
  // Address: the household takes the head's row; other rows are checked when filled.
  let desaCode = take("desaCode", readDesaCode(cells.desaCode ?? ""));
  if (desaCode && !regions.codes.has(desaCode)) {
    problems.push({
      column: "desaCode",
      message: `Kode desa ${desaCode} tidak ada di Kabupaten Banyuwangi.`,
    });
    desaCode = null;
  }
  const kecName = cells.kecamatanName ?? "";
  const desaName = cells.desaName ?? "";
  if (!desaCode && !problems.some((p) => p.column === "desaCode") && (kecName || desaName)) {
    const code = regions.byName.get(`${normaliseRegionName(kecName)}|${normaliseRegionName(desaName)}`);
    if (code) desaCode = code;
    else
      problems.push({
        column: kecName && desaName ? "desaName" : kecName ? "desaName" : "kecamatanName",
        message:
          kecName && desaName
            ? `Desa "${desaName}" di Kecamatan "${kecName}" tidak ditemukan di Kabupaten Banyuwangi.`
            : "Isi Nama Kecamatan dan Nama Desa (keduanya), atau Kode Desa.",
      });
  }
  if (
    relationship === "HEAD" &&
    !desaCode &&
    !problems.some((p) => ["desaCode", "desaName", "kecamatanName"].includes(p.column))
  ) {
    problems.push({
      column: "desaCode",
      message: "Kode Desa wajib diisi untuk kepala keluarga (atau Nama Kecamatan dan Nama Desa).",
    });
  }
  const address: Address = {
    desaCode,
    dusun: take("dusun", readText(cells.dusun ?? "", "Dusun", 100, false)),
    rt: take("rt", readRtRw(cells.rt ?? "", "RT")),
    rw: take("rw", readRtRw(cells.rw ?? "", "RW")),
    street: take("street", readText(cells.street ?? "", "Alamat", 200, false)),
    desil: take("desil", readDesil(cells.desil ?? "")),
    category: take("category", readCategory(cells.category ?? "")),
  };
  const school = take("school", readSchool(cells.school ?? ""));
  const jkn = take("jkn", readJkn(cells.jkn ?? ""));
  if (problems.length > 0 || !nikRead.ok || !name || !relationship) {
    return { kk, member: null, address, relationship, problems };
  }
  return {
    kk,
    member: {
      row: 0,
      nik: nikRead.nik,
      name,
      sex: givenSex ?? nikRead.sex,
      birthDate: givenBirth ?? nikBirth,
      relationship,
      school,
      jkn,
    },
    address,
    relationship,
    problems,
  };
}

type StoredHousehold = HouseholdValues & { kk_number: string };
type StoredMember = MemberValues & { kk_number: string };

async function storedHouseholds(kks: string[]): Promise<Map<string, StoredHousehold>> {
  const rows = await db.$queryRaw<StoredHousehold[]>`
    SELECT kk_number, head_name AS "headName", head_nik AS "headNik", desa_code AS "desaCode", dusun, rt, rw,
           street, desil, category::text AS category
      FROM household WHERE kk_number = ANY(${kks}::text[])`;
  return new Map(rows.map((r) => [r.kk_number, r]));
}

async function storedMembers(kks: string[]): Promise<Map<string, StoredMember>> {
  const rows = await db.$queryRaw<StoredMember[]>`
    SELECT h.kk_number, m.nik, m.name, m.sex::text AS sex, to_char(m.birth_date, 'YYYY-MM-DD') AS "birthDate",
           m.relationship::text AS relationship, m.school_participation::text AS school, m.jkn_status::text AS jkn
      FROM household_member m JOIN household h ON h.id = m.household_id
     WHERE h.kk_number = ANY(${kks}::text[])`;
  return new Map(rows.map((r) => [r.nik, r]));
}

const HOUSEHOLD_FIELDS = [
  "headName",
  "headNik",
  "desaCode",
  "dusun",
  "rt",
  "rw",
  "street",
  "desil",
  "category",
] as const;
const MEMBER_FIELDS = ["name", "sex", "birthDate", "relationship", "school", "jkn"] as const;

export type AnalysisResult = { counts: ImportCounts; sample: RowErrorSummary[] };

export async function analyseHouseholdFile(options: {
  path: string;
  format: FileFormat;
  planPath: string;
  errorsPath: string;
  onProgress: ProgressReporter;
  today?: Date;
}): Promise<AnalysisResult> {
  const today = options.today ?? new Date();
  const regions = await loadRegions();
  const table = await openTable(options.path, options.format, HOUSEHOLD_COLUMNS, checkHouseholdColumns);
  const present = table.present;
  const log = new RejectionLog(options.errorsPath);
  const drafts = new Map<string, Draft>();
  /** NIK → first row and KK that holds it in this file. */
  const seenNik = new Map<string, { row: number; kk: string }>();
  let rows = 0;

  try {
    for await (const { rowNumber, cells } of table.rows as AsyncGenerator<TableRow<HouseholdKey>>) {
      rows += 1;
      if (rows % 20_000 === 0) {
        await options.onProgress(
          rows,
          0.9 * (table.progress.bytesRead / Math.max(1, table.progress.totalBytes)),
        );
      }
      const read = readRow(cells, regions, today);
      let draft: Draft | undefined;
      if (read.kk) {
        draft = drafts.get(read.kk);
        if (!draft) {
          draft = {
            kk: read.kk,
            headRows: [],
            rejectedHeadRow: null,
            head: null,
            address: null,
            members: [],
          };
          drafts.set(read.kk, draft);
        }
        if (read.relationship === "HEAD") draft.headRows.push(rowNumber);
      }
      const problems = read.problems;
      if (read.member) {
        const previous = seenNik.get(read.member.nik);
        if (previous) {
          problems.push({
            column: "nik",
            message:
              previous.kk === read.kk
                ? `NIK ganda: sama dengan baris ${previous.row}.`
                : `NIK ganda: sudah dipakai di baris ${previous.row} untuk No KK lain (${maskPersonalNumber(previous.kk)}).`,
          });
        }
      }
      if (problems.length > 0 || !read.member || !draft) {
        if (draft && read.relationship === "HEAD") draft.rejectedHeadRow ??= rowNumber;
        const values = maskedValues(cells);
        for (const p of problems)
          await log.add({ row: rowNumber, column: HEADER[p.column], reason: p.message, values });
        continue;
      }
      const member = { ...read.member, row: rowNumber };
      seenNik.set(member.nik, { row: rowNumber, kk: draft.kk });
      draft.members.push(member);
      if (member.relationship === "HEAD") {
        draft.head = member;
        draft.address = read.address;
      }
    }
    seenNik.clear();
    if (rows === 0) throw new AppError("INVALID_INPUT", NO_DATA_ROWS_MESSAGE);
    await options.onProgress(rows, 0.9);

    // NIKs already registered in another household.
    const pairs = [...drafts.values()].flatMap((d) => d.members.map((m) => ({ m, d })));
    for (const part of chunks(pairs, 10_000)) {
      const niks = part.map((p) => p.m.nik);
      const found = await db.$queryRaw<{ nik: string; kk_number: string }[]>`
        SELECT m.nik, h.kk_number FROM household_member m JOIN household h ON h.id = m.household_id
         WHERE m.nik = ANY(${niks}::text[])`;
      const owner = new Map(found.map((f) => [f.nik, f.kk_number]));
      for (const { m, d } of part) {
        const kk = owner.get(m.nik);
        if (kk && kk !== d.kk) {
          m.rejected = true;
          if (m.relationship === "HEAD") d.rejectedHeadRow ??= m.row;
          await log.add({
            row: m.row,
            column: HEADER.nik,
            reason: `NIK sudah terdaftar pada keluarga lain di basis data (No KK ${maskPersonalNumber(kk)}).`,
            values: memberValues(d.kk, m),
          });
        }
      }
    }

    // Exactly one valid head per KK, else the whole KK is refused.
    const counts: ImportCounts = { rows, new: 0, updated: 0, unchanged: 0, rejected: 0, rejectedRows: 0 };
    const accepted: Draft[] = [];
    for (const d of drafts.values()) {
      let reason: string | null = null;
      if (d.headRows.length === 0)
        reason =
          "No KK ini tidak punya kepala keluarga (Hubungan = kepala keluarga); seluruh keluarga ditolak.";
      else if (d.headRows.length > 1)
        reason = `No KK ini punya lebih dari satu kepala keluarga (baris ${d.headRows.join(", ")}); seluruh keluarga ditolak.`;
      else if (d.rejectedHeadRow !== null || !d.head || d.head.rejected)
        reason = `Baris kepala keluarga (baris ${d.rejectedHeadRow ?? d.headRows[0]}) ditolak; seluruh keluarga ditolak.`;
      if (reason) {
        counts.rejected += 1;
        for (const m of d.members) {
          if (m.rejected) continue;
          await log.add({ row: m.row, column: HEADER.relationship, reason, values: memberValues(d.kk, m) });
        }
        continue;
      }
      d.members = d.members.filter((m) => !m.rejected);
      accepted.push(d);
    }
    drafts.clear();
    await options.onProgress(rows, 0.93);

    // Compare with the database, a slice of households at a time, and write the plan.
    const plan = new PlanWriter<HouseholdPlanEntry>(options.planPath);
    try {
      const parts = chunks(accepted, 2_000);
      for (const [i, part] of parts.entries()) {
        const kks = part.map((d) => d.kk);
        const [households, members] = await Promise.all([storedHouseholds(kks), storedMembers(kks)]);
        for (const d of part) {
          const entry = planEntry(d, households.get(d.kk) ?? null, members, present);
          if (!entry) counts.unchanged += 1;
          else {
            counts[entry.action] += 1;
            await plan.write(entry);
          }
        }
        if (i % 10 === 9) await options.onProgress(rows, 0.93 + 0.07 * ((i + 1) / parts.length));
      }
    } finally {
      await plan.close();
    }
    counts.rejectedRows = log.rowCount;
    return { counts, sample: log.firstRejections() };
  } finally {
    await log.close();
  }
}

function planEntry(
  d: Draft,
  stored: StoredHousehold | null,
  storedMembersByNik: Map<string, StoredMember>,
  present: ReadonlySet<HouseholdKey>,
): HouseholdPlanEntry | null {
  const head = d.head!;
  const address = d.address!;
  /** A column missing from the file keeps the stored value. */
  const pick = <K extends keyof Address>(key: K, column: HouseholdKey): Address[K] =>
    present.has(column) || !stored ? address[key] : (stored[key] as Address[K]);
  const household: HouseholdValues = {
    headName: head.name,
    headNik: head.nik,
    desaCode: address.desaCode!,
    dusun: pick("dusun", "dusun"),
    rt: pick("rt", "rt"),
    rw: pick("rw", "rw"),
    street: pick("street", "street"),
    desil: pick("desil", "desil"),
    category: pick("category", "category"),
  };
  const members: MemberValues[] = [];
  for (const m of d.members) {
    const old = storedMembersByNik.get(m.nik);
    const values: MemberValues = {
      nik: m.nik,
      name: m.name,
      sex: m.sex,
      birthDate: m.birthDate,
      relationship: m.relationship,
      // An empty optional cell keeps the stored answer.
      school: m.school ?? old?.school ?? null,
      jkn: m.jkn ?? old?.jkn ?? "NONE",
    };
    if (!old || MEMBER_FIELDS.some((f) => values[f] !== old[f])) members.push(values);
  }
  if (!stored) return { kk: d.kk, action: "new", household, members };
  const changed = HOUSEHOLD_FIELDS.some((f) => household[f] !== stored[f]);
  if (!changed && members.length === 0) return null;
  return { kk: d.kk, action: "updated", household, members };
}

// ---------------------------------------------------------------------------------------------
// Commit: set-based SQL inside the caller's transaction.

export class StalePlanError extends Error {}

export async function commitHouseholdPlan(
  tx: Prisma.TransactionClient,
  options: { planPath: string; batchId: string; source: string },
): Promise<void> {
  for await (const batch of readNdjsonBatches<HouseholdPlanEntry>(options.planPath, 1_000)) {
    const newOnes = batch.filter((e) => e.action === "new");
    const updates = batch.filter((e) => e.action === "updated");
    const cols = (entries: HouseholdPlanEntry[]) => ({
      kk: entries.map((e) => e.kk),
      headName: entries.map((e) => e.household.headName),
      headNik: entries.map((e) => e.household.headNik),
      desa: entries.map((e) => e.household.desaCode),
      dusun: entries.map((e) => e.household.dusun),
      rt: entries.map((e) => e.household.rt),
      rw: entries.map((e) => e.household.rw),
      street: entries.map((e) => e.household.street),
      desil: entries.map((e) => e.household.desil),
      category: entries.map((e) => e.household.category),
    });
    if (newOnes.length > 0) {
      const c = cols(newOnes);
      // A No KK created by someone else since the preview violates the unique index: all rolls back.
      await tx.$executeRaw`
        INSERT INTO household (kk_number, head_name, head_nik, desa_code, kecamatan_code, dusun, rt, rw, street,
                               desil, category, source, import_batch_id, updated_at)
        SELECT t.kk, t.head_name, t.head_nik, t.desa, left(t.desa, 8), t.dusun, t.rt, t.rw, t.street,
               t.desil, t.category::"WelfareCategory", ${options.source}, ${options.batchId}::uuid, now()
          FROM unnest(${c.kk}::text[], ${c.headName}::text[], ${c.headNik}::text[], ${c.desa}::text[],
                      ${c.dusun}::text[], ${c.rt}::text[], ${c.rw}::text[], ${c.street}::text[],
                      ${c.desil}::int[], ${c.category}::text[])
               AS t(kk, head_name, head_nik, desa, dusun, rt, rw, street, desil, category)`;
    }
    if (updates.length > 0) {
      const c = cols(updates);
      const changed = await tx.$executeRaw`
        UPDATE household h SET head_name = t.head_name, head_nik = t.head_nik, desa_code = t.desa,
               kecamatan_code = left(t.desa, 8), dusun = t.dusun, rt = t.rt, rw = t.rw, street = t.street,
               desil = t.desil, category = t.category::"WelfareCategory", source = ${options.source},
               import_batch_id = ${options.batchId}::uuid, updated_at = now()
          FROM unnest(${c.kk}::text[], ${c.headName}::text[], ${c.headNik}::text[], ${c.desa}::text[],
                      ${c.dusun}::text[], ${c.rt}::text[], ${c.rw}::text[], ${c.street}::text[],
                      ${c.desil}::int[], ${c.category}::text[])
               AS t(kk, head_name, head_nik, desa, dusun, rt, rw, street, desil, category)
         WHERE h.kk_number = t.kk`;
      if (changed !== updates.length) throw new StalePlanError("household vanished since the preview");
    }
    const members = batch.flatMap((e) => e.members.map((m) => ({ kk: e.kk, m })));
    if (members.length > 0) {
      const kk = members.map((x) => x.kk);
      const nik = members.map((x) => x.m.nik);
      const name = members.map((x) => x.m.name);
      const sex = members.map((x) => x.m.sex);
      const birth = members.map((x) => x.m.birthDate);
      const rel = members.map((x) => x.m.relationship);
      const school = members.map((x) => x.m.school);
      const jkn = members.map((x) => x.m.jkn);
      // The WHERE refuses to move a NIK between households: a NIK taken since the preview leaves
      // the count short, and the whole import rolls back.
      const written = await tx.$executeRaw`
        INSERT INTO household_member (household_id, nik, name, sex, birth_date, relationship,
                                      school_participation, jkn_status, updated_at)
        SELECT h.id, t.nik, t.name, t.sex::"Sex", t.birth::date, t.rel::"Relationship",
               t.school::"SchoolParticipation", t.jkn::"JknStatus", now()
          FROM unnest(${kk}::text[], ${nik}::text[], ${name}::text[], ${sex}::text[], ${birth}::text[],
                      ${rel}::text[], ${school}::text[], ${jkn}::text[])
               AS t(kk, nik, name, sex, birth, rel, school, jkn)
          JOIN household h ON h.kk_number = t.kk
        ON CONFLICT (nik) DO UPDATE SET name = EXCLUDED.name, sex = EXCLUDED.sex, birth_date = EXCLUDED.birth_date,
               relationship = EXCLUDED.relationship, school_participation = EXCLUDED.school_participation,
               jkn_status = EXCLUDED.jkn_status, updated_at = now()
         WHERE household_member.household_id = EXCLUDED.household_id`;
      if (written !== members.length)
        throw new StalePlanError("a NIK moved to another household since the preview");
    }
  }
}

/** Head names of the households a committed batch created or changed (result page). */
export const batchHouseholdSelect = {
  id: true,
  headName: true,
  kkNumber: true,
  createdAt: true,
  updatedAt: true,
  desa: { select: { name: true, parent: { select: { name: true } } } },
} satisfies Prisma.HouseholdSelect;
