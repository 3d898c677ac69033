// The DEMO dataset: synthetic OPD staff, ASN, poor households across all 25 kecamatan of Banyuwangi,
// assignments with history, eight weeks of visit reports and the follow-ups they raised.
//
// Everything is SYNTHETIC: generated names and NIK/KK/NIP numbers of a valid format that belong to
// nobody. Deterministic: a seeded PRNG (mulberry32) drives every choice, so two runs produce the same
// registry, people and ids; the visits depend only on today's date (the eight weekly periods before
// the current one). Never for production: refuses NODE_ENV=production unless --force.
// Idempotent: when the demo admin already exists it prints "data demo sudah ada" and stops.
//
// Usage: DATABASE_URL=postgresql://... npx tsx scripts/seed.mts [--force]
//        DEMO_PASSWORD sets the one password of every demo account (default "berbagi-demo").
import { hash } from "@node-rs/argon2";
import type {
  EmploymentType,
  FollowUpStatus,
  FollowUpType,
  HouseholdStatus,
  JknStatus,
  MemberStatus,
  Prisma,
  PrismaClient,
  Relationship,
  SchoolParticipation,
  Sex,
  WelfareCategory,
} from "@/generated/prisma/client";
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
import { type HouseholdFacts, problemsIn } from "@/lib/follow-up-rules";
import { checkNikAgainst, parseAsnId, parseKkNumber, parseNik, parseNip } from "@/lib/identity";
import { menuSlotOf } from "@/lib/menu";
import { periodKeyOf, periodKeysBack, periodRange, previousPeriodKey, todayInJakarta } from "@/lib/period";
import { isHouseLivable } from "@/lib/regsosek";
import type { StoredChecklist } from "@/schemas/visit";
import {
  DEFAULT_DEMO_PASSWORD,
  DEMO_ASN_NIPS,
  DEMO_USERNAMES as SHARED_USERNAMES,
} from "./lib/demo-accounts.mjs";
import {
  DEFAULT_MENU,
  type ReferenceOpdCode,
  isMainModule,
  loadReferenceData,
  readCsv,
  readRegions,
} from "./reference-data.mjs";

// ---------------------------------------------------------------------------------------------
// Public constants (documented demo sign-ins)

// The sign-ins themselves live in scripts/lib/demo-accounts.mjs (shared with README and e2e tests).
export { DEFAULT_DEMO_PASSWORD, DEMO_ASN_NIPS };
export const DEMO_SOURCE = "Demo DTSEN 2026";
export const DEMO_USERNAMES = [
  SHARED_USERNAMES.admin,
  SHARED_USERNAMES.leader,
  SHARED_USERNAMES.secondLeader,
  SHARED_USERNAMES.supervisor,
  SHARED_USERNAMES.camat,
] as const;

/** The three documented demo ASN (PNS NIPs) and how many families each fosters. */
export const DEMO_ASN = [
  { nip: DEMO_ASN_NIPS[0], name: "Agus Prasetyo, S.Pd.", opd: "DISPENDIK", families: 4 },
  { nip: DEMO_ASN_NIPS[1], name: "Ns. Siti Nurhayati, S.Kep.", opd: "DINKES", families: 2 },
  { nip: DEMO_ASN_NIPS[2], name: "Moh. Syaiful Anam, S.Sos.", opd: "DINSOS", families: 3 },
] as const;

export const DEMO_COUNTS = {
  households: 440,
  asn: 96,
  inactiveAsn: 3,
  pppk: 10,
  unassignedActiveHouseholds: 40,
  visitPeriods: 8,
} as const;

