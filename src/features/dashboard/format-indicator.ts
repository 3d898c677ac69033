import { AREA_INDICATORS, type AreaIndicatorKey } from "@/lib/area-indicators";
import { formatRupiah } from "@/lib/money";

export function formatIndicator(key: AreaIndicatorKey, value: number | null): string {
  if (value === null) return "–";
  switch (AREA_INDICATORS[key].unit) {
    case "percent":
      return `${value.toLocaleString("id-ID", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
    case "rupiah":
      return formatRupiah(Math.round(value));
    default:
      return value.toLocaleString("id-ID", { maximumFractionDigits: 1 });
  }
}
