import { randomUUID } from "node:crypto";
import { appendFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import type { ImportKindValue } from "@/schemas/imports";
import { db } from "@/server/db";
import {
  analyseImport,
  cancelImport,
  commitImport,
  getImportBatch,
  importErrorReport,
  importTemplate,
  listBatchHouseholds,
  listImportBatches,
  prepareImport,
} from "@/server/imports/batches";
import { importFiles } from "@/server/imports/files";
import type { HouseholdPlanEntry } from "@/server/imports/households-import";
import { actorFor, createHousehold, createUser, resetDatabase } from "../support/factories";
import {
  familyRows,
  HOUSEHOLD_HEADERS,
  type HouseholdFileRow,
  synthKk,
  synthNik,
  toCsv,
} from "../support/import-fixtures";

let admin: Actor;

async function upload(
  actor: Actor,
  kind: ImportKindValue,
  content: string | Uint8Array,
  fileName = "dtsen.csv",
) {
  const uploadPath = join(tmpdir(), `import-test-${randomUUID()}.upload`);
  await writeFile(uploadPath, content);
  return prepareImport(actor, { kind, fileName, uploadPath });
}

/** Upload + analysis; returns the batch in PREVIEW (or FAILED). */
async function preview(
  content: string | Uint8Array,
  fileName = "dtsen.csv",
  kind: ImportKindValue = "HOUSEHOLDS",
) {
  const { batchId } = await upload(admin, kind, content, fileName);
  await analyseImport(admin, batchId);
  return getImportBatch(admin, batchId);
}

const householdCsv = (rows: HouseholdFileRow[]) => toCsv(HOUSEHOLD_HEADERS, rows);

async function tableCounts() {
  const [households, members] = await Promise.all([db.household.count(), db.householdMember.count()]);
  return { households, members };
}

async function expectInvalid(promise: Promise<unknown>, message: RegExp) {
  await expect(promise).rejects.toMatchObject({
    code: "INVALID_INPUT",
    message: expect.stringMatching(message),
  });
}

beforeAll(async () => {
  await resetDatabase();
  admin = actorFor(await createUser("ADMIN"));
});

describe("household import: matching on No KK", () => {
  it("creates new households, then classifies new / updated / unchanged, and a re-import changes nothing", async () => {
    const first = await preview(householdCsv([...familyRows(0), ...familyRows(1)]), "tahap-1.csv");
    expect(first.status).toBe("PREVIEW");
    expect(first.counts).toMatchObject({
      rows: 6,
      new: 2,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      rejectedRows: 0,
    });
    // Preview writes nothing.
    expect(await db.household.count({ where: { kkNumber: synthKk(9, 1) } })).toBe(0);
    await commitImport(admin, first.id);

    const stored = await db.household.findUniqueOrThrow({
      where: { kkNumber: synthKk(9, 1) },
      include: { members: { orderBy: { birthDate: "asc" } } },
    });
    expect(stored).toMatchObject({
      headName: "Kepala Uji 1",
      desaCode: "35.10.09.2001",
      kecamatanCode: "35.10.09",
      rt: "001",
      rw: "002",
      desil: 1,
      category: "MISKIN_EKSTREM",
      source: "Impor DTSEN tahap-1.csv",
      importBatchId: first.id,
    });
    expect(stored.headNik).toBe(familyRows(0)[0]!.NIK);
    expect(stored.members.map((m) => m.relationship)).toEqual(["HEAD", "SPOUSE", "CHILD"]);
    expect(stored.members[1]).toMatchObject({ sex: "FEMALE", jknStatus: "NONE" });

    // Second file: family 0 unchanged, family 1 moves to desil 2 and gains a child, family 2 is new.
    const second = householdCsv([
      ...familyRows(0),
      ...familyRows(1, { size: 4, desil: 2 }),
      ...familyRows(2),
    ]);
    const again = await preview(second, "tahap-2.csv");
    expect(again.counts).toMatchObject({
      rows: 10,
      new: 1,
      updated: 1,
      unchanged: 1,
      rejected: 0,
      rejectedRows: 0,
    });
    await commitImport(admin, again.id);
    const updated = await db.household.findUniqueOrThrow({
      where: { kkNumber: synthKk(9, 2) },
      include: { _count: { select: { members: true } } },
    });
    expect(updated).toMatchObject({ desil: 2, importBatchId: again.id, source: "Impor DTSEN tahap-2.csv" });
    expect(updated._count.members).toBe(4);
    const untouched = await db.household.findUniqueOrThrow({ where: { kkNumber: synthKk(9, 1) } });
    expect(untouched.importBatchId).toBe(first.id);

    // The same file again: everything unchanged, row counts and timestamps identical.
    const before = await tableCounts();
    const stamps = await db.household.findMany({
      select: { id: true, updatedAt: true },
      orderBy: { id: "asc" },
    });
    const third = await preview(second, "tahap-2.csv");
    expect(third.counts).toMatchObject({
      rows: 10,
      new: 0,
      updated: 0,
      unchanged: 3,
      rejected: 0,
      rejectedRows: 0,
    });
    await commitImport(admin, third.id);
    expect(await tableCounts()).toEqual(before);
    expect(
      await db.household.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } }),
    ).toEqual(stamps);

    const results = await listBatchHouseholds(admin, again.id);
    expect(results.map((r) => r.headName).sort()).toEqual(["Kepala Uji 2", "Kepala Uji 3"]);
    expect(results[0]!.kkMasked).toMatch(/^3510•+\d{4}$/);

    const audit = await db.auditLog.findMany({ where: { action: "import.commit" } });
    expect(audit.length).toBe(3);
    const auditText = JSON.stringify(audit.map((a) => a.changes));
    expect(auditText).toContain("tahap-2.csv");
    expect(auditText).not.toMatch(/\d{16}/);
    const committed = await db.importBatch.findUniqueOrThrow({ where: { id: again.id } });
    expect(committed).toMatchObject({ status: "COMMITTED", uploadedById: admin.id });
    expect(committed.committedAt).not.toBeNull();
  });

  it("a batch is committed once; a cancelled preview cannot be committed", async () => {
    const batch = await preview(householdCsv(familyRows(40)));
    await commitImport(admin, batch.id);
    await expect(commitImport(admin, batch.id)).rejects.toMatchObject({ code: "CONFLICT" });
    const other = await preview(householdCsv(familyRows(41)));
    await cancelImport(admin, other.id);
    await expect(commitImport(admin, other.id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.household.count({ where: { kkNumber: synthKk(9, 42) } })).toBe(0);
  });
});

