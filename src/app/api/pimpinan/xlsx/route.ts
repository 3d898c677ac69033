import { AREA_INDICATORS, ratio } from "@/lib/area-indicators";
import { getDashboard } from "@/server/dashboard";
import { isAppError } from "@/server/errors";
import { getActor } from "@/server/session";
import { buildWorkbook, defineSheet, xlsxResponse } from "@/server/spreadsheet";

export const dynamic = "force-dynamic";

/** The dashboard's tables as one workbook (aggregates only). LEADER and ADMIN. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "Silakan masuk terlebih dahulu." }, { status: 401 });
  const periode = new URL(request.url).searchParams.get("periode");
  try {
    const d = await getDashboard(actor, periode);
    const glance = [
      ["ASN terlibat", d.current.participatingAsn, d.previous.participatingAsn],
      ["Keluarga sasaran", d.current.targetFamilies, d.previous.targetFamilies],
      ["Keluarga diasuh", d.current.fosteredFamilies, d.previous.fosteredFamilies],
      ["Laporan masuk", d.current.reportsFiled, d.previous.reportsFiled],
      [
        "Kepatuhan (%)",
        ratio(d.current.reportsFiled, d.current.reportsDue),
        ratio(d.previous.reportsFiled, d.previous.reportsDue),
      ],
      ["Tindak lanjut dibuat", d.current.followUpsRaised, d.previous.followUpsRaised],
      ["Tindak lanjut selesai", d.current.followUpsResolved, d.previous.followUpsResolved],
    ] as const;
    const workbook = await buildWorkbook([
      defineSheet(
        "Ringkasan",
        [
          { header: "Indikator", value: (r: (typeof glance)[number]) => r[0], width: 28 },
          { header: d.current.periodLabel, value: (r) => r[1], width: 30 },
          { header: d.previous.periodLabel, value: (r) => r[2], width: 30 },
        ],
        [...glance],
      ),
      defineSheet(
        "Per kecamatan",
        [
          { header: "Kode", value: (r: (typeof d.kecamatan)[number]) => r.code },
          { header: "Kecamatan", value: (r) => r.name, width: 18 },
          { header: "Keluarga sasaran", value: (r) => r.targetFamilies },
          { header: "Keluarga diasuh", value: (r) => r.fosteredFamilies },
          { header: "Cakupan (%)", value: (r) => AREA_INDICATORS.cakupan.value(r) },
          { header: "ASN terlibat", value: (r) => r.participatingAsn },
          { header: "Laporan", value: (r) => r.reportsFiled },
          { header: "Kepatuhan (%)", value: (r) => AREA_INDICATORS.kepatuhan.value(r) },
          { header: "Nilai bantuan (Rp)", value: (r) => r.deliveredRupiah },
          { header: "Tindak lanjut terbuka", value: (r) => r.openFollowUps },
        ],
        d.kecamatan,
      ),
      defineSheet(
        "Tren",
        [
          { header: "Periode", value: (r: (typeof d.trend)[number]) => r.periodKey },
          { header: "Keluarga diasuh", value: (r) => r.due },
          { header: "Laporan", value: (r) => r.filed },
          { header: "Kepatuhan (%)", value: (r) => ratio(r.filed, r.due) },
          { header: "Bantuan diantar", value: (r) => r.delivered },
          { header: "Nilai bantuan (Rp)", value: (r) => r.rupiah },
        ],
        d.trend,
      ),
      defineSheet(
        "Bantuan per item",
        [
          {
            header: "Bantuan",
            value: (r: { name: string; window: string; deliveries: number; rupiah: number }) => r.name,
          },
          { header: "Rentang", value: (r) => r.window },
          { header: "Kali diantar", value: (r) => r.deliveries },
          { header: "Nilai (Rp)", value: (r) => r.rupiah },
        ],
        [
          ...d.aid.period.map((a) => ({ ...a, window: "Periode ini" })),
          ...d.aid.month.map((a) => ({ ...a, window: "Bulan ini" })),
          ...d.aid.yearToDate.map((a) => ({ ...a, window: "Tahun berjalan" })),
        ],
      ),
      defineSheet(
        "Angka kemiskinan",
        [
          { header: "Tahun", value: (r: (typeof d.poverty)[number]) => r.year },
          { header: "Penduduk miskin (%)", value: (r) => r.percentPoor },
          { header: "Jumlah jiwa", value: (r) => r.poorPeople },
          { header: "Sumber", value: (r) => r.source, width: 40 },
          { header: "Status", value: (r) => r.status },
        ],
        d.poverty,
      ),
    ]);
    return xlsxResponse(workbook, `dasbor-asn-berbagi-${d.current.periodKey}.xlsx`);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND")
      return Response.json({ error: "Tidak ditemukan." }, { status: 404 });
    throw error;
  }
}
