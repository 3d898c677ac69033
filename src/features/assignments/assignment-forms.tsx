"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { AsnDatalist } from "@/components/ui/asn-datalist";
import { SubmitButton } from "@/components/ui/button";
import { FormField, TextInput } from "@/components/ui/form-field";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { IDLE, type ActionResult } from "@/lib/action-result";
import type {
  AsnCapacityOption,
  ConfirmResult,
  ProposalRow,
  UnassignedFamilyRow,
} from "@/server/assignments";
import { bulkAssignAction, confirmProposalAction } from "./actions";

const REASON_LABEL: Record<ProposalRow["reason"], string> = {
  WORK_KECAMATAN: "sekecamatan dengan tempat kerja",
  HOME_KECAMATAN: "sekecamatan dengan rumah",
  OTHER: "ASN lain dengan sisa kuota",
};

function Status({ state }: { state: ActionResult<unknown> }) {
  if (state.status === "error")
    return (
      <Alert tone="error" testId="form-error">
        {state.message}
      </Alert>
    );
  if (state.status === "success")
    return (
      <Alert tone="success" testId="form-success">
        {state.message}
      </Alert>
    );
  return null;
}

function OverQuotaCheckbox({ errors }: { errors?: string[] }) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" name="allowOverQuota" className="mt-1" />
      <span>
        Izinkan melebihi kuota ASN tujuan
        {errors?.length ? (
          <span className="block text-red-700" data-testid="field-error">
            {errors[0]}
          </span>
        ) : null}
      </span>
    </label>
  );
}

/** Tick unassigned active families and assign them to one ASN (one family = tick one). */
export function BulkAssignForm({
  families,
  asnOptions,
  initialNip,
}: {
  families: UnassignedFamilyRow[];
  asnOptions: AsnCapacityOption[];
  initialNip: string;
}) {
  const [state, action] = useActionState<ActionResult, FormData>(bulkAssignAction, IDLE);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const values = state.status === "error" ? state.values : undefined;
  const toggle = (id: string, on: boolean) =>
    setTicked((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allTicked = families.length > 0 && families.every((f) => ticked.has(f.id));
  return (
    <form action={action} className="space-y-4" noValidate>
      <Table testId="unassigned-table">
        <thead>
          <tr>
            <Th>
              <input
                type="checkbox"
                aria-label="Pilih semua keluarga di halaman ini"
                checked={allTicked}
                onChange={(e) => setTicked(e.target.checked ? new Set(families.map((f) => f.id)) : new Set())}
              />
            </Th>
            <Th>Kepala keluarga</Th>
            <Th>Desa/kelurahan</Th>
            <Th>Kecamatan</Th>
            <Th>RT/RW</Th>
          </tr>
        </thead>
        <tbody>
          {families.length === 0 ? (
            <EmptyRow colSpan={5}>Semua keluarga aktif sudah punya ASN.</EmptyRow>
          ) : null}
          {families.map((f) => (
            <tr key={f.id}>
              <Td>
                <input
                  type="checkbox"
                  name="householdIds"
                  value={f.id}
                  aria-label={`Pilih ${f.headName}`}
                  checked={ticked.has(f.id)}
                  onChange={(e) => toggle(f.id, e.target.checked)}
                />
              </Td>
              <Td>{f.headName}</Td>
              <Td>{f.desaName}</Td>
              <Td>{f.kecamatanName}</Td>
              <Td>{f.rt && f.rw ? `${f.rt}/${f.rw}` : "–"}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <div className="grid gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 md:grid-cols-2">
        <FormField
          label="NIP ASN tujuan"
          htmlFor="asnNip"
          errors={errors?.asnNip}
          hint="Ketik NIP atau pilih dari saran (mengasuh/kuota)."
        >
          <TextInput
            id="asnNip"
            name="asnNip"
            list="assign-asn-options"
            inputMode="numeric"
            autoComplete="off"
            defaultValue={values?.asnNip ?? initialNip}
            invalid={Boolean(errors?.asnNip)}
          />
        </FormField>
        <AsnDatalist id="assign-asn-options" options={asnOptions} />
        <FormField label="Catatan (opsional)" htmlFor="assignReason" errors={errors?.reason}>
          <TextInput id="assignReason" name="reason" defaultValue={values?.reason ?? ""} />
        </FormField>
        <div className="space-y-3 md:col-span-2">
          <OverQuotaCheckbox errors={errors?.allowOverQuota} />
          <Status state={state} />
          <SubmitButton>
            Tugaskan {ticked.size > 0 ? `${ticked.size} keluarga` : "keluarga terpilih"}
          </SubmitButton>
        </div>
      </div>
    </form>
  );
}

/** The automatic proposal as an editable preview: untick rows or change the ASN, then confirm. */
export function ProposalForm({ rows, asnOptions }: { rows: ProposalRow[]; asnOptions: AsnCapacityOption[] }) {
  const [state, action] = useActionState<ActionResult<ConfirmResult>, FormData>(confirmProposalAction, IDLE);
  if (state.status === "success") {
    const skipped = state.data?.skipped ?? [];
    return (
      <div className="space-y-3" data-testid="proposal-result">
        <Status state={state} />
        {skipped.length > 0 ? (
          <Table testId="proposal-skipped">
            <thead>
              <tr>
                <Th>Keluarga dilewati</Th>
                <Th>Alasan</Th>
              </tr>
            </thead>
            <tbody>
              {skipped.map((s) => (
                <tr key={s.householdId}>
                  <Td>{s.headName ?? s.householdId}</Td>
                  <Td>{s.reason}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : null}
        <a href="/admin/penugasan/usulan" className="text-sm font-medium text-brand-700 hover:underline">
          Buat usulan berikutnya
        </a>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <Table testId="proposal-table">
        <thead>
          <tr>
            <Th>Ikut</Th>
            <Th>Kepala keluarga</Th>
            <Th>Desa / kecamatan</Th>
            <Th>ASN yang diusulkan (NIP)</Th>
            <Th>Alasan</Th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <EmptyRow colSpan={5}>
              Tidak ada usulan: semua keluarga sudah punya ASN atau kuota habis.
            </EmptyRow>
          ) : null}
          {rows.map((r) => (
            <tr key={r.householdId}>
              <Td>
                <input
                  type="checkbox"
                  name="include"
                  value={r.householdId}
                  defaultChecked
                  aria-label={`Ikutkan ${r.headName}`}
                />
              </Td>
              <Td>{r.headName}</Td>
              <Td>
                {r.desaName}
                <span className="block text-xs text-slate-500">{r.kecamatanName}</span>
              </Td>
              <Td>
                <input
                  name={`nip:${r.householdId}`}
                  defaultValue={r.asn.nip}
                  list="proposal-asn-options"
                  inputMode="numeric"
                  aria-label={`NIP ASN untuk ${r.headName}`}
                  className="w-48 rounded-lg border border-slate-300 px-2 py-1 font-mono text-sm"
                />
                <span className="block text-xs text-slate-500">
                  {r.asn.name}
                  {r.asn.opdName ? ` · ${r.asn.opdName}` : ""}
                </span>
              </Td>
              <Td>{REASON_LABEL[r.reason]}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <AsnDatalist id="proposal-asn-options" options={asnOptions} />
      <Status state={state} />
      {rows.length > 0 ? <SubmitButton>Konfirmasi penugasan</SubmitButton> : null}
    </form>
  );
}