describe("household import: all or nothing", () => {
  it("a household that violates a database rule at commit rolls back every household of the batch", async () => {
    const batch = await preview(householdCsv([...familyRows(50), ...familyRows(51), ...familyRows(52)]));
    expect(batch.counts.new).toBe(3);
    // Tamper with the stored plan: one more household whose desil breaks the CHECK constraint.
    const bad: HouseholdPlanEntry = {
      kk: synthKk(9, 999),
      action: "new",
      household: {
        headName: "Pelanggar Aturan",
        headNik: synthNik(9, "1970-01-01", false, 9001),
        desaCode: "35.10.09.2001",
        dusun: null,
        rt: null,
        rw: null,
        street: null,
        desil: 11,
        category: null,
      },
      members: [],
    };
    await appendFile(importFiles.plan(batch.id), `${JSON.stringify(bad)}\n`);
    const before = await tableCounts();
    const audits = await db.auditLog.count();
    await expect(commitImport(admin, batch.id)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Tidak ada data yang disimpan"),
    });
    expect(await tableCounts()).toEqual(before);
    expect(await db.household.count({ where: { importBatchId: batch.id } })).toBe(0);
    expect(await db.auditLog.count()).toBe(audits);
    expect((await getImportBatch(admin, batch.id)).status).toBe("PREVIEW");
  });

  it("a NIK stored in another household after the preview rolls the commit back", async () => {
    const rows = familyRows(60);
    const batch = await preview(householdCsv(rows));
    const other = await createHousehold();
    await db.householdMember.update({
      where: { nik: (await db.householdMember.findFirstOrThrow({ where: { householdId: other.id } })).nik },
      data: { nik: rows[2]!.NIK },
    });
    await expect(commitImport(admin, batch.id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.household.count({ where: { kkNumber: rows[0]!["No KK"] } })).toBe(0);
  });
});

