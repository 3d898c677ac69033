import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { formatCount, formatPercent } from "@/lib/format";
import { periodLabel } from "@/lib/period";
import { getLeaderSummary } from "@/server/overview";
import { orNotFound } from "@/server/errors";
import { requireActor } from "@/server/session";

export const metadata: Metadata = { title: "Dasbor" };

export default async function LeaderHomePage() {
  const actor = await requireActor();
  const summary = await orNotFound(getLeaderSummary(actor));
  return (
    <>
      <PageHeader title="Dasbor ASN Berbagi" description={periodLabel(summary.periodKey)} />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="leader-summary">
        <StatCard
          label="Angka kemiskinan"
          value={
            summary.latestPoverty ? `${summary.latestPoverty.percentPoor.toLocaleString("id-ID")}%` : "–"
          }
          hint={summary.latestPoverty ? `BPS, Maret ${summary.latestPoverty.year}` : undefined}
        />
        <StatCard
          label="Cakupan keluarga"
          value={formatPercent(summary.fosteredFamilies, summary.targetFamilies)}
          hint={`${formatCount(summary.fosteredFamilies)} dari ${formatCount(summary.targetFamilies)} keluarga sasaran`}
        />
        <StatCard label="ASN terlibat" value={formatCount(summary.participatingAsn)} />
        <StatCard
          label="Kepatuhan lapor"
          value={formatPercent(summary.reportsThisPeriod, summary.fosteredFamilies)}
          hint={`${formatCount(summary.reportsThisPeriod)} laporan periode ini`}
        />
      </div>
    </>
  );
}
