import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/dates";
import { formatCount } from "@/lib/format";
import { IMPORT_KIND_LABEL, IMPORT_STATUS_LABEL } from "@/schemas/imports";
import { CommitPanel } from "@/features/imports/commit-panel";
import { AnalysisProgress } from "@/features/imports/upload-form";
import { orNotFound } from "@/server/errors";
import { getImportBatch, listBatchHouseholds } from "@/server/imports/batches";
import { requireActor } from "@/server/session";

export const metadata: Metadata = { title: "Hasil pemeriksaan impor" };

export default async function ImportBatchPage({ params }: { params: Promise<{ batchId: string }> }) {
  const actor = await requireActor();
  const { batchId } = await params;
  const batch = await orNotFound(getImportBatch(actor, batchId));
  const households =
    batch.status === "COMMITTED" && batch.kind === "HOUSEHOLDS"
      ? await orNotFound(listBatchHouseholds(actor, batchId))
      : [];
  const { counts } = batch;
  const unit = batch.kind === "HOUSEHOLDS" ? "keluarga" : "ASN";
  return (
    <>
      <PageHeader
        title={batch.status === "COMMITTED" ? "Hasil impor" : "Pratinjau impor"}
        description={`${IMPORT_STATUS_LABEL[batch.status]} · ${IMPORT_KIND_LABEL[batch.kind]} · ${batch.fileName} · diunggah ${formatDateTime(batch.createdAt)} oleh ${batch.uploadedByName}`}
        actions={
          <Link className="text-brand-700 text-sm underline" href="/admin/impor">
            Kembali ke impor
          </Link>
        }
      />
      <div className="mb-4" data-testid="import-status">
        {batch.status === "ANALYSING" ? (
          <AnalysisProgress
            batchId={batch.id}
            initial={{
              id: batch.id,
              status: batch.status,
              progressPercent: batch.progressPercent,
              rowsRead: batch.rowsRead,
              failureMessage: null,
            }}
          />
        ) : batch.status === "FAILED" ? (
          <Alert tone="error">{batch.failureMessage ?? "Berkas gagal diperiksa."}</Alert>
        ) : batch.status === "COMMITTED" ? (
          <Alert tone="success">
            Impor disimpan{batch.committedAt ? ` pada ${formatDateTime(batch.committedAt)}` : ""}.
          </Alert>
        ) : batch.status === "CANCELLED" ? (
          <Alert tone="info">Impor dibatalkan; tidak ada data yang disimpan.</Alert>
        ) : (
          <Alert tone="warning">
            Belum ada yang disimpan. Periksa angka dan baris yang ditolak, lalu pilih “Simpan ke basis data”.
            Baris yang ditolak tidak ikut disimpan.
          </Alert>
        )}
      </div>
      {batch.status !== "ANALYSING" && batch.status !== "FAILED" ? (
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6" data-testid="import-counts">
          <StatCard label="Baris data" value={formatCount(counts.rows)} />
          <StatCard label={`${unit} baru`} value={formatCount(counts.new)} />
          <StatCard label={`${unit} diperbarui`} value={formatCount(counts.updated)} />
          <StatCard label={`${unit} tidak berubah`} value={formatCount(counts.unchanged)} />
          <StatCard label={`${unit} ditolak`} value={formatCount(counts.rejected)} />
          <StatCard label="Baris ditolak" value={formatCount(counts.rejectedRows)} />
        </div>
      ) : null}
      {batch.status === "PREVIEW" ? (
        <div className="mt-4">
          <CommitPanel batchId={batch.id} canCommit={counts.new + counts.updated > 0} />
          {counts.new + counts.updated === 0 ? (
            <p className="mt-2 text-sm text-slate-600">Tidak ada perubahan untuk disimpan.</p>
          ) : null}
        </div>
      ) : null}
      {counts.rejectedRows > 0 || batch.rejectedSample.length > 0 ? (
        <Card title="Baris yang ditolak" className="mt-6">
          <p className="mb-3 text-sm text-slate-600">
            {formatCount(counts.rejectedRows)} baris ditolak;{" "}
            {batch.rejectedSample.length > 0 ? "alasan baris-baris pertama:" : ""}
            {batch.hasErrorReport ? (
              <>
                {" "}
                <a
                  className="text-brand-700 font-medium underline"
                  href={`/api/admin/imports/${batch.id}/errors`}
                  data-testid="error-report-link"
                >
                  Unduh laporan kesalahan lengkap (XLSX)
                </a>
              </>
            ) : null}
          </p>
          <Table testId="rejected-rows">
            <thead>
              <tr>
                <Th align="right">Baris</Th>
                <Th>Kolom</Th>
                <Th>Alasan</Th>
              </tr>
            </thead>
            <tbody>
              {batch.rejectedSample.map((e, i) => (
                <tr key={`${e.row}-${i}`}>
                  <Td align="right">{e.row}</Td>
                  <Td>{e.column}</Td>
                  <Td>{e.reason}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      ) : null}
      {batch.status === "COMMITTED" && batch.kind === "HOUSEHOLDS" ? (
        <Card title="Keluarga baru dan diperbarui dari impor ini" className="mt-6">
          <Table testId="imported-households">
            <thead>
              <tr>
                <Th>Kepala keluarga</Th>
                <Th>No KK</Th>
                <Th>Desa/kelurahan</Th>
                <Th>Kecamatan</Th>
                <Th>Keterangan</Th>
              </tr>
            </thead>
            <tbody>
              {households.length === 0 ? (
                <EmptyRow colSpan={5}>Tidak ada keluarga yang berubah.</EmptyRow>
              ) : null}
              {households.map((h) => (
                <tr key={h.id}>
                  <Td>{h.headName}</Td>
                  <Td className="font-mono">{h.kkMasked}</Td>
                  <Td>{h.desaName}</Td>
                  <Td>{h.kecamatanName}</Td>
                  <Td>{h.isNew ? "Baru" : "Diperbarui"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {households.length === 100 ? (
            <p className="mt-2 text-sm text-slate-600">
              Hanya 100 keluarga pertama (urut nama) yang ditampilkan.
            </p>
          ) : null}
        </Card>
      ) : null}
    </>
  );
}
