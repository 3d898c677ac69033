import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { FollowUpList } from "@/features/follow-ups/follow-up-list";
import { HouseholdEditForm } from "@/features/registry/household-edit-form";
import { AssignmentHistory, AuditTrail, MemberTable } from "@/features/registry/household-sections";
import { MemberForm } from "@/features/registry/member-form";
import { StatusBadge } from "@/features/registry/status-badge";
import { StatusForm } from "@/features/registry/status-form";
import { VisitHistory } from "@/features/visits/visit-history";
import { formatDateTime } from "@/lib/dates";
import { HOUSEHOLD_STATUS_LABEL, WELFARE_CATEGORY_LABEL } from "@/schemas/household";
import { orNotFound } from "@/server/errors";
import { listHouseholdFollowUps } from "@/server/follow-ups";
import { getRegistryHousehold, listHouseholdAuditTrail, listRegionOptions } from "@/server/registry";
import { requireActor } from "@/server/session";
import { listHouseholdVisits } from "@/server/visits";

export const metadata: Metadata = { title: "Keluarga" };

export default async function RegistryHouseholdPage({
  params,
}: {
  params: Promise<{ householdId: string }>;
}) {
  const actor = await requireActor();
  const { householdId } = await params;
  // Full NIK/No KK: getRegistryHousehold audits the showing (household.view_identity).
  const household = await orNotFound(getRegistryHousehold(actor, householdId));
  const [visits, followUps, audit, regions] = await Promise.all([
    listHouseholdVisits(actor, householdId, 10),
    listHouseholdFollowUps(actor, householdId),
    listHouseholdAuditTrail(actor, householdId),
    listRegionOptions(actor),
  ]);
  const regionNames = new Map(regions.desa.map((d) => [d.code, d.name]));
  const hasPoint = household.latitude !== null && household.longitude !== null;
  return (
    <>
      <Link href="/admin/keluarga" className="text-sm font-medium text-brand-700">
        ← Registri keluarga
      </Link>
      <PageHeader
        title={household.headName}
        description={
          <>
            {household.desaLevel === "KELURAHAN" ? "Kel." : "Desa"} {household.desaName}, Kec.{" "}
            {household.kecamatanName} ·{" "}
            <StatusBadge status={household.status} label={HOUSEHOLD_STATUS_LABEL[household.status]} />
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Identitas">
          <dl className="grid grid-cols-[10rem_1fr] gap-y-1 text-sm" data-testid="identity">
            <dt className="text-slate-600">No KK</dt>
            <dd className="font-mono" data-testid="kk-number">
              {household.kkNumber}
            </dd>
            <dt className="text-slate-600">NIK kepala keluarga</dt>
            <dd className="font-mono" data-testid="head-nik">
              {household.headNik}
            </dd>
            <dt className="text-slate-600">Desil</dt>
            <dd>{household.desil ?? "–"}</dd>
            <dt className="text-slate-600">Kategori</dt>
            <dd>{household.category ? WELFARE_CATEGORY_LABEL[household.category] : "–"}</dd>
            <dt className="text-slate-600">Sumber data</dt>
            <dd>{household.source}</dd>
          </dl>
          <p className="mt-2 text-xs text-slate-500">
            Setiap kali NIK/No KK lengkap ditampilkan, tercatat di log audit (UU 27/2022).
          </p>
        </Card>
        <Card title="Alamat">
          <p className="text-sm">
            {[
              household.street,
              household.dusun,
              household.rt || household.rw ? `RT ${household.rt ?? "–"}/RW ${household.rw ?? "–"}` : null,
            ]
              .filter(Boolean)
              .join(", ") || "–"}
          </p>
          <p className="text-sm text-slate-600">
            {household.desaLevel === "KELURAHAN" ? "Kel." : "Desa"} {household.desaName}, Kec.{" "}
            {household.kecamatanName}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            Titik lokasi:{" "}
            {hasPoint ? (
              <a
                href={`https://www.google.com/maps?q=${household.latitude},${household.longitude}`}
                target="_blank"
                rel="noopener noreferrer"
                className="font-medium text-brand-700"
              >
                {household.latitude}, {household.longitude}
              </a>
            ) : (
              "belum ada"
            )}
          </p>
        </Card>
        <Card title="ASN pengasuh">
          {household.currentAssignment ? (
            <p className="text-sm" data-testid="current-assignment">
              <span className="font-medium">{household.currentAssignment.asnName}</span> sejak{" "}
              {formatDateTime(household.currentAssignment.startedAt)}
            </p>
          ) : (
            <p className="text-sm text-slate-600" data-testid="current-assignment">
              Belum ada ASN pengasuh.
            </p>
          )}
        </Card>
        <Card title="Ubah status">
          <StatusForm
            householdId={household.id}
            status={household.status}
            activeAsnName={household.currentAssignment?.asnName ?? null}
          />
        </Card>
      </div>

      <section className="mt-6 space-y-3">
        <h2 className="text-lg font-semibold">Anggota keluarga</h2>
        <MemberTable members={household.members} />
        {household.members.map((m) => (
          <details key={m.id} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <summary className="cursor-pointer text-sm font-medium">Ubah data {m.name}</summary>
            <div className="mt-3">
              <MemberForm householdId={household.id} member={m} />
            </div>
          </details>
        ))}
        <details className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <summary className="cursor-pointer text-sm font-medium">Tambah anggota keluarga</summary>
          <div className="mt-3">
            <MemberForm householdId={household.id} />
          </div>
        </details>
      </section>

      <section className="mt-6">
        <Card title="Ubah alamat, desil dan kategori">
          <HouseholdEditForm
            household={{
              id: household.id,
              desaCode: household.desaCode,
              kecamatanCode: household.kecamatanCode,
              dusun: household.dusun,
              rt: household.rt,
              rw: household.rw,
              street: household.street,
              latitude: household.latitude,
              longitude: household.longitude,
              desil: household.desil,
              category: household.category,
            }}
            regions={regions}
          />
        </Card>
      </section>

      <section className="mt-6 space-y-3">
        <h2 className="text-lg font-semibold">Riwayat penugasan</h2>
        <AssignmentHistory entries={household.assignmentHistory} />
      </section>

      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        <Card title="Kunjungan terakhir">
          <VisitHistory visits={visits} />
        </Card>
        <Card title="Tindak lanjut">
          <FollowUpList followUps={followUps} />
        </Card>
      </div>

      <section className="mt-6">
        <Card title="Jejak audit">
          <AuditTrail entries={audit.entries} identityViews={audit.identityViews} regionNames={regionNames} />
        </Card>
      </section>
    </>
  );
}
