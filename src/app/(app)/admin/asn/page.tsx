import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { RosterFilters, RosterTable } from "@/features/roster/roster-table";
import { formatCount } from "@/lib/format";
import { rosterFilterSchema } from "@/schemas/roster";
import { orNotFound } from "@/server/errors";
import { getRosterOptions, listRoster } from "@/server/roster";
import { requireActor } from "@/server/session";

export const metadata: Metadata = { title: "Daftar ASN" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function RosterPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const raw = await searchParams;
  const single = (k: string) => (typeof raw[k] === "string" ? raw[k] : undefined);
  const filter = rosterFilterSchema.parse({
    q: single("q"),
    opd: single("opd"),
    status: single("status"),
    halaman: single("halaman"),
  });
  const [roster, options] = await Promise.all([
    orNotFound(listRoster(actor, filter)),
    orNotFound(getRosterOptions(actor)),
  ]);
  return (
    <>
      <PageHeader
        title="Daftar ASN"
        description={`${formatCount(roster.total)} ASN cocok dengan filter.`}
        actions={
          <LinkButton href="/admin/asn/baru" variant="primary">
            Tambah ASN
          </LinkButton>
        }
      />
      <RosterFilters filter={filter} opds={options.opds} />
      <RosterTable rows={roster.rows} />
      <Pagination
        page={roster.page}
        pageCount={roster.pageCount}
        total={roster.total}
        basePath="/admin/asn"
        searchParams={{
          q: filter.q,
          opd: filter.opd ? String(filter.opd) : undefined,
          status: filter.status,
        }}
      />
    </>
  );
}
