// The SCALE dataset for benchmarks (issue 6): the whole kabupaten over a year of weekly reports, in a
// separate database (scripts/scale/db.ts: SCALE_DATABASE_URL or an embedded PostgreSQL in
// .data/scale-postgres, port 54330). Never the app's database.
//
//   200,000 households (~800,000 members) over all 217 desa/kelurahan, 12,000 ASN in 17 OPD,
//   60,000 active assignments (5 per ASN), 52 weekly periods of reports ending with the previous
//   period at ~90 % compliance (~2.8 million reports, ~3.5 million items), part of the current
//   week, ~100,000 follow-ups in every state with their events, and the demo sign-ins.
//
// Synthetic like the demo seed: generated names, valid-format fictitious NIK/KK/NIP (checked with
// src/lib/identity.ts before anything is written). Deterministic content (seeded PRNG streams);
// row ids are random UUIDs. Loaded with COPY FROM STDIN into the migrated schema with every
// constraint and index in place, then VACUUM ANALYZE.
//
// Usage: npm run seed:scale [-- --reset] [-- --households 200000 --asn 12000 --weeks 52]
//        DEMO_PASSWORD sets the password of every account (default "berbagi-demo").
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import {
  type CalendarDate,
  ageOn,
  calendarDateOfDayNumber,
  dayNumberOf,
  isSchoolAge,
  jakartaStartOfDay,
  parseDateOnly,
  toDateOnlyString,
  utcMidnightOf,
} from "@/lib/dates";
import {
  FOLLOW_UP_TARGET_OPD,
  type FollowUpType,
  type HouseholdFacts,
  problemsIn,
} from "@/lib/follow-up-rules";
import { checkNikAgainst, parseAsnId, parseKkNumber, parseNik } from "@/lib/identity";
import { menuSlotOf } from "@/lib/menu";
import { periodKeyOf, periodKeysBack, periodRange, previousPeriodKey, todayInJakarta } from "@/lib/period";
import { isHouseLivable } from "@/lib/regsosek";
import type { StoredChecklist } from "@/schemas/visit";
import { DEFAULT_DEMO_PASSWORD, DEMO_ASN_NIPS, DEMO_USERNAMES } from "./lib/demo-accounts.mjs";
import { createPrismaClient } from "./lib/prisma-client.mts";
import { migrate } from "./migrate.mjs";
import { DEFAULT_MENU, isMainModule, loadReferenceData, readCsv, readRegions } from "./reference-data.mts";
import { ConnectionPool, CopyWriter, copyLine, copyLinesParallel } from "./scale/copy.ts";
import { startScaleDb } from "./scale/db.ts";
import { type Rng, stream } from "./scale/rng.ts";
import {
  ASN_NAMES,
  CHRONIC,
  DISABILITY,
  DUSUN,
  FOLLOW_UP_NOTES,
  GENERIC_POSITIONS,
  LINGKUNGAN,
  NOT_DELIVERED_REASONS,
  PERSON_NAMES,
  POSITIONS,
  STREETS,
  VISIT_NOTES,
} from "./scale/vocab.ts";

export const SCALE_SOURCE = "DTSEN 2025 (data skala sintetis)";
export const SCALE_DEFAULTS = { households: 200_000, asn: 12_000, perAsn: 5, weeks: 52, followUps: 100_000 };

