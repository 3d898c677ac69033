import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { MemberList } from "@/features/families/member-list";
import { FollowUpList } from "@/features/follow-ups/follow-up-list";
import { QueuePanel } from "@/features/offline/queue-panel";
import { VisitHistory } from "@/features/visits/visit-history";
import { periodKeyOf, periodLabel } from "@/lib/period";
import { orNotFound } from "@/server/errors";
import { listHouseholdFollowUps } from "@/server/follow-ups";
import { getHousehold } from "@/server/households";
import { requireActor } from "@/server/session";
import { getProgrammeSettings } from "@/server/settings";
import { listHouseholdVisits, openLatePeriodKeys } from "@/server/visits";

export const metadata: Metadata = { title: "Keluarga" };

export default async function FamilyPage({ params }: { params: Promise<{ householdId: string }> }) {
  const actor = await requireActor();
  const { householdId } = await params;
  const household = await orNotFound(getHousehold(actor, householdId));
  const [visits, followUps, settings] = await Promise.all([
    listHouseholdVisits(actor, householdId),
    listHouseholdFollowUps(actor, householdId),
    getProgrammeSettings(),
  ]);
  const now = new Date();
  const currentPeriod = periodKeyOf(now, settings.cadence);
  const reported = new Set(visits.map((v) => v.periodKey));
  const latePeriods = openLatePeriodKeys(settings, now).filter((k) => !reported.has(k));
  const mapLink =
    household.latitude !== null && household.longitude !== null
      ? `https://www.google.com/maps?q=${household.latitude},${household.longitude}`
      : null;
  return (
    <div className="mx-auto max-w-3xl">
      <Link href="/asn" className="text-sm font-medium text-brand-700">
        ← Keluarga saya
      </Link>
      <PageHeader
        title={household.headName}
        description={`${household.desaName}, Kec. ${household.kecamatanName}`}
      />
      <div className="mb-4 flex flex-wrap gap-2">
        <Link
          href={`/asn/keluarga/${household.id}/lapor`}
          className="rounded-xl bg-brand-600 px-4 py-3 font-semibold text-white hover:bg-brand-700"
          data-testid="report-link"
        >
          {reported.has(currentPeriod) ? "Ubah laporan periode ini" : "Laporkan kunjungan"}
        </Link>
        {latePeriods.map((key) => (
          <Link
            key={key}
            href={`/asn/keluarga/${household.id}/lapor?periode=${key}`}
            className="rounded-xl bg-amber-100 px-4 py-3 text-sm font-semibold text-amber-900"
          >
            Laporan terlambat: {periodLabel(key)}
          </Link>
        ))}
      </div>
      <QueuePanel householdId={household.id} />
      <div className="grid gap-4 md:grid-cols-2">
        <Card title="Alamat">
          <p>
            {[
              household.street,
              household.dusun,
              household.rt && household.rw ? `RT ${household.rt}/RW ${household.rw}` : null,
            ]
              .filter(Boolean)
              .join(", ")}
          </p>
          <p className="text-slate-600">
            Desa/Kel. {household.desaName}, Kec. {household.kecamatanName}
          </p>
          {mapLink ? (
            <a
              href={mapLink}
              target="_blank"
              rel="noopener noreferrer"
              className="mt-2 inline-block text-sm font-medium text-brand-700"
            >
              Buka lokasi di peta
            </a>
          ) : null}
        </Card>
        <Card title="Anggota keluarga">
          <MemberList members={household.members} />
        </Card>
        <Card title="Tindak lanjut">
          <FollowUpList followUps={followUps} />
        </Card>
        <Card title="Riwayat kunjungan">
          <VisitHistory visits={visits} />
        </Card>
      </div>
    </div>
  );
}
