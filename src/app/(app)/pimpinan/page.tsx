import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { AreaTable, type AreaSort } from "@/features/dashboard/area-table";
import { Choropleth } from "@/features/dashboard/choropleth";
import { ComparisonCard } from "@/features/dashboard/comparison-card";
import { PeriodSelect } from "@/features/dashboard/period-select";
import { PovertyChart } from "@/features/dashboard/poverty-chart";
import { PrintButton } from "@/features/dashboard/print-button";
import { TrendChart } from "@/features/dashboard/trend-chart";
import {
  AREA_INDICATORS,
  AREA_INDICATOR_KEYS,
  isAreaIndicator,
  ratio,
  type AreaIndicatorKey,
} from "@/lib/area-indicators";
import { formatCount, formatPercent } from "@/lib/format";
import { formatRupiah } from "@/lib/money";
import { periodKeysBack, periodLabel } from "@/lib/period";
import { getDashboard, TREND_PERIODS, type AidByItem, type PeriodIndicators } from "@/server/dashboard";
import { orNotFound } from "@/server/errors";
import { kecamatanMap } from "@/server/geo";
import { requireActor } from "@/server/session";

export const metadata: Metadata = { title: "Dasbor" };

type Query = { periode?: string; indikator?: string; urut?: string; arah?: string };

const MAP_WIDTH = 640;
const MAP_HEIGHT = 560;

function pointsChange(
  current: number | null,
  previous: number | null,
): { text: string; better: boolean | null } | undefined {
  if (current === null || previous === null) return undefined;
  const diff = current - previous;
  const text = `${diff >= 0 ? "+" : "−"}${Math.abs(diff).toLocaleString("id-ID", { maximumFractionDigits: 1 })} poin`;
  return { text, better: diff === 0 ? null : diff > 0 };
}

function countChange(current: number, previous: number): { text: string; better: boolean | null } {
  const diff = current - previous;
  return {
    text: `${diff >= 0 ? "+" : "−"}${formatCount(Math.abs(diff))}`,
    better: diff === 0 ? null : diff > 0,
  };
}

function AidTable({ aid }: { aid: { period: AidByItem[]; month: AidByItem[]; yearToDate: AidByItem[] } }) {
  const names = [...new Set([...aid.yearToDate, ...aid.month, ...aid.period].map((a) => a.name))];
  const cell = (list: AidByItem[], name: string) => {
    const item = list.find((a) => a.name === name);
    return item ? `${formatCount(item.deliveries)}× · ${formatRupiah(item.rupiah)}` : "–";
  };
  const total = (list: AidByItem[]) =>
    `${formatCount(list.reduce((s, a) => s + a.deliveries, 0))}× · ${formatRupiah(list.reduce((s, a) => s + a.rupiah, 0))}`;
  return (
    <Table testId="aid-table">
      <thead>
        <tr>
          <Th>Bantuan</Th>
          <Th align="right">Periode ini</Th>
          <Th align="right">Bulan ini</Th>
          <Th align="right">Tahun berjalan</Th>
        </tr>
      </thead>
      <tbody>
        {names.map((name) => (
          <tr key={name}>
            <Td>{name}</Td>
            <Td align="right">{cell(aid.period, name)}</Td>
            <Td align="right">{cell(aid.month, name)}</Td>
            <Td align="right">{cell(aid.yearToDate, name)}</Td>
          </tr>
        ))}
        <tr className="font-semibold">
          <Td>Jumlah</Td>
          <Td align="right">{total(aid.period)}</Td>
          <Td align="right">{total(aid.month)}</Td>
          <Td align="right">{total(aid.yearToDate)}</Td>
        </tr>
      </tbody>
    </Table>
  );
}

function compliance(p: PeriodIndicators): number | null {
  return ratio(p.reportsFiled, p.reportsDue);
}

