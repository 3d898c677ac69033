import { Link } from "@/components/ui/link";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { formatDate } from "@/lib/dates";
import { formatCount, formatPercent } from "@/lib/format";
import type {
  AsnComplianceRow,
  CompliancePeriodChoice,
  ComplianceGroupRow,
  ComplianceSort,
  ComplianceSortKey,
  OverdueFamilyRow,
} from "@/server/compliance";

/** Builds a URL that keeps the current params and changes some (undefined removes). */
export function hrefWith(
  basePath: string,
  current: Record<string, string | undefined>,
  changes: Record<string, string | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...current, ...changes })) if (v) params.set(k, v);
  const query = params.toString();
  return query ? `${basePath}?${query}` : basePath;
}

/** A plain GET form: works without JavaScript and keeps the chosen period in the URL. */
export function CompliancePeriodSelect({
  choices,
  selected,
  keep,
}: {
  choices: CompliancePeriodChoice[];
  selected: string;
  keep: Record<string, string | undefined>;
}) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-2" data-testid="period-form">
      {Object.entries(keep).map(([k, v]) =>
        v && k !== "periode" && k !== "halaman" ? <input key={k} type="hidden" name={k} value={v} /> : null,
      )}
      <label className="block">
        <span className="text-sm font-medium">Periode</span>
        <select
          name="periode"
          defaultValue={selected}
          className="mt-1 block rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
        >
          {choices.map((c, i) => (
            <option key={c.key} value={c.key}>
              {c.label}
              {i === 0 ? " (berjalan)" : ""}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded-lg bg-slate-800 px-3 py-2 text-sm font-semibold text-white">
        Tampilkan
      </button>
    </form>
  );
}

const COLUMNS: { key: ComplianceSortKey; label: string; align?: "right" }[] = [
  { key: "nama", label: "Nama" },
  { key: "nip", label: "NIP" },
  { key: "opd", label: "OPD" },
  { key: "wajib", label: "Keluarga wajib lapor", align: "right" },
  { key: "lapor", label: "Sudah dilaporkan", align: "right" },
  { key: "persen", label: "Persentase", align: "right" },
  { key: "terakhir", label: "Laporan terakhir", align: "right" },
];

function SortHeader({
  column,
  sort,
  hrefFor,
}: {
  column: (typeof COLUMNS)[number];
  sort: ComplianceSort;
  hrefFor: (urut: string) => string;
}) {
  const active = sort.key === column.key;
  const next = active && !sort.descending ? `-${column.key}` : column.key;
  const arrow = active ? (sort.descending ? " ↓" : " ↑") : "";
  return (
    <Th align={column.align}>
      <Link
        href={hrefFor(next)}
        className="hover:underline"
        aria-sort={active ? (sort.descending ? "descending" : "ascending") : undefined}
      >
        {column.label}
        {arrow}
      </Link>
    </Th>
  );
}

export function AsnComplianceTable({
  rows,
  sort,
  hrefFor,
  testId = "asn-compliance",
  emptyText = "Tidak ada ASN pada periode ini.",
}: {
  rows: AsnComplianceRow[];
  sort: ComplianceSort;
  hrefFor: (urut: string) => string;
  testId?: string;
  emptyText?: string;
}) {
  return (
    <Table testId={testId}>
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <SortHeader key={c.key} column={c} sort={sort} hrefFor={hrefFor} />
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <EmptyRow colSpan={COLUMNS.length}>{emptyText}</EmptyRow>
        ) : (
          rows.map((r) => (
            <tr key={r.id}>
              <Td className="font-medium">{r.name}</Td>
              <Td className="tabular-nums">{r.nip ?? "–"}</Td>
              <Td>{r.opdName ?? "–"}</Td>
              <Td align="right">{formatCount(r.due)}</Td>
              <Td align="right">{formatCount(r.reported)}</Td>
              <Td align="right" className={r.due > r.reported ? "font-semibold text-red-700" : ""}>
                {formatPercent(r.reported, r.due)}
              </Td>
              <Td align="right">{r.lastVisitDate ? formatDate(r.lastVisitDate) : "Belum pernah"}</Td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}

export function ComplianceGroupTable({
  rows,
  nameHeader,
  testId,
}: {
  rows: ComplianceGroupRow[];
  nameHeader: string;
  testId: string;
}) {
  const withAsn = rows.some((r) => r.asnCount !== null);
  return (
    <Table testId={testId}>
      <thead>
        <tr>
          <Th>{nameHeader}</Th>
          {withAsn ? <Th align="right">ASN</Th> : null}
          {withAsn ? <Th align="right">ASN belum lengkap</Th> : null}
          <Th align="right">Keluarga wajib lapor</Th>
          <Th align="right">Sudah dilaporkan</Th>
          <Th align="right">Persentase</Th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <EmptyRow colSpan={withAsn ? 6 : 4}>Tidak ada data pada periode ini.</EmptyRow>
        ) : (
          rows.map((r) => (
            <tr key={r.code}>
              <Td className="font-medium">{r.name}</Td>
              {withAsn ? <Td align="right">{formatCount(r.asnCount ?? 0)}</Td> : null}
              {withAsn ? <Td align="right">{formatCount(r.asnNotReported ?? 0)}</Td> : null}
              <Td align="right">{formatCount(r.due)}</Td>
              <Td align="right">{formatCount(r.reported)}</Td>
              <Td align="right">{formatPercent(r.reported, r.due)}</Td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}

export function OverdueFamilyTable({ rows }: { rows: OverdueFamilyRow[] }) {
  return (
    <Table testId="overdue-families">
      <thead>
        <tr>
          <Th>Kepala keluarga</Th>
          <Th>Desa/kelurahan</Th>
          <Th>Kecamatan</Th>
          <Th>ASN</Th>
          <Th>NIP</Th>
          <Th align="right">Kunjungan terakhir</Th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <EmptyRow colSpan={6}>Semua keluarga dikunjungi dalam dua periode terakhir.</EmptyRow>
        ) : (
          rows.map((r) => (
            <tr key={`${r.householdId}-${r.asnId}`}>
              <Td className="font-medium">{r.headName}</Td>
              <Td>{r.desaName}</Td>
              <Td>{r.kecamatanName}</Td>
              <Td>{r.asnName}</Td>
              <Td className="tabular-nums">{r.asnNip ?? "–"}</Td>
              <Td align="right">{r.lastVisitDate ? formatDate(r.lastVisitDate) : "Belum pernah"}</Td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}

export function ViewTabs({
  tabs,
  active,
  hrefFor,
}: {
  tabs: { key: string; label: string }[];
  active: string;
  hrefFor: (key: string) => string;
}) {
  return (
    <nav aria-label="Tampilan" className="mb-3 flex flex-wrap gap-1">
      {tabs.map((t) => (
        <Link
          key={t.key}
          href={hrefFor(t.key)}
          aria-current={t.key === active ? "page" : undefined}
          className={`rounded-lg px-3 py-1.5 text-sm font-medium ${t.key === active ? "bg-brand-700 text-white" : "bg-white ring-1 ring-slate-300 hover:bg-slate-50"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
