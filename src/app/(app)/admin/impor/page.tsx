import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/dates";
import { formatCount } from "@/lib/format";
import { IMPORT_KIND_LABEL, IMPORT_STATUS_LABEL } from "@/schemas/imports";
import { ImportUploadForm } from "@/features/imports/upload-form";
import { orNotFound } from "@/server/errors";
import { listImportBatches } from "@/server/imports/batches";
import { requireActor } from "@/server/session";

export const metadata: Metadata = { title: "Impor data" };

const TEMPLATES = [
  { kind: "keluarga", label: "Keluarga" },
  { kind: "asn", label: "ASN" },
] as const;

export default async function ImportPage() {
  const actor = await requireActor();
  const batches = await orNotFound(listImportBatches(actor));
  return (
    <>
      <PageHeader
        title="Impor data"
        description="Muat data keluarga sasaran DTSEN/SIKS-NG dan daftar ASN dari berkas CSV atau XLSX. Setiap berkas diperiksa dulu; tidak ada yang disimpan sebelum Anda menyetujui pratinjau."
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Unggah berkas" className="lg:col-span-2">
          <ImportUploadForm />
        </Card>
        <Card title="Templat">
          <p className="mb-3 text-sm text-slate-600">
            Judul kolom tidak membedakan huruf besar/kecil, spasi atau tanda baca (mis. “No. KK” = “NO_KK”).
          </p>
          <ul className="space-y-2 text-sm">
            {TEMPLATES.map((t) => (
              <li key={t.kind}>
                {t.label}:{" "}
                <a
                  className="text-brand-700 underline"
                  href={`/api/admin/imports/template?kind=${t.kind}&format=xlsx`}
                >
                  XLSX
                </a>{" "}
                ·{" "}
                <a
                  className="text-brand-700 underline"
                  href={`/api/admin/imports/template?kind=${t.kind}&format=csv`}
                >
                  CSV
                </a>
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <h2 className="mt-8 mb-3 text-lg font-semibold">Riwayat impor</h2>
      <Table testId="import-history">
        <thead>
          <tr>
            <Th>Waktu</Th>
            <Th>Jenis</Th>
            <Th>Berkas</Th>
            <Th>Oleh</Th>
            <Th>Status</Th>
            <Th align="right">Baru</Th>
            <Th align="right">Diperbarui</Th>
            <Th align="right">Tidak berubah</Th>
            <Th align="right">Baris ditolak</Th>
          </tr>
        </thead>
        <tbody>
          {batches.length === 0 ? <EmptyRow colSpan={9}>Belum ada impor.</EmptyRow> : null}
          {batches.map((b) => (
            <tr key={b.id}>
              <Td>
                <Link className="text-brand-700 underline" href={`/admin/impor/${b.id}`}>
                  {formatDateTime(b.createdAt)}
                </Link>
              </Td>
              <Td>{IMPORT_KIND_LABEL[b.kind]}</Td>
              <Td className="max-w-56 truncate">{b.fileName}</Td>
              <Td>{b.uploadedByName}</Td>
              <Td>{IMPORT_STATUS_LABEL[b.status]}</Td>
              <Td align="right">{formatCount(b.counts.new)}</Td>
              <Td align="right">{formatCount(b.counts.updated)}</Td>
              <Td align="right">{formatCount(b.counts.unchanged)}</Td>
              <Td align="right">{formatCount(b.counts.rejectedRows)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
