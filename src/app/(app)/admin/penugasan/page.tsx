import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { BulkAssignForm } from "@/features/assignments/assignment-forms";
import { RegionFilter } from "@/features/assignments/region-filter";
import { formatCount } from "@/lib/format";
import { normaliseDigits } from "@/lib/identity";
import { unassignedFilterSchema } from "@/schemas/assignment";
import { listAsnCapacityOptions, listRegionOptions, listUnassignedHouseholds } from "@/server/assignments";
import { orNotFound } from "@/server/errors";
import { requireActor } from "@/server/session";

export const metadata: Metadata = { title: "Penugasan" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AssignmentPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const raw = await searchParams;
  const single = (k: string) => (typeof raw[k] === "string" ? raw[k] : undefined);
  const filter = unassignedFilterSchema.parse({
    kecamatan: single("kecamatan"),
    desa: single("desa"),
    halaman: single("halaman"),
  });
  const asnParam = single("asn");
  const asnNip = asnParam ? normaliseDigits(asnParam).slice(0, 18) : "";
  const kecamatanCode = filter.kecamatan ?? filter.desa?.slice(0, 8);
  const [unassigned, regions, asnOptions] = await Promise.all([
    orNotFound(listUnassignedHouseholds(actor, filter)),
    orNotFound(listRegionOptions(actor, kecamatanCode)),
    orNotFound(listAsnCapacityOptions(actor, { kecamatanCode })),
  ]);
  return (
    <>
      <PageHeader
        title="Penugasan keluarga"
        description={`${formatCount(unassigned.total)} keluarga aktif belum punya ASN.`}
        actions={
          <LinkButton href="/admin/penugasan/usulan" variant="primary">
            Usulan otomatis
          </LinkButton>
        }
      />
      <RegionFilter
        kecamatan={regions.kecamatan}
        desa={regions.desa}
        selected={{ kecamatan: kecamatanCode, desa: filter.desa }}
        extra={{ asn: asnNip || undefined }}
      />
      <BulkAssignForm
        key={`${filter.kecamatan}-${filter.desa}-${filter.halaman}`}
        families={unassigned.rows}
        asnOptions={asnOptions}
        initialNip={asnNip}
      />
      <Pagination
        page={unassigned.page}
        pageCount={unassigned.pageCount}
        total={unassigned.total}
        basePath="/admin/penugasan"
        searchParams={{ kecamatan: filter.kecamatan, desa: filter.desa, asn: asnNip || undefined }}
      />
    </>
  );
}
