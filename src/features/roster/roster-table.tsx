import { Link } from "@/components/ui/link";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { formatCount } from "@/lib/format";
import type { RosterRow } from "@/server/roster";

const EMPLOYMENT_LABEL = { PNS: "PNS", PPPK: "PPPK", OTHER: "Lainnya" } as const;

export function RosterTable({ rows }: { rows: RosterRow[] }) {
  return (
    <Table testId="roster-table">
      <thead>
        <tr>
          <Th>Nama</Th>
          <Th>NIP / NI PPPK</Th>
          <Th>Status kepegawaian</Th>
          <Th>OPD</Th>
          <Th>Jabatan</Th>
          <Th align="right">Kuota</Th>
          <Th align="right">Keluarga aktif</Th>
          <Th>Aktif</Th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <EmptyRow colSpan={8}>Tidak ada ASN yang cocok dengan pencarian.</EmptyRow>
        ) : null}
        {rows.map((row) => (
          <tr key={row.id}>
            <Td>
              <Link href={`/admin/asn/${row.id}`} className="font-medium text-brand-700 hover:underline">
                {row.name}
              </Link>
            </Td>
            <Td className="font-mono tabular-nums">{row.nip}</Td>
            <Td>{row.employmentType ? EMPLOYMENT_LABEL[row.employmentType] : "–"}</Td>
            <Td>{row.opdName ?? "–"}</Td>
            <Td>{row.position ?? "–"}</Td>
            <Td align="right">{formatCount(row.quota)}</Td>
            <Td align="right">{formatCount(row.activeFamilies)}</Td>
            <Td>{row.isActive ? "Aktif" : <span className="text-red-700">Nonaktif</span>}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** GET form: the filters live in the URL so pages are shareable and paging keeps them. */
export function RosterFilters({
  filter,
  opds,
}: {
  filter: { q?: string; opd?: number; status: string };
  opds: { id: number; name: string }[];
}) {
  const control = "mt-1 block rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm";
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search">
      <label className="text-sm font-medium">
        Cari nama atau NIP
        <input name="q" defaultValue={filter.q ?? ""} className={`${control} w-64`} />
      </label>
      <label className="text-sm font-medium">
        OPD
        <select name="opd" defaultValue={filter.opd ? String(filter.opd) : ""} className={`${control} w-64`}>
          <option value="">Semua OPD</option>
          {opds.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        Status
        <select name="status" defaultValue={filter.status} className={control}>
          <option value="aktif">Aktif</option>
          <option value="nonaktif">Nonaktif</option>
          <option value="semua">Semua</option>
        </select>
      </label>
      <button type="submit" className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white">
        Terapkan
      </button>
    </form>
  );
}
