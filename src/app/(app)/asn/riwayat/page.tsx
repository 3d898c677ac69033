import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { FollowUpList } from "@/features/follow-ups/follow-up-list";
import { PeriodFilter } from "@/features/visits/period-filter";
import { VisitHistory } from "@/features/visits/visit-history";
import { periodKeyOf, periodKeysBack, periodLabel } from "@/lib/period";
import { orNotFound } from "@/server/errors";
import { listFollowUpsRaisedBy } from "@/server/follow-ups";
import { requireActor } from "@/server/session";
import { getProgrammeSettings } from "@/server/settings";
import { listMyReports } from "@/server/visits";

export const metadata: Metadata = { title: "Riwayat laporan" };

export default async function MyHistoryPage({
  searchParams,
}: {
  searchParams: Promise<{ periode?: string | string[] }>;
}) {
  const actor = await requireActor();
  const { periode } = await searchParams;
  const periodKey = typeof periode === "string" && periode !== "" ? periode : null;
  const settings = await getProgrammeSettings();
  const [reports, followUps] = await Promise.all([
    orNotFound(listMyReports(actor, periodKey)),
    orNotFound(listFollowUpsRaisedBy(actor)),
  ]);
  const options = periodKeysBack(periodKeyOf(new Date(), settings.cadence), 12)
    .reverse()
    .map((key) => ({ key, label: periodLabel(key) }));
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Riwayat laporan saya" />
      <div className="grid gap-4 md:grid-cols-2">
        <Card title="Laporan kunjungan">
          <PeriodFilter options={options} selected={periodKey} />
          <div className="mt-3">
            <VisitHistory visits={reports} showFamily />
          </div>
        </Card>
        <Card title="Tindak lanjut dari laporan saya">
          <FollowUpList followUps={followUps} showFamily />
        </Card>
      </div>
    </div>
  );
}