describe("household import: rejected rows", () => {
  it("flags duplicate NIKs in the file and NIKs of another household in the database", async () => {
    const existing = await createHousehold();
    const existingMember = await db.householdMember.findFirstOrThrow({
      where: { householdId: existing.id, relationship: "CHILD" },
    });
    const a = familyRows(70);
    const b = familyRows(71);
    const c = familyRows(72);
    const duplicateInKk = { ...a[2]!, Nama: "Anak Ganda" }; // row 5: same NIK as row 4
    const duplicateAcrossKk = {
      ...b[2]!,
      NIK: a[1]!.NIK,
      "Jenis Kelamin": "P",
      "Tanggal Lahir": "1980-08-17",
    }; // row 8
    const inDatabase = {
      ...c[2]!,
      NIK: existingMember.nik,
      "Jenis Kelamin": existingMember.sex === "FEMALE" ? "P" : "L",
      "Tanggal Lahir": existingMember.birthDate.toISOString().slice(0, 10),
    }; // row 12
    const batch = await preview(
      householdCsv([...a, duplicateInKk, b[0]!, b[1]!, duplicateAcrossKk, ...c.slice(0, 2), inDatabase]),
    );
    expect(batch.counts).toMatchObject({ rows: 10, new: 3, rejected: 0, rejectedRows: 3 });
    const reasons = Object.fromEntries(batch.rejectedSample.map((e) => [e.row, e]));
    expect(reasons[5]).toMatchObject({ column: "NIK", reason: "NIK ganda: sama dengan baris 4." });
    expect(reasons[8]!.reason).toMatch(
      /^NIK ganda: sudah dipakai di baris 3 untuk No KK lain \(3510•+\d{4}\)\.$/,
    );
    expect(reasons[11]!.reason).toMatch(/NIK sudah terdaftar pada keluarga lain di basis data/);
    expect(JSON.stringify(batch.rejectedSample)).not.toMatch(/\d{16}/);
  });

  it("refuses a KK without exactly one valid head, with a reason on each of its rows", async () => {
    const twoHeads = familyRows(80).map((r, i) => (i === 1 ? { ...r, Hubungan: "1" } : r));
    const noHead = familyRows(81).map((r, i) => (i === 0 ? { ...r, Hubungan: "anak" } : r));
    const badHead = familyRows(82).map((r, i) => (i === 0 ? { ...r, "Kode Desa": "35.10.99.2001" } : r));
    const batch = await preview(householdCsv([...twoHeads, ...noHead, ...badHead, ...familyRows(83)]));
    expect(batch.counts).toMatchObject({ rows: 12, new: 1, rejected: 3, rejectedRows: 9 });
    const byRow = new Map(batch.rejectedSample.map((e) => [e.row, e.reason]));
    expect(byRow.get(2)).toBe(
      "No KK ini punya lebih dari satu kepala keluarga (baris 2, 3); seluruh keluarga ditolak.",
    );
    expect(byRow.get(5)).toMatch(/tidak punya kepala keluarga/);
    expect(byRow.get(8)).toBe("Kode desa 35.10.99.2001 tidak ada di Kabupaten Banyuwangi.");
    expect(byRow.get(9)).toBe("Baris kepala keluarga (baris 8) ditolak; seluruh keluarga ditolak.");
  });

  it("explains bad NIK, bad KK, sex against NIK, unknown desa name and bad values per row", async () => {
    const base = familyRows(90, { size: 2 });
    const rows = [
      base[0]!,
      { ...base[1]!, NIK: "35100912345" }, // 3 bad NIK length
      { ...base[1]!, "No KK": "1234" }, // 4 bad KK
      {
        ...base[1]!,
        NIK: synthNik(9, "1990-01-01", false, 77),
        "Jenis Kelamin": "P",
        "Tanggal Lahir": "1990-01-01",
      }, // 5
      {
        ...base[1]!,
        NIK: synthNik(9, "1991-01-01", false, 78),
        "Tanggal Lahir": "31/02/1991",
        "Jenis Kelamin": "L",
      }, // 6
      {
        ...base[1]!,
        NIK: synthNik(9, "1992-01-01", false, 79),
        "Jenis Kelamin": "L",
        "Tanggal Lahir": "01-01-1992",
        Desil: "12",
      }, // 7
      {
        ...base[1]!,
        NIK: synthNik(9, "1993-01-01", false, 80),
        "Jenis Kelamin": "L",
        "Tanggal Lahir": "",
        Hubungan: "tetangga",
      }, // 8
    ];
    const batch = await preview(householdCsv(rows));
    const byRow = new Map(batch.rejectedSample.map((e) => [e.row, e]));
    expect(byRow.get(3)).toMatchObject({
      column: "NIK",
      reason: "NIK harus 16 digit angka (yang diisi 11 digit).",
    });
    expect(byRow.get(4)).toMatchObject({
      column: "No KK",
      reason: "Nomor KK harus 16 digit angka (yang diisi 4 digit).",
    });
    expect(byRow.get(5)!.reason).toMatch(/^Jenis kelamin tidak cocok dengan NIK/);
    expect(byRow.get(6)).toMatchObject({
      column: "Tanggal Lahir",
      reason: 'Tanggal lahir "31/02/1991" tidak ada di kalender.',
    });
    expect(byRow.get(7)).toMatchObject({ column: "Desil", reason: 'Desil "12" harus bilangan bulat 1–10.' });
    expect(byRow.get(8)).toMatchObject({
      column: "Hubungan",
      reason: expect.stringMatching(/^Hubungan "tetangga" tidak dikenal/),
    });
    expect(batch.counts).toMatchObject({ new: 1, rejectedRows: 6 });

    const report = await importErrorReport(admin, batch.id);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(report.body) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual(
      expect.arrayContaining(["Baris", "Kolom", "Alasan", "No KK", "NIK", "Nama"]),
    );
    const text = JSON.stringify(sheet.getSheetValues());
    expect(text).toContain("Jenis kelamin tidak cocok dengan NIK");
    expect(text).not.toContain(rows[3]!.NIK);
    expect(text).not.toContain(base[0]!["No KK"]);
    expect(text).toContain("3510••••••••");
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "export.import_errors", entityId: batch.id },
    });
    expect(audit.actorId).toBe(admin.id);
  });

  it("reads names of kecamatan and desa, header aliases, ';' separators and Excel files with date cells", async () => {
    const rows = familyRows(100, { size: 2 });
    const aliasHeaders = [
      "NO_KK",
      "nik",
      "NAMA LENGKAP",
      "SHDK",
      "JK",
      "Tgl Lahir",
      "Kecamatan",
      "Desa/Kelurahan",
      "RT",
      "RW",
    ];
    const records = rows.map((r) => ({
      NO_KK: r["No KK"],
      nik: r.NIK,
      "NAMA LENGKAP": r.Nama,
      SHDK: r.Hubungan === "kepala keluarga" ? "1" : "2",
      JK: r["Jenis Kelamin"] === "P" ? "Perempuan" : "Laki-laki",
      "Tgl Lahir": r["Tanggal Lahir"].split("-").reverse().join("-"),
      Kecamatan: "KEC. GENTENG",
      "Desa/Kelurahan": "genteng wetan",
      RT: "3",
      RW: "4",
    }));
    const csv = await preview(toCsv(aliasHeaders, records, ";"), "siks-ng.csv");
    expect(csv.counts).toMatchObject({ new: 1, rejectedRows: 0 });
    await commitImport(admin, csv.id);
    const stored = await db.household.findUniqueOrThrow({ where: { kkNumber: rows[0]!["No KK"] } });
    expect(stored).toMatchObject({ desaCode: "35.10.09.2002", rt: "003", desil: null, category: null });

    // The same families as an XLSX with a real date cell and numeric NIK cells.
    const xlsxRows = familyRows(101, { size: 2 });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("DTSEN");
    sheet.addRow([...HOUSEHOLD_HEADERS]);
    for (const r of xlsxRows) {
      const [y, m, d] = r["Tanggal Lahir"].split("-").map(Number) as [number, number, number];
      sheet.addRow(
        HOUSEHOLD_HEADERS.map((h) =>
          h === "Tanggal Lahir" ? new Date(Date.UTC(y, m - 1, d)) : h === "NIK" ? Number(r[h]) : r[h],
        ),
      );
    }
    sheet.getColumn(6).numFmt = "dd/mm/yyyy";
    const xlsx = await preview(new Uint8Array(await workbook.xlsx.writeBuffer()), "dtsen.xlsx");
    expect(xlsx.counts).toMatchObject({ rows: 2, new: 1, rejectedRows: 0 });
    await commitImport(admin, xlsx.id);
    const head = await db.householdMember.findUniqueOrThrow({ where: { nik: xlsxRows[0]!.NIK } });
    expect(head.birthDate.toISOString().slice(0, 10)).toBe("1975-05-05");
  });
});

