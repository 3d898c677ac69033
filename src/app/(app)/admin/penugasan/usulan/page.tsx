import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { ProposalForm } from "@/features/assignments/assignment-forms";
import { RegionFilter } from "@/features/assignments/region-filter";
import { formatCount } from "@/lib/format";
import { MAX_PROPOSAL_ROWS, unassignedFilterSchema } from "@/schemas/assignment";
import { listAsnCapacityOptions, listRegionOptions, proposeAssignments } from "@/server/assignments";
import { orNotFound } from "@/server/errors";
import { requireActor } from "@/server/session";

export const metadata: Metadata = { title: "Usulan penugasan" };

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ProposalPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const raw = await searchParams;
  const single = (k: string) => (typeof raw[k] === "string" ? raw[k] : undefined);
  const filter = unassignedFilterSchema.parse({ kecamatan: single("kecamatan"), desa: single("desa") });
  const kecamatanCode = filter.kecamatan ?? filter.desa?.slice(0, 8);
  const [proposal, regions, asnOptions] = await Promise.all([
    orNotFound(proposeAssignments(actor, { kecamatan: filter.kecamatan, desa: filter.desa })),
    orNotFound(listRegionOptions(actor, kecamatanCode)),
    orNotFound(listAsnCapacityOptions(actor, { kecamatanCode })),
  ]);
  return (
    <>
      <PageHeader
        title="Usulan penugasan otomatis"
        description="Keluarga aktif tanpa ASN diisi sampai kuota tiap ASN aktif, mendahulukan ASN yang bekerja atau tinggal di kecamatan yang sama. Periksa, ubah atau hapus centang, lalu konfirmasi."
      />
      <RegionFilter
        kecamatan={regions.kecamatan}
        desa={regions.desa}
        selected={{ kecamatan: kecamatanCode, desa: filter.desa }}
      />
      <div className="mb-4">
        <Alert tone="info">
          {formatCount(proposal.unassignedInScope)} keluarga belum punya ASN; usulan ini mencakup{" "}
          {formatCount(proposal.rows.length)} keluarga
          {proposal.unassignedInScope > MAX_PROPOSAL_ROWS
            ? ` (maksimal ${MAX_PROPOSAL_ROWS} per usulan)`
            : ""}
          .
          {proposal.withoutCapacity > 0
            ? ` ${formatCount(proposal.withoutCapacity)} keluarga tidak mendapat ASN karena kuota habis.`
            : ""}{" "}
          Sisa kuota seluruh ASN aktif: {formatCount(proposal.capacityBefore)}.
        </Alert>
      </div>
      <ProposalForm key={`${filter.kecamatan}-${filter.desa}`} rows={proposal.rows} asnOptions={asnOptions} />
      <p className="mt-4 text-sm">
        <Link href="/admin/penugasan" className="text-brand-700 hover:underline">
          ← Pilih keluarga sendiri
        </Link>
      </p>
    </>
  );
}
