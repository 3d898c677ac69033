import type { QueuedReport } from "./sync-queue";

/**
 * A queued report's sync state in words, for the queue panel and the visit form. Its own module:
 * the visit form needs only this, not the whole panel (docs/performance.md, first-load budget).
 */
export function statusText(item: QueuedReport): string {
  switch (item.status) {
    case "PENDING":
      return "Menunggu dikirim";
    case "SENT":
      return "Terkirim";
    case "INVALID":
      return `Gagal: ${item.message ?? "ada isian yang perlu diperbaiki."}`;
    case "FAILED":
      return `Gagal: ${item.message ?? "ditolak server."}`;
  }
}