describe("bad files", () => {
  it("names the missing columns, refuses non-CSV/XLSX content and empty files, and records nothing", async () => {
    const batches = await db.importBatch.count();
    await expectInvalid(
      upload(admin, "HOUSEHOLDS", "NIK,Nama,Hubungan,Kode Desa\r\n3510090505750001,A,1,35.10.09.2001\r\n"),
      /^Kolom wajib belum ada: No KK\. Kolom yang dikenali: NIK, Nama, Hubungan, Kode Desa\./,
    );
    await expectInvalid(
      upload(admin, "HOUSEHOLDS", "No KK,NIK,Nama,Hubungan\r\n"),
      /^Kolom wilayah belum ada: isi kolom Kode Desa/,
    );
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    await expectInvalid(upload(admin, "HOUSEHOLDS", png, "data.csv"), /^Berkas bukan CSV atau XLSX/);
    await expectInvalid(
      upload(admin, "HOUSEHOLDS", Buffer.from([0xff, 0xfe, 0x41, 0x00]), "data.csv"),
      /^Berkas bukan CSV/,
    );
    await expectInvalid(upload(admin, "HOUSEHOLDS", "", "kosong.csv"), /^Berkas kosong/);
    await expectInvalid(upload(admin, "HOUSEHOLDS", "\r\n  \r\n", "kosong.csv"), /^Berkas kosong/);
    await expectInvalid(
      upload(admin, "HOUSEHOLDS", Buffer.from("PK\u0003\u0004garbage"), "rusak.xlsx"),
      /XLSX rusak/,
    );
    // Only a header row (or empty rows under it): refused at upload too.
    await expectInvalid(
      upload(admin, "HOUSEHOLDS", toCsv(HOUSEHOLD_HEADERS, []), "judul-saja.csv"),
      /^Berkas kosong: hanya ada baris judul kolom/,
    );
    await expectInvalid(
      upload(admin, "HOUSEHOLDS", `${HOUSEHOLD_HEADERS.join(",")}\r\n,,,\r\n\r\n`, "judul-saja.csv"),
      /^Berkas kosong: hanya ada baris judul kolom/,
    );
    expect(await db.importBatch.count()).toBe(batches);
  });
});

