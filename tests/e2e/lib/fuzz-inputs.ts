import { Rng as ScaleRng } from "../../../scripts/scale/rng.ts";
import { periodKeysBack, periodRange } from "../../../src/lib/period";
import { HOUSEHOLD_HEADERS, toCsv } from "../../support/import-fixtures";
import { visitReport, type World } from "./fixture-world";

// Deterministic bad inputs for tests/e2e/fuzz.spec.ts. Everything comes from one seeded generator
// (mulberry32, scripts/scale/rng.ts), so a failure is reproduced by running the spec with the printed FUZZ_SEED. Every
// generated input is invalid by construction: each starts from a valid report or file and gets one
// "breaker" applied last (noise that alone would be harmless comes first and cannot repair it).

/** The seeded generator of the scale data (mulberry32), with what the fuzz inputs need. */
export class Rng extends ScaleRng {
  /** Integer in [0, n). */
  below(n: number): number {
    return this.int(0, n - 1);
  }
  bytes(n: number, from = 0, to = 256): Buffer {
    return Buffer.from(Array.from({ length: n }, () => from + this.below(to - from)));
  }
  /** A version-4-shaped UUID from the generator (unknown to the database). */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.below(16).toString(16));
    hex[12] = "4";
    hex[16] = "89ab"[this.below(4)]!;
    const h = hex.join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

/** Valid text that must be stored as text and never interpreted (injection payloads). */
export const PAYLOADS = [
  "' OR '1'='1",
  "'; DROP TABLE visit; --",
  "1); SELECT pg_sleep(5); --",
  '" OR ""="',
  "admin'--",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "{{7*7}}",
  "${7*7}",
  "../../../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "%00%0a%0d",
  "%n%s%x%p",
  "\u202Eevil",
  "😀👨‍👩‍👧‍👦",
  "Ω≈ç√∫",
  '=HYPERLINK("http://contoh.invalid")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "null",
  "undefined",
  "NaN",
  "٣٥١٠",
  "３５１０",
] as const;

/** Text no person types; PostgreSQL cannot store U+0000 at all. */
export const CONTROL_TEXT = [
  "a\u0000b",
  "\u0000",
  "x\u0001y",
  "\u001b[31mmerah",
  "a\u007fb",
  "\u0008\u0008",
] as const;

const NON_UUIDS = [
  "",
  "abc",
  "123",
  "00000000-0000-0000-0000-00000000000g",
  "' OR 1=1 --",
  "<script>",
  "../x",
];
const NOT_STRINGS: unknown[] = [42, -1, 1.5, true, null, [], {}, [1, 2], { id: "x" }];
const long = (n: number, ch = "a") => ch.repeat(n);

type Json = Record<string, unknown>;

export type FuzzContext = {
  world: World;
  report: () => Json;
};

export function fuzzContext(world: World): FuzzContext {
  return { world, report: () => visitReport(world, world.households.own) as unknown as Json };
}

