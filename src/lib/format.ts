/** Whole numbers with Indonesian grouping: 12345 → "12.345". */
export function formatCount(value: number): string {
  return new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 }).format(value);
}

/** A share as "87,5%" (one decimal, Indonesian comma); "–" when there is no denominator. */
export function formatPercent(part: number, whole: number): string {
  if (whole === 0) return "–";
  return `${new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format((part / whole) * 100)}%`;
}