describe("roster import", () => {
  it("creates ASN with PNS and PPPK ids, rejects a bad NIP, an unknown OPD and a duplicate", async () => {
    const csv = toCsv(
      ["NIP", "Nama", "OPD", "Jabatan", "Telepon", "Kuota"],
      [
        {
          NIP: "19850312 201003 1 042",
          Nama: "Budi PNS",
          OPD: "DINSOS",
          Jabatan: "Analis",
          Telepon: "0812-3456-7890",
          Kuota: "4",
        },
        {
          NIP: "199203152022212004",
          Nama: "Dewi PPPK",
          OPD: "dinas pendidikan",
          Jabatan: "",
          Telepon: "",
          Kuota: "",
        },
        { NIP: "12345", Nama: "Salah NIP", OPD: "DINSOS", Jabatan: "", Telepon: "", Kuota: "" },
        {
          NIP: "198503122010031043",
          Nama: "OPD Salah",
          OPD: "Dinas Pariwisata Antariksa",
          Jabatan: "",
          Telepon: "",
          Kuota: "",
        },
        { NIP: "199203152022212004", Nama: "Dewi Lagi", OPD: "DINSOS", Jabatan: "", Telepon: "", Kuota: "" },
      ],
    );
    const batch = await preview(csv, "roster.csv", "ROSTER");
    expect(batch.counts).toMatchObject({ rows: 5, new: 2, updated: 0, unchanged: 0, rejectedRows: 3 });
    const byRow = new Map(batch.rejectedSample.map((e) => [e.row, e]));
    expect(byRow.get(4)).toMatchObject({
      column: "NIP",
      reason: "NIP/NI PPPK harus 18 digit angka (yang diisi 5 digit).",
    });
    expect(byRow.get(5)).toMatchObject({
      column: "OPD",
      reason: expect.stringMatching(/^OPD "Dinas Pariwisata Antariksa" tidak dikenal/),
    });
    expect(byRow.get(6)).toMatchObject({ column: "NIP", reason: "NIP ganda: sama dengan baris 3." });
    await commitImport(admin, batch.id);

    const pns = await db.user.findUniqueOrThrow({
      where: { nip: "198503122010031042" },
      include: { opd: true },
    });
    expect(pns).toMatchObject({
      role: "ASN",
      employmentType: "PNS",
      name: "Budi PNS",
      phone: "081234567890",
      quota: 4,
      mustChangePassword: true,
      isActive: true,
    });
    expect(pns.opd?.code).toBe("DINSOS");
    expect(pns.passwordHash).toMatch(/^\$argon2/);
    const pppk = await db.user.findUniqueOrThrow({
      where: { nip: "199203152022212004" },
      include: { opd: true },
    });
    expect(pppk).toMatchObject({ employmentType: "PPPK", opd: { code: "DISPENDIK" } });

    // Re-import: unchanged; a changed position is an update.
    const again = await preview(csv, "roster.csv", "ROSTER");
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 2 });
    const changed = await preview(csv.replace("Analis", "Analis Kebijakan"), "roster.csv", "ROSTER");
    expect(changed.counts).toMatchObject({ new: 0, updated: 1, unchanged: 1 });
    await commitImport(admin, changed.id);
    expect((await db.user.findUniqueOrThrow({ where: { nip: "198503122010031042" } })).position).toBe(
      "Analis Kebijakan",
    );
  });
});

