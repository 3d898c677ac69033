// Signing out on a shared phone (docs/decisions/007): what the offline mode kept on this device
// goes. Loaded by the sign-out button when pressed, not with every page (docs/performance.md).

import { removeAllDrafts } from "./drafts";
import { deleteQueueDatabase } from "./idb-store";
import { forgetWarmUp, readAll, stopOffline } from "./offline-client";
import { isUnsent } from "./sync-queue";

/** Unsent reports on this device, of every account (sign-out warns before deleting them). */
export async function countUnsentOnDevice(): Promise<number> {
  return (await readAll()).filter(isUnsent).length;
}

/** Removes everything the offline mode kept on this device: queue, drafts, cached pages. */
export async function clearOfflineData(): Promise<void> {
  const cleared = stopOffline();
  removeAllDrafts();
  forgetWarmUp();
  await deleteQueueDatabase().catch(() => {});
  if ("caches" in window) {
    const names = await caches.keys();
    await Promise.all(names.map((name) => caches.delete(name)));
  }
  cleared();
}
