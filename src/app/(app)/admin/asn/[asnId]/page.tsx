import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";
import { LinkButton, SubmitButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { moveAllAction } from "@/features/assignments/actions";
import { MoveAllForm } from "@/features/assignments/move-all-form";
import { DeactivateForm, ResetPasswordForm, TransferForm } from "@/features/roster/account-forms";
import {
  deactivateAsnAction,
  reactivateAsnAction,
  resetPasswordAction,
  transferAsnAction,
  updateAsnAction,
} from "@/features/roster/actions";
import { AsnForm } from "@/features/roster/asn-form";
import { formatDate } from "@/lib/dates";
import { listAsnCapacityOptions } from "@/server/assignments";
import { orNotFound } from "@/server/errors";
import { getAsn, getRosterOptions } from "@/server/roster";
import { requireActor } from "@/server/session";

export const metadata: Metadata = { title: "Data ASN" };

export default async function AsnDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ asnId: string }>;
  searchParams: Promise<{ dibuat?: string; dinonaktifkan?: string }>;
}) {
  const actor = await requireActor();
  const { asnId } = await params;
  const { dibuat, dinonaktifkan } = await searchParams;
  const movedOnDeactivation = Number(dinonaktifkan);
  const asn = await orNotFound(getAsn(actor, asnId));
  const [options, asnOptions] = await Promise.all([
    orNotFound(getRosterOptions(actor)),
    orNotFound(listAsnCapacityOptions(actor, { kecamatanCode: asn.workKecamatanCode ?? undefined })),
  ]);
  const others = asnOptions.filter((o) => o.nip !== asn.nip);
  const n = asn.families.length;
  return (
    <>
      <PageHeader
        title={asn.name}
        description={
          <>
            {asn.nip} · {asn.opd?.name ?? "tanpa OPD"} ·{" "}
            {asn.isActive ? "Aktif" : <span className="font-semibold text-red-700">Nonaktif</span>}
            {asn.mustChangePassword ? " · menunggu penggantian kata sandi sementara" : ""}
          </>
        }
        actions={
          asn.isActive ? (
            <LinkButton href={`/admin/penugasan?asn=${asn.nip}`} variant="primary">
              Tugaskan keluarga
            </LinkButton>
          ) : null
        }
      />
      <div className="space-y-4">
        {dibuat ? (
          <Alert tone="success" testId="created-notice">
            Akun ASN dibuat. Serahkan NIP dan kata sandi sementara kepada yang bersangkutan; ia wajib
            menggantinya saat pertama masuk.
          </Alert>
        ) : null}
        {!asn.isActive && dinonaktifkan !== undefined && Number.isInteger(movedOnDeactivation) ? (
          <Alert tone="success" testId="status-notice">
            {movedOnDeactivation > 0
              ? `ASN dinonaktifkan; ${movedOnDeactivation} keluarga dipindahkan (lihat riwayat penugasan).`
              : "ASN dinonaktifkan."}
          </Alert>
        ) : null}
        {!asn.isActive && n > 0 ? (
          <Alert tone="warning">ASN ini nonaktif tetapi masih mengasuh {n} keluarga. Pindahkan mereka.</Alert>
        ) : null}

        <Card title={`Keluarga asuhan (${n} dari kuota ${asn.effectiveQuota})`}>
          <Table testId="asn-families">
            <thead>
              <tr>
                <Th>Kepala keluarga</Th>
                <Th>Desa/kelurahan</Th>
                <Th>Kecamatan</Th>
                <Th>Sejak</Th>
              </tr>
            </thead>
            <tbody>
              {n === 0 ? <EmptyRow colSpan={4}>Belum mengasuh keluarga.</EmptyRow> : null}
              {asn.families.map((f) => (
                <tr key={f.householdId}>
                  <Td>{f.headName}</Td>
                  <Td>{f.desaName}</Td>
                  <Td>{f.kecamatanName}</Td>
                  <Td>{formatDate(f.since)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>

        {n > 0 ? (
          <Card title="Pindahkan semua keluarga">
            <MoveAllForm action={moveAllAction.bind(null, asn.id)} activeFamilies={n} asnOptions={others} />
          </Card>
        ) : null}

        <Card title="Data ASN">
          <AsnForm
            mode="edit"
            action={updateAsnAction.bind(null, asn.id)}
            options={options}
            initial={{
              nip: asn.nip,
              name: asn.name,
              opdId: asn.opdId ? String(asn.opdId) : "",
              position: asn.position ?? "",
              phone: asn.phone ?? "",
              quota: asn.quota === null ? "" : String(asn.quota),
              workKecamatanCode: asn.workKecamatanCode ?? "",
              homeKecamatanCode: asn.homeKecamatanCode ?? "",
            }}
          />
        </Card>

        <div className="grid gap-4 md:grid-cols-2">
          <Card title="Mutasi (pindah OPD)">
            <div data-testid="transfer-panel">
              <TransferForm
                action={transferAsnAction.bind(null, asn.id)}
                activeFamilies={n}
                asnOptions={others}
                opds={options.opds}
                currentOpdId={asn.opdId}
              />
            </div>
          </Card>
          <Card title="Kata sandi">
            <ResetPasswordForm action={resetPasswordAction.bind(null, asn.id)} />
          </Card>
          <Card title={asn.isActive ? "Nonaktifkan ASN" : "Aktifkan kembali"}>
            <div data-testid="status-panel">
              {asn.isActive ? (
                <DeactivateForm
                  action={deactivateAsnAction.bind(null, asn.id)}
                  activeFamilies={n}
                  asnOptions={others}
                />
              ) : (
                <form action={reactivateAsnAction.bind(null, asn.id)}>
                  <SubmitButton>Aktifkan kembali</SubmitButton>
                </form>
              )}
            </div>
          </Card>
        </div>

        <Card title="Riwayat penugasan">
          <Table testId="asn-history">
            <thead>
              <tr>
                <Th>Keluarga</Th>
                <Th>Mulai</Th>
                <Th>Alasan</Th>
                <Th>Selesai</Th>
                <Th>Alasan selesai</Th>
              </tr>
            </thead>
            <tbody>
              {asn.history.length === 0 ? <EmptyRow colSpan={5}>Belum ada riwayat.</EmptyRow> : null}
              {asn.history.map((h, i) => (
                <tr key={`${h.householdId}-${i}`}>
                  <Td>{h.headName}</Td>
                  <Td>
                    {formatDate(h.startedAt)}
                    {h.assignedByName ? (
                      <span className="block text-xs text-slate-500">{h.assignedByName}</span>
                    ) : null}
                  </Td>
                  <Td>{h.reason ?? "–"}</Td>
                  <Td>
                    {h.endedAt ? formatDate(h.endedAt) : "masih aktif"}
                    {h.endedByName ? (
                      <span className="block text-xs text-slate-500">{h.endedByName}</span>
                    ) : null}
                  </Td>
                  <Td>{h.endReason ?? "–"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <p className="text-sm">
          <Link href="/admin/asn" className="text-brand-700 hover:underline">
            ← Kembali ke daftar ASN
          </Link>
        </p>
      </div>
    </>
  );
}