function nested(depth: number): unknown {
  let value: unknown = "dalam";
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Harmless on its own: payload strings in free text, unknown or dangerous extra keys. */
function addNoise(rng: Rng, report: Json, world: World): string {
  const kinds = [
    () => {
      report.notes = rng.pick(PAYLOADS);
      return "notes=payload";
    },
    () => {
      (report.items as Json[])[0]!.name = rng.pick(PAYLOADS).slice(0, 100);
      return "item name=payload";
    },
    () => {
      (report.aid as string[]).push(rng.pick(PAYLOADS));
      return "aid+=payload";
    },
    () => {
      report.asnId = world.users.asnOther.id;
      report.isLate = false;
      report.id = rng.uuid();
      return "extra keys asnId/isLate/id";
    },
    () => {
      // Own, enumerable keys (as JSON.parse makes them), not the object's prototype.
      for (const [key, value] of [
        ["__proto__", { isAdmin: true }],
        ["constructor", { prototype: { polluted: true } }],
      ] as const)
        Object.defineProperty(report, key, { value, enumerable: true, configurable: true, writable: true });
      return "prototype keys";
    },
    () => {
      report.extra = nested(200 + rng.below(300));
      return "deeply nested extra key";
    },
  ];
  const labels: string[] = [];
  for (let i = rng.below(3); i > 0; i--) labels.push(rng.pick(kinds)());
  return labels.join(", ");
}

type Breaker = (rng: Rng, r: Json, c: FuzzContext) => string;

const member = (r: Json) => (r.members as Json[])[0]!;
const item = (r: Json) => (r.items as Json[])[0]!;
const set = (r: Json, key: string, value: unknown, label = key) => {
  r[key] = value;
  return `${label}=${JSON.stringify(value)?.slice(0, 60)}`;
};

/** Each makes the report invalid on its own. */
const BREAKERS: Breaker[] = [
  (rng, r) => set(r, "householdId", rng.pick([...NON_UUIDS, ...NOT_STRINGS])),
  (rng, r) => set(r, "householdId", rng.uuid(), "householdId(unknown)"),
  (_rng, r, c) => {
    // Another ASN's family, a complete report for it.
    Object.assign(r, visitReport(c.world, c.world.households.foreign, r.idempotencyKey as string));
    return "another ASN's family";
  },
  (rng, r, c) => {
    const closed = periodKeysBack(c.world.periodKey, 10 + rng.below(20))[0]!;
    return set(
      r,
      "periodKey",
      rng.pick(["", "2026-W99", "2026-13", "abcd", "2026-W00", "9999-W01", closed, 202648, null]),
    );
  },
  (rng, r, c) =>
    set(
      r,
      "idempotencyKey",
      rng.pick([...NON_UUIDS, 12, null, c.world.visitKeys.own, c.world.visitKeys.foreign]),
    ),
  (rng, r, c) => {
    const range = periodRange(c.world.periodKey);
    const before = new Date(`${range.firstDay}T00:00:00Z`);
    before.setUTCDate(before.getUTCDate() - 1 - rng.below(30));
    const after = new Date(Date.now() + (2 + rng.below(300)) * 86_400_000);
    return set(
      r,
      "visitDate",
      rng.pick([
        "",
        "kemarin",
        "2026-02-30",
        "29-11-2026",
        "2026-11-29T00:00:00Z",
        before.toISOString().slice(0, 10),
        after.toISOString().slice(0, 10),
        20261129,
        null,
      ]),
    );
  },
  (rng, r) => set(r, "delivered", rng.pick(["true", "ya", 1, 0, null, []])),
  (rng, r) =>
    set(
      r,
      "items",
      rng.pick<unknown>([
        "telur",
        {},
        null,
        [],
        Array.from({ length: 11 }, () => ({ name: "Beras", quantity: 1, unit: "kg", valueRupiah: 1000 })),
      ]),
    ),
  (rng, r) => {
    const [key, value] = rng.pick<[string, unknown]>([
      ["quantity", 0],
      ["quantity", -1],
      ["quantity", 1001],
      ["quantity", 1.234],
      ["quantity", "abc"],
      ["quantity", 1e308],
      ["quantity", {}],
      ["valueRupiah", -1],
      ["valueRupiah", 1.5],
      ["valueRupiah", 5_000_001],
      ["valueRupiah", 1e308],
      ["valueRupiah", "Rp abc"],
      ["valueRupiah", null],
      ["name", ""],
      ["name", "   "],
      ["name", long(101)],
      ["name", 5],
      ["unit", ""],
      ["unit", long(31)],
      ["unit", null],
    ]);
    item(r)[key] = value;
    return `items[0].${key}=${JSON.stringify(value).slice(0, 40)}`;
  },
  (rng, r) => {
    r.delivered = false;
    r.items = [];
    return set(r, "notDeliveredReason", rng.pick([null, "", "   ", long(301)]));
  },
  (rng, r) =>
    set(
      r,
      "livingAlone",
      rng.pick<unknown>([{ anyoneAlone: true, hasCaregiver: null }, "x", null, { anyoneAlone: "ya" }]),
    ),
  (rng, r, c) => {
    const m = member(r);
    const choice = rng.below(12);
    const variants: [string, unknown][] = [
      ["members=[]", []],
      ["members=string", "x"],
      ["memberId not a UUID", [{ ...m, memberId: "bad" }]],
      ["another family's member", [{ ...m, memberId: c.world.households.foreign.memberId }]],
      ["unknown member", [{ ...m, memberId: rng.uuid() }]],
      ["presence unknown", [{ ...m, presence: "HADIR" }]],
      ["present without health", [{ ...m, health: null }]],
      ["chronic without disease", [{ ...m, health: "CHRONIC", chronicDisease: null }]],
      ["member twice", [m, m]],
      ["31 members", Array.from({ length: 31 }, () => ({ ...m, memberId: rng.uuid() }))],
      ["school answer for an adult", [{ ...m, school: "ENROLLED" }]],
      ["jkn unknown", [{ ...m, jkn: "XYZ" }]],
    ];
    const [label, value] = variants[choice]!;
    r.members = value;
    return label;
  },
  (rng, r) =>
    set(
      r,
      "aid",
      rng.pick<unknown>(["PKH", [""], Array.from({ length: 21 }, (_, i) => `P${i}`), [long(101)], [1], null]),
    ),
  (rng, r) => {
    const house = r.house as Json;
    const variants: unknown[] = [
      null,
      "x",
      { ...house, floor: 99 },
      { ...house, wall: "abc" },
      { ...house, floorAreaM2: 0 },
      { ...house, floorAreaM2: 2001 },
      { ...house, floorAreaM2: -5 },
      { ...house, roof: null },
    ];
    return set(r, "house", rng.pick(variants));
  },
  (rng, r) =>
    set(
      r,
      "changes",
      rng.pick<unknown>([null, "x", { familyMoved: "tidak", familyNotFound: false, newMember: false }]),
    ),
  (rng, r) => set(r, "notes", rng.pick<unknown>([long(2001), 5, ["catatan"], { a: 1 }])),
  (rng, r) =>
    set(
      r,
      "location",
      rng.pick<unknown>([
        { latitude: 91, longitude: 0, accuracyMeters: null },
        { latitude: "x", longitude: 114, accuracyMeters: null },
        { latitude: -8, longitude: 181, accuracyMeters: null },
        { latitude: -8, longitude: 114, accuracyMeters: -1 },
        { latitude: -8, longitude: 114, accuracyMeters: 100_001 },
        "di sini",
      ]),
    ),
  (rng, r) => {
    const key = rng.pick([
      "householdId",
      "periodKey",
      "idempotencyKey",
      "visitDate",
      "delivered",
      "items",
      "members",
      "livingAlone",
      "changes",
      "aid",
    ]);
    delete r[key];
    return `${key} missing`;
  },
  (rng, r) => {
    // Control characters in a free-text field (PostgreSQL cannot store U+0000).
    const text = rng.pick(CONTROL_TEXT);
    const where = rng.below(5);
    if (where === 0) r.notes = text;
    else if (where === 1) item(r).name = `Telur${text}`;
    else if (where === 2) item(r).unit = `kg${text}`;
    else if (where === 3) (r.aid as string[]).push(`PKH${text}`);
    else Object.assign(member(r), { health: "CHRONIC", chronicDisease: `Asma${text}` });
    return `control character in ${["notes", "item name", "item unit", "aid", "chronicDisease"][where]}: ${JSON.stringify(text)}`;
  },
];

export type FuzzBody = { label: string; data: Buffer; contentType: string };

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), "utf8");
}

