import type { Metadata } from "next";
import { cookies } from "next/headers";
import { Link } from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { IdentitySearchForm } from "@/features/registry/identity-search-form";
import { RegistryFilters } from "@/features/registry/registry-filters";
import { RegistryTable } from "@/features/registry/registry-table";
import { maskPersonalNumber } from "@/lib/identity";
import { parseRegistryQuery } from "@/schemas/household";
import { orNotFound } from "@/server/errors";
import {
  IDENTITY_SEARCH_COOKIE,
  listRegionOptions,
  listRegistryHouseholds,
  openIdentitySearch,
} from "@/server/registry";
import { requireActor } from "@/server/session";

export const metadata: Metadata = { title: "Registri keluarga" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function RegistryListPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const query = parseRegistryQuery(await searchParams);
  const sealed = (await cookies()).get(IDENTITY_SEARCH_COOKIE)?.value;
  const identityNumber = openIdentitySearch(actor, sealed, query.searchToken);
  const warnings = [...query.warnings];
  if (query.searchToken && !identityNumber)
    warnings.push("Pencarian NIK/No KK sudah kedaluwarsa. Silakan cari nomornya lagi.");
  const activeToken = identityNumber ? query.searchToken : null;
  const filters = { ...query.filters, identityNumber };
  const [result, regions] = await Promise.all([
    orNotFound(listRegistryHouseholds(actor, filters, query.page)),
    orNotFound(listRegionOptions(actor)),
  ]);
  const linkParams: Record<string, string | undefined> = {
    nama: filters.name ?? undefined,
    kecamatan: filters.kecamatanCode ?? undefined,
    desa: filters.desaCode ?? undefined,
    desil: filters.desil === null ? undefined : String(filters.desil),
    kategori: filters.category ?? undefined,
    status: filters.status ?? undefined,
    penugasan: filters.assigned ?? undefined,
    asn: filters.asn ?? undefined,
    nomor: activeToken ?? undefined,
  };
  const withoutNumber = new URLSearchParams(
    Object.entries(linkParams).filter((e): e is [string, string] => e[0] !== "nomor" && e[1] !== undefined),
  ).toString();
  return (
    <>
      <PageHeader
        title="Registri keluarga"
        description="Keluarga sasaran DTSEN di seluruh kabupaten. Cari nama, saring wilayah dan status, atau cari NIK/No KK."
      />
      <div className="space-y-4">
        <Card>
          <IdentitySearchForm />
          {identityNumber ? (
            <p className="mt-2 text-sm text-slate-700" data-testid="identity-search-active">
              Menampilkan hasil untuk nomor{" "}
              <span className="font-mono">{maskPersonalNumber(identityNumber)}</span>.{" "}
              <Link
                href={withoutNumber ? `/admin/keluarga?${withoutNumber}` : "/admin/keluarga"}
                className="font-medium text-brand-700"
              >
                Hapus pencarian nomor
              </Link>
            </p>
          ) : null}
        </Card>
        <Card>
          <RegistryFilters filters={filters} regions={regions} searchToken={activeToken} />
        </Card>
        {warnings.map((w) => (
          <Alert key={w} tone="warning">
            {w}
          </Alert>
        ))}
        <div>
          <RegistryTable rows={result.rows} />
          <Pagination
            page={result.page}
            pageCount={result.pageCount}
            total={result.total}
            basePath="/admin/keluarga"
            searchParams={linkParams}
          />
        </div>
      </div>
    </>
  );
}
