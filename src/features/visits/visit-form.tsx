"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { draftStorageKey } from "@/features/offline/drafts";
import { queuedReportFor } from "@/features/offline/offline-client";
import { statusText } from "@/features/offline/status-text";
import { useQueuedReport } from "@/features/offline/use-offline";
import { isHouseLivable } from "@/lib/livable-house";
import type { MemberAnswer } from "@/schemas/visit";
import type { FormMember } from "@/server/visits";
import type { submitVisitAction } from "./actions";
import type * as FollowUpPreview from "./follow-up-preview";
import { FieldError, Section, Select, TextInput, YesNo } from "./form-controls";
import {
  ageStepOn,
  houseAnswersOf,
  type AgeStep,
  type ClientVisitForm,
  type FormState,
  type ItemState,
  type VisitChoices,
} from "./form-state";

const OFFLINE_QUEUED =
  "Tidak ada koneksi. Laporan disimpan di ponsel ini dan dikirim otomatis saat sinyal kembali.";

export function VisitForm({
  form,
  initial,
  initialPreview,
  memberAges,
  choices,
  submit,
}: {
  form: ClientVisitForm;
  /** The starting state: initialState(form, newKey) (form-conversion.ts), computed by the page. */
  initial: FormState;
  /** previewFollowUps(initial, form), computed by the page. */
  initialPreview: FollowUpPreview.PreviewItem[];
  /** memberAgeSteps(form), computed by the page. */
  memberAges: Record<string, AgeStep[]>;
  /** visitChoices(form.localAidProgrammes) (form-conversion.ts). */
  choices: VisitChoices;
  /** submitVisitAction, passed by the page: used only where the phone has no IndexedDB queue. */
  submit: typeof submitVisitAction;
}) {
  const router = useRouter();
  const storageKey = draftStorageKey(form.household.id, form.period.periodKey);
  const [state, setState] = useState<FormState>(initial);
  const [restored, setRestored] = useState(false);
  const [photo, setPhoto] = useState<{ blob: Blob; url: string } | null>(null);
  const [photoBusy, setPhotoBusy] = useState(false);
  const [gpsMessage, setGpsMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submitting = useRef(false);
  const loaded = useRef(false);
  // The offline queue's copy of this report (docs/decisions/007), followed live while it syncs.
  const [queuedKey, setQueuedKey] = useState<string | null>(null);
  const queued = useQueuedReport(queuedKey);

  // Restore, newest first: a draft left by a lost connection or a closed tab, or the report queued
  // on this phone (waiting, or returned by the server with its messages). Same family, same period.
  useEffect(() => {
    let cancelled = false;
    let draft: { state: FormState; savedAt?: string } | null = null;
    const saved = window.localStorage.getItem(storageKey);
    if (saved) {
      try {
        draft = JSON.parse(saved) as { state: FormState; savedAt?: string };
      } catch {
        window.localStorage.removeItem(storageKey);
      }
    }
    void queuedReportFor(form.household.id, form.period.periodKey).then((item) => {
      if (cancelled) return;
      const draftTime = draft?.savedAt ? Date.parse(draft.savedAt) : 0;
      if (item && item.status !== "SENT" && item.updatedAt >= draftTime) {
        setState(item.form as FormState);
        if (item.photo) setPhoto({ blob: item.photo, url: URL.createObjectURL(item.photo) });
        if (item.status === "INVALID") {
          setErrors(item.fieldErrors ?? {});
          setFormError(item.message);
        }
        setQueuedKey(item.key);
      } else if (draft) {
        setState(draft.state);
        setRestored(true);
        if (item) setQueuedKey(item.key);
      } else if (item) setQueuedKey(item.key);
      loaded.current = true;
    });
    return () => {
      cancelled = true;
    };
  }, [storageKey, form.household.id, form.period.periodKey]);

  useEffect(() => {
    if (!loaded.current) return;
    window.localStorage.setItem(storageKey, JSON.stringify({ state, savedAt: new Date().toISOString() }));
  }, [state, storageKey]);

  const members = form.household.members;
  const memberById = useMemo(() => new Map(members.map((m) => [m.id, m])), [members]);
  const familyAbsent = state.changes.familyMoved || state.changes.familyNotFound;
  const presentCount = state.members.filter((m) => m.presence === "PRESENT").length;
  const house = houseAnswersOf(state.house);
  const livable = house ? isHouseLivable(house, presentCount) : null;

  // The follow-up preview: the server's for the state the page was rendered with, then computed
  // here by the same rules, loaded once the ASN changes something (follow-up-preview.ts).
  const [pristineState] = useState(state);
  const [rules, setRules] = useState<typeof FollowUpPreview | null>(null);
  useEffect(() => {
    if (rules || state === pristineState) return;
    import("./follow-up-preview").then(setRules, () => {
      // Not loadable (offline before it was cached): the preview keeps its last state.
    });
  }, [rules, state, pristineState]);
  const previewProblems = useMemo(
    () => (rules && state !== pristineState ? rules.previewFollowUps(state, form) : initialPreview),
    [rules, state, pristineState, form, initialPreview],
  );

  function update<K extends keyof FormState>(key: K, value: FormState[K]) {
    setState((s) => ({ ...s, [key]: value }));
  }

  function updateMember(index: number, patch: Partial<MemberAnswer>) {
    setState((s) => ({ ...s, members: s.members.map((m, i) => (i === index ? { ...m, ...patch } : m)) }));
  }

  function updateItem(index: number, patch: Partial<ItemState>) {
    setState((s) => ({ ...s, items: s.items.map((it, i) => (i === index ? { ...it, ...patch } : it)) }));
  }

  async function onPhotoChosen(file: File | undefined) {
    if (!file) return;
    setPhotoBusy(true);
    setErrors((e) => ({ ...e, photo: [] }));
    try {
      // Loaded when a photo is chosen, not with the form (docs/performance.md). The service worker
      // caches this chunk with the form's scripts, so it loads offline too (src/app/sw.ts).
      const { resizePhoto } = await import("./resize-photo").catch(() => {
        throw new Error("Foto tidak dapat diproses saat ini. Coba lagi, atau kirim laporan tanpa foto.");
      });
      const blob = await resizePhoto(file);
      if (photo) URL.revokeObjectURL(photo.url);
      setPhoto({ blob, url: URL.createObjectURL(blob) });
    } catch (error) {
      setErrors((e) => ({
        ...e,
        photo: [error instanceof Error ? error.message : "Foto tidak dapat dibaca."],
      }));
    } finally {
      setPhotoBusy(false);
    }
  }

  async function captureLocation() {
    setGpsMessage("Mengambil lokasi…");
    try {
      const { currentPosition } = await import("./locate").catch(() => {
        throw new Error("Lokasi tidak dapat diambil saat ini. Coba lagi atau lewati bagian ini.");
      });
      update("location", await currentPosition());
      setGpsMessage(null);
    } catch (error) {
      setGpsMessage((error as Error).message);
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting.current) return; // a double tap sends one request; the key makes retries safe too
    submitting.current = true;
    setPending(true);
    setFormError(null);
    try {
      const { submitReport } = await import("./submit-report");
      const outcome = await submitReport({
        submit,
        state,
        form,
        photo: photo?.blob ?? null,
        draftKey: storageKey,
        onQueued: () => setQueuedKey(state.idempotencyKey),
      });
      if (outcome.kind === "sent") {
        const raised = outcome.followUpsRaised;
        router.push(`/asn?terkirim=1${raised ? `&tindakLanjut=${raised}` : ""}`);
        router.refresh();
        return;
      }
      if (outcome.kind === "refused") {
        setErrors((e) => ({ ...e, photo: [outcome.message] }));
        setFormError(outcome.message);
        return;
      }
      setErrors(outcome.kind === "returned" ? outcome.fieldErrors : {});
      setFormError(outcome.kind === "returned" ? outcome.message : null);
      window.scrollTo({ top: 0, behavior: "smooth" });
    } catch {
      setFormError(
        "Koneksi terputus. Laporan Anda tersimpan sebagai draf di ponsel ini; kirim ulang saat sinyal kembali.",
      );
    } finally {
      submitting.current = false;
      setPending(false);
    }
  }

  const e = errors;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="visit-form">
      {queued && (queued.status === "PENDING" || queued.status === "SENT") ? (
        <div
          className={`rounded-lg px-3 py-2 text-sm ${queued.status === "SENT" ? "bg-brand-50 text-brand-800" : "bg-amber-50 text-amber-900"}`}
          data-testid="queue-status"
          aria-live="polite"
        >
          <p className="font-semibold">{statusText(queued)}</p>
          <p>{queued.status === "SENT" ? "Laporan ini sudah tersimpan di server." : OFFLINE_QUEUED}</p>
        </div>
      ) : null}
      {queued?.status === "FAILED" && !formError ? (
        <p
          className="rounded-lg bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
          data-testid="queue-status"
        >
          {statusText(queued)}
        </p>
      ) : null}
      {restored ? (
        <p className="rounded-lg bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="draft-restored">
          Draf laporan yang belum terkirim dipulihkan.
        </p>
      ) : null}
      {formError ? (
        <div
          className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800"
          data-testid="form-error"
          aria-live="assertive"
        >
          <p className="font-medium">{formError}</p>
          {e.periodKey?.[0] ? <p>{e.periodKey[0]}</p> : null}
          {e.members?.[0] ? <p>{e.members[0]}</p> : null}
          {e.house?.[0] ? <p>{e.house[0]}</p> : null}
        </div>
      ) : null}

      <Section title="Kunjungan">
        <TextInput
          label="Tanggal kunjungan"
          type="date"
          value={state.visitDate}
          min={form.period.firstDay}
          max={form.period.lastDay < form.today ? form.period.lastDay : form.today}
          onChange={(v) => update("visitDate", v)}
          error={e.visitDate}
        />
        <div className="space-y-2">
          <p className="text-sm font-medium">Perubahan keluarga</p>
          {(
            [
              ["familyNotFound", "Keluarga tidak ditemukan di alamat"],
              ["familyMoved", "Keluarga sudah pindah"],
              ["newMember", "Ada anggota keluarga baru"],
            ] as const
          ).map(([key, label]) => (
            <label key={key} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-5"
                checked={state.changes[key]}
                onChange={(ev) => update("changes", { ...state.changes, [key]: ev.target.checked })}
              />
              {label}
            </label>
          ))}
        </div>
      </Section>

      <Section
        title="Bantuan yang diantar"
        hint={form.menuItem ? `${form.period.menuLabel}: ${form.menuItem.name}` : undefined}
      >
        <YesNo
          name="delivered"
          label="Apakah bantuan diantar?"
          value={state.delivered}
          onChange={(v) => update("delivered", v)}
        />
        {state.delivered ? (
          <div className="space-y-3">
            {state.items.map((item, index) => (
              <div key={index} className="rounded-lg border border-slate-200 p-3" data-testid="visit-item">
                <TextInput
                  label="Barang"
                  value={item.name}
                  onChange={(v) => updateItem(index, { name: v })}
                  error={e[`items.${index}.name`]}
                />
                <div className="mt-2 grid grid-cols-2 gap-2">
                  <TextInput
                    label="Jumlah"
                    inputMode="decimal"
                    value={item.quantity}
                    onChange={(v) => updateItem(index, { quantity: v })}
                    error={e[`items.${index}.quantity`]}
                  />
                  <TextInput
                    label="Satuan"
                    value={item.unit}
                    onChange={(v) => updateItem(index, { unit: v })}
                    error={e[`items.${index}.unit`]}
                  />
                </div>
                <TextInput
                  label="Perkiraan nilai (Rp)"
                  inputMode="numeric"
                  value={item.valueRupiah}
                  onChange={(v) => updateItem(index, { valueRupiah: v })}
                  error={e[`items.${index}.valueRupiah`]}
                  className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-base"
                />
                {state.items.length > 1 ? (
                  <button
                    type="button"
                    className="mt-2 text-sm font-medium text-red-700"
                    onClick={() =>
                      update(
                        "items",
                        state.items.filter((_, i) => i !== index),
                      )
                    }
                  >
                    Hapus barang
                  </button>
                ) : null}
              </div>
            ))}
            <FieldError messages={e.items} />
            {state.items.length < 10 ? (
              <button
                type="button"
                className="text-sm font-medium text-brand-700"
                onClick={() =>
                  update("items", [
                    ...state.items,
                    { name: "", quantity: "1", unit: "paket", valueRupiah: "" },
                  ])
                }
              >
                + Tambah barang
              </button>
            ) : null}
          </div>
        ) : (
          <TextInput
            label="Alasan tidak diantar"
            value={state.notDeliveredReason}
            onChange={(v) => update("notDeliveredReason", v)}
            error={e.notDeliveredReason}
          />
        )}
      </Section>

      {familyAbsent ? null : (
        <>
          <Section title="Tinggal sebatang kara">
            <YesNo
              name="anyoneAlone"
              label="Ada anggota yang tinggal sendirian (sebatang kara)?"
              value={state.livingAlone.anyoneAlone}
              onChange={(v) =>
                update("livingAlone", {
                  anyoneAlone: v,
                  hasCaregiver: v ? state.livingAlone.hasCaregiver : null,
                })
              }
              error={e["livingAlone.anyoneAlone"]}
            />
            {state.livingAlone.anyoneAlone ? (
              <YesNo
                name="hasCaregiver"
                label="Apakah ada pendamping/perawat?"
                value={state.livingAlone.hasCaregiver}
                onChange={(v) => update("livingAlone", { ...state.livingAlone, hasCaregiver: v })}
                error={e["livingAlone.hasCaregiver"]}
              />
            ) : null}
          </Section>

          <Section title="Anggota keluarga" hint="Kesehatan, JKN, dan sekolah anak usia 7–18 tahun.">
            {state.members.map((answer, index) => {
              const member = memberById.get(answer.memberId);
              if (!member) return null;
              return (
                <MemberCard
                  key={answer.memberId}
                  member={member}
                  answer={answer}
                  age={ageStepOn(memberAges[member.id]!, state.visitDate || form.today)}
                  choices={choices}
                  onChange={(patch) => updateMember(index, patch)}
                  errors={(field) =>
                    e[`members.${index}.${field}`] ?? (field === "" ? e[`members.${index}`] : undefined)
                  }
                />
              );
            })}
          </Section>

          <Section
            title="Bantuan rutin yang diterima saat ini"
            hint="Centang semua yang sedang diterima keluarga."
          >
            {choices.aid.map(([code, label]) => (
              <label key={code} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-5"
                  checked={state.aid.includes(code)}
                  onChange={(ev) =>
                    update(
                      "aid",
                      ev.target.checked ? [...state.aid, code] : state.aid.filter((a) => a !== code),
                    )
                  }
                />
                {label}
              </label>
            ))}
          </Section>

          <Section title="Kondisi rumah" hint="Kode mengikuti Regsosek BPS.">
            {choices.house.map(({ key, label, options }) => (
              <Select
                key={key}
                label={label}
                value={state.house[key]}
                options={options}
                onChange={(v) => update("house", { ...state.house, [key]: v })}
                error={e[`house.${key}`]}
              />
            ))}
            <TextInput
              label="Luas lantai (m², boleh dikosongkan)"
              inputMode="decimal"
              value={state.house.floorAreaM2}
              onChange={(v) => update("house", { ...state.house, floorAreaM2: v })}
              error={e["house.floorAreaM2"]}
            />
            {livable !== null ? (
              <p
                data-testid="house-livable"
                className={`rounded-lg px-3 py-2 text-sm font-medium ${livable ? "bg-brand-50 text-brand-800" : "bg-amber-50 text-amber-900"}`}
              >
                {livable ? "Rumah layak huni" : "Rumah tidak layak huni"}
              </p>
            ) : null}
          </Section>
        </>
      )}

      <Section title="Catatan dan bukti">
        <label className="block">
          <span className="text-sm font-medium">Catatan (boleh dikosongkan)</span>
          <textarea
            rows={3}
            value={state.notes}
            onChange={(ev) => update("notes", ev.target.value)}
            className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-base"
          />
          <FieldError messages={e.notes} />
        </label>
        <label className="block">
          <span className="text-sm font-medium">Foto kunjungan (boleh dikosongkan)</span>
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp"
            capture="environment"
            data-testid="photo-input"
            onChange={(ev) => onPhotoChosen(ev.target.files?.[0])}
            className="mt-1 block w-full text-sm"
          />
          {photoBusy ? <p className="text-sm text-slate-600">Memperkecil foto…</p> : null}
          {photo ? (
            <span className="mt-2 flex items-center gap-3">
              {/* eslint-disable-next-line @next/next/no-img-element -- a local blob preview */}
              <img src={photo.url} alt="Pratinjau foto kunjungan" className="size-16 rounded object-cover" />
              <span className="text-sm text-slate-600" data-testid="photo-size">
                {Math.round(photo.blob.size / 1024)} KB
              </span>
            </span>
          ) : null}
          {form.existing?.hasPhoto && !photo ? (
            <span className="text-sm text-slate-600">Foto sebelumnya tetap disimpan.</span>
          ) : null}
          <FieldError messages={e.photo} />
        </label>
        <div>
          <button type="button" onClick={captureLocation} className="text-sm font-medium text-brand-700">
            {state.location ? "Perbarui lokasi GPS" : "Ambil lokasi GPS (boleh dilewati)"}
          </button>
          {state.location ? (
            <p className="text-sm text-slate-600" data-testid="gps-point">
              {state.location.latitude}, {state.location.longitude} (±{state.location.accuracyMeters ?? "?"}{" "}
              m)
            </p>
          ) : null}
          {gpsMessage ? <p className="text-sm text-slate-600">{gpsMessage}</p> : null}
        </div>
      </Section>

      {previewProblems.length > 0 ? (
        <div className="rounded-xl bg-amber-50 p-4 text-sm text-amber-900" data-testid="follow-up-preview">
          <p className="font-semibold">Laporan ini akan membuat tindak lanjut:</p>
          <ul className="mt-1 list-disc pl-5">
            {previewProblems.map((p) => (
              <li key={p.type}>
                {p.label}: {p.detail}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <button
        type="submit"
        disabled={pending || photoBusy}
        className="w-full rounded-xl bg-brand-600 px-4 py-3 text-base font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Mengirim…" : form.existing ? "Simpan perubahan" : "Kirim laporan"}
      </button>
    </form>
  );
}

function MemberCard({
  member,
  answer,
  age: { age, schoolAge },
  choices,
  onChange,
  errors,
}: {
  member: FormMember;
  answer: MemberAnswer;
  /** On the visit date. */
  age: AgeStep;
  choices: VisitChoices;
  onChange: (patch: Partial<MemberAnswer>) => void;
  errors: (field: string) => string[] | undefined;
}) {
  const present = answer.presence === "PRESENT";
  return (
    <div
      className={`rounded-lg border p-3 ${schoolAge ? "border-sky-300 bg-sky-50/40" : "border-slate-200"}`}
      data-testid="member-answer"
    >
      <p className="font-medium">
        {member.name} <span className="text-sm font-normal text-slate-600">· {age} tahun</span>
      </p>
      <FieldError messages={errors("")} />
      <div className="mt-2 space-y-2">
        <Select
          label="Keberadaan"
          value={answer.presence}
          options={choices.presence}
          onChange={(v) => onChange({ presence: v })}
          error={errors("presence")}
        />
        {present ? (
          <>
            <Select
              label="Kesehatan"
              value={answer.health}
              options={choices.health}
              onChange={(v) => onChange({ health: v })}
              error={errors("health")}
            />
            {answer.health === "CHRONIC" ? (
              <Select
                label="Penyakit kronis"
                value={answer.chronicDisease}
                options={choices.chronicDiseases}
                onChange={(v) => onChange({ chronicDisease: v })}
                error={errors("chronicDisease")}
              />
            ) : null}
            {answer.health === "DISABLED" ? (
              <Select
                label="Jenis disabilitas"
                value={answer.disability}
                options={choices.disabilities}
                onChange={(v) => onChange({ disability: v })}
                error={errors("disability")}
              />
            ) : null}
            <Select
              label="JKN / BPJS Kesehatan"
              value={answer.jkn}
              options={choices.jkn}
              onChange={(v) => onChange({ jkn: v })}
              error={errors("jkn")}
            />
            {schoolAge ? (
              <Select
                label="Status sekolah"
                value={answer.school}
                options={choices.school}
                onChange={(v) => onChange({ school: v })}
                error={errors("school")}
              />
            ) : (
              <FieldError messages={errors("school")} />
            )}
          </>
        ) : null}
      </div>
    </div>
  );
}
