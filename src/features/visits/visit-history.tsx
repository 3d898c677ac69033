import { formatDate } from "@/lib/dates";
import { formatDistance } from "@/lib/geo-distance";
import { formatRupiah } from "@/lib/money";
import type { VisitSummary } from "@/server/visits";

function quantityText(quantity: number): string {
  return quantity.toLocaleString("id-ID", { maximumFractionDigits: 2 });
}

export function VisitHistory({
  visits,
  showFamily = false,
}: {
  visits: VisitSummary[];
  showFamily?: boolean;
}) {
  if (visits.length === 0) return <p className="text-sm text-slate-600">Belum ada laporan kunjungan.</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="visit-history">
      {visits.map((v) => (
        <li key={v.id} className="py-2">
          <div className="flex items-start justify-between gap-2">
            <p className="font-medium">
              {showFamily ? `${v.household.headName} · ` : ""}
              {formatDate(v.visitDate)}
            </p>
            {v.isLate ? (
              <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
                Terlambat
              </span>
            ) : null}
          </div>
          <p className="text-xs text-slate-500">
            {v.periodLabel}
            {showFamily ? ` · ${v.household.desaName}` : ` · oleh ${v.asnName}`}
          </p>
          <p className="text-sm text-slate-700">
            {v.delivered
              ? `${v.items.map((i) => `${i.name} ${quantityText(i.quantity)} ${i.unit}`).join(", ")} · ${formatRupiah(v.totalRupiah)}`
              : `Tidak diantar: ${v.notDeliveredReason ?? "-"}`}
          </p>
          {v.gpsDistanceMeters !== null ? (
            <p
              className={`text-xs ${v.gpsFlagged ? "font-semibold text-red-700" : "text-slate-500"}`}
              data-testid="visit-gps-distance"
            >
              Titik GPS {formatDistance(v.gpsDistanceMeters)} dari lokasi terdaftar
              {v.gpsFlagged ? " · Jauh dari alamat, perlu dicek" : ""}
            </p>
          ) : null}
          {v.followUpsRaised > 0 ? (
            <p className="text-xs font-medium text-amber-800">{v.followUpsRaised} tindak lanjut dibuat</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
