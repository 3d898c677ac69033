import { Link } from "@/components/ui/link";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { formatDateShort } from "@/lib/dates";
import { HOUSEHOLD_STATUS_LABEL, WELFARE_CATEGORY_LABEL } from "@/schemas/household";
import type { RegistryRow } from "@/server/registry";
import { StatusBadge } from "./status-badge";

/** The registry page: masked No KK only (full numbers are on the audited detail page). */
export function RegistryTable({ rows }: { rows: RegistryRow[] }) {
  return (
    <Table testId="registry-table">
      <thead>
        <tr>
          <Th>Kepala keluarga</Th>
          <Th>No KK</Th>
          <Th>Desa / kecamatan</Th>
          <Th align="right">Desil</Th>
          <Th>Kategori</Th>
          <Th>Status</Th>
          <Th>ASN pengasuh</Th>
          <Th>Kunjungan terakhir</Th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <EmptyRow colSpan={8}>Tidak ada keluarga yang cocok dengan pencarian ini.</EmptyRow>
        ) : (
          rows.map((row) => (
            <tr key={row.id} data-testid="registry-row">
              <Td>
                <Link
                  href={`/admin/keluarga/${row.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {row.headName}
                </Link>
              </Td>
              <Td className="font-mono text-xs whitespace-nowrap">{row.kkMasked}</Td>
              <Td>
                {row.desaName}
                <span className="block text-xs text-slate-500">Kec. {row.kecamatanName}</span>
              </Td>
              <Td align="right">{row.desil ?? "–"}</Td>
              <Td>{row.category ? WELFARE_CATEGORY_LABEL[row.category] : "–"}</Td>
              <Td>
                <StatusBadge status={row.status} label={HOUSEHOLD_STATUS_LABEL[row.status]} />
              </Td>
              <Td>{row.asnName ?? <span className="text-slate-500">Belum ada</span>}</Td>
              <Td className="whitespace-nowrap">
                {row.lastVisitDate ? formatDateShort(row.lastVisitDate) : "–"}
              </Td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}
