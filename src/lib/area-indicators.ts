// The indicators shown per area (kecamatan or desa) on the leaders' dashboard: one definition
// used by the table, its sorting, the choropleth map and the XLSX export.

export type AreaFigures = {
  targetFamilies: number;
  fosteredFamilies: number;
  participatingAsn: number;
  reportsFiled: number;
  deliveredRupiah: number;
  openFollowUps: number;
};

export const AREA_INDICATORS = {
  cakupan: {
    label: "Cakupan keluarga (%)",
    value: (a: AreaFigures) => ratio(a.fosteredFamilies, a.targetFamilies),
    unit: "percent",
  },
  kepatuhan: {
    label: "Kepatuhan lapor (%)",
    value: (a: AreaFigures) => ratio(a.reportsFiled, a.fosteredFamilies),
    unit: "percent",
  },
  bantuan: {
    label: "Nilai bantuan periode ini (Rp)",
    value: (a: AreaFigures) => a.deliveredRupiah,
    unit: "rupiah",
  },
  "tindak-lanjut": {
    label: "Tindak lanjut terbuka per 100 keluarga",
    value: (a: AreaFigures) => (a.targetFamilies === 0 ? null : (a.openFollowUps / a.targetFamilies) * 100),
    unit: "number",
  },
} as const satisfies Record<
  string,
  { label: string; value: (a: AreaFigures) => number | null; unit: string }
>;

export type AreaIndicatorKey = keyof typeof AREA_INDICATORS;
export const AREA_INDICATOR_KEYS = Object.keys(AREA_INDICATORS) as AreaIndicatorKey[];

export function isAreaIndicator(value: string | null | undefined): value is AreaIndicatorKey {
  return typeof value === "string" && Object.hasOwn(AREA_INDICATORS, value);
}

/** part / whole in percent, or null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : (part / whole) * 100;
}

/** Five equal-width classes between the smallest and largest value; null values get no class. */
export function classBreaks(values: (number | null)[], classes = 5): (value: number | null) => number | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return () => null;
  const min = Math.min(...present);
  const max = Math.max(...present);
  return (value) => {
    if (value === null) return null;
    if (max === min) return classes - 1;
    return Math.min(classes - 1, Math.floor(((value - min) / (max - min)) * classes));
  };
}

/** The dashboard's one sequential colour scheme (brand greens), lightest to darkest. */
export const SEQUENTIAL_GREENS = ["#e8f5ec", "#b9e0c5", "#7cc495", "#3f9a63", "#176238"] as const;
export const NO_DATA_COLOUR = "#e2e8f0";
