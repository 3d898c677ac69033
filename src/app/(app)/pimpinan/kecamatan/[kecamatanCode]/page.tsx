import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { AreaTable, type AreaSort } from "@/features/dashboard/area-table";
import { Choropleth } from "@/features/dashboard/choropleth";
import { PrintButton } from "@/features/dashboard/print-button";
import {
  AREA_INDICATORS,
  AREA_INDICATOR_KEYS,
  isAreaIndicator,
  type AreaIndicatorKey,
} from "@/lib/area-indicators";
import { getKecamatanDrillDown } from "@/server/dashboard";
import { orNotFound } from "@/server/errors";
import { kecamatanMap } from "@/server/geo";
import { requireActor } from "@/server/session";

export const metadata: Metadata = { title: "Kecamatan" };

type Query = { periode?: string; indikator?: string; urut?: string; arah?: string };

export default async function KecamatanPage({
  params,
  searchParams,
}: {
  params: Promise<{ kecamatanCode: string }>;
  searchParams: Promise<Query>;
}) {
  const actor = await requireActor();
  const { kecamatanCode } = await params;
  const query = await searchParams;
  const drill = await orNotFound(
    getKecamatanDrillDown(actor, decodeURIComponent(kecamatanCode), query.periode ?? null),
  );
  const indicator: AreaIndicatorKey = isAreaIndicator(query.indikator) ? query.indikator : "kepatuhan";
  const sortKey = query.urut === "nama" || isAreaIndicator(query.urut) ? query.urut : "nama";
  const sort: AreaSort = { key: sortKey, descending: query.arah === "turun" };
  const href = (patch: Query) => {
    const merged = {
      periode: drill.periodKey,
      indikator: indicator,
      urut: sort.key,
      arah: sort.descending ? "turun" : "naik",
      ...patch,
    };
    return `/pimpinan/kecamatan/${drill.kecamatan.code}?${new URLSearchParams(merged).toString()}`;
  };
  const map = await kecamatanMap(
    520,
    420,
    drill.kecamatan.code,
    drill.desa.flatMap((d) =>
      d.longitude !== null && d.latitude !== null
        ? [{ code: d.code, longitude: d.longitude, latitude: d.latitude }]
        : [],
    ),
  );
  return (
    <div className="space-y-4" data-testid="kecamatan-drilldown">
      <Link
        href={`/pimpinan?periode=${drill.periodKey}&indikator=${indicator}`}
        className="no-print text-sm font-medium text-brand-700"
      >
        ← Seluruh kabupaten
      </Link>
      <PageHeader
        title={`Kecamatan ${drill.kecamatan.name}`}
        description={drill.periodLabel}
        actions={<PrintButton />}
      />
      <div className="no-print flex flex-wrap gap-2" role="group" aria-label="Indikator peta">
        {AREA_INDICATOR_KEYS.map((key) => (
          <Link
            key={key}
            href={href({ indikator: key })}
            aria-current={key === indicator ? "true" : undefined}
            className={`rounded-full px-3 py-1 text-sm font-medium ${key === indicator ? "bg-brand-700 text-white" : "bg-slate-100 hover:bg-slate-200"}`}
          >
            {AREA_INDICATORS[key].label}
          </Link>
        ))}
      </div>
      <div className="grid gap-4 xl:grid-cols-5">
        <Card className="xl:col-span-2">
          <Choropleth
            shapes={map.shapes}
            points={map.points}
            areas={drill.desa}
            indicator={indicator}
            width={520}
            height={420}
            title={`Desa di Kecamatan ${drill.kecamatan.name} menurut ${AREA_INDICATORS[indicator].label}`}
          />
        </Card>
        <div className="xl:col-span-3">
          <AreaTable
            testId="desa-table"
            areas={drill.desa}
            sort={sort}
            areaLabel="Desa/kelurahan"
            sortHref={(key, descending) => href({ urut: key, arah: descending ? "turun" : "naik" })}
          />
        </div>
      </div>
    </div>
  );
}
