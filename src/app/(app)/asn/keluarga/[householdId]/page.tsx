import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { MemberList } from "@/features/families/member-list";
import { orNotFound } from "@/server/errors";
import { getHousehold } from "@/server/households";
import { requireActor } from "@/server/session";

export const metadata: Metadata = { title: "Keluarga" };

export default async function FamilyPage({ params }: { params: Promise<{ householdId: string }> }) {
  const actor = await requireActor();
  const { householdId } = await params;
  const household = await orNotFound(getHousehold(actor, householdId));
  const mapLink =
    household.latitude !== null && household.longitude !== null
      ? `https://www.google.com/maps?q=${household.latitude},${household.longitude}`
      : null;
  return (
    <>
      <Link href="/asn" className="text-sm font-medium text-brand-700">
        ← Keluarga saya
      </Link>
      <PageHeader
        title={household.headName}
        description={`${household.desaName}, Kec. ${household.kecamatanName}`}
      />
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
      </div>
    </>
  );
}
