// Writes a synthetic DTSEN household file (one row per member) for scale checks. Deterministic:
// household i always gets the same No KK, NIKs, names and desa. Identity numbers are valid in
// format and fictitious.
//
// Usage: npx tsx scripts/generate-import-file.mts [households=200000] [out=/tmp/dtsen-200k.csv]
import { once } from "node:events";
import { createWriteStream, readFileSync } from "node:fs";

const households = Number(process.argv[2] ?? 200_000);
const out = process.argv[3] ?? `/tmp/dtsen-${households}.csv`;
if (households > 25 * 9999) throw new Error("at most 249,975 households (25 kecamatan × 9,999 serials)");

const wilayah = readFileSync(new URL("../prisma/reference/banyuwangi-wilayah.csv", import.meta.url), "utf8");
const desaByKec = new Map<number, string[]>();
for (const line of wilayah.split("\n").slice(1)) {
  const [level, code] = line.split(",");
  if ((level !== "desa" && level !== "kelurahan") || !code) continue;
  const kec = Number(code.split(".")[2]);
  desaByKec.set(kec, [...(desaByKec.get(kec) ?? []), code]);
}

const pad = (n: number, w: number) => String(n).padStart(w, "0");
const NAMES = ["Sutrisno", "Siti", "Ahmad", "Dewi", "Bambang", "Sri", "Agus", "Wati", "Joko", "Lestari"];
const HEADER =
  "No KK,NIK,Nama,Hubungan,Jenis Kelamin,Tanggal Lahir,Kode Desa,Dusun,RT,RW,Alamat,Desil,Kategori\r\n";
const CATEGORIES = ["miskin ekstrem", "miskin", "rentan"];

const stream = createWriteStream(out);
stream.write(HEADER);
let rows = 0;
for (let i = 0; i < households; i++) {
  const kec = (i % 25) + 1;
  const q = Math.floor(i / 25);
  const serial = pad(q + 1, 4);
  const desas = desaByKec.get(kec)!;
  const desa = desas[q % desas.length]!;
  const kk = `3510${pad(kec, 2)}010120${serial}`;
  const headYear = 1950 + (q % 40);
  const month = (q % 12) + 1;
  const day = (q % 28) + 1;
  const people = [
    { rel: "kepala keluarga", female: false, y: headYear, m: month, d: day },
    { rel: "istri", female: true, y: headYear + 3, m: month, d: day },
    { rel: "anak", female: false, y: 2005 + (q % 15), m: ((q + 3) % 12) + 1, d: day },
    { rel: "anak", female: true, y: 2007 + (q % 15), m: ((q + 5) % 12) + 1, d: day },
  ];
  const common = `${desa},Dusun ${(q % 5) + 1},${pad((q % 20) + 1, 3)},${pad((q % 8) + 1, 3)},Jl. Sintetis ${q % 300},${(i % 3) + 1},${CATEGORIES[i % 3]}`;
  let chunk = "";
  for (const [j, p] of people.entries()) {
    const nik = `3510${pad(kec, 2)}${pad(p.d + (p.female ? 40 : 0), 2)}${pad(p.m, 2)}${pad(p.y % 100, 2)}${serial}`;
    const name = `${NAMES[(i + j) % NAMES.length]} ${NAMES[(q + 2 * j) % NAMES.length]} ${i}`;
    chunk += `${kk},${nik},${name},${p.rel},${p.female ? "P" : "L"},${p.y}-${pad(p.m, 2)}-${pad(p.d, 2)},${common}\r\n`;
    rows++;
  }
  if (!stream.write(chunk)) await once(stream, "drain");
}
stream.end();
await once(stream, "finish");
console.log(`${out}: ${households} households, ${rows} rows`);
