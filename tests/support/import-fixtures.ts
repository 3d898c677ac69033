// Builders for synthetic import files (valid-format, fictitious NIK/KK). Deterministic: the same
// arguments give the same numbers, so tests can import a file twice.

export const HOUSEHOLD_HEADERS = [
  "No KK",
  "NIK",
  "Nama",
  "Hubungan",
  "Jenis Kelamin",
  "Tanggal Lahir",
  "Kode Desa",
  "Dusun",
  "RT",
  "RW",
  "Alamat",
  "Desil",
  "Kategori",
] as const;

export type HouseholdHeader = (typeof HOUSEHOLD_HEADERS)[number];
export type HouseholdFileRow = Record<HouseholdHeader, string>;

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** A NIK registered in kecamatan `kec` (1–25) for someone born on `birth` ("YYYY-MM-DD"). */
export function synthNik(kec: number, birth: string, female: boolean, serial: number): string {
  const [y, m, d] = birth.split("-").map(Number) as [number, number, number];
  return `3510${pad(kec, 2)}${pad(d + (female ? 40 : 0), 2)}${pad(m, 2)}${pad(y % 100, 2)}${pad(serial, 4)}`;
}

/** A No KK issued in kecamatan `kec`, registration date `ddmmyy`, family serial 1–9999. */
export function synthKk(kec: number, serial: number, ddmmyy = "150326"): string {
  return `3510${pad(kec, 2)}${ddmmyy}${pad(serial, 4)}`;
}

/**
 * A family of `size` members (head, spouse, children) for No KK serial `n` in desa 35.10.09.2001
 * (Kembiritan, Genteng). Member NIKs are unique per (n, position) for n < 2000.
 */
export function familyRows(
  n: number,
  options: { size?: number; desil?: number; category?: string; desaCode?: string; headName?: string } = {},
): HouseholdFileRow[] {
  const size = options.size ?? 3;
  const kk = synthKk(9, n + 1);
  const base = {
    "No KK": kk,
    "Kode Desa": options.desaCode ?? "35.10.09.2001",
    Dusun: "Krajan",
    RT: "1",
    RW: "2",
    Alamat: `Jl. Uji No. ${n + 1}`,
    Desil: String(options.desil ?? 1),
    Kategori: options.category ?? "miskin ekstrem",
  };
  const rows: HouseholdFileRow[] = [];
  for (let i = 0; i < size; i++) {
    const female = i === 1 || i === 3;
    const birth =
      i === 0 ? "1975-05-05" : i === 1 ? "1980-08-17" : `20${pad(10 + (i % 8), 2)}-03-${pad(1 + i, 2)}`;
    rows.push({
      ...base,
      NIK: synthNik(9, birth, female, n * 5 + i + 1),
      Nama: i === 0 ? (options.headName ?? `Kepala Uji ${n + 1}`) : `Anggota ${n + 1}-${i}`,
      Hubungan: i === 0 ? "kepala keluarga" : i === 1 ? "istri" : "anak",
      "Jenis Kelamin": female ? "P" : "L",
      "Tanggal Lahir": birth,
    });
  }
  return rows;
}

/** CSV text with a header row; values quoted when needed. */
export function toCsv(
  headers: readonly string[],
  rows: readonly Record<string, string>[],
  delimiter = ",",
): string {
  const quote = (v: string) => (v.includes(delimiter) || /["\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [
    headers.map(quote).join(delimiter),
    ...rows.map((r) => headers.map((h) => quote(r[h] ?? "")).join(delimiter)),
  ]
    .map((line) => `${line}\r\n`)
    .join("");
}