/** A bad visit report as a JSON request body for POST /api/visits (or the action's payload field). */
export function badVisitReport(rng: Rng, c: FuzzContext, { wire = true } = {}): FuzzBody {
  const kind = rng.below(100);
  const report = c.report();
  if (kind < 70 || !wire) {
    const noise = addNoise(rng, report, c.world);
    const breaker = rng.pick(BREAKERS)(rng, report, c);
    return {
      label: noise ? `${breaker} (+ ${noise})` : breaker,
      data: json(report),
      contentType: "application/json",
    };
  }
  if (kind < 85) return rawBody(rng, report);
  if (kind < 95) {
    // A valid report, sent as something else than JSON.
    const type = rng.pick([
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/xml",
      "text/json",
      "application/octet-stream",
    ]);
    return { label: `valid report as ${type}`, data: json(report), contentType: type };
  }
  // Too big: a valid report padded past the 256 KB limit.
  report.notes = long(260_000 + rng.below(100_000), "x");
  return { label: "oversized body", data: json(report), contentType: "application/json" };
}

function rawBody(rng: Rng, report: Json): FuzzBody {
  const text = JSON.stringify(report);
  const variants: [string, () => Buffer][] = [
    ["empty body", () => Buffer.alloc(0)],
    ["whitespace", () => Buffer.from(" \r\n\t ")],
    [
      "not JSON",
      () => Buffer.from(rng.pick(["{laporan", "{", "[", "}{", "laporan=1", "<xml/>", "'", "undefined"])),
    ],
    ["JSON but no object", () => Buffer.from(rng.pick(["null", "42", "true", '"teks"', "[]", "{}", "[{}]"]))],
    ["truncated JSON", () => Buffer.from(text.slice(0, 1 + rng.below(text.length - 2)))],
    ["trailing garbage", () => Buffer.from(`${text}x`)],
    ["byte order mark", () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("[]")])],
    [
      "invalid UTF-8 in the family id",
      () => {
        const at = text.indexOf(report.householdId as string) + 4;
        return Buffer.concat([
          Buffer.from(text.slice(0, at)),
          rng.bytes(3, 0x80, 0x100),
          Buffer.from(text.slice(at)),
        ]);
      },
    ],
    ["random bytes", () => rng.bytes(1 + rng.below(2000))],
    ["UTF-16 JSON", () => Buffer.from(text, "utf16le")],
    ["deep array", () => Buffer.from(`${"[".repeat(5000)}${"]".repeat(5000)}`)],
    ["very deep array", () => Buffer.from(`${"[".repeat(200_000)}${"]".repeat(200_000)}`.slice(0, 250_000))],
    [
      "number literals out of range",
      () => {
        const [path, literal] = rng.pick<[string, string]>([
          ["quantity", "1e999"],
          ["quantity", "-1e999"],
          ["quantity", "-0"],
          ["valueRupiah", "1e999"],
          ["valueRupiah", "9007199254740993"],
          ["valueRupiah", "NaN"],
          ["valueRupiah", "Infinity"],
          ["valueRupiah", "0x10"],
          ["valueRupiah", "01"],
          ["valueRupiah", "1_000"],
        ]);
        const item = (report.items as Json[])[0]!;
        item[path] = "@@N@@";
        return Buffer.from(JSON.stringify(report).replace('"@@N@@"', literal));
      },
    ],
  ];
  const [label, make] = rng.pick(variants);
  return { label, data: make(), contentType: "application/json" };
}

