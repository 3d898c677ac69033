"use client";

import { useState } from "react";

/**
 * Signs out. On a shared phone it first removes what the offline mode kept (docs/decisions/007):
 * queued reports, drafts, cached family pages; unsent reports are counted and confirmed first.
 * next-auth's client and the offline code load on click only, to keep every page's first load small.
 */
export function SignOutButton() {
  const [busy, setBusy] = useState(false);

  async function onClick() {
    setBusy(true);
    try {
      // Both loaded before anything is cleared: a script fetched afterwards would be cached again.
      const [offline, { signOut }] = await Promise.all([
        import("@/features/offline/device-cleanup"),
        import("next-auth/react"),
      ]);
      const unsent = await offline.countUnsentOnDevice();
      if (
        unsent > 0 &&
        !window.confirm(
          `Ada ${unsent} laporan yang belum terkirim di ponsel ini. Jika Anda keluar, laporan tersebut akan ` +
            "dihapus dan tidak dapat dikirim lagi. Tetap keluar?",
        )
      )
        return;
      await offline.clearOfflineData();
      await signOut({ callbackUrl: "/login" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <button
      type="button"
      onClick={onClick}
      disabled={busy}
      className="rounded-lg px-3 py-1.5 text-sm font-medium text-white/90 ring-1 ring-white/40 hover:bg-white/10 disabled:opacity-60"
    >
      Keluar
    </button>
  );
}
