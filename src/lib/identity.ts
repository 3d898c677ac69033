/**
 * Indonesian identity numbers: NIK, Nomor KK, NIP (PNS) and NI PPPK (domain-indonesia.md §1).
 * Universal: runs on the server and in the browser. Messages are Indonesian, ready to show.
 *
 * Birth dates are returned as a Date at UTC midnight (how Prisma stores `@db.Date`); every helper in
 * dates.ts reads such a Date as the same calendar day.
 */
import {
  type CalendarDate,
  compareCalendarDates,
  formatDate,
  isExistingDate,
  jakartaCalendarDateOf,
  monthName,
  parseDateOnly,
  toDateOnlyString,
  utcMidnightOf,
} from "./dates";

export type Sex = "MALE" | "FEMALE";
export type ParseFailure = { ok: false; message: string };

export type ParsedNik = { ok: true; nik: string; regionCode: string; birthDate: Date; sex: Sex };
export type ParsedKkNumber = { ok: true; kk: string; regionCode: string };
export type ParsedNip = {
  ok: true;
  nip: string;
  birthDate: Date;
  /** TMT CPNS: year and month of first appointment. */
  appointment: { year: number; month: number };
  sex: Sex;
};
export type ParsedAsnId =
  ({ id: string; employmentType: "PNS" } & ParsedNip) | { ok: true; id: string; employmentType: "PPPK" };

export const NIK_LENGTH = 16;
export const KK_NUMBER_LENGTH = 16;
export const ASN_ID_LENGTH = 18;

/** Kemendagri province codes (38 provinces, incl. the 2022 Papua splits 93–96). */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...["11", "12", "13", "14", "15", "16", "17", "18", "19", "21"],
  ...["31", "32", "33", "34", "35", "36", "51", "52", "53"],
  ...["61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76"],
  ...["81", "82", "91", "92", "93", "94", "95", "96"],
]);

/** NIK digits 7–8: women have 40 added to the day of birth (domain-indonesia.md §1.1). */
const NIK_FEMALE_DAY_OFFSET = 40;
/** Plausible age at TMT CPNS, in whole years (checked at month precision: the TMT has no day). */
const MIN_AGE_AT_APPOINTMENT = 18;
const MAX_AGE_AT_APPOINTMENT = 60;

const SEX_LABEL: Record<Sex, string> = { MALE: "laki-laki", FEMALE: "perempuan" };

/** Removes spaces, dots and dashes people type between digit groups: "3510 0123-4567.0012". */
export function normaliseDigits(value: string): string {
  return value.replace(/[\s.\-\u2010-\u2015]/g, "");
}

/**
 * Reads a NIK (domain-indonesia.md §1.1). Digits 1–6 are the region of first registration, never
 * required to be Banyuwangi. The two-digit birth year resolves to the latest date not after `today`
 * (WIB), so "…151226…" read on 29 Nov 2026 is 15 Dec 1926: only a centenarian can hold that NIK.
 */
export function parseNik(value: string, today: Date = new Date()): ParsedNik | ParseFailure {
  const digits = readDigits(value, NIK_LENGTH, "NIK");
  if (typeof digits !== "string") return digits;
  if (!PROVINCE_CODES.has(digits.slice(0, 2))) {
    return fail(`Dua digit pertama NIK (${digits.slice(0, 2)}) bukan kode provinsi yang dikenal.`);
  }
  const dayDigits = Number(digits.slice(6, 8));
  const sex = sexFromNikDay(dayDigits);
  if (!sex) {
    return fail("Digit 7–8 NIK (tanggal lahir) harus 01–31 untuk laki-laki atau 41–71 untuk perempuan.");
  }
  const day = sex === "FEMALE" ? dayDigits - NIK_FEMALE_DAY_OFFSET : dayDigits;
  const month = Number(digits.slice(8, 10));
  if (month < 1 || month > 12) return fail("Digit 9–10 NIK (bulan lahir) harus 01–12.");
  const birth = resolveTwoDigitYear(Number(digits.slice(10, 12)), month, day, jakartaCalendarDateOf(today));
  if (!birth) return fail(`Tanggal lahir pada NIK (${day} ${monthName(month)}) tidak ada di kalender.`);
  if (digits.slice(12) === "0000") return fail("Digit 13–16 NIK (nomor urut) tidak boleh 0000.");
  return { ok: true, nik: digits, regionCode: regionCodeOf(digits), birthDate: utcMidnightOf(birth), sex };
}

