import { Link } from "@/components/ui/link";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { formatDate, formatDateTime } from "@/lib/dates";
import { FOLLOW_UP_LABEL, FOLLOW_UP_TYPES } from "@/lib/follow-up-rules";
import { formatRupiah } from "@/lib/money";
import { periodLabel } from "@/lib/period";
import { FOLLOW_UP_STATUS_LABEL, FOLLOW_UP_STATUSES } from "@/schemas/follow-up";
import type { FollowUpBoardRow, FollowUpDetail } from "@/server/follow-ups";
import { FollowUpStatusBadge } from "./follow-up-list";

const SELECT = "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm";

/** GET filters: type, status, target OPD (admin only), kecamatan. Works without JavaScript. */
export function FollowUpBoardFilters({
  values,
  opds,
  kecamatan,
}: {
  values: { jenis?: string; status?: string; opd?: string; kecamatan?: string };
  opds: { id: number; name: string }[] | null;
  kecamatan: { code: string; name: string }[];
}) {
  return (
    <form method="get" className="mb-4 grid gap-3 md:grid-cols-5" data-testid="board-filters">
      <label className="block text-sm font-medium">
        Jenis
        <select name="jenis" defaultValue={values.jenis ?? ""} className={SELECT}>
          <option value="">Semua jenis</option>
          {FOLLOW_UP_TYPES.map((t) => (
            <option key={t} value={t}>
              {FOLLOW_UP_LABEL[t]}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-medium">
        Status
        <select name="status" defaultValue={values.status ?? ""} className={SELECT}>
          <option value="">Semua status</option>
          <option value="AKTIF">Belum selesai (terbuka/ditangani)</option>
          {FOLLOW_UP_STATUSES.map((s) => (
            <option key={s} value={s}>
              {FOLLOW_UP_STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      {opds ? (
        <label className="block text-sm font-medium">
          OPD tujuan
          <select name="opd" defaultValue={values.opd ?? ""} className={SELECT}>
            <option value="">Semua OPD</option>
            {opds.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="block text-sm font-medium">
        Kecamatan
        <select name="kecamatan" defaultValue={values.kecamatan ?? ""} className={SELECT}>
          <option value="">Semua kecamatan</option>
          {kecamatan.map((k) => (
            <option key={k.code} value={k.code}>
              {k.name}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-end">
        <button type="submit" className="rounded-lg bg-slate-800 px-3 py-2 text-sm font-semibold text-white">
          Terapkan
        </button>
      </div>
    </form>
  );
}

export function FollowUpBoardTable({ rows, basePath }: { rows: FollowUpBoardRow[]; basePath: string }) {
  return (
    <Table testId="follow-up-board">
      <thead>
        <tr>
          <Th>Dibuat</Th>
          <Th>Jenis</Th>
          <Th>Keluarga</Th>
          <Th>Wilayah</Th>
          <Th>OPD tujuan</Th>
          <Th>Status</Th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <EmptyRow colSpan={6}>Tidak ada tindak lanjut yang cocok dengan filter.</EmptyRow>
        ) : (
          rows.map((r) => (
            <tr key={r.id}>
              <Td className="whitespace-nowrap">{formatDate(r.createdAt)}</Td>
              <Td>
                <Link href={`${basePath}/${r.id}`} className="font-medium text-brand-700 hover:underline">
                  {r.typeLabel}
                </Link>
                <p className="text-xs text-slate-500">{r.detail}</p>
              </Td>
              <Td>{r.headName}</Td>
              <Td>
                {r.desaName}, {r.kecamatanName}
              </Td>
              <Td>{r.targetOpdName}</Td>
              <Td>
                <FollowUpStatusBadge status={r.status} />
                {r.noLongerSeen && (r.status === "OPEN" || r.status === "IN_PROGRESS") ? (
                  <p className="mt-1 text-xs text-slate-500">Tidak terlihat lagi</p>
                ) : null}
              </Td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}

export function FollowUpDetailView({ detail }: { detail: FollowUpDetail }) {
  const visit = detail.raisedBy;
  return (
    <div className="space-y-4">
      <section
        className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
        data-testid="follow-up-detail"
      >
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <h2 className="text-lg font-semibold">{detail.typeLabel}</h2>
            <p className="text-sm text-slate-700">{detail.detail}</p>
          </div>
          <FollowUpStatusBadge status={detail.status} />
        </div>
        <dl className="mt-3 grid gap-2 text-sm md:grid-cols-2">
          <div>
            <dt className="text-slate-500">Keluarga</dt>
            <dd className="font-medium">{detail.household.headName}</dd>
            <dd className="text-slate-600">{detail.household.address}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Anggota yang bersangkutan</dt>
            <dd className="font-medium">
              {detail.member
                ? `${detail.member.name}, ${detail.member.age} tahun`
                : "Keluarga (tidak spesifik)"}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">OPD tujuan</dt>
            <dd className="font-medium">{detail.targetOpd.name}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Dibuat</dt>
            <dd>
              {formatDateTime(detail.createdAt)}
              {detail.resolvedAt ? ` · selesai ${formatDateTime(detail.resolvedAt)}` : ""}
            </dd>
          </div>
        </dl>
        {detail.noLongerSeen ? (
          <p
            className="mt-3 rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-800"
            data-testid="no-longer-seen"
          >
            Laporan berikutnya ({formatDate(detail.noLongerSeen.on)}
            {detail.noLongerSeen.asnName ? `, ${detail.noLongerSeen.asnName}` : ""}) tidak lagi menunjukkan
            masalah ini.
          </p>
        ) : null}
      </section>

      <section className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 className="mb-2 text-lg font-semibold">Laporan kunjungan asal</h2>
        {visit ? (
          <div className="space-y-2 text-sm">
            <p>
              {formatDate(visit.visitDate)} · {periodLabel(visit.periodKey)} · oleh {visit.asnName}
            </p>
            <p className="text-slate-700">
              {visit.delivered
                ? `Diantar: ${visit.items.map((i) => `${i.name} ${i.quantity.toLocaleString("id-ID")} ${i.unit} (${formatRupiah(i.valueRupiah)})`).join("; ") || "–"}`
                : "Bantuan tidak diantar."}
            </p>
            {visit.answers.length > 0 ? (
              <dl className="grid gap-x-4 gap-y-1 md:grid-cols-2">
                {visit.answers.map((a) => (
                  <div key={a.label} className="flex gap-2">
                    <dt className="text-slate-500">{a.label}:</dt>
                    <dd className="font-medium">{a.value}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
            {visit.photoUrl ? (
              <a href={visit.photoUrl} target="_blank" rel="noopener" className="text-brand-700 underline">
                Lihat foto kunjungan
              </a>
            ) : null}
          </div>
        ) : (
          <p className="text-sm text-slate-600">Laporan asal tidak tersedia.</p>
        )}
      </section>

      <section className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 className="mb-2 text-lg font-semibold">Riwayat</h2>
        <ol className="divide-y divide-slate-100" data-testid="follow-up-history">
          {detail.history.map((e) => (
            <li key={e.id} className="py-2 text-sm">
              <p className="font-medium">
                {e.fromStatus && e.fromStatus !== e.toStatus
                  ? `${FOLLOW_UP_STATUS_LABEL[e.fromStatus]} → ${FOLLOW_UP_STATUS_LABEL[e.toStatus]}`
                  : e.fromStatus
                    ? FOLLOW_UP_STATUS_LABEL[e.toStatus]
                    : `Dibuat: ${FOLLOW_UP_STATUS_LABEL[e.toStatus]}`}
                {e.fromOpdName && e.fromOpdName !== e.toOpdName
                  ? ` · OPD: ${e.fromOpdName} → ${e.toOpdName}`
                  : ""}
              </p>
              <p className="text-slate-700">{e.note}</p>
              <p className="text-xs text-slate-500">
                {e.actorName ?? "Sistem"} · {formatDateTime(e.createdAt)}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
