import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { StatCard } from "@/components/ui/stat-card";
import {
  AsnComplianceTable,
  ComplianceGroupTable,
  CompliancePeriodSelect,
  hrefWith,
  OverdueFamilyTable,
  ViewTabs,
} from "@/features/compliance/compliance-views";
import { formatCount, formatPercent } from "@/lib/format";
import { periodLabel } from "@/lib/period";
import {
  getComplianceOverview,
  getComplianceSummary,
  listOverdueFamilies,
  parseComplianceSort,
  resolveCompliancePeriod,
} from "@/server/compliance";
import { orNotFound } from "@/server/errors";
import { requireActor } from "@/server/session";

export const metadata: Metadata = { title: "Kepatuhan pelaporan" };

const VIEWS = [
  { key: "asn", label: "Per ASN" },
  { key: "belum", label: "Belum melapor" },
  { key: "opd", label: "Per OPD" },
  { key: "kecamatan", label: "Per kecamatan" },
  { key: "keluarga", label: "Keluarga belum dikunjungi" },
] as const;
type View = (typeof VIEWS)[number]["key"];

type Params = { periode?: string; tampilan?: string; urut?: string; halaman?: string };

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

export default async function CompliancePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const raw = await searchParams;
  const params: Params = {
    periode: single(raw.periode),
    tampilan: single(raw.tampilan),
    urut: single(raw.urut),
    halaman: single(raw.halaman),
  };
  const view: View = VIEWS.some((v) => v.key === params.tampilan) ? (params.tampilan as View) : "asn";
  const page = Math.max(1, Number.parseInt(params.halaman ?? "1", 10) || 1);
  const sort = parseComplianceSort(params.urut);
  const { period, choices } = await resolveCompliancePeriod(params.periode);
  const current = { ...params, periode: period.key };
  const base = "/admin/kepatuhan";

  // A list view gets the summary and its page from one statement (the due pairs computed once).
  const { summary, list } =
    view === "asn" || view === "belum"
      ? await orNotFound(
          getComplianceOverview(actor, period, { sort, notReportedOnly: view === "belum", page }),
        )
      : { summary: await orNotFound(getComplianceSummary(actor, period)), list: null };
  const { totals } = summary;

  let body: React.ReactNode;
  if (list) {
    body = (
      <>
        <AsnComplianceTable
          rows={list.rows}
          sort={sort}
          testId={view === "belum" ? "not-reported" : "asn-compliance"}
          emptyText={view === "belum" ? "Semua ASN sudah melapor lengkap." : undefined}
          hrefFor={(urut) => hrefWith(base, current, { urut, halaman: undefined })}
        />
        <Pagination
          page={list.page}
          pageCount={list.pageCount}
          total={list.total}
          basePath={base}
          searchParams={current}
        />
      </>
    );
  } else if (view === "opd") {
    body = <ComplianceGroupTable rows={summary.byOpd} nameHeader="OPD" testId="compliance-by-opd" />;
  } else if (view === "kecamatan") {
    body = (
      <ComplianceGroupTable
        rows={summary.byKecamatan}
        nameHeader="Kecamatan"
        testId="compliance-by-kecamatan"
      />
    );
  } else {
    const overdue = await orNotFound(listOverdueFamilies(actor, period, { page }));
    body = (
      <>
        <p className="mb-2 text-sm text-slate-600">
          Keluarga aktif yang tidak dilaporkan pada {overdue.periodsChecked.map(periodLabel).join(" dan ")}{" "}
          maupun periode ini.
        </p>
        <OverdueFamilyTable rows={overdue.rows} />
        <Pagination
          page={overdue.page}
          pageCount={overdue.pageCount}
          total={overdue.total}
          basePath={base}
          searchParams={current}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Kepatuhan pelaporan"
        description={`${period.label}${period.isCurrent ? " · periode berjalan" : ""}`}
        actions={
          <a
            href={`/api/admin/kepatuhan/ekspor?periode=${encodeURIComponent(period.key)}`}
            download
            className="inline-flex items-center justify-center rounded-lg bg-white px-4 py-2 text-sm font-semibold text-slate-900 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            Unduh XLSX
          </a>
        }
      />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <CompliancePeriodSelect choices={choices} selected={period.key} keep={current} />
      </div>
      <div className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="compliance-totals">
        <StatCard
          label="Keluarga wajib lapor"
          value={formatCount(totals.due)}
          hint={`${formatCount(totals.reported)} sudah dilaporkan`}
        />
        <StatCard label="Kepatuhan" value={formatPercent(totals.reported, totals.due)} />
        <StatCard
          label="ASN dengan keluarga asuhan"
          value={formatCount(totals.asnWithFamilies)}
          hint={`dari ${formatCount(totals.asn)} ASN`}
        />
        <StatCard label="ASN belum melapor lengkap" value={formatCount(totals.asnNotReported)} />
      </div>
      <Card>
        <ViewTabs
          tabs={[...VIEWS]}
          active={view}
          hrefFor={(tampilan) => hrefWith(base, current, { tampilan, halaman: undefined })}
        />
        {body}
      </Card>
    </>
  );
}