export default async function LeaderDashboardPage({ searchParams }: { searchParams: Promise<Query> }) {
  const actor = await requireActor();
  const query = await searchParams;
  const dashboard = await orNotFound(getDashboard(actor, query.periode ?? null));
  const indicator: AreaIndicatorKey = isAreaIndicator(query.indikator) ? query.indikator : "kepatuhan";
  const sortKey = query.urut === "nama" || isAreaIndicator(query.urut) ? query.urut : "nama";
  const sort: AreaSort = { key: sortKey, descending: query.arah === "turun" };
  const { current, previous } = dashboard;
  const periodKey = current.periodKey;
  const href = (patch: Query) => {
    const params = new URLSearchParams();
    const merged = {
      periode: periodKey,
      indikator: indicator,
      urut: sort.key,
      arah: sort.descending ? "turun" : "naik",
      ...patch,
    };
    for (const [k, v] of Object.entries(merged)) if (v) params.set(k, v);
    return `/pimpinan?${params.toString()}`;
  };
  const map = await kecamatanMap(MAP_WIDTH, MAP_HEIGHT);
  const poverty = dashboard.poverty;
  const latest = poverty.at(-1);
  const lowest = poverty.length ? poverty.reduce((m, p) => (p.percentPoor < m.percentPoor ? p : m)) : null;
  const periodOptions = periodKeysBack(dashboard.currentPeriodKey, TREND_PERIODS)
    .reverse()
    .map((key) => ({ key, label: periodLabel(key) }));
  const resolvedTotal = dashboard.followUps.resolvedFamilies.reduce((s, r) => s + r.families, 0);

  return (
    <div className="space-y-5" data-testid="leader-dashboard">
      <PageHeader
        title="Dasbor ASN Berbagi"
        description={`${current.periodLabel} · Kabupaten Banyuwangi`}
        actions={
          <div className="no-print flex flex-wrap items-end gap-2">
            <PeriodSelect
              options={periodOptions}
              selected={periodKey}
              hidden={{ indikator: indicator, urut: sort.key, arah: sort.descending ? "turun" : "naik" }}
            />
            <PrintButton />
            <a
              href={`/api/pimpinan/xlsx?periode=${periodKey}`}
              className="rounded-lg bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700"
              data-testid="xlsx-export"
            >
              Unduh XLSX
            </a>
          </div>
        }
      />

      <Card title="Angka kemiskinan Kabupaten Banyuwangi">
        {latest ? (
          <p className="mb-2 text-sm text-slate-700" data-testid="poverty-summary">
            {latest.percentPoor.toLocaleString("id-ID")}% pada Maret {latest.year}
            {lowest && lowest.year === latest.year ? " — terendah dalam seri ini." : ""}
            {dashboard.povertyTargetPercent !== null
              ? ` Target: ${dashboard.povertyTargetPercent.toLocaleString("id-ID")}%.`
              : ""}
          </p>
        ) : null}
        <PovertyChart points={poverty} target={dashboard.povertyTargetPercent} />
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">
            Tabel angka kemiskinan per tahun
          </summary>
          <div className="mt-2">
            <Table testId="poverty-table">
              <thead>
                <tr>
                  <Th>Tahun (Maret)</Th>
                  <Th align="right">Penduduk miskin</Th>
                  <Th align="right">Perubahan</Th>
                  <Th align="right">Jumlah jiwa</Th>
                  <Th>Keterangan sumber</Th>
                </tr>
              </thead>
              <tbody>
                {poverty.map((p, i) => {
                  const before = poverty[i - 1];
                  const diff =
                    before && before.year === p.year - 1 ? p.percentPoor - before.percentPoor : null;
                  return (
                    <tr key={p.year}>
                      <Td>{p.year}</Td>
                      <Td align="right">{p.percentPoor.toLocaleString("id-ID")}%</Td>
                      <Td align="right">
                        {diff === null
                          ? "–"
                          : `${diff > 0 ? "+" : diff < 0 ? "−" : ""}${Math.abs(diff).toLocaleString("id-ID", { maximumFractionDigits: 2 })} poin`}
                      </Td>
                      <Td align="right">{p.poorPeople ? formatCount(p.poorPeople) : "–"}</Td>
                      <Td>{p.status === "bps-cited" ? "BPS (dikutip media)" : p.status}</Td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          </div>
        </details>
        <p className="mt-2 text-xs text-slate-500">
          Sumber: BPS Kabupaten Banyuwangi, Susenas Maret (persentase penduduk miskin), sebagaimana dikutip
          media; Bappeda dapat mengoreksi angka di Pengaturan. Periksa tabel resmi BPS sebelum dipublikasikan.
        </p>
      </Card>

      <section aria-labelledby="glance">
        <h2 id="glance" className="mb-3 text-lg font-semibold">
          Program sekilas · {current.periodLabel}
        </h2>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="glance">
          <ComparisonCard
            testId="card-asn"
            label="ASN terlibat"
            value={formatCount(current.participatingAsn)}
            previous={formatCount(previous.participatingAsn)}
            change={countChange(current.participatingAsn, previous.participatingAsn)}
          />
          <ComparisonCard
            testId="card-coverage"
            label="Cakupan keluarga"
            value={formatPercent(current.fosteredFamilies, current.targetFamilies)}
            detail={`${formatCount(current.fosteredFamilies)} dari ${formatCount(current.targetFamilies)} keluarga sasaran diasuh`}
            previous={formatPercent(previous.fosteredFamilies, previous.targetFamilies)}
            change={pointsChange(
              ratio(current.fosteredFamilies, current.targetFamilies),
              ratio(previous.fosteredFamilies, previous.targetFamilies),
            )}
          />
          <ComparisonCard
            testId="card-compliance"
            label="Kepatuhan lapor"
            value={formatPercent(current.reportsFiled, current.reportsDue)}
            detail={`${formatCount(current.reportsFiled)} dari ${formatCount(current.reportsDue)} laporan`}
            previous={formatPercent(previous.reportsFiled, previous.reportsDue)}
            change={pointsChange(compliance(current), compliance(previous))}
          />
          <ComparisonCard
            testId="card-follow-ups"
            label="Tindak lanjut dibuat / selesai"
            value={`${formatCount(current.followUpsRaised)} / ${formatCount(current.followUpsResolved)}`}
            detail={`${formatCount(dashboard.followUps.openNow)} masih terbuka · median ${
              dashboard.followUps.medianDaysToResolve === null
                ? "–"
                : `${dashboard.followUps.medianDaysToResolve.toLocaleString("id-ID")} hari`
            } sampai selesai (tahun berjalan)`}
            previous={`${formatCount(previous.followUpsRaised)} / ${formatCount(previous.followUpsResolved)}`}
          />
        </div>
      </section>

      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Bantuan diantar" className="lg:col-span-2">
          <AidTable aid={dashboard.aid} />
        </Card>
        <Card title="Masalah keluarga yang terselesaikan">
          <p className="mb-2 text-sm text-slate-600">
            Keluarga dengan tindak lanjut selesai, tahun berjalan.
          </p>
          <ul className="space-y-1 text-sm" data-testid="resolved-problems">
            {dashboard.followUps.resolvedFamilies.length === 0 ? (
              <li className="text-slate-500">Belum ada.</li>
            ) : null}
            {dashboard.followUps.resolvedFamilies.map((r) => (
              <li key={r.type} className="flex justify-between gap-2">
                <span>{r.label}</span>
                <span className="font-semibold tabular-nums">{formatCount(r.families)} keluarga</span>
              </li>
            ))}
          </ul>
          {resolvedTotal > 0 ? (
            <p className="mt-2 text-xs text-slate-500">Jumlah: {formatCount(resolvedTotal)}</p>
          ) : null}
        </Card>
      </div>

      <Card title="Per kecamatan">
        <div
          className="no-print mb-3 flex flex-wrap gap-2"
          role="group"
          aria-label="Indikator peta"
          data-testid="indicator-switch"
        >
          {AREA_INDICATOR_KEYS.map((key) => (
            <Link
              key={key}
              href={href({ indikator: key })}
              aria-current={key === indicator ? "true" : undefined}
              className={`rounded-full px-3 py-1 text-sm font-medium ${
                key === indicator
                  ? "bg-brand-700 text-white"
                  : "bg-slate-100 text-slate-800 hover:bg-slate-200"
              }`}
            >
              {AREA_INDICATORS[key].label}
            </Link>
          ))}
        </div>
        <div className="grid gap-4 xl:grid-cols-5">
          <div className="xl:col-span-2">
            <Choropleth
              shapes={map.shapes}
              areas={dashboard.kecamatan}
              indicator={indicator}
              width={MAP_WIDTH}
              height={MAP_HEIGHT}
              hrefFor={(code) => `/pimpinan/kecamatan/${code}?periode=${periodKey}&indikator=${indicator}`}
              title={`Peta kecamatan menurut ${AREA_INDICATORS[indicator].label}`}
            />
            <p className="mt-1 text-xs text-slate-500">
              Klik kecamatan untuk melihat desa. Batas wilayah: cahyadsn/wilayah_boundaries (© 2024 Cahya DSN,
              lisensi MIT), disederhanakan.
            </p>
          </div>
          <div className="xl:col-span-3">
            <AreaTable
              testId="kecamatan-table"
              areas={dashboard.kecamatan}
              sort={sort}
              areaLabel="Kecamatan"
              sortHref={(key, descending) => href({ urut: key, arah: descending ? "turun" : "naik" })}
              areaHref={(code) => `/pimpinan/kecamatan/${code}?periode=${periodKey}&indikator=${indicator}`}
            />
          </div>
        </div>
      </Card>

      <Card title={`Tren ${TREND_PERIODS} periode terakhir`}>
        <TrendChart
          points={dashboard.trend.map((t) => ({
            periodKey: t.periodKey,
            filed: t.filed,
            delivered: t.delivered,
            compliance: ratio(t.filed, t.due),
          }))}
        />
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">Tabel tren</summary>
          <div className="mt-2">
            <Table testId="trend-table">
              <thead>
                <tr>
                  <Th>Periode</Th>
                  <Th align="right">Keluarga diasuh</Th>
                  <Th align="right">Laporan</Th>
                  <Th align="right">Kepatuhan</Th>
                  <Th align="right">Bantuan diantar</Th>
                  <Th align="right">Nilai bantuan</Th>
                </tr>
              </thead>
              <tbody>
                {dashboard.trend.map((t) => (
                  <tr key={t.periodKey}>
                    <Td>{t.label}</Td>
                    <Td align="right">{formatCount(t.due)}</Td>
                    <Td align="right">{formatCount(t.filed)}</Td>
                    <Td align="right">{formatPercent(t.filed, t.due)}</Td>
                    <Td align="right">{formatCount(t.delivered)}</Td>
                    <Td align="right">{formatRupiah(t.rupiah)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        </details>
      </Card>
    </div>
  );
}
