import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { StatCard } from "@/components/ui/stat-card";
import { AsnComplianceTable, CompliancePeriodSelect, hrefWith } from "@/features/compliance/compliance-views";
import { formatCount, formatPercent } from "@/lib/format";
import {
  getComplianceOverview,
  listAsnCompliance,
  parseComplianceSort,
  resolveCompliancePeriod,
} from "@/server/compliance";
import { orNotFound } from "@/server/errors";
import { requireActor } from "@/server/session";

export const metadata: Metadata = { title: "Staf OPD" };

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** A supervisor's staff (their OPD, or for a camat the ASN working in their kecamatan) and their reporting. */
export default async function SupervisorHomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const raw = await searchParams;
  const params = { periode: single(raw.periode), urut: single(raw.urut), halaman: single(raw.halaman) };
  const page = Math.max(1, Number.parseInt(params.halaman ?? "1", 10) || 1);
  const sort = parseComplianceSort(params.urut);
  const { period, choices } = await resolveCompliancePeriod(params.periode);
  const current = { ...params, periode: period.key };
  const base = "/pengawas";
  const [{ summary, list: staff }, notReported] = await Promise.all([
    orNotFound(getComplianceOverview(actor, period, { sort, page })),
    orNotFound(
      listAsnCompliance(actor, period, {
        sort: parseComplianceSort("nama"),
        notReportedOnly: true,
        page: null,
      }),
    ),
  ]);
  const { totals } = summary;
  const title = actor.supervisedRegionCode ? "ASN di wilayah saya" : "Staf OPD saya";
  return (
    <>
      <PageHeader
        title={title}
        description={`${period.label} · ${formatCount(totals.asn - totals.asnNotReported)} dari ${formatCount(totals.asn)} ASN sudah melapor lengkap`}
        actions={
          <a
            href={`/api/pengawas/kepatuhan/ekspor?periode=${encodeURIComponent(period.key)}`}
            download
            className="inline-flex items-center justify-center rounded-lg bg-white px-4 py-2 text-sm font-semibold text-slate-900 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            Unduh XLSX
          </a>
        }
      />
      <div className="mb-4">
        <CompliancePeriodSelect choices={choices} selected={period.key} keep={current} />
      </div>
      <div className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-3">
        <StatCard
          label="Keluarga wajib lapor"
          value={formatCount(totals.due)}
          hint={`${formatCount(totals.reported)} sudah dilaporkan`}
        />
        <StatCard label="Kepatuhan" value={formatPercent(totals.reported, totals.due)} />
        <StatCard label="ASN belum melapor lengkap" value={formatCount(totals.asnNotReported)} />
      </div>
      <div className="grid gap-4">
        <Card title="Belum melapor lengkap">
          <AsnComplianceTable
            rows={notReported.rows}
            sort={parseComplianceSort("nama")}
            testId="not-reported"
            emptyText="Semua ASN sudah melapor lengkap pada periode ini."
            hrefFor={(urut) => hrefWith(base, current, { urut, halaman: undefined })}
          />
        </Card>
        <Card title="Semua ASN">
          <AsnComplianceTable
            rows={staff.rows}
            sort={sort}
            testId="staff-table"
            hrefFor={(urut) => hrefWith(base, current, { urut, halaman: undefined })}
          />
          <Pagination
            page={staff.page}
            pageCount={staff.pageCount}
            total={staff.total}
            basePath={base}
            searchParams={current}
          />
        </Card>
      </div>
    </>
  );
}