/** Programme launch (1 Feb 2024): period 1 of the menu rotation. */
const PROGRAMME_START = "2024-02-01";
/** Ages and birth dates are fixed relative to this day, so the registry does not drift with the clock. */
const REFERENCE_DAY: CalendarDate = { year: 2026, month: 1, day: 1 };
const SEED = 20240201;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }
  weighted<T>(options: readonly (readonly [T, number])[]): T {
    const total = options.reduce((sum, [, weight]) => sum + weight, 0);
    let r = this.next() * total;
    for (const [value, weight] of options) {
      r -= weight;
      if (r < 0) return value;
    }
    return (options[options.length - 1] as readonly [T, number])[0];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }
  digits(n: number): string {
    let out = "";
    for (let i = 0; i < n; i++) out += String(Math.floor(this.next() * 10));
    return out;
  }
  /** A v4-format UUID from 128 PRNG bits. */
  uuid(): string {
    const bytes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const word = Math.floor(this.next() * 4294967296);
      bytes.push((word >>> 24) & 255, (word >>> 16) & 255, (word >>> 8) & 255, word & 255);
    }
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = bytes.map((b) => b.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

/** Independent streams, so a change in one part of the seed does not reshuffle the others. */
function stream(name: string): Rng {
  let h = SEED ^ 0x811c9dc5;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return new Rng(h >>> 0);
}

// ---------------------------------------------------------------------------------------------
// Vocabulary (Bahasa Indonesia; Javanese, Osing and Madurese names common in Banyuwangi)

/** A vocabulary list written as one comma-separated string. */
function list(text: string): readonly string[] {
  return text.split(", ");
}

const NAMES = {
  old: {
    MALE: list(
      "Sanusi, Rasimin, Kasiman, Poniman, Kartono, Sumarto, Darmo, Jumadi, Misran, Tukimin, Sarip, Bakri, Marzuki, Sahri, Ngadimin, Paidi, Suroso, Mukri, Asmawi, Matrawi, Sahlan, Sunardi, Karsan, Buhari, Sapi'i, Rasidi",
    ),
    FEMALE: list(
      "Sainah, Satinah, Ngatemi, Tukinah, Paitun, Misri, Asmanah, Juminten, Sutiyah, Poniyem, Marsinah, Sumirah, Kasiyem, Rukayah, Supiyah, Misnah, Halimah, Aminah, Saodah, Sarmi, Tumirah, Jumaiyah, Siti Maryam, Sukarsih, Mbok Sunah, Hosniyah",
    ),
  },
  middle: {
    MALE: list(
      "Slamet, Sugeng, Suparman, Sutrisno, Bambang, Joko Susilo, Agus Mulyadi, Budi Santoso, Eko Wahyudi, Hadi Purnomo, Mulyono, Sumarno, Paiman, Sukirno, Rahmat Hidayat, Abdul Rohim, Moh. Sholeh, Ahmad Fauzi, Imam Syafi'i, Samsul Arifin, Hasan Basri, Rofi'i, Juhari, Syaiful Bahri, Nurhadi, Kusnadi, Misnadi, Sukardi, Supriyadi, Wagiman, Tarmuji, Andik Setiawan, Heri Susanto, Nur Kholis, Zainal Abidin, Subandi, Suwito, Yatiman, Holili, Sahroni",
    ),
    FEMALE: list(
      "Siti Aminah, Sumiati, Suwarni, Painem, Sulastri, Rukmini, Sri Wahyuni, Endang Susilowati, Tumini, Sutini, Khotimah, Maisaroh, Fatimah, Juwariyah, Musrifah, Nur Hayati, Lilik Suryani, Yuliana, Rina Wati, Ani Susanti, Wulandari, Kartinah, Tarmi, Sarinah, Misnati, Rohmah, Umi Kulsum, Suliha, Mistiyah, Saniyah, Nurul Hidayah, Sri Utami, Indah Lestari, Wiwik Sundari, Erna Wati, Hamidah",
    ),
  },
  young: {
    MALE: list(
      "Dimas Saputra, Rizky Ramadhan, Bagus Pratama, Aditya Nugroho, Moh. Fikri, Rafi Maulana, Arya Wicaksono, Bayu Setiawan, Galang Permana, Yoga Pratama, Fahmi Hidayat, Ilham Maulana, Rendi Saputra, Angga Prasetya, Farhan Maulana, Naufal Hakim, Alif Ramadhan, Dafa Putra, Reza Firmansyah, Hafiz Alfarizi, Akbar Maulana, Satria Wibowo, Arkan, Raka Aditya, Fikri Haikal, Rehan",
    ),
    FEMALE: list(
      "Putri Ayu, Nabila, Aisyah, Salsabila, Anisa Rahmawati, Dinda Ayu, Intan Permata, Safitri, Zahra, Citra Lestari, Nur Aini, Alya Putri, Aulia Rahma, Keisya, Naura, Amelia, Dwi Rahayu, Fitriani, Laila, Syifa, Azzahra, Ratna Sari, Nadia, Wulan",
    ),
  },
};

const ASN_NAMES = {
  MALE: {
    first: list(
      "Agus, Bambang, Budi, Dedy, Eko, Fajar, Hendra, Imam, Joko, Rizal, Wahyu, Yudi, Andi, Arif, Dwi, Heru, Rudi, Taufik, Zainal, Moh., Ahmad, Teguh, Nanang, Didik, Anang, Hari, Yoyok, Rahmat, Ferry, Galih",
    ),
    last: list(
      "Santoso, Prasetyo, Setiawan, Hidayat, Wibowo, Kurniawan, Hariyanto, Susanto, Firmansyah, Saputra, Nugroho, Hermawan, Wahyudi, Anam, Fauzi, Hakim, Ma'ruf, Rahman, Sugiarto, Purnomo, Efendi, Junaedi, Kholiq, Arifin",
    ),
  },
  FEMALE: {
    first: list(
      "Siti, Sri, Dewi, Endang, Lilik, Nur, Rina, Yuli, Ika, Dian, Ratna, Wiwik, Nanik, Erna, Tutik, Anik, Umi, Lia, Eka, Fitri, Rosita, Mega, Novi, Yeni",
    ),
    last: list(
      "Wahyuni, Rahayu, Lestari, Puspitasari, Handayani, Susanti, Kartika, Nurhayati, Hidayati, Ningsih, Kurniasari, Yuliana, Fatmawati, Maulidiyah, Rohmah, Sholihah, Agustina, Permatasari, Wulandari, Safitri, Anggraeni",
    ),
  },
};

const DUSUN = list(
  "Krajan, Krajan Lor, Krajan Kidul, Sumberrejo, Karangasem, Sukorejo, Kedungrejo, Tegalrejo, Wonorejo, Sidomulyo, Purwosari, Kampung Baru, Sumbersari, Tamansari, Ringinsari, Gumukrejo, Rejoagung, Sidodadi, Tanjungrejo, Kalimati, Cungking, Sukomaju, Pancoran, Gondang, Tegalpare",
);
const LINGKUNGAN = list(
  "Krajan, Wonosari, Sidomukti, Kampung Baru, Sumberrejo, Tegalrejo, Karanganyar, Pakis, Sukomulyo, Gebang, Sawahan, Kampung Ujung",
);
const STREETS = list(
  "Jl. Kenanga, Jl. Melati, Jl. Mawar, Jl. Anggrek, Jl. Flamboyan, Jl. Sritanjung, Jl. Blambangan, Jl. Diponegoro, Jl. Kartini, Jl. Brawijaya, Jl. Hayam Wuruk, Jl. Gajah Mada, Jl. Ahmad Yani, Jl. Pattimura, Jl. Mataram, Jl. Kalimantan, Jl. Sumatra, Jl. Raya Jember, Jl. Raya Situbondo, Jl. Raya Rogojampi, Jl. Veteran, Jl. Kopi",
);
const GANG = list(
  "Gg. Masjid, Gg. Mushola, Gg. Buntu, Gg. Sawah, Gg. Pondok, Gg. Makam, Gg. Sekolah, Gg. Kali",
);

const CHRONIC = [
  ["Hipertensi", 30],
  ["Diabetes", 14],
  ["Rematik", 12],
  ["Asma", 8],
  ["Penyakit jantung", 7],
  ["Stroke", 7],
  ["TBC", 6],
  ["Gagal ginjal", 3],
  ["Kolesterol tinggi", 5],
] as const;
const DISABILITY = [
  ["Kesulitan berjalan", 40],
  ["Kesulitan melihat", 25],
  ["Kesulitan mendengar", 15],
  ["Kesulitan mengurus diri sendiri", 10],
  ["Kesulitan berbicara/berkomunikasi", 6],
] as const;

/** Other Jawa Timur kabupaten whose NIK appear among Banyuwangi residents (Jember, Bondowoso, Situbondo). */
const OTHER_REGENCIES = ["3509", "3511", "3512"] as const;

const VISIT_NOTES = [
  "Ibu sedang kurang sehat, sudah disarankan periksa ke puskesmas.",
  "Keluarga berterima kasih, lauk langsung dimasak untuk makan siang.",
  "Atap dapur bocor saat hujan.",
  "Kepala keluarga bekerja sebagai buruh tani musiman.",
  "Anak butuh bantuan seragam dan sepatu sekolah.",
  "Lansia membutuhkan kursi roda.",
  "Sumur kering saat kemarau, air dibeli dari tetangga.",
  "Kepala keluarga baru mendapat pekerjaan sebagai kuli bangunan.",
  "Bantuan BPNT bulan ini belum cair.",
  "Listrik masih menyambung dari rumah tetangga.",
  "Keluarga sedang panen kopi di kebun milik orang lain.",
  "Suami melaut, hasil tangkapan sedang sepi.",
] as const;
const NOT_DELIVERED_REASONS = [
  "Keluarga tidak di rumah",
  "Keluarga sedang menjenguk kerabat di luar desa",
  "Stok lauk di pasar sedang kosong",
] as const;

const AID_NATIONAL = ["PKH", "BPNT", "BLT_DD", "PBI_JKN", "PIP", "RTLH"] as const;

// ---------------------------------------------------------------------------------------------
// OPD and ASN profiles

type OpdSeed = { code: string; name: string; regionCode?: string };

/** OPD added by the demo (the five follow-up targets come from reference-data.mts). */
export const DEMO_OPD: readonly OpdSeed[] = [
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
];

type Title = { pre?: string; suf?: string };
type Position = { position: string; titles: readonly Title[]; pppk?: boolean };
type WorkPlace = "TOWN" | "SPREAD" | "COAST" | "OWN_REGION";
type OpdProfile = { count: number; work: WorkPlace; positions: readonly Position[] };

const TOWN = "35.10.16"; // Kecamatan Banyuwangi, seat of most OPD
const NEAR_TOWN = [
  "35.10.16",
  "35.10.17",
  "35.10.15",
  "35.10.14",
  "35.10.21",
  "35.10.13",
  "35.10.24",
  "35.10.25",
  "35.10.19",
  "35.10.12",
];
const COAST = ["35.10.05", "35.10.18", "35.10.21", "35.10.01"];

const OPD_PROFILES: Record<string, OpdProfile> = {
  DISPENDIK: {
    count: 18,
    work: "SPREAD",
    positions: [
      { position: "Guru Ahli Pertama", titles: [{ suf: "S.Pd." }, { suf: "S.Pd.I." }], pppk: true },
      { position: "Guru Ahli Muda", titles: [{ suf: "S.Pd." }, { suf: "S.Pd., M.Pd." }] },
      { position: "Pengawas Sekolah Ahli Madya", titles: [{ suf: "S.Pd., M.Pd." }] },
    ],
  },
  DINKES: {
    count: 12,
    work: "SPREAD",
    positions: [
      { position: "Perawat Terampil", titles: [{ suf: "A.Md.Kep." }], pppk: true },
      { position: "Perawat Ahli Pertama", titles: [{ pre: "Ns.", suf: "S.Kep." }] },
      { position: "Bidan Terampil", titles: [{ suf: "A.Md.Keb." }], pppk: true },
      { position: "Penyuluh Kesehatan Masyarakat Ahli Pertama", titles: [{ suf: "S.K.M." }] },
      { position: "Dokter Ahli Pertama", titles: [{ pre: "dr." }] },
    ],
  },
  RSUD_BLAMBANGAN: {
    count: 5,
    work: "TOWN",
    positions: [
      { position: "Perawat Ahli Pertama", titles: [{ pre: "Ns.", suf: "S.Kep." }] },
      { position: "Perawat Terampil", titles: [{ suf: "A.Md.Kep." }], pppk: true },
      { position: "Apoteker Ahli Pertama", titles: [{ pre: "apt.", suf: "S.Farm." }] },
    ],
  },
  DINSOS: {
    count: 7,
    work: "TOWN",
    positions: [
      { position: "Pekerja Sosial Ahli Pertama", titles: [{ suf: "S.Sos." }] },
      { position: "Penyuluh Sosial Ahli Muda", titles: [{ suf: "S.Sos." }, { suf: "S.Sos., M.Si." }] },
    ],
  },
  BAPPEDA: {
    count: 6,
    work: "TOWN",
    positions: [
      { position: "Perencana Ahli Pertama", titles: [{ suf: "S.E." }, { suf: "S.T." }] },
      { position: "Perencana Ahli Muda", titles: [{ suf: "S.E., M.Si." }, { suf: "S.T., M.T." }] },
      { position: "Analis Kebijakan Ahli Muda", titles: [{ suf: "S.AP." }, { suf: "S.IP., M.Si." }] },
    ],
  },
  DISPERKIM: {
    count: 4,
    work: "TOWN",
    positions: [{ position: "Teknik Tata Bangunan dan Perumahan Ahli Pertama", titles: [{ suf: "S.T." }] }],
  },
  DISPENDUKCAPIL: {
    count: 4,
    work: "TOWN",
    positions: [
      { position: "Administrator Database Kependudukan Ahli Pertama", titles: [{ suf: "S.Kom." }] },
      { position: "Pengadministrasi Kependudukan", titles: [{}] },
    ],
  },
  DPU_PENGAIRAN: {
    count: 4,
    work: "SPREAD",
    positions: [{ position: "Teknik Pengairan Ahli Pertama", titles: [{ suf: "S.T." }] }],
  },
  DISPERTAPANG: {
    count: 6,
    work: "SPREAD",
    positions: [{ position: "Penyuluh Pertanian Ahli Pertama", titles: [{ suf: "S.P." }, { suf: "S.TP." }] }],
  },
  DISKAN: {
    count: 4,
    work: "COAST",
    positions: [{ position: "Penyuluh Perikanan Ahli Pertama", titles: [{ suf: "S.Pi." }] }],
  },
  BKPSDM: {
    count: 3,
    work: "TOWN",
    positions: [
      {
        position: "Analis Sumber Daya Manusia Aparatur Ahli Pertama",
        titles: [{ suf: "S.Psi." }, { suf: "S.AP." }],
      },
    ],
  },
  INSPEKTORAT: {
    count: 3,
    work: "TOWN",
    positions: [{ position: "Auditor Ahli Pertama", titles: [{ suf: "S.E., Ak." }, { suf: "S.Ak." }] }],
  },
  BAPENDA: {
    count: 3,
    work: "TOWN",
    positions: [{ position: "Analis Pendapatan Daerah", titles: [{ suf: "S.E." }] }],
  },
  DISBUDPAR: {
    count: 3,
    work: "TOWN",
    positions: [
      { position: "Pamong Budaya Ahli Pertama", titles: [{ suf: "S.Sn." }, { suf: "S.S." }] },
      { position: "Adyatama Kepariwisataan dan Ekonomi Kreatif Ahli Pertama", titles: [{ suf: "S.Par." }] },
    ],
  },
  SETDA: {
    count: 4,
    work: "TOWN",
    positions: [
      { position: "Analis Kebijakan Ahli Pertama", titles: [{ suf: "S.H." }, { suf: "S.IP." }] },
      { position: "Perancang Peraturan Perundang-undangan Ahli Pertama", titles: [{ suf: "S.H." }] },
    ],
  },
  KEC_GENTENG: {
    count: 5,
    work: "OWN_REGION",
    positions: [
      { position: "Penata Kelola Pemerintahan", titles: [{ suf: "S.IP." }, { suf: "S.STP." }] },
      { position: "Pengadministrasi Perkantoran", titles: [{}] },
    ],
  },
  KEC_MUNCAR: {
    count: 5,
    work: "OWN_REGION",
    positions: [
      { position: "Penata Kelola Pemerintahan", titles: [{ suf: "S.IP." }, { suf: "S.Sos." }] },
      { position: "Pengadministrasi Perkantoran", titles: [{}] },
    ],
  },
};

const FOLLOW_UP_OPD: Record<FollowUpType, ReferenceOpdCode> = {
  SCHOOL_DROPOUT: "DISPENDIK",
  HEALTH_WITHOUT_JKN: "DINKES",
  NO_ROUTINE_AID: "DINSOS",
  UNLIVABLE_HOUSE: "DISPERKIM",
  ELDERLY_ALONE: "DINSOS",
  REGISTRY_UPDATE: "BAPPEDA",
};

const IN_PROGRESS_NOTES: Record<FollowUpType, readonly string[]> = {
  SCHOOL_DROPOUT: [
    "Sudah dikoordinasikan dengan sekolah terdekat dan operator Dapodik untuk pendaftaran kembali.",
    "Petugas Dinas Pendidikan menjadwalkan kunjungan ke rumah keluarga.",
  ],
  HEALTH_WITHOUT_JKN: [
    "Diusulkan menjadi peserta PBI-JKN melalui Dinas Sosial dan BPJS Kesehatan.",
    "Bidan desa dan petugas puskesmas sudah mengunjungi keluarga.",
  ],
  NO_ROUTINE_AID: [
    "Diusulkan dalam musyawarah desa untuk usulan PKH dan BPNT.",
    "Sedang diverifikasi oleh pendamping PKH.",
  ],
  UNLIVABLE_HOUSE: [
    "Masuk daftar usulan bantuan RTLH tahun anggaran berikutnya.",
    "Tim teknis sudah melakukan survei rumah.",
  ],
  ELDERLY_ALONE: [
    "TKSK dan kader posyandu lansia diminta melakukan pendampingan.",
    "Diusulkan sebagai penerima Rantang Kasih.",
  ],
  REGISTRY_UPDATE: [
    "Sedang dicocokkan dengan data Dukcapil.",
    "Diteruskan ke operator SIKS-NG desa untuk pemutakhiran.",
  ],
};
const RESOLVED_NOTES: Record<FollowUpType, string> = {
  SCHOOL_DROPOUT: "Anak sudah kembali bersekolah.",
  HEALTH_WITHOUT_JKN: "Sudah terdaftar sebagai peserta PBI-JKN.",
  NO_ROUTINE_AID: "Keluarga sudah menerima PKH dan BPNT.",
  UNLIVABLE_HOUSE: "Rumah sudah direhabilitasi melalui program RTLH.",
  ELDERLY_ALONE: "Lansia kini didampingi kerabat yang tinggal berdekatan.",
  REGISTRY_UPDATE: "Data keluarga sudah diperbarui di DTSEN.",
};
const CREATED_NOTE = "Dibuat otomatis dari laporan kunjungan";

// ---------------------------------------------------------------------------------------------
// Drafts (everything is built in memory, checked, then written in bulk)

/** Regsosek 2022 house answers (Q303-Q309a, Q302 floor area) and the BPS livability verdict. */
type House = NonNullable<StoredChecklist["house"]>;

type MemberDraft = {
  id: string;
  nik: string;
  name: string;
  sex: Sex;
  birth: CalendarDate;
  relationship: Relationship;
  school: SchoolParticipation | null;
  disability: string | null;
  chronic: string | null;
  jkn: JknStatus;
  status: MemberStatus;
};

type HouseholdDraft = {
  index: number;
  id: string;
  kk: string;
  desaCode: string;
  kecamatanCode: string;
  dusun: string;
  rt: string;
  rw: string;
  street: string;
  latitude: number | null;
  longitude: number | null;
  desaPoint: { lat: number; lng: number };
  desil: number;
  category: WelfareCategory;
  status: HouseholdStatus;
  members: MemberDraft[];
  /** Single-person household (sebatang kara). */
  single: boolean;
  hasCaregiver: boolean;
  /** Receives no routine aid at all (exclusion error): no PBI either. */
  noAid: boolean;
  baseAid: string[];
  house: House;
};

type UserDraft = Prisma.UserCreateManyInput & { id: string };

type AsnDraft = {
  id: string;
  nip: string;
  name: string;
  sex: Sex;
  employmentType: EmploymentType;
  opdCode: string;
  position: string;
  phone: string;
  workKecamatanCode: string;
  homeKecamatanCode: string;
  isActive: boolean;
  /** Families this ASN fosters now. */
  target: number;
  /** Probability of reporting in a period. */
  diligence: number;
};

type AssignmentDraft = Prisma.AssignmentCreateManyInput & { id: string; householdId: string; asnId: string };

type VisitSlot = { periodIndex: number; periodKey: string; asnId: string };

type VisitDraft = {
  id: string;
  householdId: string;
  asnId: string;
  periodKey: string;
  visitDay: string;
  isLate: boolean;
  delivered: boolean;
  notDeliveredReason: string | null;
  checklist: Checklist;
  houseLivable: boolean;
  notes: string | null;
  latitude: number | null;
  longitude: number | null;
  gpsAccuracyMeters: number | null;
  idempotencyKey: string;
  createdAt: Date;
};

/** The visit checklist JSON (version 1), as src/schemas/visit.ts stores it. */
export type Checklist = StoredChecklist;

type Episode = {
  type: FollowUpType;
  memberId: string | null;
  /** Index into the household's visit list of the first visit that shows the problem. */
  onset: number;
  /** Last visit index that still shows it, when the follow-up was resolved afterwards. */
  resolvedAfter: number | null;
  outcome: FollowUpStatus;
  problemSchool?: SchoolParticipation;
  /** REGISTRY_UPDATE: what the report says happened to the member. */
  goneStatus?: MemberStatus;
};

export type SeedOptions = {
  /** The one password of every demo account; default env DEMO_PASSWORD, else "berbagi-demo". */
  password?: string;
  /** "Now" for the visit periods; defaults to the real clock. */
  now?: Date;
  /** Allow NODE_ENV=production. */
  force?: boolean;
  log?: (line: string) => void;
};

export type SeedSummary = {
  skipped: boolean;
  counts: Record<string, number>;
  periods: string[];
  signIns: { usernames: string[]; asnNips: string[] };
  ms: number;
};

// ---------------------------------------------------------------------------------------------
// Helpers

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

function addDays(date: CalendarDate, days: number): CalendarDate {
  return calendarDateOfDayNumber(dayNumberOf(date) + days);
}

/** A WIB wall-clock time on a calendar day, as an instant. */
function wibInstant(day: CalendarDate, hour: number, minute: number): Date {
  return new Date(jakartaStartOfDay(day).getTime() + (hour * 60 + minute) * 60_000);
}

function birthForAge(age: number, rng: Rng): CalendarDate {
  // Born during the calendar year (REFERENCE_DAY.year - 1 - age): exactly `age` on REFERENCE_DAY.
  const first = { year: REFERENCE_DAY.year - 1 - age, month: 1, day: 1 };
  const yearLength = dayNumberOf({ year: first.year + 1, month: 1, day: 1 }) - dayNumberOf(first);
  return addDays(first, rng.int(0, yearLength - 1));
}

function ageAt(birth: CalendarDate, day: string): number {
  return ageOn(toDateOnlyString(birth), day);
}

function generationOf(birth: CalendarDate): keyof typeof NAMES {
  if (birth.year <= 1960) return "old";
  if (birth.year <= 1993) return "middle";
  return "young";
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Registry: households and members

type DesaInfo = {
  code: string;
  kecamatanCode: string;
  level: "DESA" | "KELURAHAN";
  lat: number;
  lng: number;
};

function readDesa(): { desa: DesaInfo[]; kecamatan: { code: string; name: string }[] } {
  const regions = readRegions();
  const points = new Map(readCsv("banyuwangi-desa-centroids.csv").map((row) => [row.code, row]));
  const desa = regions
    .filter((region) => region.level === "DESA" || region.level === "KELURAHAN")
    .map((region): DesaInfo => {
      const point = points.get(region.code);
      if (!point) throw new Error(`banyuwangi-desa-centroids.csv has no point for ${region.code}`);
      return {
        code: region.code,
        kecamatanCode: region.parentCode ?? "",
        level: region.level as "DESA" | "KELURAHAN",
        lat: Number(point.lat),
        lng: Number(point.lon),
      };
    });
  const kecamatan = regions
    .filter((region) => region.level === "KECAMATAN")
    .map(({ code, name }) => ({ code, name }));
  return { desa, kecamatan };
}

class NumberRegistry {
  private readonly used = new Set<string>();
  /** prefix + a serial of `width` digits in [1, max], unique. */
  take(prefix: string, width: number, max: number, rng: Rng): string {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const candidate = prefix + pad(rng.int(1, max), width);
      if (!this.used.has(candidate)) {
        this.used.add(candidate);
        return candidate;
      }
    }
    throw new Error(`No free serial for ${prefix}`);
  }
  has(value: string): boolean {
    return this.used.has(value);
  }
  add(value: string): void {
    this.used.add(value);
  }
}

function makeNik(
  birth: CalendarDate,
  sex: Sex,
  kecamatanDigits: string,
  rng: Rng,
  niks: NumberRegistry,
): string {
  const r = rng.next();
  const region =
    r < 0.8
      ? `3510${kecamatanDigits}`
      : r < 0.92
        ? `3510${pad(rng.int(1, 25), 2)}`
        : `${rng.pick(OTHER_REGENCIES)}${pad(rng.int(1, 17), 2)}`;
  const day = birth.day + (sex === "FEMALE" ? 40 : 0);
  const prefix = `${region}${pad(day, 2)}${pad(birth.month, 2)}${pad(birth.year % 100, 2)}`;
  return niks.take(prefix, 4, 999, rng);
}

function pickName(sex: Sex, birth: CalendarDate, rng: Rng, taken: Set<string>): string {
  const pool = NAMES[generationOf(birth)][sex];
  for (let attempt = 0; attempt < 20; attempt++) {
    const name = rng.pick(pool);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  const name = `${rng.pick(pool)} ${rng.pick(["Abdullah", "Hasanah", "Rahmawati", "Hidayat"])}`;
  taken.add(name);
  return name;
}

type Roster = { relationship: Relationship; sex: Sex; age: number }[];

function rosterFor(single: boolean, rng: Rng): Roster {
  if (single)
    return [{ relationship: "HEAD", sex: rng.chance(0.65) ? "FEMALE" : "MALE", age: rng.int(65, 89) }];
  const headAge = rng.weighted([
    [rng.int(25, 40), 35],
    [rng.int(41, 55), 35],
    [rng.int(56, 75), 30],
  ] as const);
  const headSex: Sex = rng.chance(0.82) ? "MALE" : "FEMALE";
  const roster: Roster = [{ relationship: "HEAD", sex: headSex, age: headAge }];
  if (headSex === "MALE" && rng.chance(0.9)) {
    roster.push({ relationship: "SPOUSE", sex: "FEMALE", age: Math.max(19, headAge - rng.int(0, 8)) });
  }
  const motherAge = roster.find((m) => m.sex === "FEMALE")?.age ?? headAge;
  const kidCount =
    headAge <= 40
      ? rng.weighted([
          [0, 1],
          [1, 3],
          [2, 4],
          [3, 2],
        ] as const)
      : headAge <= 55
        ? rng.int(1, 4)
        : rng.int(0, 2);
  for (let i = 0; i < kidCount && roster.length < 6; i++) {
    const age = motherAge - rng.int(19, 38);
    if (age >= 0) roster.push({ relationship: "CHILD", sex: rng.chance(0.5) ? "MALE" : "FEMALE", age });
  }
  if (headAge >= 56 && rng.chance(0.45) && roster.length <= 3) {
    // A married child living in, with grandchildren.
    const childAge = Math.max(20, motherAge - rng.int(20, 30));
    const childSex: Sex = rng.chance(0.6) ? "FEMALE" : "MALE";
    roster.push({ relationship: "CHILD", sex: childSex, age: childAge });
    roster.push({
      relationship: "CHILD_IN_LAW",
      sex: childSex === "FEMALE" ? "MALE" : "FEMALE",
      age: Math.max(19, childAge + rng.int(-3, 4)),
    });
    const grandchildren = rng.int(1, 2);
    for (let i = 0; i < grandchildren && roster.length < 6; i++) {
      const age = Math.min(childAge, childAge + (childSex === "FEMALE" ? 0 : -2)) - rng.int(20, 30);
      if (age >= 0)
        roster.push({ relationship: "GRANDCHILD", sex: rng.chance(0.5) ? "MALE" : "FEMALE", age });
    }
  }
  if (headAge <= 50 && roster.length < 6 && rng.chance(0.18)) {
    roster.push({
      relationship: "PARENT",
      sex: rng.chance(0.75) ? "FEMALE" : "MALE",
      age: Math.min(89, headAge + rng.int(22, 32)),
    });
  }
  return roster.slice(0, 6);
}

// House answers use the Regsosek 2022 codes; repeated codes weight the draw.
// A livable house passes every BPS criterion (durable floor/wall/roof, improved water and sanitation,
// at least 7.2 m² per person); an unlivable one fails at least the durable-building criterion.
function goodHouse(rng: Rng, residents: number): House {
  const house = {
    floor: rng.pick([2, 2, 2, 4, 4, 6, 6, 6, 6, 6]), // keramik, ubin/tegel, semen/bata merah
    wall: rng.pick([1, 1, 1, 1, 2]), // tembok, plesteran anyaman bambu
    roof: rng.pick([2, 2, 2, 2, 2, 3, 3, 5]), // genteng, seng, kayu/sirap
    drinkingWater: rng.pick([2, 2, 4, 4, 4, 5, 5, 5, 12, 13, 13]), // isi ulang, sumur bor, sumur terlindung, PDAM, PAMSIMAS
    sanitation: rng.pick([1, 1, 1, 1, 2]), // own or shared latrine
    electricity: rng.pick([1, 1, 1, 1, 1, 1, 1, 1, 1, 2]), // PLN with or without meter
    floorAreaM2: Math.max(rng.int(30, 72), Math.ceil(residents * 7.5)),
  };
  return { ...house, livable: true };
}

function poorHouse(rng: Rng): House {
  const house = {
    floor: rng.pick([8, 8, 8, 8, 8, 8, 7, 6, 6, 6]), // tanah, bambu, semen
    wall: rng.pick([4, 4, 4, 4, 4, 6, 6, 3, 3, 3]), // anyaman bambu, bambu, kayu/papan
    roof: rng.pick([2, 2, 2, 2, 2, 3, 3, 7, 7, 6]), // genteng, seng, daun/rumbia, bambu
    drinkingWater: rng.pick([5, 5, 5, 6, 6, 6, 6, 8, 8, 4]),
    sanitation: rng.pick([6, 6, 6, 6, 4, 4, 4, 3, 3, 2]),
    electricity: rng.pick([1, 1, 1, 1, 2, 2, 2, 2, 2, 4]),
    floorAreaM2: rng.int(15, 36),
  };
  // Durable walls need a failing floor or roof.
  if (house.wall === 3 && house.floor === 6 && house.roof <= 3) house.floor = 8;
  return { ...house, livable: false };
}

function generateHouseholds(today: string, ids: Rng): HouseholdDraft[] {
  const rng = stream("households");
  const { desa, kecamatan } = readDesa();
  const desaByKecamatan = new Map<string, DesaInfo[]>();
  for (const d of desa)
    desaByKecamatan.set(d.kecamatanCode, [...(desaByKecamatan.get(d.kecamatanCode) ?? []), d]);

  // Every kecamatan gets 8 households; the rest follow the number of desa.
  const slots: string[] = [];
  for (const k of kecamatan) for (let i = 0; i < 8; i++) slots.push(k.code);
  const weights = kecamatan.map((k) => [k.code, desaByKecamatan.get(k.code)?.length ?? 1] as const);
  while (slots.length < DEMO_COUNTS.households) slots.push(rng.weighted(weights));

  const niks = new NumberRegistry();
  const kks = new NumberRegistry();
  return slots.map((kecamatanCode, index): HouseholdDraft => {
    const kecDigits = kecamatanCode.slice(6, 8);
    const d = rng.pick(desaByKecamatan.get(kecamatanCode) ?? []);
    const isKelurahan = d.level === "KELURAHAN";
    const dusun = isKelurahan ? `Lingkungan ${rng.pick(LINGKUNGAN)}` : `Dusun ${rng.pick(DUSUN)}`;
    const rt = pad(rng.int(1, 12), 3);
    const rw = pad(rng.int(1, 6), 3);
    const streetRoll = rng.next();
    const street =
      isKelurahan || streetRoll < 0.45
        ? `${rng.pick(STREETS)} No. ${rng.int(1, 120)}`
        : streetRoll < 0.65
          ? `${rng.pick(GANG)}`
          : dusun;
    const hasPoint = rng.chance(0.8);
    const jitterLat = (rng.next() - 0.5) * 0.016;
    const jitterLng = (rng.next() - 0.5) * 0.016;

    const desil = rng.weighted([
      [1, 80],
      [2, 13],
      [3, 7],
    ] as const);
    let category: WelfareCategory =
      desil === 1
        ? rng.weighted([
            ["MISKIN_EKSTREM", 25],
            ["MISKIN", 75],
          ] as const)
        : desil === 2
          ? rng.weighted([
              ["MISKIN", 70],
              ["RENTAN", 30],
            ] as const)
          : rng.weighted([
              ["RENTAN", 60],
              ["MISKIN", 40],
            ] as const);
    const elderlyAlone = rng.chance(0.08);
    const status: HouseholdStatus = elderlyAlone
      ? rng.weighted([
          ["ACTIVE", 85],
          ["DECEASED", 15],
        ] as const)
      : rng.weighted([
          ["ACTIVE", 95],
          ["GRADUATED", 2.5],
          ["MOVED", 1.5],
          ["INACTIVE", 1],
        ] as const);
    let finalDesil: number = desil;
    if (status === "GRADUATED") {
      finalDesil = 4;
      category = "RENTAN";
    }
    const noAid = rng.chance(0.07);
    const hasCaregiver = rng.chance(0.3);
    const unlivable = rng.chance(category === "MISKIN_EKSTREM" ? 0.3 : 0.12);

    // Members.
    const roster = rosterFor(elderlyAlone, rng);
    // A few younger widows without children also live alone: "single" is what the roster says.
    const single = roster.length === 1;
    const house = unlivable ? poorHouse(rng) : goodHouse(rng, roster.length);
    const names = new Set<string>();
    const members: MemberDraft[] = roster.map((person) => {
      const birth = birthForAge(person.age, rng);
      return {
        id: ids.uuid(),
        nik: makeNik(birth, person.sex, kecDigits, rng, niks),
        name: pickName(person.sex, birth, rng, names),
        sex: person.sex,
        birth,
        relationship: person.relationship,
        school: null,
        disability: null,
        chronic: null,
        jkn: "PBI",
        status: "PRESENT",
      };
    });
    // A member who died or moved away (only in larger families, never the head).
    if (members.length >= 3 && rng.chance(0.06)) {
      const candidates = members.filter(
        (m) => m.relationship === "PARENT" || (m.relationship === "CHILD" && ageAt(m.birth, today) >= 19),
      );
      if (candidates.length > 0) {
        const m = rng.pick(candidates);
        m.status = m.relationship === "PARENT" ? "DIED" : "MOVED";
      }
    }
    let schoolProblem = false;
    let healthProblem = false;
    for (const m of members) {
      const ageRef = ageAt(m.birth, toDateOnlyString(REFERENCE_DAY));
      const ageToday = ageAt(m.birth, today);
      const schoolRoll = rng.next();
      if (isSchoolAge(ageToday)) {
        let school: SchoolParticipation = "ENROLLED";
        if (!schoolProblem && m.status === "PRESENT" && schoolRoll < 0.085) {
          // Never enrolled only among the youngest; older children dropped out.
          school = ageToday <= 10 && schoolRoll < 0.05 ? "NEVER_ENROLLED" : "DROPPED_OUT";
          schoolProblem = true;
        }
        m.school = school;
      }
      const chronicP = ageRef >= 60 ? 0.25 : ageRef >= 45 ? 0.15 : ageRef >= 20 ? 0.03 : 0.005;
      if (rng.chance(chronicP)) m.chronic = rng.weighted(CHRONIC);
      const disabilityP = ageRef >= 70 ? 0.12 : ageRef >= 60 ? 0.06 : 0.02;
      if (rng.chance(disabilityP)) m.disability = rng.weighted(DISABILITY);
      m.jkn = noAid
        ? rng.weighted([
            ["NONE", 85],
            ["MANDIRI", 15],
          ] as const)
        : rng.weighted([
            ["PBI", 86],
            ["NONE", 7],
            ["MANDIRI", 5],
            ["EMPLOYER", 1],
            ["OTHER", 1],
          ] as const);
      if ((m.chronic || m.disability) && m.jkn === "NONE" && m.status === "PRESENT") {
        if (healthProblem) m.jkn = noAid ? "MANDIRI" : "PBI";
        healthProblem = true;
      }
    }
    for (const m of members)
      if (m.status !== "PRESENT" && m.jkn === "NONE") m.jkn = noAid ? "MANDIRI" : "PBI";
    const head = members[0] as MemberDraft;

    // Routine aid the family receives (PBI_JKN is derived from the members at each visit).
    const baseAid: string[] = [];
    if (!noAid) {
      const ages = members.filter((m) => m.status === "PRESENT").map((m) => ageAt(m.birth, today));
      const enrolled = members.some((m) => m.school === "ENROLLED");
      const pkhEligible = ages.some((a) => a < 18 || a >= 60) || members.some((m) => m.disability);
      if (pkhEligible && rng.chance(0.55)) baseAid.push("PKH");
      if (rng.chance(0.65)) baseAid.push("BPNT");
      if (!isKelurahan && rng.chance(0.15)) baseAid.push("BLT_DD");
      if (enrolled && rng.chance(0.45)) baseAid.push("PIP");
      if (house.livable && rng.chance(0.03)) baseAid.push("RTLH");
      if (ages.some((a) => a >= 65) && rng.chance(single ? 0.5 : 0.3)) baseAid.push("Rantang Kasih");
      if (members.some((m) => m.school === "ENROLLED" && ageAt(m.birth, today) >= 15) && rng.chance(0.1)) {
        baseAid.push("Banyuwangi Cerdas");
      }
      // Families outside the exclusion-error group receive at least one routine programme.
      if (!baseAid.some((aid) => (AID_NATIONAL as readonly string[]).includes(aid))) baseAid.push("BPNT");
    }
    if (status === "DECEASED") head.status = "DIED";

    // No KK: issuing kecamatan + registration date DDMMYY + family serial.
    const earliest = Math.max(
      dayNumberOf({ year: 2006, month: 1, day: 1 }),
      dayNumberOf(addDays(head.birth, 17 * 366)),
    );
    const latest = dayNumberOf({ year: 2025, month: 12, day: 31 });
    const registered = calendarDateOfDayNumber(rng.int(earliest, Math.max(earliest, latest)));
    const kkRegion = rng.chance(0.9) ? kecDigits : pad(rng.int(1, 25), 2);
    const kkPrefix = `3510${kkRegion}${pad(registered.day, 2)}${pad(registered.month, 2)}${pad(registered.year % 100, 2)}`;
    const kk = kks.take(kkPrefix, 4, 9999, rng);

    return {
      index,
      id: ids.uuid(),
      kk,
      desaCode: d.code,
      kecamatanCode,
      dusun,
      rt,
      rw,
      street,
      latitude: hasPoint ? round6(d.lat + jitterLat) : null,
      longitude: hasPoint ? round6(d.lng + jitterLng) : null,
      desaPoint: { lat: d.lat, lng: d.lng },
      desil: finalDesil,
      category,
      status,
      members,
      single,
      hasCaregiver,
      noAid,
      baseAid,
      house,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// ASN roster

function makePnsNip(birth: CalendarDate, sex: Sex, rng: Rng, nips: NumberRegistry): string {
  const tmtYear = Math.min(2025, birth.year + rng.int(22, 35));
  const tmtMonth = rng.pick([1, 2, 3, 4, 5, 6, 12]);
  const prefix = `${birth.year}${pad(birth.month, 2)}${pad(birth.day, 2)}${tmtYear}${pad(tmtMonth, 2)}${sex === "MALE" ? 1 : 2}`;
  // Serial 001 unless the first 15 digits collide (Perka BKN 22/2007).
  for (let serial = 1; serial < 1000; serial++) {
    const nip = prefix + pad(serial, 3);
    if (!nips.has(nip)) {
      nips.add(nip);
      return nip;
    }
  }
  throw new Error("NIP serials exhausted");
}

/** NI PPPK: birth date, appointment year, "21" where a PNS NIP has the TMT month, sex, serial. */
function makePppkId(birth: CalendarDate, sex: Sex, rng: Rng, nips: NumberRegistry): string {
  const prefix = `${birth.year}${pad(birth.month, 2)}${pad(birth.day, 2)}${rng.int(2022, 2024)}21${sex === "MALE" ? 1 : 2}`;
  for (let serial = 1; serial < 1000; serial++) {
    const id = prefix + pad(serial, 3);
    if (!nips.has(id)) {
      nips.add(id);
      return id;
    }
  }
  throw new Error("NI PPPK serials exhausted");
}

function asnName(sex: Sex, title: Title, rng: Rng, taken: Set<string>): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const pool = ASN_NAMES[sex];
    const base = `${rng.pick(pool.first)} ${rng.pick(pool.last)}`;
    if (taken.has(base)) continue;
    taken.add(base);
    return `${title.pre ? `${title.pre} ` : ""}${base}${title.suf ? `, ${title.suf}` : ""}`;
  }
  throw new Error("ASN names exhausted");
}

function generateAsn(kecamatanCodes: string[], ids: Rng): AsnDraft[] {
  const rng = stream("asn");
  const nips = new NumberRegistry();
  const taken = new Set<string>(["Agus Prasetyo", "Siti Nurhayati", "Syaiful Anam"]);
  const phone = () =>
    `${rng.pick(["0812", "0813", "0821", "0822", "0852", "0853", "0857", "0858", "0877", "0878", "0838", "0895"])}${rng.digits(rng.int(7, 8))}`;

  const fixed: AsnDraft[] = [
    {
      nip: DEMO_ASN[0].nip,
      name: DEMO_ASN[0].name,
      sex: "MALE",
      opdCode: "DISPENDIK",
      position: "Guru Ahli Muda",
      workKecamatanCode: "35.10.09",
      homeKecamatanCode: "35.10.09",
    },
    {
      nip: DEMO_ASN[1].nip,
      name: DEMO_ASN[1].name,
      sex: "FEMALE",
      opdCode: "DINKES",
      position: "Perawat Ahli Pertama",
      workKecamatanCode: "35.10.13",
      homeKecamatanCode: "35.10.25",
    },
    {
      nip: DEMO_ASN[2].nip,
      name: DEMO_ASN[2].name,
      sex: "MALE",
      opdCode: "DINSOS",
      position: "Pekerja Sosial Ahli Muda",
      workKecamatanCode: TOWN,
      homeKecamatanCode: "35.10.14",
    },
  ].map((asn, i) => ({
    ...asn,
    sex: asn.sex as Sex,
    id: ids.uuid(),
    employmentType: "PNS" as const,
    phone: phone(),
    isActive: true,
    target: DEMO_ASN[i]?.families ?? 3,
    diligence: 0.92,
  }));
  for (const asn of fixed) nips.add(asn.nip);

  const opdSlots: string[] = [];
  for (const [code, profile] of Object.entries(OPD_PROFILES)) {
    const already = fixed.filter((asn) => asn.opdCode === code).length;
    for (let i = already; i < profile.count; i++) opdSlots.push(code);
  }
  const order = rng.shuffle(opdSlots);
  // PPPK: 10 of the teachers and health workers.
  const pppkEligible = order
    .map((code, i) => ({ code, i }))
    .filter(({ code }) => code === "DISPENDIK" || code === "DINKES" || code === "RSUD_BLAMBANGAN");
  const pppkIndexes = new Set(
    rng
      .shuffle(pppkEligible)
      .slice(0, DEMO_COUNTS.pppk)
      .map(({ i }) => i),
  );

  const others = order.map((opdCode, i): AsnDraft => {
    const profile = OPD_PROFILES[opdCode] as OpdProfile;
    const pppk = pppkIndexes.has(i);
    const positions = pppk
      ? profile.positions.filter((p) => p.pppk)
      : profile.positions.filter((p) => !p.pppk || rng.chance(0.3));
    const position = rng.pick(positions.length > 0 ? positions : profile.positions);
    const sex: Sex = position.position.startsWith("Bidan") ? "FEMALE" : rng.chance(0.5) ? "MALE" : "FEMALE";
    const birthYear = pppk ? rng.int(1980, 1998) : rng.int(1968, 2000);
    const birth = addDays({ year: birthYear, month: 1, day: 1 }, rng.int(0, 364));
    const nip = pppk ? makePppkId(birth, sex, rng, nips) : makePnsNip(birth, sex, rng, nips);
    const title = rng.pick(position.titles);
    let work: string;
    let home: string;
    const region = DEMO_OPD.find((o) => o.code === opdCode)?.regionCode;
    switch (profile.work) {
      case "TOWN":
        work = TOWN;
        home = rng.pick(NEAR_TOWN);
        break;
      case "COAST":
        work = rng.pick(COAST);
        home = rng.chance(0.7) ? work : rng.pick(kecamatanCodes);
        break;
      case "OWN_REGION":
        work = region ?? TOWN;
        home = rng.chance(0.7) ? work : rng.pick(kecamatanCodes);
        break;
      default:
        work = rng.pick(kecamatanCodes);
        home = rng.chance(0.7) ? work : rng.pick(kecamatanCodes);
    }
    return {
      id: ids.uuid(),
      nip,
      name: asnName(sex, title, rng, taken),
      sex,
      employmentType: pppk ? "PPPK" : "PNS",
      opdCode,
      position: position.position,
      phone: phone(),
      workKecamatanCode: work,
      homeKecamatanCode: home,
      isActive: true,
      target: rng.weighted([
        [2, 1],
        [3, 2],
        [4, 3],
        [5, 2],
      ] as const),
      diligence: rng.chance(0.8) ? 0.94 : 0.64,
    };
  });
  // Three ASN moved out of the kabupaten (mutasi): deactivated, their families handed over.
  for (const asn of rng
    .shuffle(others.filter((a) => a.employmentType === "PNS"))
    .slice(0, DEMO_COUNTS.inactiveAsn)) {
    asn.isActive = false;
    asn.target = 0;
  }
  return [...fixed, ...others];
}

// ---------------------------------------------------------------------------------------------
// Seeding

export async function seedDemo(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  if (process.env.NODE_ENV === "production" && !options.force) {
    throw new Error("Seed demo tidak dijalankan di production (gunakan --force bila memang disengaja).");
  }
  const emptySummary = (skipped: boolean): SeedSummary => ({
    skipped,
    counts: {},
    periods: [],
    signIns: { usernames: [...DEMO_USERNAMES], asnNips: [...DEMO_ASN_NIPS] },
    ms: Date.now() - started,
  });
  if (await prisma.user.findUnique({ where: { username: "admin" }, select: { id: true } })) {
    log("data demo sudah ada");
    return emptySummary(true);
  }

  const now = options.now ?? new Date();
  const today = todayInJakarta(now);
  const ids = stream("ids");

  // Registry and roster.
  const households = generateHouseholds(today, ids);
  const kecamatanCodes = [...new Set(households.map((h) => h.kecamatanCode))].sort();
  const asns = generateAsn(kecamatanCodes, ids);
  const staffIds = {
    admin: ids.uuid(),
    bupati: ids.uuid(),
    sekda: ids.uuid(),
    pengawas: ids.uuid(),
    camat: ids.uuid(),
  };

  // Periods: the eight weekly periods before the current one (oldest first).
  const currentKey = periodKeyOf(now, "WEEKLY");
  const periods = periodKeysBack(previousPeriodKey(currentKey), DEMO_COUNTS.visitPeriods);
  const firstPeriodStart = parseDateOnly(periodRange(periods[0] as string).firstDay) as CalendarDate;

  // Assignments.
  const { assignments, slotsByHousehold } = planAssignments(
    households,
    asns,
    staffIds.admin,
    periods,
    firstPeriodStart,
  );

  // Visits and follow-ups.
  const built = buildVisits(households, asns, slotsByHousehold, periods, now, ids);
  const followUps = buildFollowUps(
    households,
    built.visitsByHousehold,
    built.episodesByHousehold,
    staffIds,
    now,
    ids,
  );

  // Self-check before anything is written: every number valid, every invariant holds.
  selfCheck(households, asns, assignments, now);

  const password = options.password || process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
  const passwordHash = await hash(password);

  await prisma.$transaction(
    async (tx) => {
      await loadReferenceData(tx);
      await tx.opd.createMany({ data: [...DEMO_OPD], skipDuplicates: true });
      const opdRows = await tx.opd.findMany({ select: { id: true, code: true } });
      const opdId = (code: string): number => {
        const row = opdRows.find((o) => o.code === code);
        if (!row) throw new Error(`OPD ${code} missing`);
        return row.id;
      };
      await tx.programmeSettings.update({ where: { id: 1 }, data: { cadence: "WEEKLY" } });

      const users: UserDraft[] = [
        {
          id: staffIds.admin,
          role: "ADMIN",
          username: "admin",
          name: "Admin Bappeda",
          passwordHash,
          opdId: opdId("BAPPEDA"),
          position: "Perencana Ahli Muda",
        },
        {
          id: staffIds.bupati,
          role: "LEADER",
          username: "bupati",
          name: "Bupati Banyuwangi",
          passwordHash,
          position: "Bupati",
        },
        {
          id: staffIds.sekda,
          role: "LEADER",
          username: "sekda",
          name: "Sekretaris Daerah Kabupaten Banyuwangi",
          passwordHash,
          opdId: opdId("SETDA"),
          position: "Sekretaris Daerah",
        },
        {
          id: staffIds.pengawas,
          role: "SUPERVISOR",
          username: "pengawas",
          name: "Drs. Sugeng Riyadi, M.Pd.",
          passwordHash,
          opdId: opdId("DISPENDIK"),
          position: "Kepala Dinas Pendidikan",
        },
        {
          id: staffIds.camat,
          role: "SUPERVISOR",
          username: "camat.genteng",
          name: "Hendra Kurniawan, S.STP., M.Si.",
          passwordHash,
          opdId: opdId("KEC_GENTENG"),
          supervisedRegionCode: "35.10.09",
          position: "Camat Genteng",
        },
        ...asns.map((asn): UserDraft => ({
          id: asn.id,
          role: "ASN",
          nip: asn.nip,
          employmentType: asn.employmentType,
          name: asn.name,
          passwordHash,
          isActive: asn.isActive,
          tokenVersion: asn.isActive ? 0 : 1,
          opdId: opdId(asn.opdCode),
          position: asn.position,
          phone: asn.phone,
          quota: 5,
          workKecamatanCode: asn.workKecamatanCode,
          homeKecamatanCode: asn.homeKecamatanCode,
        })),
      ];
      await tx.user.createMany({ data: users });

      for (const batch of chunks(households, 500)) {
        await tx.household.createMany({
          data: batch.map((h): Prisma.HouseholdCreateManyInput => ({
            id: h.id,
            kkNumber: h.kk,
            headName: (h.members[0] as MemberDraft).name,
            headNik: (h.members[0] as MemberDraft).nik,
            desaCode: h.desaCode,
            kecamatanCode: h.kecamatanCode,
            dusun: h.dusun,
            rt: h.rt,
            rw: h.rw,
            street: h.street,
            latitude: h.latitude,
            longitude: h.longitude,
            desil: h.desil,
            category: h.category,
            status: h.status,
            source: DEMO_SOURCE,
          })),
        });
      }
      const members = households.flatMap((h) =>
        h.members.map((m): Prisma.HouseholdMemberCreateManyInput => ({
          id: m.id,
          householdId: h.id,
          nik: m.nik,
          name: m.name,
          sex: m.sex,
          birthDate: utcMidnightOf(m.birth),
          relationship: m.relationship,
          schoolParticipation: m.school,
          disability: m.disability,
          chronicIllness: m.chronic,
          jknStatus: m.jkn,
          status: m.status,
        })),
      );
      for (const batch of chunks(members, 1000)) await tx.householdMember.createMany({ data: batch });
      for (const batch of chunks(assignments, 1000)) await tx.assignment.createMany({ data: batch });

      const visits = built.visits.map((v): Prisma.VisitCreateManyInput => ({
        id: v.id,
        householdId: v.householdId,
        asnId: v.asnId,
        periodKey: v.periodKey,
        visitDate: utcMidnightOf(parseDateOnly(v.visitDay) as CalendarDate),
        isLate: v.isLate,
        delivered: v.delivered,
        notDeliveredReason: v.notDeliveredReason,
        checklist: v.checklist as unknown as Prisma.InputJsonValue,
        houseLivable: v.houseLivable,
        notes: v.notes,
        latitude: v.latitude,
        longitude: v.longitude,
        gpsAccuracyMeters: v.gpsAccuracyMeters,
        idempotencyKey: v.idempotencyKey,
        createdAt: v.createdAt,
        updatedAt: v.createdAt,
      }));
      for (const batch of chunks(visits, 500)) await tx.visit.createMany({ data: batch });
      for (const batch of chunks(built.items, 1000)) await tx.visitItem.createMany({ data: batch });

      for (const batch of chunks(followUps.followUps, 500)) {
        await tx.followUp.createMany({
          data: batch.map(({ targetOpdCode, ...row }) => ({ ...row, targetOpdId: opdId(targetOpdCode) })),
        });
      }
      for (const batch of chunks(followUps.events, 1000)) {
        await tx.followUpEvent.createMany({
          data: batch.map(({ opdCode, ...event }) => ({ ...event, toOpdId: opdId(opdCode) })),
        });
      }
    },
    { timeout: 120_000, maxWait: 20_000 },
  );

  const counts: Record<string, number> = {
    opd: await prisma.opd.count(),
    staff: 5,
    asn: asns.length,
    asnActive: asns.filter((a) => a.isActive).length,
    asnPppk: asns.filter((a) => a.employmentType === "PPPK").length,
    households: households.length,
    householdsActive: households.filter((h) => h.status === "ACTIVE").length,
    kecamatanCovered: kecamatanCodes.length,
    members: households.reduce((sum, h) => sum + h.members.length, 0),
    assignmentsActive: assignments.filter((a) => !a.endedAt).length,
    assignmentsEnded: assignments.filter((a) => a.endedAt).length,
    householdsUnassigned: households.filter(
      (h) => h.status === "ACTIVE" && !assignments.some((a) => a.householdId === h.id && !a.endedAt),
    ).length,
    visits: built.visits.length,
    visitItems: built.items.length,
    followUps: followUps.followUps.length,
    followUpsOpen: followUps.followUps.filter((f) => f.status === "OPEN").length,
    followUpsInProgress: followUps.followUps.filter((f) => f.status === "IN_PROGRESS").length,
    followUpsResolved: followUps.followUps.filter((f) => f.status === "RESOLVED").length,
    followUpEvents: followUps.events.length,
  };
  return {
    skipped: false,
    counts,
    periods,
    signIns: { usernames: [...DEMO_USERNAMES], asnNips: [...DEMO_ASN_NIPS] },
    ms: Date.now() - started,
  };
}

// ---------------------------------------------------------------------------------------------
// Assignments

function kecamatanCentroids(): Map<string, { lat: number; lng: number }> {
  const sums = new Map<string, { lat: number; lng: number; n: number }>();
  for (const d of readDesa().desa) {
    const s = sums.get(d.kecamatanCode) ?? { lat: 0, lng: 0, n: 0 };
    sums.set(d.kecamatanCode, { lat: s.lat + d.lat, lng: s.lng + d.lng, n: s.n + 1 });
  }
  return new Map([...sums].map(([code, s]) => [code, { lat: s.lat / s.n, lng: s.lng / s.n }]));
}

function planAssignments(
  households: HouseholdDraft[],
  asns: AsnDraft[],
  adminId: string,
  periods: string[],
  firstPeriodStart: CalendarDate,
): { assignments: AssignmentDraft[]; slotsByHousehold: Map<string, VisitSlot[]> } {
  const rng = stream("assignments");
  const ids = stream("assignment-ids");
  const centroids = kecamatanCentroids();
  const active = households.filter((h) => h.status === "ACTIVE");
  const unassigned = new Set(
    rng
      .shuffle(active)
      .slice(0, DEMO_COUNTS.unassignedActiveHouseholds)
      .map((h) => h.id),
  );
  const pool = active.filter((h) => !unassigned.has(h.id));

  // Balance the targets (2..5, the three demo ASN fixed) so that every pooled household is assigned.
  const activeAsn = asns.filter((a) => a.isActive);
  const adjustable = activeAsn.slice(DEMO_ASN.length);
  let total = activeAsn.reduce((sum, a) => sum + a.target, 0);
  while (total !== pool.length) {
    const candidates = adjustable.filter((a) => (total < pool.length ? a.target < 5 : a.target > 2));
    if (candidates.length === 0) throw new Error("Cannot balance ASN quotas against the household pool");
    rng.pick(candidates).target += total < pool.length ? 1 : -1;
    total += total < pool.length ? 1 : -1;
  }

  const launchDay = parseDateOnly(PROGRAMME_START) as CalendarDate;
  // Current assignments started at the launch or later, at least two weeks before the demo window.
  const lastStartDay = dayNumberOf(firstPeriodStart) - 14;
  const startDate = (): { at: Date; atLaunch: boolean } => {
    const atLaunch = rng.chance(0.35);
    const day = atLaunch
      ? launchDay
      : calendarDateOfDayNumber(
          rng.int(dayNumberOf(launchDay), Math.max(dayNumberOf(launchDay), lastStartDay)),
        );
    return { at: wibInstant(day, 9, rng.int(0, 59)), atLaunch };
  };

  const distance = (h: HouseholdDraft, asn: AsnDraft): number => {
    const point = { lat: h.latitude ?? h.desaPoint.lat, lng: h.longitude ?? h.desaPoint.lng };
    const d = (code: string) => {
      const c = centroids.get(code) ?? point;
      return Math.hypot(c.lat - point.lat, c.lng - point.lng);
    };
    return Math.min(d(asn.workKecamatanCode) * 0.9, d(asn.homeKecamatanCode));
  };

  const assignments: AssignmentDraft[] = [];
  const current = new Map<string, AsnDraft>();
  const free = new Set(pool.map((h) => h.id));
  const order = [...activeAsn.slice(0, DEMO_ASN.length), ...rng.shuffle(adjustable)];
  for (const asn of order) {
    const candidates = pool
      .filter((h) => free.has(h.id))
      .map((h) => ({ h, d: distance(h, asn) }))
      .sort((a, b) => a.d - b.d || a.h.index - b.h.index)
      .slice(0, asn.target);
    for (const { h } of candidates) {
      free.delete(h.id);
      current.set(h.id, asn);
    }
  }
  if (free.size > 0) throw new Error(`${free.size} pooled households left unassigned`);

  // Mutasi: the inactive ASN fostered two families each until the middle of the demo window.
  const inactive = asns.filter((a) => !a.isActive);
  const demoFamilies = new Set(
    [...current]
      .filter(([, asn]) => DEMO_ASN.some((d) => d.nip === asn.nip))
      .map(([householdId]) => householdId),
  );
  const transferCandidates = rng.shuffle(pool.filter((h) => !demoFamilies.has(h.id)));
  const transferPeriod = Math.floor(periods.length / 2);
  const transferKey = periods[transferPeriod] as string;
  // Monday 07:00 WIB of the transfer week, before any visit of that week (visits are 08:00-17:00).
  const transferAt = wibInstant(parseDateOnly(periodRange(transferKey).firstDay) as CalendarDate, 7, 0);
  const previousAsn = new Map<string, AsnDraft>();
  inactive.forEach((asn, i) => {
    for (const h of transferCandidates.slice(i * 2, i * 2 + 2)) previousAsn.set(h.id, asn);
  });

  const slotsByHousehold = new Map<string, VisitSlot[]>();
  for (const h of pool) {
    const asn = current.get(h.id) as AsnDraft;
    const before = previousAsn.get(h.id);
    if (before) {
      assignments.push({
        id: ids.uuid(),
        householdId: h.id,
        asnId: before.id,
        startedAt: startDate().at,
        assignedById: adminId,
        reason: "Penugasan awal program ASN Berbagi",
        endedAt: transferAt,
        endedById: adminId,
        endReason: "Mutasi ASN",
      });
      assignments.push({
        id: ids.uuid(),
        householdId: h.id,
        asnId: asn.id,
        startedAt: transferAt,
        assignedById: adminId,
        reason: "Pengganti ASN yang dimutasi",
      });
    } else {
      const started = startDate();
      assignments.push({
        id: ids.uuid(),
        householdId: h.id,
        asnId: asn.id,
        startedAt: started.at,
        assignedById: adminId,
        reason: started.atLaunch ? "Penugasan awal program ASN Berbagi" : null,
      });
    }
    slotsByHousehold.set(
      h.id,
      periods.map((periodKey, periodIndex) => ({
        periodIndex,
        periodKey,
        asnId: before && periodIndex < transferPeriod ? before.id : asn.id,
      })),
    );
  }

  // Graduated families: their earlier assignment ended when they left desil 1.
  for (const h of households.filter((x) => x.status === "GRADUATED")) {
    const asn = rng.pick(activeAsn);
    const start = calendarDateOfDayNumber(rng.int(dayNumberOf(launchDay), dayNumberOf(launchDay) + 200));
    const end = calendarDateOfDayNumber(rng.int(dayNumberOf(start) + 120, dayNumberOf(start) + 400));
    assignments.push({
      id: ids.uuid(),
      householdId: h.id,
      asnId: asn.id,
      startedAt: wibInstant(start, 9, 0),
      assignedById: adminId,
      reason: "Penugasan awal program ASN Berbagi",
      endedAt: wibInstant(end, 10, 0),
      endedById: adminId,
      endReason: "Keluarga graduasi (tidak lagi desil 1)",
    });
  }
  return { assignments, slotsByHousehold };
}

// ---------------------------------------------------------------------------------------------
// Visits

function buildVisits(
  households: HouseholdDraft[],
  asns: AsnDraft[],
  slotsByHousehold: Map<string, VisitSlot[]>,
  periods: string[],
  now: Date,
  ids: Rng,
): {
  visits: VisitDraft[];
  items: Prisma.VisitItemCreateManyInput[];
  visitsByHousehold: Map<string, VisitDraft[]>;
  episodesByHousehold: Map<string, Episode[]>;
} {
  const rng = stream(`visits:${periods[0]}`);
  const episodeRng = stream(`episodes:${periods[0]}`);
  const asnById = new Map(asns.map((a) => [a.id, a]));
  const visits: VisitDraft[] = [];
  const items: Prisma.VisitItemCreateManyInput[] = [];
  const visitsByHousehold = new Map<string, VisitDraft[]>();
  const episodesByHousehold = new Map<string, Episode[]>();
  const mismatches: string[] = [];

  for (const h of households) {
    const slots = slotsByHousehold.get(h.id);
    if (!slots) continue;
    // 1. Which periods were reported, when, by whom.
    const handedOver = slots.some((slot) => slot.asnId !== slots[0]?.asnId);
    const planned = slots
      .filter((slot) => rng.chance(asnById.get(slot.asnId)?.diligence ?? 0.9))
      .map((slot) => {
        const range = periodRange(slot.periodKey);
        const day = addDays(parseDateOnly(range.firstDay) as CalendarDate, rng.int(0, 4));
        let createdAt = wibInstant(day, rng.int(8, 16), rng.int(0, 59));
        let isLate = false;
        if (rng.chance(0.03) && !handedOver) {
          const late = new Date(range.end.getTime() + rng.int(1, 4) * 86_400_000 + rng.int(1, 8) * 3_600_000);
          if (late.getTime() < now.getTime()) {
            createdAt = late;
            isLate = true;
          }
        }
        return { slot, day: toDateOnlyString(day), createdAt, isLate } satisfies PlannedVisit;
      });
    if (planned.length === 0) continue;

    // 2. Problems the family has, when they show, and how their follow-up ends.
    const episodes = planEpisodes(h, planned, episodeRng);
    episodesByHousehold.set(h.id, episodes);
    const episodeOf = (type: FollowUpType) => episodes.find((e) => e.type === type);
    const shows = (e: Episode | undefined, i: number) =>
      e !== undefined && i >= e.onset && (e.resolvedAfter === null || i <= e.resolvedAfter);
    const fixedBy = (e: Episode | undefined, i: number) =>
      e !== undefined && e.resolvedAfter !== null && i > e.resolvedAfter;

    // Stored member data is the latest report: problems that were solved are gone. A death or move
    // reaches the registry (member status) only when Bappeda resolved the REGISTRY_UPDATE.
    const school = episodeOf("SCHOOL_DROPOUT");
    const health = episodeOf("HEALTH_WITHOUT_JKN");
    const registry = episodeOf("REGISTRY_UPDATE");
    for (const m of h.members) {
      if (school?.memberId === m.id && school.resolvedAfter !== null) m.school = "ENROLLED";
      if (health?.memberId === m.id && health.resolvedAfter !== null) m.jkn = "PBI";
      if (registry?.memberId === m.id && registry.resolvedAfter === null) m.status = "PRESENT";
    }
    const facts: HouseholdFacts = {
      desil: h.desil,
      category: h.category,
      members: h.members.map((m) => ({ id: m.id, name: m.name, birthDate: utcMidnightOf(m.birth) })),
    };

    const list: VisitDraft[] = [];
    planned.forEach((p, i) => {
      // Once the registry knows the member died or moved, the checklist no longer lists them.
      const listed = h.members.filter((m) => !(registry?.memberId === m.id && fixedBy(registry, i)));
      const members = listed.map((m) => {
        const presence: MemberStatus =
          registry?.memberId === m.id
            ? i >= registry.onset
              ? (registry.goneStatus ?? "DIED")
              : "PRESENT"
            : m.status;
        let jkn: JknStatus = m.jkn;
        if (health?.memberId === m.id) {
          // Before the problem showed, the member paid JKN themselves (or had PBI); after it was solved, PBI.
          jkn = shows(health, i) ? "NONE" : fixedBy(health, i) || !h.noAid ? "PBI" : "MANDIRI";
        }
        const age = ageAt(m.birth, p.day);
        let schoolAnswer: SchoolParticipation | null = null;
        if (isSchoolAge(age)) {
          if (school?.memberId === m.id)
            schoolAnswer = shows(school, i) ? (school.problemSchool ?? "DROPPED_OUT") : "ENROLLED";
          else
            schoolAnswer =
              m.school === "DROPPED_OUT" || m.school === "NEVER_ENROLLED" ? m.school : "ENROLLED";
        }
        const sick = rng.chance(0.03);
        return {
          memberId: m.id,
          presence,
          health: (m.disability
            ? "DISABLED"
            : m.chronic
              ? "CHRONIC"
              : sick
                ? "SICK"
                : "HEALTHY") as Checklist["members"][number]["health"],
          chronicDisease: m.chronic,
          disability: m.disability,
          jkn,
          school: schoolAnswer,
        };
      });
      const present = members.filter((m) => m.presence === "PRESENT");

      const aidEpisode = episodeOf("NO_ROUTINE_AID");
      let aid = [...h.baseAid];
      if (aidEpisode) aid = shows(aidEpisode, i) ? [] : fixedBy(aidEpisode, i) ? ["PKH", "BPNT"] : ["BPNT"];
      const houseEpisode = episodeOf("UNLIVABLE_HOUSE");
      const renovated = fixedBy(houseEpisode, i);
      // RTLH renovation: cement floor, brick walls, tiled roof, own latrine, a protected well if needed.
      const answers = renovated
        ? {
            floor: 6,
            wall: 1,
            roof: 2,
            drinkingWater: [6, 8].includes(h.house.drinkingWater) ? 4 : h.house.drinkingWater,
            sanitation: 1,
            electricity: h.house.electricity,
            floorAreaM2: Math.max(h.house.floorAreaM2 ?? 0, Math.ceil(h.members.length * 7.5)),
          }
        : h.house;
      const house: House = { ...answers, livable: isHouseLivable(answers, present.length) };
      if (renovated) aid.push("RTLH");
      if (present.some((m) => m.jkn === "PBI")) aid.push("PBI_JKN");
      const order = [...AID_NATIONAL, "Rantang Kasih", "Banyuwangi Cerdas"] as string[];
      aid = [...new Set(aid)].sort((a, b) => order.indexOf(a) - order.indexOf(b));

      const alone = present.length === 1;
      const elderly = episodeOf("ELDERLY_ALONE");
      const livingAlone = {
        anyoneAlone: alone,
        hasCaregiver: alone ? (elderly ? !shows(elderly, i) : h.hasCaregiver) : null,
      };

      const notes = rng.chance(0.15) ? rng.pick(VISIT_NOTES) : null;
      const delivered = !rng.chance(0.05);
      const gps = visitGps(h, rng);
      const visit: VisitDraft = {
        id: ids.uuid(),
        householdId: h.id,
        asnId: p.slot.asnId,
        periodKey: p.slot.periodKey,
        visitDay: p.day,
        isLate: p.isLate,
        delivered,
        notDeliveredReason: delivered ? null : rng.pick(NOT_DELIVERED_REASONS),
        checklist: {
          version: 1,
          livingAlone,
          members,
          aid,
          house,
          changes: { familyMoved: false, familyNotFound: false, newMember: false },
          notes,
        },
        houseLivable: house.livable,
        notes,
        ...gps,
        idempotencyKey: ids.uuid(),
        createdAt: p.createdAt,
      };
      // Cross-check with the app's rule engine: the report shows exactly the problems planned for it.
      const expected = episodes
        .filter((e) => shows(e, i))
        .map((e) => e.type)
        .sort();
      const found = problemsIn(visit.checklist, facts, p.day)
        .map((problem) => problem.type)
        .sort();
      if (expected.join() !== found.join()) {
        mismatches.push(
          `${h.kk.slice(0, 6)}… ${p.slot.periodKey}: planned [${expected.join()}], rules [${found.join()}]`,
        );
      }
      list.push(visit);
      if (delivered) {
        // The app's menu rotation (src/lib/menu.ts); sometimes an extra item.
        const menuIndex = (menuSlotOf(p.slot.periodKey).slot - 1) % DEFAULT_MENU.length;
        const picks = [DEFAULT_MENU[menuIndex]];
        if (rng.chance(0.25)) picks.push(DEFAULT_MENU[(menuIndex + 2) % DEFAULT_MENU.length]);
        for (const item of picks) {
          if (!item) continue;
          const quantity = rng.chance(0.15) ? (item.unit === "paket" ? 2 : 1.5) : item.defaultQuantity;
          const value =
            Math.round((item.defaultValueRupiah * quantity * (0.9 + rng.next() * 0.2)) / 500) * 500;
          items.push({
            id: ids.uuid(),
            visitId: visit.id,
            name: item.name,
            quantity,
            unit: item.unit,
            valueRupiah: value,
          });
        }
      }
    });
    visits.push(...list);
    visitsByHousehold.set(h.id, list);
  }
  if (mismatches.length > 0) {
    throw new Error(
      `Seed self-check failed: ${mismatches.length} visit checklists disagree with src/lib/follow-up-rules.ts:\n  ` +
        mismatches.slice(0, 20).join("\n  "),
    );
  }
  return { visits, items, visitsByHousehold, episodesByHousehold };
}

function visitGps(
  h: HouseholdDraft,
  rng: Rng,
): { latitude: number | null; longitude: number | null; gpsAccuracyMeters: number | null } {
  const roll = rng.next();
  const dLat = rng.next() - 0.5;
  const dLng = rng.next() - 0.5;
  const accuracy = rng.int(5, 40);
  if (h.latitude !== null && h.longitude !== null) {
    if (roll >= 0.75) return { latitude: null, longitude: null, gpsAccuracyMeters: null };
    // About 3% of fixes are far (~1 km) from the registered point: the GPS flag has something to show.
    const spread = roll < 0.0225 ? 0.02 : 0.0012;
    return {
      latitude: round6(h.latitude + dLat * spread),
      longitude: round6(h.longitude + dLng * spread),
      gpsAccuracyMeters: accuracy,
    };
  }
  if (roll >= 0.4) return { latitude: null, longitude: null, gpsAccuracyMeters: null };
  return {
    latitude: round6(h.desaPoint.lat + dLat * 0.008),
    longitude: round6(h.desaPoint.lng + dLng * 0.008),
    gpsAccuracyMeters: accuracy + 10,
  };
}

type PlannedVisit = { slot: VisitSlot; day: string; createdAt: Date; isLate: boolean };

/** When the visit of a day took place (for ordering against follow-up events): 08:00 WIB at the latest. */
function visitMorning(day: string): number {
  return wibInstant(parseDateOnly(day) as CalendarDate, 7, 0).getTime();
}

/**
 * Visits after which a problem shown from `onset` can have been solved: between the last report that
 * still shows it and the next visit there must be room (late reports can be filed after that visit).
 */
function resolutionPoints(planned: PlannedVisit[], onset: number, lastAllowed: number): number[] {
  const points: number[] = [];
  for (let k = onset; k <= Math.min(lastAllowed, planned.length - 2); k++) {
    const lastReport = Math.max(...planned.slice(onset, k + 1).map((p) => p.createdAt.getTime()));
    const next = planned[k + 1] as PlannedVisit;
    if (Math.min(visitMorning(next.day), next.createdAt.getTime()) > lastReport + 4 * 3_600_000)
      points.push(k);
  }
  return points;
}

/** The problems a visited household shows in the window, each becoming one follow-up. */
function planEpisodes(h: HouseholdDraft, planned: PlannedVisit[], rng: Rng): Episode[] {
  const n = planned.length;
  const episodes: Episode[] = [];
  const add = (
    type: FollowUpType,
    memberId: string | null,
    onset: number,
    canResolve: boolean,
    extra: Partial<Episode> = {},
    lastResolvable = n - 2,
  ) => {
    const roll = rng.next();
    const points = canResolve ? resolutionPoints(planned, onset, lastResolvable) : [];
    if (points.length > 0 && roll < 0.15) {
      episodes.push({
        type,
        memberId,
        onset,
        resolvedAfter: rng.pick(points),
        outcome: "RESOLVED",
        ...extra,
      });
    } else {
      const outcome = roll < 0.45 ? "IN_PROGRESS" : "OPEN";
      episodes.push({ type, memberId, onset, resolvedAfter: null, outcome, ...extra });
    }
  };
  const emergingOnset = () => (n >= 2 && rng.chance(0.25) ? rng.int(1, n - 1) : 0);
  const present = h.members.filter((m) => m.status === "PRESENT");

  const dropout = present.find((m) => m.school === "DROPPED_OUT" || m.school === "NEVER_ENROLLED");
  if (dropout) {
    const schoolAgeVisits = planned
      .map((p, i) => (isSchoolAge(ageAt(dropout.birth, p.day)) ? i : -1))
      .filter((i) => i >= 0);
    if (schoolAgeVisits.length > 0) {
      const firstSchoolAge = schoolAgeVisits[0] as number;
      const lastSchoolAge = schoolAgeVisits[schoolAgeVisits.length - 1] as number;
      const emerging = emergingOnset();
      const onset = emerging >= firstSchoolAge && emerging <= lastSchoolAge ? emerging : firstSchoolAge;
      // Back at school only shows while still of school age.
      add(
        "SCHOOL_DROPOUT",
        dropout.id,
        onset,
        true,
        { problemSchool: dropout.school ?? "DROPPED_OUT" },
        lastSchoolAge - 1,
      );
    }
  }
  const noAidEligible = h.noAid && (h.desil === 1 || h.category === "MISKIN_EKSTREM");
  const uninsured = present.find((m) => (m.chronic || m.disability) && m.jkn === "NONE");
  // A solved JKN problem means PBI, which is routine aid: not while the family has no aid at all.
  if (uninsured) add("HEALTH_WITHOUT_JKN", uninsured.id, emergingOnset(), !noAidEligible);
  if (noAidEligible) add("NO_ROUTINE_AID", null, emergingOnset(), true);
  if (!h.house.livable) add("UNLIVABLE_HOUSE", null, 0, true);
  const alone = present.length === 1 ? (present[0] as MemberDraft) : null;
  if (alone && !h.hasCaregiver && ageAt(alone.birth, (planned[0] as PlannedVisit).day) >= 60) {
    add("ELDERLY_ALONE", alone.id, 0, true);
  }
  const gone = h.members.find(
    (m) => m.relationship !== "HEAD" && (m.status === "DIED" || m.status === "MOVED"),
  );
  if (gone) {
    add("REGISTRY_UPDATE", gone.id, n >= 2 ? rng.int(1, n - 1) : 0, true, { goneStatus: gone.status });
  }
  return episodes;
}

// ---------------------------------------------------------------------------------------------
// Follow-ups

type FollowUpDraft = Omit<Prisma.FollowUpCreateManyInput, "targetOpdId"> & {
  id: string;
  targetOpdCode: string;
};
type EventDraft = Omit<Prisma.FollowUpEventCreateManyInput, "toOpdId"> & { opdCode: string };

function buildFollowUps(
  households: HouseholdDraft[],
  visitsByHousehold: Map<string, VisitDraft[]>,
  episodesByHousehold: Map<string, Episode[]>,
  staff: { admin: string; pengawas: string },
  now: Date,
  ids: Rng,
): { followUps: FollowUpDraft[]; events: EventDraft[] } {
  const rng = stream("follow-ups");
  const followUps: FollowUpDraft[] = [];
  const events: EventDraft[] = [];
  for (const h of households) {
    const visits = visitsByHousehold.get(h.id);
    const episodes = episodesByHousehold.get(h.id);
    if (!visits || !episodes) continue;
    for (const e of episodes) {
      // The visits that show the problem; a late report can be filed after the next week's one, so
      // the follow-up is raised by whichever of them was filed first.
      const showing = visits.slice(e.onset, e.resolvedAfter === null ? visits.length : e.resolvedAfter + 1);
      const raisedBy = showing.reduce((a, b) => (b.createdAt < a.createdAt ? b : a));
      // Member and detail exactly as the app's rule engine words them for that report.
      const facts: HouseholdFacts = {
        desil: h.desil,
        category: h.category,
        members: h.members.map((m) => ({ id: m.id, name: m.name, birthDate: utcMidnightOf(m.birth) })),
      };
      const problem = problemsIn(raisedBy.checklist, facts, raisedBy.visitDay).find((p) => p.type === e.type);
      if (!problem) throw new Error(`Seed: visit ${raisedBy.id} does not show ${e.type}`);
      const opdCode = FOLLOW_UP_OPD[e.type];
      const actor = opdCode === "DISPENDIK" ? staff.pengawas : staff.admin;
      const createdAt = raisedBy.createdAt;
      const id = ids.uuid();

      const status: FollowUpStatus = e.outcome;
      let resolvedAt: Date | null = null;
      let cleared: VisitDraft | null = null;
      if (e.outcome === "RESOLVED" && e.resolvedAfter !== null) {
        // Solved between the last report that showed it and the first one that did not.
        cleared = visits[e.resolvedAfter + 1] as VisitDraft;
        const lower = Math.max(...showing.map((v) => v.createdAt.getTime())) + 2 * 3_600_000;
        const upper = Math.min(visitMorning(cleared.visitDay), cleared.createdAt.getTime());
        if (upper <= lower) throw new Error(`Seed: no room to resolve a follow-up of household ${h.id}`);
        resolvedAt = new Date(lower + Math.floor(rng.next() * (upper - lower)));
      }
      const latest = resolvedAt ? resolvedAt.getTime() : now.getTime() - 3_600_000;
      const created = createdAt.getTime();
      const inProgressAt = new Date(
        Math.max(
          created + 1_000,
          Math.min(
            created + rng.int(6, 120) * 3_600_000,
            created + (latest - created) * 0.8,
            now.getTime() - 1_000,
          ),
        ),
      );

      events.push({
        id: ids.uuid(),
        followUpId: id,
        actorId: raisedBy.asnId,
        fromStatus: null,
        toStatus: "OPEN",
        opdCode,
        note: CREATED_NOTE,
        createdAt,
      });
      let updatedAt = createdAt;
      if (status === "IN_PROGRESS" || status === "RESOLVED") {
        events.push({
          id: ids.uuid(),
          followUpId: id,
          actorId: actor,
          fromStatus: "OPEN",
          toStatus: "IN_PROGRESS",
          opdCode,
          note: rng.pick(IN_PROGRESS_NOTES[e.type]),
          createdAt: inProgressAt,
        });
        updatedAt = inProgressAt;
      }
      if (status === "RESOLVED" && resolvedAt) {
        events.push({
          id: ids.uuid(),
          followUpId: id,
          actorId: actor,
          fromStatus: "IN_PROGRESS",
          toStatus: "RESOLVED",
          opdCode,
          note: RESOLVED_NOTES[e.type],
          createdAt: resolvedAt,
        });
        updatedAt = resolvedAt;
      }
      followUps.push({
        id,
        householdId: h.id,
        memberId: problem.memberId,
        raisedByVisitId: raisedBy.id,
        type: e.type,
        targetOpdCode: opdCode,
        status,
        detail: problem.detail,
        clearedByVisitId: cleared?.id ?? null,
        clearedAt: cleared?.createdAt ?? null,
        resolvedAt,
        createdAt,
        updatedAt,
      });
    }
  }
  return { followUps, events };
}

// ---------------------------------------------------------------------------------------------
// Self-check: fail loudly before writing anything invalid

function selfCheck(
  households: HouseholdDraft[],
  asns: AsnDraft[],
  assignments: AssignmentDraft[],
  now: Date,
): void {
  const errors: string[] = [];
  const niks = new Set<string>();
  const kks = new Set<string>();
  for (const h of households) {
    const kk = parseKkNumber(h.kk);
    if (!kk.ok) errors.push(`KK ${h.kk}: ${kk.message}`);
    if (kks.has(h.kk)) errors.push(`KK ${h.kk} duplicated`);
    kks.add(h.kk);
    if (h.kecamatanCode !== h.desaCode.slice(0, 8))
      errors.push(`household ${h.index}: kecamatan/desa mismatch`);
    if (h.members.length < 1 || h.members.length > 6)
      errors.push(`household ${h.index}: ${h.members.length} members`);
    const heads = h.members.filter((m) => m.relationship === "HEAD");
    if (heads.length !== 1 || h.members[0]?.relationship !== "HEAD")
      errors.push(`household ${h.index}: needs exactly one head, first`);
    for (const m of h.members) {
      const parsed = parseNik(m.nik, now);
      if (!parsed.ok) errors.push(`NIK ${m.nik}: ${parsed.message}`);
      const mismatch = checkNikAgainst(m.nik, { sex: m.sex, birthDate: toDateOnlyString(m.birth) }, now);
      if (mismatch.length > 0) errors.push(`NIK ${m.nik}: ${mismatch.join(" ")}`);
      if (niks.has(m.nik)) errors.push(`NIK ${m.nik} duplicated`);
      niks.add(m.nik);
    }
  }
  const asnIds = new Set<string>();
  for (const asn of asns) {
    if (asnIds.has(asn.nip)) errors.push(`ASN id ${asn.nip} duplicated`);
    asnIds.add(asn.nip);
    const nip = parseNip(asn.nip, now);
    const asnId = parseAsnId(asn.nip, now);
    if (!asnId.ok || asnId.employmentType !== asn.employmentType)
      errors.push(`ASN id ${asn.nip}: not read as ${asn.employmentType}`);
    if (asn.employmentType === "PNS") {
      if (!nip.ok) errors.push(`NIP ${asn.nip}: ${nip.message}`);
      else if (nip.sex !== asn.sex) errors.push(`NIP ${asn.nip}: sex digit does not match ${asn.sex}`);
    } else if (nip.ok) errors.push(`NI PPPK ${asn.nip} parses as a PNS NIP`);
  }
  const activeByHousehold = new Map<string, number>();
  const loadByAsn = new Map<string, number>();
  for (const a of assignments) {
    if (a.endedAt) continue;
    activeByHousehold.set(a.householdId, (activeByHousehold.get(a.householdId) ?? 0) + 1);
    loadByAsn.set(a.asnId, (loadByAsn.get(a.asnId) ?? 0) + 1);
  }
  for (const [householdId, n] of activeByHousehold)
    if (n > 1) errors.push(`household ${householdId}: ${n} active assignments`);
  for (const asn of asns) {
    const load = loadByAsn.get(asn.id) ?? 0;
    if (asn.isActive && (load < 2 || load > 5)) errors.push(`ASN ${asn.nip} fosters ${load} families`);
    if (!asn.isActive && load > 0) errors.push(`inactive ASN ${asn.nip} still fosters ${load} families`);
  }
  DEMO_ASN.forEach((demo, i) => {
    const load = loadByAsn.get(asns[i]?.id ?? "") ?? 0;
    if (asns[i]?.nip !== demo.nip || load !== demo.families)
      errors.push(`demo ASN ${demo.nip} fosters ${load}, expected ${demo.families}`);
  });
  const kecamatan = new Set(households.map((h) => h.kecamatanCode));
  if (kecamatan.size !== 25) errors.push(`households cover ${kecamatan.size} kecamatan, expected 25`);
  if (errors.length > 0) {
    throw new Error(`Seed self-check failed (${errors.length}):\n  ${errors.slice(0, 30).join("\n  ")}`);
  }
}

// ---------------------------------------------------------------------------------------------
// CLI

if (isMainModule(import.meta.url)) {
  const force = process.argv.includes("--force");
  if (process.env.NODE_ENV === "production" && !force) {
    console.error(
      "Seed demo tidak dijalankan karena NODE_ENV=production. Tambahkan --force bila memang disengaja.",
    );
    process.exit(1);
  }
  const { createPrismaClient } = await import("./lib/prisma-client.mjs");
  const prisma = createPrismaClient();
  try {
    const passwordFromEnv = process.env.DEMO_PASSWORD;
    const summary = await seedDemo(prisma, {
      password: passwordFromEnv || DEFAULT_DEMO_PASSWORD,
      force,
      log: console.log,
    });
    if (!summary.skipped) {
      const c = summary.counts;
      console.log(
        [
          `Data demo dibuat dalam ${(summary.ms / 1000).toFixed(1)} dtk:`,
          `  OPD ${c.opd}; akun staf ${c.staff}; ASN ${c.asn} (${c.asnActive} aktif, ${c.asnPppk} PPPK)`,
          `  keluarga ${c.households} (${c.householdsActive} aktif, ${c.kecamatanCovered} kecamatan), anggota ${c.members}`,
          `  penugasan aktif ${c.assignmentsActive}, riwayat ${c.assignmentsEnded}, keluarga aktif belum diasuh ${c.householdsUnassigned}`,
          `  kunjungan ${c.visits} (${summary.periods[0]} s.d. ${summary.periods[summary.periods.length - 1]}), item ${c.visitItems}`,
          `  tindak lanjut ${c.followUps} (terbuka ${c.followUpsOpen}, diproses ${c.followUpsInProgress}, selesai ${c.followUpsResolved}), riwayat ${c.followUpEvents}`,
          `Akun demo (kata sandi ${passwordFromEnv ? "dari DEMO_PASSWORD" : `"${DEFAULT_DEMO_PASSWORD}"`}):`,
          `  ${summary.signIns.usernames.join(", ")}`,
          ...DEMO_ASN.map((asn) => `  ASN ${asn.nip}  ${asn.name} (${asn.opd}, ${asn.families} keluarga)`),
        ].join("\n"),
      );
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await prisma.$disconnect();
  }
}