describe("templates", () => {
  it("offers CSV and XLSX templates whose example rows import cleanly", async () => {
    for (const kind of ["HOUSEHOLDS", "ROSTER"] as const) {
      const csv = await importTemplate(admin, kind, "csv");
      const text = new TextDecoder().decode(csv.body);
      expect(text.split("\r\n")[0]).toContain(
        kind === "HOUSEHOLDS" ? "No KK,NIK,Nama,Hubungan" : "NIP,Nama,OPD",
      );
      const xlsx = await importTemplate(admin, kind, "xlsx");
      for (const body of [csv.body, xlsx.body]) {
        const batch = await preview(body, `templat.${body === csv.body ? "csv" : "xlsx"}`, kind);
        expect(batch.counts).toMatchObject({ rows: 2, rejectedRows: 0 });
        await cancelImport(admin, batch.id);
      }
    }
  });
});

describe("admin only", () => {
  it("every import function is NOT_FOUND for ASN, supervisors and leaders", async () => {
    const batch = await preview(householdCsv(familyRows(120)));
    for (const role of ["ASN", "SUPERVISOR", "LEADER"] as const) {
      const actor = actorFor(await createUser(role));
      const notFound = { code: "NOT_FOUND" };
      await expect(upload(actor, "HOUSEHOLDS", householdCsv(familyRows(121)))).rejects.toMatchObject(
        notFound,
      );
      await expect(analyseImport(actor, batch.id)).rejects.toMatchObject(notFound);
      await expect(getImportBatch(actor, batch.id)).rejects.toMatchObject(notFound);
      await expect(listImportBatches(actor)).rejects.toMatchObject(notFound);
      await expect(listBatchHouseholds(actor, batch.id)).rejects.toMatchObject(notFound);
      await expect(importErrorReport(actor, batch.id)).rejects.toMatchObject(notFound);
      await expect(importTemplate(actor, "HOUSEHOLDS", "csv")).rejects.toMatchObject(notFound);
      await expect(cancelImport(actor, batch.id)).rejects.toMatchObject(notFound);
      await expect(commitImport(actor, batch.id)).rejects.toMatchObject(notFound);
    }
    expect((await getImportBatch(admin, batch.id)).status).toBe("PREVIEW");
    expect(await db.household.count({ where: { kkNumber: synthKk(9, 121) } })).toBe(0);
  });
});
