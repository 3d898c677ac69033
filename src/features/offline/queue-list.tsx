"use client";

import { Link } from "@/components/ui/link";
import { useState } from "react";
import { removeQueued, syncNow } from "./offline-client";
import { statusText } from "./status-text";
import type { QueuedReport } from "./sync-queue";

const TONE: Record<QueuedReport["status"], string> = {
  PENDING: "bg-amber-50 text-amber-900",
  SENT: "bg-brand-50 text-brand-800",
  INVALID: "bg-red-50 text-red-800",
  FAILED: "bg-red-50 text-red-800",
};

/** The queue panel's content (queue-panel.tsx): the reports kept on this phone and their sync state. */
export default function QueueList({ shown, online }: { shown: QueuedReport[]; online: boolean }) {
  const [busy, setBusy] = useState(false);
  const pending = shown.filter((i) => i.status === "PENDING").length;

  async function sendNow() {
    setBusy(true);
    try {
      await syncNow();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      className="mb-5 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
      data-testid="queue-panel"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 className="font-semibold">Laporan di ponsel ini</h2>
        {pending > 0 ? (
          <button
            type="button"
            onClick={sendNow}
            disabled={busy || !online}
            className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60"
          >
            {busy ? "Mengirim…" : "Kirim sekarang"}
          </button>
        ) : null}
      </div>
      {!online && pending > 0 ? (
        <p className="mt-1 text-sm text-slate-600">
          Tidak ada koneksi. Laporan dikirim otomatis saat sinyal kembali.
        </p>
      ) : null}
      <ul className="mt-2 divide-y divide-slate-100">
        {shown.map((item) => (
          <li key={item.key} className="py-2" data-testid="queued-report" data-status={item.status}>
            <p className="font-medium">
              {item.householdName}{" "}
              <span className="text-sm font-normal text-slate-600">· {item.periodLabel}</span>
            </p>
            <p
              className={`mt-1 rounded-md px-2 py-1 text-sm ${TONE[item.status]}`}
              data-testid="queued-status"
            >
              {statusText(item)}
            </p>
            {item.status === "INVALID" || item.status === "FAILED" ? (
              <div className="mt-1 flex gap-3 text-sm">
                <Link
                  href={`/asn/keluarga/${item.householdId}/lapor?periode=${item.periodKey}`}
                  className="font-medium text-brand-700"
                >
                  {item.status === "INVALID" ? "Perbaiki laporan" : "Buka laporan"}
                </Link>
                <button
                  type="button"
                  className="font-medium text-red-700"
                  onClick={() => {
                    if (window.confirm("Hapus laporan ini dari ponsel? Isinya tidak tersimpan di server."))
                      void removeQueued(item.key);
                  }}
                >
                  Hapus dari ponsel
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