/** OPD of the scale data besides the five reference ones, with the share of ASN they employ. */
const EXTRA_OPD = [
  { code: "DISPENDUKCAPIL", name: "Dinas Kependudukan dan Pencatatan Sipil" },
  { code: "DPU_PENGAIRAN", name: "Dinas Pekerjaan Umum Pengairan" },
  { code: "DISPERTAPANG", name: "Dinas Pertanian dan Pangan" },
  { code: "DISKAN", name: "Dinas Perikanan" },
  { code: "BKPSDM", name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia" },
  { code: "INSPEKTORAT", name: "Inspektorat" },
  { code: "BAPENDA", name: "Badan Pendapatan Daerah" },
  { code: "DISBUDPAR", name: "Dinas Kebudayaan dan Pariwisata" },
  { code: "RSUD_BLAMBANGAN", name: "RSUD Blambangan" },
  { code: "SETDA", name: "Sekretariat Daerah" },
  { code: "KEC_GENTENG", name: "Kecamatan Genteng", regionCode: "35.10.09" },
  { code: "KEC_MUNCAR", name: "Kecamatan Muncar", regionCode: "35.10.05" },
] as const;
const OPD_WEIGHTS: readonly (readonly [string, number])[] = [
  ["DISPENDIK", 45],
  ["DINKES", 14],
  ["RSUD_BLAMBANGAN", 5],
  ["DINSOS", 4],
  ["BAPPEDA", 2],
  ["DISPERKIM", 3],
  ["DISPENDUKCAPIL", 3],
  ["DPU_PENGAIRAN", 4],
  ["DISPERTAPANG", 5],
  ["DISKAN", 2],
  ["BKPSDM", 2],
  ["INSPEKTORAT", 1],
  ["BAPENDA", 2],
  ["DISBUDPAR", 2],
  ["SETDA", 3],
  ["KEC_GENTENG", 1.5],
  ["KEC_MUNCAR", 1.5],
];
const OTHER_REGENCIES = ["3509", "3511", "3512"] as const;
const AID_ORDER = ["PKH", "BPNT", "BLT_DD", "PBI_JKN", "PIP", "RTLH", "Rantang Kasih", "Banyuwangi Cerdas"];
const FOLLOW_UP_TYPES: readonly (readonly [FollowUpType, number])[] = [
  ["SCHOOL_DROPOUT", 14],
  ["HEALTH_WITHOUT_JKN", 18],
  ["NO_ROUTINE_AID", 22],
  ["UNLIVABLE_HOUSE", 28],
  ["ELDERLY_ALONE", 8],
  ["REGISTRY_UPDATE", 10],
];
const HISTORY_DETAIL: Record<FollowUpType, string> = {
  SCHOOL_DROPOUT: "Anak usia sekolah tidak bersekolah lagi",
  HEALTH_WITHOUT_JKN: "Anggota keluarga sakit kronis tanpa JKN",
  NO_ROUTINE_AID: "Keluarga desil 1 belum menerima bantuan rutin",
  UNLIVABLE_HOUSE: "Rumah tidak layak huni: lantai tanah, dinding bambu",
  ELDERLY_ALONE: "Lansia tinggal sebatang kara tanpa pendamping",
  REGISTRY_UPDATE: "Anggota keluarga pindah, data DTSEN perlu dimutakhirkan",
};
/** Ages and birth dates are fixed relative to this day, so the registry does not drift with the clock. */
const REFERENCE_YEAR = 2026;

// ---------------------------------------------------------------------------------------------
// Small helpers

const pad = (value: number, width: number) => String(value).padStart(width, "0");
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
const fmt = (n: number) => n.toLocaleString("id-ID");

function addDays(date: CalendarDate, days: number): CalendarDate {
  return calendarDateOfDayNumber(dayNumberOf(date) + days);
}

function birthForAge(age: number, rng: Rng): CalendarDate {
  const first = { year: REFERENCE_YEAR - 1 - age, month: 1, day: 1 };
  const yearLength = dayNumberOf({ year: first.year + 1, month: 1, day: 1 }) - dayNumberOf(first);
  return addDays(first, rng.int(0, yearLength - 1));
}

function generationOf(birth: CalendarDate): keyof typeof PERSON_NAMES {
  if (birth.year <= 1960) return "old";
  if (birth.year <= 1993) return "middle";
  return "young";
}

/** prefix + 4-digit serial (0001-9999), unique per prefix, by construction. */
class SerialRegistry {
  private readonly next = new Map<string, number>();
  take(prefix: string, width: number): string {
    const serial = (this.next.get(prefix) ?? 0) + 1;
    if (serial >= 10 ** width) throw new Error(`serials exhausted for ${prefix}`);
    this.next.set(prefix, serial);
    return prefix + pad(serial, width);
  }
}

class Progress {
  private readonly t0 = performance.now();
  constructor(private readonly log: (line: string) => void) {}
  get seconds(): number {
    return (performance.now() - this.t0) / 1000;
  }
  line(text: string): void {
    this.log(`[${this.seconds.toFixed(1).padStart(6)} dtk] ${text}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Model of the generated data (kept in memory: ~1 GB at full scale)

type Sex = "MALE" | "FEMALE";
type House = NonNullable<StoredChecklist["house"]>;

type Member = {
  id: string;
  nik: string;
  name: string;
  sex: Sex;
  birth: CalendarDate;
  relationship: string;
  school: "NEVER_ENROLLED" | "ENROLLED" | "DROPPED_OUT" | null;
  chronic: string | null;
  disability: string | null;
  jkn: "NONE" | "PBI" | "MANDIRI" | "OTHER";
  status: "PRESENT" | "DIED" | "MOVED";
};

type Household = {
  id: string;
  kk: string;
  desaCode: string;
  kecamatanCode: string;
  lat: number | null;
  lng: number | null;
  desaLat: number;
  desaLng: number;
  desil: number;
  category: "MISKIN_EKSTREM" | "MISKIN" | "RENTAN";
  status: "ACTIVE" | "GRADUATED" | "MOVED" | "DECEASED" | "INACTIVE";
  members: Member[];
  house: House;
  aid: string[];
  hasCaregiver: boolean;
};

type Asn = { id: string; nip: string; diligence: number };

type FollowUpPlan = {
  householdIndex: number;
  periodIndex: number;
  type: FollowUpType;
  status: "OPEN" | "IN_PROGRESS" | "RESOLVED" | "REJECTED";
  memberId: string | null;
  detail: string;
  visitId?: string;
  createdAt?: Date;
};

type DesaInfo = { code: string; kecamatanCode: string; level: string; lat: number; lng: number };

function readDesa(): DesaInfo[] {
  const points = new Map(readCsv("banyuwangi-desa-centroids.csv").map((row) => [row.code, row]));
  return readRegions()
    .filter((r) => r.level === "DESA" || r.level === "KELURAHAN")
    .map((r) => {
      const point = points.get(r.code);
      if (!point) throw new Error(`no centroid for ${r.code}`);
      return {
        code: r.code,
        kecamatanCode: r.parentCode ?? "",
        level: r.level,
        lat: Number(point.lat),
        lng: Number(point.lon),
      };
    });
}

// ---------------------------------------------------------------------------------------------
// Registry

function rosterFor(rng: Rng): { relationship: string; sex: Sex; age: number }[] {
  if (rng.chance(0.05))
    return [{ relationship: "HEAD", sex: rng.chance(0.65) ? "FEMALE" : "MALE", age: rng.int(62, 89) }];
  const headAge = rng.weighted([
    [rng.int(25, 40), 35],
    [rng.int(41, 55), 35],
    [rng.int(56, 75), 30],
  ] as const);
  const headSex: Sex = rng.chance(0.82) ? "MALE" : "FEMALE";
  const roster: { relationship: string; sex: Sex; age: number }[] = [
    { relationship: "HEAD", sex: headSex, age: headAge },
  ];
  if (headSex === "MALE" && rng.chance(0.9))
    roster.push({ relationship: "SPOUSE", sex: "FEMALE", age: Math.max(19, headAge - rng.int(0, 8)) });
  const motherAge = roster.find((m) => m.sex === "FEMALE")?.age ?? headAge;
  const kids =
    headAge <= 40
      ? rng.weighted([
          [0, 1],
          [1, 2],
          [2, 4],
          [3, 3],
          [4, 1],
        ] as const)
      : headAge <= 55
        ? rng.int(1, 4)
        : rng.int(0, 3);
  for (let i = 0; i < kids && roster.length < 6; i++) {
    const age = motherAge - rng.int(19, 38);
    if (age >= 0) roster.push({ relationship: "CHILD", sex: rng.chance(0.5) ? "MALE" : "FEMALE", age });
  }
  if (headAge >= 56 && roster.length <= 3 && rng.chance(0.45)) {
    const childAge = Math.max(20, motherAge - rng.int(20, 30));
    const childSex: Sex = rng.chance(0.6) ? "FEMALE" : "MALE";
    roster.push({ relationship: "CHILD", sex: childSex, age: childAge });
    roster.push({
      relationship: "CHILD_IN_LAW",
      sex: childSex === "FEMALE" ? "MALE" : "FEMALE",
      age: Math.max(19, childAge + rng.int(-3, 4)),
    });
    const age = childAge - rng.int(20, 30);
    if (age >= 0) roster.push({ relationship: "GRANDCHILD", sex: rng.chance(0.5) ? "MALE" : "FEMALE", age });
  }
  if (headAge <= 50 && roster.length < 6 && rng.chance(0.3))
    roster.push({
      relationship: "PARENT",
      sex: rng.chance(0.75) ? "FEMALE" : "MALE",
      age: Math.min(89, headAge + rng.int(22, 32)),
    });
  return roster.slice(0, 6);
}

function goodHouse(rng: Rng, residents: number): Omit<House, "livable"> {
  return {
    floor: rng.pick([2, 2, 2, 4, 4, 6, 6, 6, 6, 6]),
    wall: rng.pick([1, 1, 1, 1, 2]),
    roof: rng.pick([2, 2, 2, 2, 2, 3, 3, 5]),
    drinkingWater: rng.pick([2, 2, 4, 4, 4, 5, 5, 5, 12, 13, 13]),
    sanitation: rng.pick([1, 1, 1, 1, 2]),
    electricity: rng.pick([1, 1, 1, 1, 1, 1, 1, 1, 1, 2]),
    floorAreaM2: Math.max(rng.int(30, 72), Math.ceil(residents * 7.5)),
  };
}

function poorHouse(rng: Rng): Omit<House, "livable"> {
  const house = {
    floor: rng.pick([8, 8, 8, 8, 8, 8, 7, 6, 6, 6]),
    wall: rng.pick([4, 4, 4, 4, 4, 6, 6, 3, 3, 3]),
    roof: rng.pick([2, 2, 2, 2, 2, 3, 3, 7, 7, 6]),
    drinkingWater: rng.pick([5, 5, 5, 6, 6, 6, 6, 8, 8, 4]),
    sanitation: rng.pick([6, 6, 6, 6, 4, 4, 4, 3, 3, 2]),
    electricity: rng.pick([1, 1, 1, 1, 2, 2, 2, 2, 2, 4]),
    floorAreaM2: rng.int(15, 36),
  };
  if (house.wall === 3 && house.floor === 6 && house.roof <= 3) house.floor = 8;
  return house;
}

function generateHouseholds(count: number, today: string): Household[] {
  const rng = stream("households");
  const desa = readDesa();
  // Households per desa: uneven weights (0.4-1.6), largest remainder to hit the total exactly.
  const weights = desa.map(() => 0.4 + rng.next() * 1.2);
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / total) * count);
  const counts = exact.map(Math.floor);
  let rest = count - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (rest-- <= 0) break;
    counts[i]!++;
  }

  const niks = new SerialRegistry();
  const kks = new SerialRegistry();
  const households: Household[] = [];
  desa.forEach((d, desaIndex) => {
    const kecDigits = d.kecamatanCode.slice(6, 8);
    for (let k = 0; k < (counts[desaIndex] ?? 0); k++) {
      const desil = rng.weighted([
        [1, 60],
        [2, 25],
        [3, 10],
        [4, 5],
      ] as const);
      const category =
        desil === 1 ? (rng.chance(0.45) ? "MISKIN_EKSTREM" : "MISKIN") : desil === 2 ? "MISKIN" : "RENTAN";
      const status = rng.weighted([
        ["ACTIVE", 970],
        ["GRADUATED", 15],
        ["MOVED", 7],
        ["DECEASED", 3],
        ["INACTIVE", 5],
      ] as const);
      const roster = rosterFor(rng);
      const members: Member[] = roster.map((r) => {
        const birth = birthForAge(r.age, rng);
        const roll = rng.next();
        const region =
          roll < 0.8
            ? `3510${kecDigits}`
            : roll < 0.92
              ? `3510${pad(rng.int(1, 25), 2)}`
              : `${rng.pick(OTHER_REGENCIES)}${pad(rng.int(1, 17), 2)}`;
        const nikDay = birth.day + (r.sex === "FEMALE" ? 40 : 0);
        const nik = niks.take(
          `${region}${pad(nikDay, 2)}${pad(birth.month, 2)}${pad(birth.year % 100, 2)}`,
          4,
        );
        const age = r.age;
        const schoolAge = age >= 6 && age <= 19;
        const school = schoolAge
          ? rng.weighted([
              ["ENROLLED", 92],
              ["DROPPED_OUT", 6],
              ["NEVER_ENROLLED", 2],
            ] as const)
          : null;
        const chronic = age >= 40 && rng.chance(0.12) ? rng.weighted(CHRONIC) : null;
        const disability = !chronic && rng.chance(0.025) ? rng.weighted(DISABILITY) : null;
        const jkn = rng.weighted([
          ["PBI", 68],
          ["NONE", 17],
          ["MANDIRI", 10],
          ["OTHER", 5],
        ] as const);
        const status =
          r.relationship !== "HEAD" && rng.chance(0.015) ? (rng.chance(0.5) ? "DIED" : "MOVED") : "PRESENT";
        return {
          id: randomUUID(),
          nik,
          name: rng.pick(PERSON_NAMES[generationOf(birth)][r.sex]),
          sex: r.sex,
          birth,
          relationship: r.relationship,
          school,
          chronic,
          disability,
          jkn,
          status,
        } satisfies Member;
      });
      const present = members.filter((m) => m.status === "PRESENT").length;
      const answers = rng.chance(category === "MISKIN_EKSTREM" ? 0.3 : 0.14)
        ? poorHouse(rng)
        : goodHouse(rng, present);
      const house: House = { ...answers, livable: isHouseLivable(answers, present) };
      const aid: string[] = [];
      if (!rng.chance(0.08)) {
        if (rng.chance(0.55)) aid.push("PKH");
        if (rng.chance(0.7)) aid.push("BPNT");
        if (d.level === "DESA" && rng.chance(0.15)) aid.push("BLT_DD");
        if (members.some((m) => m.jkn === "PBI")) aid.push("PBI_JKN");
        if (members.some((m) => m.school === "ENROLLED") && rng.chance(0.45)) aid.push("PIP");
        if (rng.chance(0.1)) aid.push("Rantang Kasih");
        if (aid.length === 0 || aid.every((a) => a === "Rantang Kasih")) aid.push("BPNT");
      }
      aid.sort((a, b) => AID_ORDER.indexOf(a) - AID_ORDER.indexOf(b));
      const hasCoords = rng.chance(0.7);
      const kkPrefix = `3510${kecDigits}${pad(rng.int(1, 28), 2)}${pad(rng.int(1, 12), 2)}${pad(rng.int(10, 25), 2)}`;
      households.push({
        id: randomUUID(),
        kk: kks.take(kkPrefix, 4),
        desaCode: d.code,
        kecamatanCode: d.kecamatanCode,
        lat: hasCoords ? round6(d.lat + (rng.next() - 0.5) * 0.02) : null,
        lng: hasCoords ? round6(d.lng + (rng.next() - 0.5) * 0.02) : null,
        desaLat: d.lat,
        desaLng: d.lng,
        desil,
        category,
        status,
        members,
        house,
        aid,
        hasCaregiver: rng.chance(0.35),
      });
    }
  });
  void today;
  return households;
}

// ---------------------------------------------------------------------------------------------
// The checklist of a household as its ASN reports it (same shape as the demo seed's)

function baseChecklist(
  h: Household,
  onDay: string,
): { json: string; problems: ReturnType<typeof problemsIn> } {
  const members = h.members.map((m) => {
    const age = ageOn(toDateOnlyString(m.birth), onDay);
    return {
      memberId: m.id,
      presence: m.status,
      health: m.disability ? "DISABLED" : m.chronic ? "CHRONIC" : "HEALTHY",
      chronicDisease: m.chronic,
      disability: m.disability,
      jkn: m.jkn,
      school: isSchoolAge(age) ? (m.school ?? "ENROLLED") : null,
    } as StoredChecklist["members"][number];
  });
  const presentCount = members.filter((m) => m.presence === "PRESENT").length;
  const alone = presentCount === 1;
  const checklist: Omit<StoredChecklist, "notes"> = {
    version: 1,
    livingAlone: { anyoneAlone: alone, hasCaregiver: alone ? h.hasCaregiver : null },
    members,
    aid: h.aid,
    house: h.house,
    changes: { familyMoved: false, familyNotFound: false, newMember: false },
  };
  const facts: HouseholdFacts = {
    desil: h.desil,
    category: h.category,
    members: h.members.map((m) => ({ id: m.id, name: m.name, birthDate: utcMidnightOf(m.birth) })),
  };
  const problems = problemsIn({ ...checklist }, facts, onDay);
  const json = JSON.stringify(checklist);
  return { json: `${json.slice(0, -1)},"notes":`, problems };
}

// ---------------------------------------------------------------------------------------------
// Self-check before anything is written

function selfCheck(households: Household[], asnNips: string[], now: Date): void {
  const errors: string[] = [];
  const kks = new Set<string>();
  const niks = new Set<string>();
  for (const h of households) {
    if (kks.has(h.kk)) errors.push(`KK ${h.kk} duplicated`);
    kks.add(h.kk);
    const kk = parseKkNumber(h.kk);
    if (!kk.ok) errors.push(`KK ${h.kk}: ${kk.message}`);
    for (const m of h.members) {
      if (niks.has(m.nik)) errors.push(`NIK ${m.nik} duplicated`);
      niks.add(m.nik);
      const parsed = parseNik(m.nik, now);
      if (!parsed.ok) errors.push(`NIK ${m.nik}: ${parsed.message}`);
      else {
        const mismatch = checkNikAgainst(m.nik, { sex: m.sex, birthDate: toDateOnlyString(m.birth) }, now);
        if (mismatch.length > 0) errors.push(`NIK ${m.nik}: ${mismatch.join(" ")}`);
      }
    }
    if (errors.length > 20) break;
  }
  const seen = new Set<string>();
  for (const nip of asnNips) {
    if (seen.has(nip)) errors.push(`NIP ${nip} duplicated`);
    seen.add(nip);
    if (!parseAsnId(nip, now).ok) errors.push(`NIP ${nip} invalid`);
    if (errors.length > 20) break;
  }
  if (errors.length > 0) throw new Error(`Self-check gagal:\n  ${errors.slice(0, 20).join("\n  ")}`);
}

// ---------------------------------------------------------------------------------------------
// Main

export type ScaleOptions = {
  households: number;
  asn: number;
  weeks: number;
  followUps: number;
  reset: boolean;
};

function parseArgs(argv: string[]): ScaleOptions {
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const asn = value("asn", SCALE_DEFAULTS.asn);
  return {
    households: value("households", SCALE_DEFAULTS.households),
    asn,
    weeks: value("weeks", SCALE_DEFAULTS.weeks),
    followUps: value("follow-ups", Math.round((SCALE_DEFAULTS.followUps * asn) / SCALE_DEFAULTS.asn)),
    reset: argv.includes("--reset"),
  };
}

async function resetDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  target.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: target.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

export async function seedScale(
  url: string,
  options: ScaleOptions,
  log: (line: string) => void,
): Promise<void> {
  const progress = new Progress(log);
  const now = new Date();
  const today = todayInJakarta(now);
  const nowIso = now.toISOString();
  // Two loading sessions (two cores). Only they commit asynchronously; the server keeps full
  // durability for the app.
  const clients = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
  for (const c of clients) {
    await c.connect();
    await c.query("SET synchronous_commit = off");
  }
  const client = clients[0]!;
  try {
    const { rows: existing } = await client.query<{ n: string }>("SELECT count(*) AS n FROM household");
    if (Number(existing[0]?.n) > 0) {
      log(
        `Data skala sudah ada (${fmt(Number(existing[0]?.n))} keluarga). Jalankan dengan --reset untuk membuat ulang.`,
      );
      return;
    }
    const { rows: settingsRows } = await client.query<{ cadence: string }>(
      "SELECT cadence FROM programme_settings WHERE id = 1",
    );
    if (settingsRows[0]?.cadence !== "WEEKLY") throw new Error("Data skala mengandaikan periode mingguan.");

    // Periods: the 52 weeks ending with the previous one, and the current week so far.
    const currentKey = periodKeyOf(now, "WEEKLY");
    const periods = periodKeysBack(previousPeriodKey(currentKey), options.weeks);
    const allPeriods = [...periods, currentKey];

    // --- Registry ---------------------------------------------------------------------------
    const households = generateHouseholds(options.households, today);
    const memberCount = households.reduce((n, h) => n + h.members.length, 0);
    progress.line(
      `keluarga dibuat di memori: ${fmt(households.length)} keluarga, ${fmt(memberCount)} anggota`,
    );

    // --- OPD and accounts -------------------------------------------------------------------
    for (const opd of EXTRA_OPD)
      await client.query(
        "INSERT INTO opd (code, name, region_code) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        [opd.code, opd.name, "regionCode" in opd ? opd.regionCode : null],
      );
    const { rows: opdRows } = await client.query<{ id: number; code: string }>("SELECT id, code FROM opd");
    const opdId = new Map(opdRows.map((r) => [r.code, r.id]));
    const opdOf = (code: string) => {
      const id = opdId.get(code);
      if (id === undefined) throw new Error(`OPD ${code} missing`);
      return id;
    };

    const passwordHash = await hash(process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD);
    const adminId = randomUUID();
    const pengawasId = randomUUID();
    const staff = [
      {
        id: adminId,
        role: "ADMIN",
        username: DEMO_USERNAMES.admin,
        name: "Admin Bappeda (skala)",
        opd: "BAPPEDA",
        region: null,
      },
      {
        id: randomUUID(),
        role: "LEADER",
        username: DEMO_USERNAMES.leader,
        name: "Bupati Banyuwangi (skala)",
        opd: null,
        region: null,
      },
      {
        id: randomUUID(),
        role: "LEADER",
        username: DEMO_USERNAMES.secondLeader,
        name: "Sekretaris Daerah (skala)",
        opd: null,
        region: null,
      },
      {
        id: pengawasId,
        role: "SUPERVISOR",
        username: DEMO_USERNAMES.supervisor,
        name: "Kepala Dinas Pendidikan (skala)",
        opd: "DISPENDIK",
        region: null,
      },
      {
        id: randomUUID(),
        role: "SUPERVISOR",
        username: DEMO_USERNAMES.camat,
        name: "Camat Genteng (skala)",
        opd: "KEC_GENTENG",
        region: "35.10.09",
      },
    ];

    // ASN: households to foster are taken from the active ones, grouped by kecamatan so an ASN's
    // five families are near each other; the ASN works in that kecamatan.
    const asnRng = stream("asn");
    const active = households.map((_, i) => i).filter((i) => households[i]!.status === "ACTIVE");
    stream("assignment-pick").shuffleInPlace(active);
    const fostered = active.slice(0, options.asn * SCALE_DEFAULTS.perAsn);
    if (fostered.length < options.asn * SCALE_DEFAULTS.perAsn)
      throw new Error("not enough active households");
    fostered.sort((a, b) => {
      const ka = households[a]!.desaCode;
      const kb = households[b]!.desaCode;
      return ka < kb ? -1 : ka > kb ? 1 : a - b;
    });
    const nips = new Set<string>(DEMO_ASN_NIPS);
    const asns: Asn[] = [];
    const users = new CopyWriter(client, "app_user", [
      "id",
      "role",
      "username",
      "nip",
      "employment_type",
      "name",
      "password_hash",
      "must_change_password",
      "is_active",
      "token_version",
      "opd_id",
      "position",
      "quota",
      "work_kecamatan_code",
      "home_kecamatan_code",
      "supervised_region_code",
      "created_at",
      "updated_at",
    ]);
    for (const s of staff)
      users.row([
        s.id,
        s.role,
        s.username,
        null,
        null,
        s.name,
        passwordHash,
        false,
        true,
        0,
        s.opd ? opdOf(s.opd) : null,
        null,
        null,
        null,
        null,
        s.region,
        nowIso,
        nowIso,
      ]);
    for (let i = 0; i < options.asn; i++) {
      const sex: Sex = asnRng.chance(0.55) ? "FEMALE" : "MALE";
      const pppk = asnRng.chance(0.15);
      const birth = birthForAge(asnRng.int(24, 58), asnRng);
      let nip = DEMO_ASN_NIPS[i] ?? "";
      if (!nip) {
        const prefix = pppk
          ? `${birth.year}${pad(birth.month, 2)}${pad(birth.day, 2)}${asnRng.int(2022, 2024)}21${sex === "MALE" ? 1 : 2}`
          : `${birth.year}${pad(birth.month, 2)}${pad(birth.day, 2)}${Math.min(2025, birth.year + asnRng.int(22, 35))}${pad(asnRng.pick([1, 2, 3, 4, 5, 6, 12]), 2)}${sex === "MALE" ? 1 : 2}`;
        for (let serial = 1; ; serial++) {
          nip = prefix + pad(serial, 3);
          if (!nips.has(nip)) break;
        }
        nips.add(nip);
      }
      const opdCode = asnRng.weighted(OPD_WEIGHTS);
      const names = ASN_NAMES[sex];
      const name = `${asnRng.pick(names.first)} ${asnRng.pick(names.last)}`;
      const position = asnRng.pick(POSITIONS[opdCode] ?? GENERIC_POSITIONS);
      const workKec = households[fostered[i * SCALE_DEFAULTS.perAsn]!]!.kecamatanCode;
      const id = randomUUID();
      // Diligence: most report every week, some often miss, a few rarely report (mean ≈ 0.90).
      const diligence = asnRng.weighted([
        [0.975, 70],
        [0.86, 20],
        [0.55, 10],
      ] as const);
      asns.push({ id, nip, diligence });
      users.row([
        id,
        "ASN",
        null,
        nip,
        pppk && i >= DEMO_ASN_NIPS.length ? "PPPK" : "PNS",
        name,
        passwordHash,
        false,
        true,
        0,
        opdOf(opdCode),
        position,
        SCALE_DEFAULTS.perAsn,
        workKec,
        asnRng.chance(0.7) ? workKec : null,
        null,
        nowIso,
        nowIso,
      ]);
    }
    selfCheck(
      households,
      asns.map((a) => a.nip),
      now,
    );
    progress.line("pemeriksaan NIK/KK/NIP lulus (format, tanggal, unik)");
    await users.end();
    progress.line(`akun: ${fmt(users.rows)} (5 staf, ${fmt(options.asn)} ASN)`);

    // --- COPY households and members ------------------------------------------------------------
    const addrRng = stream("address");
    const householdLines = households.map((h) => {
      const head = h.members[0]!;
      const kelurahan = h.desaCode.charAt(9) === "1";
      return copyLine([
        h.id,
        h.kk,
        head.name,
        head.nik,
        h.desaCode,
        h.kecamatanCode,
        kelurahan ? addrRng.pick(LINGKUNGAN) : addrRng.pick(DUSUN),
        pad(addrRng.int(1, 12), 3),
        pad(addrRng.int(1, 8), 3),
        addrRng.chance(0.6) ? `${addrRng.pick(STREETS)} No. ${addrRng.int(1, 120)}` : null,
        h.lat,
        h.lng,
        h.desil,
        h.category,
        h.status,
        SCALE_SOURCE,
        nowIso,
        nowIso,
      ]);
    });
    await copyLinesParallel(
      clients,
      "household",
      [
        "id",
        "kk_number",
        "head_name",
        "head_nik",
        "desa_code",
        "kecamatan_code",
        "dusun",
        "rt",
        "rw",
        "street",
        "latitude",
        "longitude",
        "desil",
        "category",
        "status",
        "source",
        "created_at",
        "updated_at",
      ],
      householdLines,
    );
    progress.line(`keluarga: ${fmt(householdLines.length)}`);
    const memberLines: string[] = [];
    for (const h of households)
      for (const m of h.members)
        memberLines.push(
          copyLine([
            m.id,
            h.id,
            m.nik,
            m.name,
            m.sex,
            toDateOnlyString(m.birth),
            m.relationship,
            m.school,
            m.disability,
            m.chronic,
            m.jkn,
            m.status,
            nowIso,
            nowIso,
          ]),
        );
    await copyLinesParallel(
      clients,
      "household_member",
      [
        "id",
        "household_id",
        "nik",
        "name",
        "sex",
        "birth_date",
        "relationship",
        "school_participation",
        "disability",
        "chronic_illness",
        "jkn_status",
        "status",
        "created_at",
        "updated_at",
      ],
      memberLines,
    );
    progress.line(`anggota keluarga: ${fmt(memberLines.length)}`);

    // --- Assignments ----------------------------------------------------------------------------
    const firstStart = parseDateOnly(periodRange(periods[0]!).firstDay)!;
    const assignRng = stream("assignments");
    const asnOfFostered: number[] = [];
    const assignmentWriter = new CopyWriter(client, "assignment", [
      "id",
      "household_id",
      "asn_id",
      "started_at",
      "assigned_by_id",
      "reason",
    ]);
    fostered.forEach((hi, k) => {
      const asnIndex = Math.floor(k / SCALE_DEFAULTS.perAsn);
      asnOfFostered.push(asnIndex);
      const started = jakartaStartOfDay(addDays(firstStart, -assignRng.int(7, 180)));
      assignmentWriter.row([
        randomUUID(),
        households[hi]!.id,
        asns[asnIndex]!.id,
        started.toISOString(),
        adminId,
        "Penugasan awal",
      ]);
    });
    await assignmentWriter.end();
    progress.line(`penugasan aktif: ${fmt(assignmentWriter.rows)}`);

    // --- Checklists and follow-up plans -------------------------------------------------------
    const midDay = periodRange(periods[Math.floor(periods.length / 2)]!).firstDay;
    const checklistPrefix: string[] = [];
    const plans: FollowUpPlan[] = [];
    const planRng = stream("follow-up-plan");
    fostered.forEach((hi, k) => {
      const { json, problems } = baseChecklist(households[hi]!, midDay);
      checklistPrefix.push(json);
      for (const p of problems)
        plans.push({
          householdIndex: k,
          periodIndex: planRng.chance(0.6) ? 0 : planRng.int(1, periods.length - 1),
          type: p.type,
          status: planRng.chance(0.55) ? "OPEN" : "IN_PROGRESS",
          memberId: p.memberId,
          detail: p.detail,
        });
    });
    const openPlans = plans.length;
    while (plans.length < options.followUps) {
      plans.push({
        householdIndex: planRng.int(0, fostered.length - 1),
        periodIndex: planRng.int(0, periods.length - 2),
        type: planRng.weighted(FOLLOW_UP_TYPES),
        status: planRng.chance(0.78) ? "RESOLVED" : "REJECTED",
        memberId: null,
        detail: "",
      });
    }
    const plansByHousehold = new Map<number, FollowUpPlan[]>();
    for (const p of plans) {
      const list = plansByHousehold.get(p.householdIndex) ?? [];
      list.push(p);
      plansByHousehold.set(p.householdIndex, list);
    }
    for (const list of plansByHousehold.values()) list.sort((a, b) => a.periodIndex - b.periodIndex);
    progress.line(
      `daftar periksa per keluarga; rencana tindak lanjut ${fmt(plans.length)} (${fmt(openPlans)} masih terbuka)`,
    );

    // --- Visits and items, period by period (the order reports arrive in) ---------------------
    const visitRng = stream("visits");
    let visitTotal = 0;
    let itemTotal = 0;
    const visitStart = performance.now();
    const pool = new ConnectionPool(clients);
    for (let p = 0; p < allPeriods.length; p++) {
      const key = allPeriods[p]!;
      const isCurrent = key === currentKey;
      const range = periodRange(key);
      const monday = parseDateOnly(range.firstDay)!;
      const menuIndex = (menuSlotOf(key).slot - 1) % DEFAULT_MENU.length;
      const menu = DEFAULT_MENU[menuIndex]!;
      const extra = DEFAULT_MENU[(menuIndex + 2) % DEFAULT_MENU.length]!;
      const visitLines: string[] = [];
      const itemLines: string[] = [];
      for (let k = 0; k < fostered.length; k++) {
        const asn = asns[asnOfFostered[k]!]!;
        const roll = visitRng.next();
        const dayOffset = visitRng.int(0, 4);
        const minutes = visitRng.int(8 * 60, 16 * 60 + 59);
        if (roll >= asn.diligence) continue;
        const day = addDays(monday, dayOffset);
        const dayString = toDateOnlyString(day);
        let created = new Date(jakartaStartOfDay(day).getTime() + minutes * 60_000);
        if (isCurrent) {
          if (dayString > today || created.getTime() > now.getTime() - 60_000) continue;
        }
        let isLate = false;
        if (!isCurrent && visitRng.chance(0.03)) {
          const late = new Date(
            range.end.getTime() + visitRng.int(1, 4) * 86_400_000 + visitRng.int(1, 8) * 3_600_000,
          );
          if (late.getTime() < now.getTime()) {
            created = late;
            isLate = true;
          }
        }
        const h = households[fostered[k]!]!;
        const delivered = !visitRng.chance(0.05);
        const notes = visitRng.chance(0.15) ? visitRng.pick(VISIT_NOTES) : null;
        let lat: number | null = null;
        let lng: number | null = null;
        let acc: number | null = null;
        if (visitRng.chance(0.75)) {
          lat = round6((h.lat ?? h.desaLat) + (visitRng.next() - 0.5) * 0.0024);
          lng = round6((h.lng ?? h.desaLng) + (visitRng.next() - 0.5) * 0.0024);
          acc = visitRng.int(5, 40);
        }
        const id = randomUUID();
        const createdIso = created.toISOString();
        visitLines.push(
          copyLine([
            id,
            h.id,
            asn.id,
            key,
            dayString,
            isLate,
            delivered,
            delivered ? null : visitRng.pick(NOT_DELIVERED_REASONS),
            checklistPrefix[k] + JSON.stringify(notes) + "}",
            h.house.livable,
            notes,
            lat,
            lng,
            acc,
            randomUUID(),
            createdIso,
            createdIso,
          ]),
        );
        if (delivered) {
          const picks = visitRng.chance(0.25) ? [menu, extra] : [menu];
          for (const item of picks) {
            const quantity = visitRng.chance(0.15) ? (item.unit === "paket" ? 2 : 1.5) : item.defaultQuantity;
            const value =
              Math.round((item.defaultValueRupiah * quantity * (0.9 + visitRng.next() * 0.2)) / 500) * 500;
            itemLines.push(copyLine([randomUUID(), id, item.name, quantity, item.unit, value]));
          }
        }
        // Follow-ups raised by this household's first report at or after the planned period.
        const pending = plansByHousehold.get(k);
        if (pending && !isCurrent)
          for (const plan of pending)
            if (!plan.visitId && plan.periodIndex <= p) {
              plan.visitId = id;
              plan.createdAt = created;
            }
      }
      // Each period is one job: its reports, then their items, on whichever connection is free.
      await pool.submit(async (c) => {
        await copyLinesParallel([c], "visit", VISIT_COLUMNS, visitLines);
        await copyLinesParallel(
          [c],
          "visit_item",
          ["id", "visit_id", "name", "quantity", "unit", "value_rupiah"],
          itemLines,
        );
        visitTotal += visitLines.length;
        itemTotal += itemLines.length;
        const rate = visitTotal / ((performance.now() - visitStart) / 1000);
        progress.line(
          `periode ${key} (${p + 1}/${allPeriods.length}): ${fmt(visitLines.length)} laporan, ${fmt(itemLines.length)} item; total ${fmt(visitTotal)} laporan (${fmt(Math.round(rate))}/dtk)`,
        );
      });
    }
    await pool.drain();

    // --- Follow-ups and their events ------------------------------------------------------------
    const fuRng = stream("follow-ups");
    const followUpLines: string[] = [];
    const events: string[] = [];
    const counts: Record<string, number> = { OPEN: 0, IN_PROGRESS: 0, RESOLVED: 0, REJECTED: 0 };
    const seenOpen = new Set<string>();
    for (const plan of plans) {
      if (!plan.visitId || !plan.createdAt) continue;
      const h = households[fostered[plan.householdIndex]!]!;
      const asn = asns[asnOfFostered[plan.householdIndex]!]!;
      if (plan.status === "OPEN" || plan.status === "IN_PROGRESS") {
        const unique = `${h.id}:${plan.type}`;
        if (seenOpen.has(unique)) continue;
        seenOpen.add(unique);
      }
      const id = randomUUID();
      const opdCode = FOLLOW_UP_TARGET_OPD[plan.type];
      const target = opdOf(opdCode);
      const actor = opdCode === "DISPENDIK" ? pengawasId : adminId;
      const created = plan.createdAt.getTime();
      const latest = now.getTime() - 3_600_000;
      const progressAt = Math.min(
        created + fuRng.int(6, 120) * 3_600_000,
        created + (latest - created) * 0.5,
      );
      const closedAt = Math.min(progressAt + fuRng.int(2, 45) * 86_400_000, latest);
      let updated = created;
      events.push(
        copyLine([
          randomUUID(),
          id,
          asn.id,
          null,
          "OPEN",
          null,
          target,
          FOLLOW_UP_NOTES.CREATED,
          new Date(created).toISOString(),
        ]),
      );
      if (plan.status !== "OPEN") {
        events.push(
          copyLine([
            randomUUID(),
            id,
            actor,
            "OPEN",
            "IN_PROGRESS",
            target,
            target,
            FOLLOW_UP_NOTES.IN_PROGRESS,
            new Date(progressAt).toISOString(),
          ]),
        );
        updated = progressAt;
      }
      if (plan.status === "RESOLVED" || plan.status === "REJECTED") {
        events.push(
          copyLine([
            randomUUID(),
            id,
            actor,
            "IN_PROGRESS",
            plan.status,
            target,
            target,
            FOLLOW_UP_NOTES[plan.status],
            new Date(closedAt).toISOString(),
          ]),
        );
        updated = closedAt;
      }
      followUpLines.push(
        copyLine([
          id,
          h.id,
          plan.memberId,
          plan.visitId,
          plan.type,
          target,
          plan.status,
          plan.detail || HISTORY_DETAIL[plan.type],
          plan.status === "RESOLVED" ? new Date(closedAt).toISOString() : null,
          new Date(created).toISOString(),
          new Date(updated).toISOString(),
        ]),
      );
      counts[plan.status]!++;
    }
    await copyLinesParallel(
      clients,
      "follow_up",
      [
        "id",
        "household_id",
        "member_id",
        "raised_by_visit_id",
        "type",
        "target_opd_id",
        "status",
        "detail",
        "resolved_at",
        "created_at",
        "updated_at",
      ],
      followUpLines,
    );
    await copyLinesParallel(
      clients,
      "follow_up_event",
      [
        "id",
        "follow_up_id",
        "actor_id",
        "from_status",
        "to_status",
        "from_opd_id",
        "to_opd_id",
        "note",
        "created_at",
      ],
      events,
    );
    progress.line(
      `tindak lanjut: ${fmt(followUpLines.length)} (terbuka ${fmt(counts.OPEN!)}, diproses ${fmt(counts.IN_PROGRESS!)}, selesai ${fmt(counts.RESOLVED!)}, ditolak ${fmt(counts.REJECTED!)}), riwayat ${fmt(events.length)}`,
    );
    const loadSeconds = progress.seconds;

    await client.query("VACUUM ANALYZE");
    progress.line("VACUUM ANALYZE selesai");
    const { rows: sizeRows } = await client.query<{ size: string }>(
      "SELECT pg_size_pretty(pg_database_size(current_database())) AS size",
    );
    log(
      [
        `Data skala dimuat dalam ${loadSeconds.toFixed(0)} dtk (+ ${(progress.seconds - loadSeconds).toFixed(0)} dtk VACUUM ANALYZE); ukuran basis data ${sizeRows[0]?.size}.`,
        `  periode ${periods[0]} s.d. ${periods[periods.length - 1]} (${periods.length} minggu) + minggu berjalan ${currentKey}`,
        `  laporan ${fmt(visitTotal)}, item ${fmt(itemTotal)}`,
        `Akun (kata sandi ${process.env.DEMO_PASSWORD ? "dari DEMO_PASSWORD" : `"${DEFAULT_DEMO_PASSWORD}"`}): ${staff.map((s) => s.username).join(", ")}; ASN ${DEMO_ASN_NIPS.join(", ")} (dan ${fmt(options.asn - DEMO_ASN_NIPS.length)} ASN lain)`,
      ].join("\n"),
    );
  } finally {
    for (const c of clients) await c.end();
  }
}

const VISIT_COLUMNS = [
  "id",
  "household_id",
  "asn_id",
  "period_key",
  "visit_date",
  "is_late",
  "delivered",
  "not_delivered_reason",
  "checklist",
  "house_livable",
  "notes",
  "latitude",
  "longitude",
  "gps_accuracy_meters",
  "idempotency_key",
  "created_at",
  "updated_at",
] as const;

if (isMainModule(import.meta.url)) {
  if (process.env.NODE_ENV === "production") {
    console.error("Data skala tidak dibuat karena NODE_ENV=production.");
    process.exit(1);
  }
  const options = parseArgs(process.argv.slice(2));
  const db = await startScaleDb();
  try {
    if (options.reset) {
      if (!db.embedded)
        throw new Error("--reset hanya untuk PostgreSQL skala tertanam (bukan SCALE_DATABASE_URL).");
      console.log("--reset: basis data skala dikosongkan.");
      await resetDatabase(db.url);
    }
    await migrate(db.url, { log: () => undefined });
    const prisma = createPrismaClient(db.url);
    try {
      await loadReferenceData(prisma);
    } finally {
      await prisma.$disconnect();
    }
    await seedScale(db.url, options, console.log);
    console.log(`URL: ${db.url}`);
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  } finally {
    await db.stop();
  }
}