/**
 * Cross-checks a NIK against the sex and birth date entered elsewhere on the form. Returns the
 * mismatches as Indonesian messages ([] when consistent), or the NIK's own format error. Birth years
 * are compared by their last two digits, as the NIK holds no century. A malformed birthDate is
 * ignored here (its own field validation reports it).
 */
export function checkNikAgainst(
  nik: string,
  given: { sex?: Sex; birthDate?: Date | string },
  today: Date = new Date(),
): string[] {
  const parsed = parseNik(nik, today);
  if (!parsed.ok) return [parsed.message];
  const messages: string[] = [];
  if (given.sex && given.sex !== parsed.sex) {
    messages.push(
      `Jenis kelamin tidak cocok dengan NIK: NIK menunjukkan ${SEX_LABEL[parsed.sex]}, sedangkan yang diisi ${SEX_LABEL[given.sex]}.`,
    );
  }
  const givenBirth = given.birthDate === undefined ? null : readGivenDate(given.birthDate);
  const nikBirth = jakartaCalendarDateOf(parsed.birthDate);
  if (givenBirth && !isSameDayMonthAndTwoDigitYear(givenBirth, nikBirth)) {
    messages.push(
      `Tanggal lahir tidak cocok dengan NIK: NIK menunjukkan ${formatDate(toDateOnlyString(nikBirth))}, sedangkan yang diisi ${formatDate(toDateOnlyString(givenBirth))}.`,
    );
  }
  return messages;
}

/**
 * Reads a Nomor KK (domain-indonesia.md §1.2): 16 digits, digits 1–6 the issuing region. Digits 7–12
 * are deliberately not checked: the doc marks their meaning (registration date) UNVERIFIED.
 */
export function parseKkNumber(value: string): ParsedKkNumber | ParseFailure {
  const digits = readDigits(value, KK_NUMBER_LENGTH, "Nomor KK");
  if (typeof digits !== "string") return digits;
  if (!PROVINCE_CODES.has(digits.slice(0, 2))) {
    return fail(`Dua digit pertama Nomor KK (${digits.slice(0, 2)}) bukan kode provinsi yang dikenal.`);
  }
  if (digits.slice(12) === "0000") return fail("Digit 13–16 Nomor KK (nomor urut) tidak boleh 0000.");
  return { ok: true, kk: digits, regionCode: regionCodeOf(digits) };
}

/**
 * Reads a PNS NIP (domain-indonesia.md §1.3, Perka BKN 22/2007): birth date YYYYMMDD, TMT CPNS YYYYMM,
 * sex digit (1 male, 2 female), serial from 001. Spaces are allowed: "19860926 201505 1 001".
 */
export function parseNip(value: string, today: Date = new Date()): ParsedNip | ParseFailure {
  const digits = readDigits(value, ASN_ID_LENGTH, "NIP");
  if (typeof digits !== "string") return digits;
  return parseNipDigits(digits, jakartaCalendarDateOf(today));
}

/**
 * Reads the ID an ASN signs in with: a valid PNS NIP, otherwise an 18-digit NI PPPK. The NI PPPK
 * layout is UNVERIFIED (domain-indonesia.md §1.3) and PPPK take part in the programme, so any
 * 18-digit number that is not a valid PNS NIP is accepted as PPPK rather than rejected. The
 * employmentType is therefore an inference: a PNS NIP with a typo in its date digits reads as PPPK.
 */
export function parseAsnId(value: string, today: Date = new Date()): ParsedAsnId | ParseFailure {
  const digits = readDigits(value, ASN_ID_LENGTH, "NIP/NI PPPK");
  if (typeof digits !== "string") return digits;
  if (/^0+$/.test(digits)) return fail("NIP/NI PPPK tidak boleh berisi angka 0 semua.");
  const nip = parseNipDigits(digits, jakartaCalendarDateOf(today));
  if (nip.ok) return { ...nip, id: digits, employmentType: "PNS" };
  return { ok: true, id: digits, employmentType: "PPPK" };
}

