"use client";

import { startTransition, useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { IDLE, type ActionResult } from "@/lib/action-result";
import type { MenuRotationItem } from "@/lib/menu";
import {
  CADENCE_LABEL,
  DEFAULT_QUOTA_MAX,
  LATE_REPORT_LIMIT_MAX_DAYS,
  MENU_MAX_ITEMS,
  POVERTY_FIGURE_STATUS_LABEL,
  POVERTY_FIGURE_STATUSES,
} from "@/schemas/settings";
import { replaceMenuAction, updateSettingsAction, upsertPovertyFigureAction } from "./actions";

const CONTROL =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-500";

/**
 * Submits through the action without React's automatic form reset: React 19 resets even
 * controlled <select> elements after a form action, which would silently change a choice the
 * user made before a failed save.
 */
function submitWithoutReset(action: (formData: FormData) => void) {
  return (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  };
}

function errorOf(state: ActionResult, name: string): string | undefined {
  return state.status === "error" ? state.fieldErrors?.[name]?.[0] : undefined;
}

function Field({
  state,
  name,
  label,
  hint,
  children,
}: {
  state: ActionResult;
  name: string;
  label: string;
  hint?: string;
  children: React.ReactNode;
}) {
  const error = errorOf(state, name);
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      {error ? (
        <p className="mt-1 text-sm text-red-700" data-testid="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Result({ state }: { state: ActionResult }) {
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

export type SettingsFormValues = {
  cadence: "WEEKLY" | "MONTHLY";
  lateReportLimitDays: number;
  defaultQuota: number;
  gpsFlagDistanceMeters: number;
  povertyTargetPercent: number | null;
  localAidProgrammes: string[];
};

export function ProgrammeSettingsForm({ initial }: { initial: SettingsFormValues }) {
  const [state, action, pending] = useActionState(updateSettingsAction, IDLE);
  const submit = submitWithoutReset(action);
  const echoed = state.status === "error" ? state.values : undefined;
  const v = (name: keyof SettingsFormValues, fallback: string) => echoed?.[name] ?? fallback;
  const [cadence, setCadence] = useState(v("cadence", initial.cadence));
  const input = (name: string) => ({
    id: name,
    name,
    className: CONTROL,
    "aria-invalid": errorOf(state, name) ? true : undefined,
  });
  return (
    <form onSubmit={submit} className="grid gap-4 md:grid-cols-2" data-testid="settings-form" noValidate>
      <Field state={state} name="cadence" label="Irama kunjungan">
        <select {...input("cadence")} value={cadence} onChange={(e) => setCadence(e.target.value)}>
          {(["WEEKLY", "MONTHLY"] as const).map((c) => (
            <option key={c} value={c}>
              {CADENCE_LABEL[c]}
            </option>
          ))}
        </select>
        {cadence !== initial.cadence ? (
          <div className="mt-2">
            <Alert tone="warning" testId="cadence-warning">
              Mengubah irama mengubah kunci periode laporan mulai sekarang (mingguan &quot;2026-W48&quot; ↔
              bulanan &quot;2026-11&quot;). Laporan lama tetap tersimpan dengan periodenya; tugas dan
              kepatuhan dihitung dengan irama baru.
            </Alert>
          </div>
        ) : null}
      </Field>
      <Field
        state={state}
        name="lateReportLimitDays"
        label="Batas laporan terlambat (hari)"
        hint={`0–${LATE_REPORT_LIMIT_MAX_DAYS} hari setelah periode berakhir.`}
      >
        <input
          {...input("lateReportLimitDays")}
          inputMode="numeric"
          defaultValue={v("lateReportLimitDays", String(initial.lateReportLimitDays))}
        />
      </Field>
      <Field
        state={state}
        name="defaultQuota"
        label="Kuota bawaan ASN (keluarga)"
        hint={`0–${DEFAULT_QUOTA_MAX}.`}
      >
        <input
          {...input("defaultQuota")}
          inputMode="numeric"
          defaultValue={v("defaultQuota", String(initial.defaultQuota))}
        />
      </Field>
      <Field
        state={state}
        name="gpsFlagDistanceMeters"
        label="Jarak penanda GPS (meter)"
        hint="Titik laporan yang lebih jauh dari ini dari alamat keluarga ditandai."
      >
        <input
          {...input("gpsFlagDistanceMeters")}
          inputMode="numeric"
          defaultValue={v("gpsFlagDistanceMeters", String(initial.gpsFlagDistanceMeters))}
        />
      </Field>
      <Field
        state={state}
        name="povertyTargetPercent"
        label="Target angka kemiskinan (%)"
        hint="Opsional, misalnya 5,50. Kosongkan bila tidak ada target."
      >
        <input
          {...input("povertyTargetPercent")}
          inputMode="decimal"
          defaultValue={v(
            "povertyTargetPercent",
            initial.povertyTargetPercent === null ? "" : initial.povertyTargetPercent.toLocaleString("id-ID"),
          )}
        />
      </Field>
      <Field
        state={state}
        name="localAidProgrammes"
        label="Program bantuan daerah"
        hint="Satu program per baris (misalnya Rantang Kasih)."
      >
        <textarea
          {...input("localAidProgrammes")}
          rows={4}
          defaultValue={v("localAidProgrammes", initial.localAidProgrammes.join("\n"))}
        />
      </Field>
      <div className="space-y-2 md:col-span-2">
        <Result state={state} />
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? "Menyimpan…" : "Simpan pengaturan"}
        </Button>
      </div>
    </form>
  );
}

type MenuRow = {
  key: number;
  name: string;
  unit: string;
  defaultQuantity: string;
  defaultValueRupiah: string;
};

let nextKey = 1;

/** Edit rows, move them, add or remove, then save the whole rotation at once. */
export function MenuRotationEditor({ initial }: { initial: MenuRotationItem[] }) {
  const [state, action, pending] = useActionState(replaceMenuAction, IDLE);
  const submit = submitWithoutReset(action);
  const [rows, setRows] = useState<MenuRow[]>(() =>
    initial.map((m) => ({
      key: nextKey++,
      name: m.name,
      unit: m.unit,
      defaultQuantity: m.defaultQuantity.toLocaleString("id-ID"),
      defaultValueRupiah: m.defaultValueRupiah.toLocaleString("id-ID"),
    })),
  );
  const update = (index: number, patch: Partial<MenuRow>) =>
    setRows((list) => list.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const move = (index: number, by: -1 | 1) =>
    setRows((list) => {
      const next = [...list];
      const [row] = next.splice(index, 1);
      if (row) next.splice(index + by, 0, row);
      return next;
    });
  const payload = JSON.stringify(
    rows.map((r) => ({
      name: r.name,
      unit: r.unit,
      defaultQuantity: r.defaultQuantity,
      defaultValueRupiah: r.defaultValueRupiah,
    })),
  );
  const cell = (index: number, field: keyof Omit<MenuRow, "key">, label: string, width = "") => {
    const error = errorOf(state, `${index}.${field}`);
    return (
      <td className="px-1 py-1 align-top">
        <input
          aria-label={`${label} baris ${index + 1}`}
          value={rows[index]?.[field] ?? ""}
          onChange={(e) => update(index, { [field]: e.target.value })}
          aria-invalid={error ? true : undefined}
          className={`${CONTROL} mt-0 ${width}`}
        />
        {error ? (
          <p className="mt-1 text-xs text-red-700" data-testid="field-error">
            {error}
          </p>
        ) : null}
      </td>
    );
  };
  return (
    <form onSubmit={submit} className="space-y-3" data-testid="menu-form">
      <input type="hidden" name="payload" value={payload} />
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-slate-600">
            <tr>
              <th className="px-1 py-1 font-medium">Urutan</th>
              <th className="px-1 py-1 font-medium">Nama</th>
              <th className="px-1 py-1 font-medium">Satuan</th>
              <th className="px-1 py-1 font-medium">Jumlah bawaan</th>
              <th className="px-1 py-1 font-medium">Nilai bawaan (Rp)</th>
              <th className="px-1 py-1" />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.key}>
                <td className="px-1 py-1 align-top tabular-nums">{index + 1}</td>
                {cell(index, "name", "Nama")}
                {cell(index, "unit", "Satuan", "w-24")}
                {cell(index, "defaultQuantity", "Jumlah", "w-24")}
                {cell(index, "defaultValueRupiah", "Nilai", "w-32")}
                <td className="px-1 py-1 align-top whitespace-nowrap">
                  <Button
                    variant="secondary"
                    className="px-2"
                    onClick={() => move(index, -1)}
                    disabled={index === 0}
                    aria-label={`Naikkan baris ${index + 1}`}
                  >
                    ↑
                  </Button>{" "}
                  <Button
                    variant="secondary"
                    className="px-2"
                    onClick={() => move(index, 1)}
                    disabled={index === rows.length - 1}
                    aria-label={`Turunkan baris ${index + 1}`}
                  >
                    ↓
                  </Button>{" "}
                  <Button
                    variant="secondary"
                    className="px-2"
                    onClick={() => setRows((list) => list.filter((_, i) => i !== index))}
                    aria-label={`Hapus baris ${index + 1}`}
                  >
                    Hapus
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {errorOf(state, "_form") ? (
        <p className="text-sm text-red-700" data-testid="field-error">
          {errorOf(state, "_form")}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={rows.length >= MENU_MAX_ITEMS}
          onClick={() =>
            setRows((list) => [
              ...list,
              { key: nextKey++, name: "", unit: "", defaultQuantity: "1", defaultValueRupiah: "" },
            ])
          }
        >
          Tambah item
        </Button>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? "Menyimpan…" : "Simpan menu"}
        </Button>
      </div>
      <Result state={state} />
    </form>
  );
}

export type PovertyFigureRow = {
  year: number;
  percentPoor: number;
  poorPeople: number | null;
  source: string;
  status: string;
};

type FigureDraft = { year: string; percentPoor: string; poorPeople: string; source: string; status: string };

function draftOf(f: PovertyFigureRow | null): FigureDraft {
  if (!f)
    return {
      year: "",
      percentPoor: "",
      poorPeople: "",
      source: "BPS Kabupaten Banyuwangi",
      status: "bps-official",
    };
  return {
    year: String(f.year),
    percentPoor: f.percentPoor.toLocaleString("id-ID", { minimumFractionDigits: 2 }),
    poorPeople: f.poorPeople === null ? "" : String(f.poorPeople),
    source: f.source,
    status: f.status,
  };
}

/** Add a year or correct one (same year = correction). "Koreksi" on a row fills the form. */
export function PovertyFigureForm({ figures }: { figures: PovertyFigureRow[] }) {
  const [state, action, pending] = useActionState(upsertPovertyFigureAction, IDLE);
  const submit = submitWithoutReset(action);
  const [draft, setDraft] = useState<FigureDraft>(() => draftOf(null));
  const [lastEcho, setLastEcho] = useState<ActionResult>(IDLE);
  // After a failed save, show what was submitted (the form was reset by React).
  if (state !== lastEcho) {
    setLastEcho(state);
    if (state.status === "error" && state.values)
      setDraft({
        year: state.values.year ?? "",
        percentPoor: state.values.percentPoor ?? "",
        poorPeople: state.values.poorPeople ?? "",
        source: state.values.source ?? "",
        status: state.values.status ?? "bps-official",
      });
  }
  const field = (name: keyof FigureDraft, label: string, inputMode?: "numeric" | "decimal") => (
    <Field state={state} name={name} label={label}>
      <input
        id={name}
        name={name}
        inputMode={inputMode}
        value={draft[name]}
        onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))}
        aria-invalid={errorOf(state, name) ? true : undefined}
        className={CONTROL}
      />
    </Field>
  );
  return (
    <div className="space-y-4">
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="poverty-figures">
          <thead className="text-slate-600">
            <tr>
              <th className="px-2 py-1 font-medium">Tahun</th>
              <th className="px-2 py-1 text-right font-medium">Persentase</th>
              <th className="px-2 py-1 text-right font-medium">Penduduk miskin</th>
              <th className="px-2 py-1 font-medium">Sumber</th>
              <th className="px-2 py-1 font-medium">Status</th>
              <th className="px-2 py-1" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {figures.map((f) => (
              <tr key={f.year}>
                <td className="px-2 py-1 tabular-nums">{f.year}</td>
                <td className="px-2 py-1 text-right tabular-nums">
                  {f.percentPoor.toLocaleString("id-ID", { minimumFractionDigits: 2 })}%
                </td>
                <td className="px-2 py-1 text-right tabular-nums">
                  {f.poorPeople === null ? "–" : f.poorPeople.toLocaleString("id-ID")}
                </td>
                <td className="px-2 py-1">{f.source}</td>
                <td className="px-2 py-1">
                  {POVERTY_FIGURE_STATUS_LABEL[f.status as keyof typeof POVERTY_FIGURE_STATUS_LABEL] ??
                    f.status}
                </td>
                <td className="px-2 py-1">
                  <Button
                    variant="secondary"
                    className="px-2 py-1"
                    onClick={() => setDraft(draftOf(f))}
                    aria-label={`Koreksi ${f.year}`}
                  >
                    Koreksi
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={submit} className="grid gap-3 md:grid-cols-3" data-testid="poverty-form" noValidate>
        {field("year", "Tahun", "numeric")}
        {field("percentPoor", "Persentase penduduk miskin (%)", "decimal")}
        {field("poorPeople", "Jumlah penduduk miskin (opsional)", "numeric")}
        {field("source", "Sumber")}
        <Field state={state} name="status" label="Status angka">
          <select
            id="status"
            name="status"
            value={draft.status}
            onChange={(e) => setDraft((d) => ({ ...d, status: e.target.value }))}
            className={CONTROL}
          >
            {POVERTY_FIGURE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {POVERTY_FIGURE_STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </Field>
        <div className="flex items-end">
          <Button type="submit" disabled={pending} aria-disabled={pending}>
            {pending ? "Menyimpan…" : "Simpan angka"}
          </Button>
        </div>
        <div className="md:col-span-3">
          <Result state={state} />
        </div>
      </form>
    </div>
  );
}
