import { Link } from "@/components/ui/link";
import { Table, Td, Th } from "@/components/ui/table";
import { AREA_INDICATORS, type AreaFigures, type AreaIndicatorKey } from "@/lib/area-indicators";
import { formatCount } from "@/lib/format";
import { formatIndicator } from "./format-indicator";

type Area = AreaFigures & { code: string; name: string };

export type AreaSort = { key: AreaIndicatorKey | "nama"; descending: boolean };

export function sortAreas<T extends Area>(areas: T[], sort: AreaSort): T[] {
  const sorted = [...areas].sort((a, b) => {
    if (sort.key === "nama") return a.name.localeCompare(b.name, "id");
    const spec = AREA_INDICATORS[sort.key];
    return (spec.value(a) ?? -1) - (spec.value(b) ?? -1);
  });
  return sort.descending ? sorted.reverse() : sorted;
}

/** The indicator table per area; column headers are sort links (work without JavaScript). */
export function AreaTable({
  areas,
  sort,
  sortHref,
  areaHref,
  areaLabel,
  testId,
}: {
  areas: Area[];
  sort: AreaSort;
  sortHref: (key: AreaSort["key"], descending: boolean) => string;
  areaHref?: (code: string) => string;
  areaLabel: string;
  testId: string;
}) {
  const header = (key: AreaSort["key"], label: string, align: "left" | "right" = "right") => {
    const active = sort.key === key;
    const arrow = active ? (sort.descending ? " ↓" : " ↑") : "";
    return (
      <Th align={align}>
        <Link href={sortHref(key, active ? !sort.descending : key !== "nama")} className="hover:underline">
          {label}
          {arrow}
        </Link>
      </Th>
    );
  };
  return (
    <Table testId={testId}>
      <thead>
        <tr>
          {header("nama", areaLabel, "left")}
          <Th align="right">Keluarga sasaran</Th>
          <Th align="right">Diasuh</Th>
          {header("cakupan", "Cakupan")}
          <Th align="right">ASN</Th>
          <Th align="right">Laporan</Th>
          {header("kepatuhan", "Kepatuhan")}
          {header("bantuan", "Nilai bantuan")}
          {header("tindak-lanjut", "TL terbuka /100")}
        </tr>
      </thead>
      <tbody>
        {sortAreas(areas, sort).map((a) => (
          <tr key={a.code}>
            <Td>
              {areaHref ? (
                <Link className="font-medium text-brand-700 hover:underline" href={areaHref(a.code)}>
                  {a.name}
                </Link>
              ) : (
                a.name
              )}
            </Td>
            <Td align="right">{formatCount(a.targetFamilies)}</Td>
            <Td align="right">{formatCount(a.fosteredFamilies)}</Td>
            <Td align="right">{formatIndicator("cakupan", AREA_INDICATORS.cakupan.value(a))}</Td>
            <Td align="right">{formatCount(a.participatingAsn)}</Td>
            <Td align="right">{formatCount(a.reportsFiled)}</Td>
            <Td align="right">{formatIndicator("kepatuhan", AREA_INDICATORS.kepatuhan.value(a))}</Td>
            <Td align="right">{formatIndicator("bantuan", AREA_INDICATORS.bantuan.value(a))}</Td>
            <Td align="right">
              {formatIndicator("tindak-lanjut", AREA_INDICATORS["tindak-lanjut"].value(a))}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
