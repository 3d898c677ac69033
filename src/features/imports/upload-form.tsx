"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { formatCount } from "@/lib/format";
import { type ImportStatusPayload, MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from "@/schemas/imports";
import { ProgressBar } from "./progress-bar";

// Upload with visible progress: XMLHttpRequest reports the bytes sent (fetch cannot), then the
// analysis progress is polled from /api/admin/imports/{id} until the preview is ready.

type Phase =
  | { step: "idle" }
  | { step: "uploading"; percent: number }
  | { step: "analysing"; percent: number; rowsRead: number }
  | { step: "error"; message: string };

const POLL_MS = 800;

/** Polls the analysis until it ends; returns the final status (or an error message). */
async function pollAnalysis(
  batchId: string,
  onProgress: (status: ImportStatusPayload) => void,
  isCancelled: () => boolean,
): Promise<ImportStatusPayload | string> {
  let failures = 0;
  while (!isCancelled()) {
    try {
      const response = await fetch(`/api/admin/imports/${batchId}`, { cache: "no-store" });
      if (!response.ok)
        return (
          ((await response.json().catch(() => ({}))) as { error?: string }).error ??
          "Gagal membaca status impor."
        );
      const status = (await response.json()) as ImportStatusPayload;
      if (status.status !== "ANALYSING") return status;
      onProgress(status);
      failures = 0;
    } catch {
      failures += 1;
      if (failures > 10)
        return "Koneksi terputus saat memeriksa berkas. Muat ulang halaman untuk melihat hasilnya.";
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return "Dibatalkan.";
}

export function ImportUploadForm() {
  const router = useRouter();
  const [kind, setKind] = useState<"keluarga" | "asn">("keluarga");
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const cancelled = useRef(false);
  useEffect(
    () => () => {
      cancelled.current = true;
    },
    [],
  );
  const busy = phase.step === "uploading" || phase.step === "analysing";

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem("file") as HTMLInputElement | null;
    const file = input?.files?.[0];
    if (!file) return setPhase({ step: "error", message: "Pilih berkas CSV atau XLSX terlebih dahulu." });
    if (file.size === 0) return setPhase({ step: "error", message: "Berkas kosong: tidak ada baris data." });
    if (file.size > MAX_IMPORT_BYTES)
      return setPhase({ step: "error", message: `Berkas terlalu besar (maksimal ${MAX_IMPORT_LABEL}).` });

    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/admin/imports?kind=${kind}&name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setPhase({ step: "uploading", percent: (e.loaded / e.total) * 100 });
    };
    xhr.onerror = () =>
      setPhase({ step: "error", message: "Unggahan terputus. Periksa koneksi lalu coba lagi." });
    xhr.onload = async () => {
      let body: { batchId?: string; error?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // not JSON: handled below
      }
      if (xhr.status !== 202 || !body.batchId) {
        setPhase({ step: "error", message: body.error ?? "Berkas gagal diunggah. Coba lagi." });
        return;
      }
      const batchId = body.batchId;
      setPhase({ step: "analysing", percent: 0, rowsRead: 0 });
      const result = await pollAnalysis(
        batchId,
        (s) => setPhase({ step: "analysing", percent: s.progressPercent, rowsRead: s.rowsRead }),
        () => cancelled.current,
      );
      if (typeof result === "string") setPhase({ step: "error", message: result });
      else if (result.status === "FAILED")
        setPhase({ step: "error", message: result.failureMessage ?? "Berkas gagal diperiksa." });
      else router.push(`/admin/impor/${batchId}`);
    };
    setPhase({ step: "uploading", percent: 0 });
    xhr.send(file);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid="import-upload-form">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Jenis data</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="kind"
            value="keluarga"
            checked={kind === "keluarga"}
            onChange={() => setKind("keluarga")}
          />
          Keluarga sasaran (ekspor DTSEN/SIKS-NG, satu baris per anggota keluarga)
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="kind"
            value="asn"
            checked={kind === "asn"}
            onChange={() => setKind("asn")}
          />
          Daftar ASN (NIP, nama, OPD)
        </label>
      </fieldset>
      <div>
        <label htmlFor="import-file" className="block text-sm font-medium">
          Berkas CSV atau XLSX (maksimal {MAX_IMPORT_LABEL})
        </label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="mt-1 block w-full text-sm"
          disabled={busy}
        />
      </div>
      {phase.step === "uploading" ? <ProgressBar percent={phase.percent} label="Mengunggah berkas…" /> : null}
      {phase.step === "analysing" ? (
        <ProgressBar
          percent={phase.percent}
          label={`Memeriksa baris… ${phase.rowsRead > 0 ? `${formatCount(phase.rowsRead)} baris dibaca` : ""}`}
        />
      ) : null}
      {phase.step === "error" ? (
        <Alert tone="error" testId="form-error">
          {phase.message}
        </Alert>
      ) : null}
      <button
        type="submit"
        disabled={busy}
        className="bg-brand-600 hover:bg-brand-700 inline-flex items-center justify-center rounded-lg px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
      >
        {busy ? "Sedang diproses…" : "Unggah dan periksa"}
      </button>
    </form>
  );
}

/** On a batch page still ANALYSING (e.g. after a reload): live progress, then a refresh. */
export function AnalysisProgress({ batchId, initial }: { batchId: string; initial: ImportStatusPayload }) {
  const router = useRouter();
  const [status, setStatus] = useState(initial);
  useEffect(() => {
    let stop = false;
    void pollAnalysis(batchId, setStatus, () => stop).then(() => {
      if (!stop) router.refresh();
    });
    return () => {
      stop = true;
    };
  }, [batchId, router]);
  return (
    <ProgressBar
      percent={status.progressPercent}
      label={`Memeriksa baris… ${formatCount(status.rowsRead)} baris dibaca`}
    />
  );
}
