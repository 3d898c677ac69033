import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { formatCount, formatPercent } from "@/lib/format";
import { periodLabel } from "@/lib/period";
import { getAdminOverview } from "@/server/overview";
import { orNotFound } from "@/server/errors";
import { requireActor } from "@/server/session";

export const metadata: Metadata = { title: "Ringkasan" };

export default async function AdminHomePage() {
  const actor = await requireActor();
  const overview = await orNotFound(getAdminOverview(actor));
  const { households } = overview;
  return (
    <>
      <PageHeader title="Ringkasan program" description={periodLabel(overview.periodKey)} />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3" data-testid="admin-overview">
        <StatCard
          label="Keluarga terdaftar"
          value={formatCount(households.total)}
          hint={`${formatCount(households.active)} aktif`}
        />
        <StatCard
          label="Keluarga diasuh"
          value={formatCount(households.assigned)}
          hint={`${formatPercent(households.assigned, households.active)} dari keluarga aktif`}
        />
        <StatCard label="Belum punya ASN" value={formatCount(households.unassigned)} />
        <StatCard label="ASN aktif" value={formatCount(overview.activeAsn)} />
        <StatCard
          label="Laporan periode ini"
          value={formatCount(overview.reportsThisPeriod)}
          hint={`${formatPercent(overview.reportsThisPeriod, households.assigned)} dari keluarga diasuh`}
        />
        <StatCard label="Tindak lanjut terbuka" value={formatCount(overview.openFollowUps)} />
      </div>
    </>
  );
}