/** "3510012345670012" → "3510••••••••0012": first and last 4 visible; shorter values fully hidden. */
export function maskPersonalNumber(value: string): string {
  const digits = normaliseDigits(value);
  const visible = 4;
  if (digits.length <= visible * 2) return "•".repeat(digits.length);
  return `${digits.slice(0, visible)}${"•".repeat(digits.length - visible * 2)}${digits.slice(-visible)}`;
}

function parseNipDigits(digits: string, today: CalendarDate): ParsedNip | ParseFailure {
  const birth = parseDateOnly(`${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`);
  if (!birth)
    return fail("Digit 1–8 NIP harus tanggal lahir yang ada (tahun, bulan, tanggal; mis. 19860926).");
  const appointment = { year: Number(digits.slice(8, 12)), month: Number(digits.slice(12, 14)) };
  if (appointment.year < 1000 || appointment.month < 1 || appointment.month > 12) {
    return fail("Digit 9–14 NIP (TMT CPNS) harus tahun dan bulan yang ada (mis. 201505).");
  }
  const appointmentLabel = `${monthName(appointment.month)} ${appointment.year}`;
  if (monthIndex(appointment) > monthIndex(today)) {
    return fail(`TMT CPNS pada NIP (${appointmentLabel}) belum terjadi.`);
  }
  const ageAtAppointment = Math.floor((monthIndex(appointment) - monthIndex(birth)) / 12);
  if (ageAtAppointment < MIN_AGE_AT_APPOINTMENT) {
    return fail(`TMT CPNS pada NIP (${appointmentLabel}) kurang dari 18 tahun setelah tanggal lahir.`);
  }
  if (ageAtAppointment > MAX_AGE_AT_APPOINTMENT) {
    return fail(`TMT CPNS pada NIP (${appointmentLabel}) lebih dari 60 tahun setelah tanggal lahir.`);
  }
  const sexDigit = digits.charAt(14);
  if (sexDigit !== "1" && sexDigit !== "2") {
    return fail("Digit 15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan).");
  }
  if (digits.slice(15) === "000") return fail("Digit 16–18 NIP (nomor urut) tidak boleh 000.");
  return {
    ok: true,
    nip: digits,
    birthDate: utcMidnightOf(birth),
    appointment,
    sex: sexDigit === "1" ? "MALE" : "FEMALE",
  };
}

function readDigits(value: string, length: number, label: string): string | ParseFailure {
  const digits = normaliseDigits(value);
  if (digits === "") return fail(`${label} wajib diisi.`);
  if (!/^[0-9]+$/.test(digits)) return fail(`${label} hanya boleh berisi angka.`);
  if (digits.length !== length) {
    return fail(`${label} harus ${length} digit angka (yang diisi ${digits.length} digit).`);
  }
  return digits;
}

function sexFromNikDay(dayDigits: number): Sex | null {
  if (dayDigits >= 1 && dayDigits <= 31) return "MALE";
  if (dayDigits >= 1 + NIK_FEMALE_DAY_OFFSET && dayDigits <= 31 + NIK_FEMALE_DAY_OFFSET) return "FEMALE";
  return null;
}

/** The latest existing date with these day, month and two-digit year that is not after today. */
function resolveTwoDigitYear(
  twoDigitYear: number,
  month: number,
  day: number,
  today: CalendarDate,
): CalendarDate | null {
  const latestYear = today.year - ((((today.year - twoDigitYear) % 100) + 100) % 100);
  for (const year of [latestYear, latestYear - 100]) {
    const candidate = { year, month, day };
    if (isExistingDate(year, month, day) && compareCalendarDates(candidate, today) <= 0) return candidate;
  }
  return null;
}

/** "35.10.01": province, kabupaten/kota, kecamatan (Kemendagri notation). */
function regionCodeOf(digits: string): string {
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}`;
}

function readGivenDate(value: Date | string): CalendarDate | null {
  if (typeof value === "string") return parseDateOnly(value);
  return Number.isNaN(value.getTime()) ? null : jakartaCalendarDateOf(value);
}

function isSameDayMonthAndTwoDigitYear(a: CalendarDate, b: CalendarDate): boolean {
  return a.day === b.day && a.month === b.month && a.year % 100 === b.year % 100;
}

function monthIndex({ year, month }: { year: number; month: number }): number {
  return year * 12 + (month - 1);
}

function fail(message: string): ParseFailure {
  return { ok: false, message };
}