// ---------------------------------------------------------------------------------------------
// Import files

export type UploadInput = { label: string; query: string; data: Buffer; contentType: string };

const GOOD_HEADER = HOUSEHOLD_HEADERS.join(",");
/** Required in a household file (docs/import-format.md); Kode Desa stands for the region columns. */
const REQUIRED_HEADERS = ["No KK", "NIK", "Nama", "Hubungan", "Kode Desa"];

function csvLines(lines: string[]): Buffer {
  return Buffer.from(lines.map((l) => `${l}\r\n`).join(""), "utf8");
}

/** A bad import file (or a good one with a bad kind): every one must be refused at upload. */
export function badUpload(
  rng: Rng,
  marker: string,
  xlsx: { wrongHeaders: Buffer; headersOnly: Buffer },
  goodCsv: string,
): UploadInput {
  const name = rng.pick([
    `${marker}.csv`,
    `${marker}.xlsx`,
    `${marker}.exe`,
    "../../etc/passwd",
    `<script>${marker}</script>.csv`,
    `${marker}\u0000.csv`,
    `${long(300, "n")}.csv`,
    "",
  ]);
  const query = (kind: string) => `kind=${kind}&name=${encodeURIComponent(name)}`;
  const kinds = ["keluarga", "asn"];
  const variants: [string, () => Omit<UploadInput, "label" | "query"> & { kind?: string }][] = [
    ["empty file", () => ({ data: Buffer.alloc(0), contentType: "text/csv" })],
    ["whitespace only", () => ({ data: Buffer.from(" \r\n\t\r\n "), contentType: "text/csv" })],
    [
      "binary with NUL bytes",
      () => ({
        data: Buffer.concat([rng.bytes(50), Buffer.from([0]), rng.bytes(200)]),
        contentType: "application/octet-stream",
      }),
    ],
    [
      "not UTF-8",
      () => ({
        data: Buffer.concat([Buffer.from("No KK,"), rng.bytes(200, 0x80, 0x100)]),
        contentType: "text/csv",
      }),
    ],
    [
      "old Excel (.xls)",
      () => ({
        data: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), rng.bytes(500)]),
        contentType: "application/vnd.ms-excel",
      }),
    ],
    [
      "zip that is no workbook",
      () => ({
        data: Buffer.concat([Buffer.from("PK\u0003\u0004"), rng.bytes(300)]),
        contentType: "application/zip",
      }),
    ],
    [
      "truncated XLSX",
      () => ({
        data: xlsx.wrongHeaders.subarray(0, 30 + rng.below(xlsx.wrongHeaders.length - 60)),
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      }),
    ],
    [
      "XLSX with unknown columns",
      () => ({
        data: xlsx.wrongHeaders,
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      }),
    ],
    [
      "XLSX with headers only",
      () => ({
        data: xlsx.headersOnly,
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      }),
    ],
    [
      "CSV with unknown columns",
      () => ({
        data: csvLines(["nama lengkap;alamat;umur", ...Array.from({ length: 3 }, () => rng.pick(PAYLOADS))]),
        contentType: "text/csv",
      }),
    ],
    [
      "CSV without a required column",
      () => {
        const drop = rng.pick(REQUIRED_HEADERS);
        return {
          data: csvLines([HOUSEHOLD_HEADERS.filter((h) => h !== drop).join(","), "1,2,3"]),
          contentType: "text/csv",
        };
      },
    ],
    [
      "CSV with a column twice",
      () => ({ data: csvLines([`${GOOD_HEADER},NIK`, "1"]), contentType: "text/csv" }),
    ],
    ["CSV with headers only", () => ({ data: csvLines([GOOD_HEADER]), contentType: "text/csv" })],
    [
      "CSV with headers and empty rows",
      () => ({ data: csvLines([GOOD_HEADER, ",,,,,,,,,,,,", "", " , , "]), contentType: "text/csv" }),
    ],
    [
      "CSV with formulas as headers",
      () => ({
        data: csvLines([`=HYPERLINK("x"),+cmd|' /C calc'!A0,@SUM(1+1),-2+3`, "1,2,3,4"]),
        contentType: "text/csv",
      }),
    ],
    [
      "CSV header with a broken quote",
      () => ({ data: csvLines([`"No KK,NIK,Nama`, `"1","2"`]), contentType: "text/csv" }),
    ],
    [
      "household file sent as a roster",
      () => ({ data: Buffer.from(goodCsv), contentType: "text/csv", kind: "asn" }),
    ],
    [
      "valid file, unknown kind",
      () => ({
        data: Buffer.from(goodCsv),
        contentType: "text/csv",
        kind: rng.pick(["", "KELUARGA", "household", "../asn", "keluarga%00", "asn;DROP TABLE import_batch"]),
      }),
    ],
    [
      "valid file wrapped in multipart",
      () => ({
        data: Buffer.from(
          `--batas\r\nContent-Disposition: form-data; name="berkas"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n${goodCsv}\r\n--batas--\r\n`,
        ),
        contentType: "multipart/form-data; boundary=batas",
      }),
    ],
  ];
  const [label, make] = rng.pick(variants);
  const made = make();
  const kind = made.kind ?? rng.pick(kinds);
  return {
    label: `${label} (kind=${JSON.stringify(kind)}, name=${JSON.stringify(name.slice(0, 40))})`,
    query: query(encodeURIComponent(kind)),
    data: made.data,
    contentType: made.contentType,
  };
}

/** The CSV of one valid family (for "valid file, wrong kind/wrapping"). */
export function goodHouseholdCsv(rows: Record<string, string>[]): string {
  return toCsv(HOUSEHOLD_HEADERS, rows);
}

/** Bad `batchId` form values for the import actions. */
export function badBatchId(rng: Rng, world: World): { label: string; fields: [string, string][] } {
  const value = rng.pick<string>([
    ...NON_UUIDS,
    ...PAYLOADS,
    ...CONTROL_TEXT,
    rng.uuid(),
    long(10_000),
    `${world.failedBatchId} `,
    world.failedBatchId.toUpperCase().replace(/-/g, ""),
  ]);
  const shape = rng.below(4);
  if (shape === 0) return { label: "no batchId", fields: [["other", value]] };
  if (shape === 1)
    return {
      label: `batchId twice (${JSON.stringify(value.slice(0, 40))})`,
      fields: [
        ["batchId", value],
        ["batchId", rng.uuid()],
      ],
    };
  return { label: `batchId=${JSON.stringify(value.slice(0, 60))}`, fields: [["batchId", value]] };
}
