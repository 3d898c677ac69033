// Browser side of the offline mode: one queue per tab (IndexedDB + the server action as `send`),
// a small external store for React (online state + this ASN's queue), and device clean-up.

import { removeAllDrafts, removeDraft } from "./drafts";
import { deleteQueueDatabase, idbStore } from "./idb-store";
import {
  createSyncQueue,
  isUnsent,
  type NewReport,
  type QueuedReport,
  type Send,
  type SyncOutcome,
  type SyncQueue,
} from "./sync-queue";

export type OfflineSnapshot = { online: boolean; userId: string | null; items: QueuedReport[] };

const CHANNEL = "asn-berbagi-queue";
const SENT_KEPT_MS = 3 * 24 * 3600_000;
/** Message types understood by src/app/sw.ts. */
export const SW_WARM_UP = "ASN_WARM_UP";
export const SW_URL = "/serwist/sw.js";
export const SW_SCOPE = "/asn";

let send: Send | null = null;
let queue: SyncQueue | null = null;
let channel: BroadcastChannel | null = null;
let snapshot: OfflineSnapshot = { online: true, userId: null, items: [] };
const SERVER_SNAPSHOT: OfflineSnapshot = { online: true, userId: null, items: [] };
const listeners = new Set<() => void>();
/** Set once the device was cleared (signing out): nothing may recreate the queue or the caches. */
let cleared = false;
let markReady: () => void = () => {};
/** Resolves once <OfflineSync> has said who is signed in (the form may mount first). */
const ready = new Promise<void>((resolve) => (markReady = resolve));

function emit(next: Partial<OfflineSnapshot>) {
  snapshot = { ...snapshot, ...next };
  for (const listener of listeners) listener();
}

export function subscribeOffline(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export const getOfflineSnapshot = () => snapshot;
export const getServerOfflineSnapshot = () => SERVER_SNAPSHOT;

async function refresh(): Promise<void> {
  const { userId } = snapshot;
  if (!userId || cleared) return;
  try {
    emit({ items: await getQueue().list(userId) });
  } catch {
    // IndexedDB unavailable (private mode on some browsers): the form sends directly instead.
  }
}

function changed() {
  void refresh();
  channel?.postMessage("changed");
}

export function getQueue(): SyncQueue {
  queue ??= createSyncQueue({
    store: idbStore,
    send: (item) => {
      if (!send) return Promise.reject(new Error("not ready"));
      return send(item);
    },
    onChange: changed,
  });
  return queue;
}

/** Called once by <OfflineSync> on the ASN pages: who is signed in, and how a report is sent. */
export function configureOffline(userId: string, submit: Send): () => void {
  send = submit;
  emit({ userId, online: navigator.onLine });
  markReady();
  if (!channel && typeof BroadcastChannel !== "undefined") {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = () => void refresh();
  }
  const onOnline = () => {
    emit({ online: true });
    void syncNow();
  };
  const onOffline = () => emit({ online: false });
  window.addEventListener("online", onOnline);
  window.addEventListener("offline", onOffline);
  void getQueue()
    .pruneSent(SENT_KEPT_MS)
    .catch(() => {})
    .then(refresh);
  return () => {
    window.removeEventListener("online", onOnline);
    window.removeEventListener("offline", onOffline);
  };
}

/** Sends this ASN's pending reports (page load, 'online', "Kirim sekarang"). */
export async function syncNow(): Promise<SyncOutcome[]> {
  const { userId } = snapshot;
  if (!userId || cleared) return [];
  try {
    const outcomes = await getQueue().syncAll(userId);
    await afterSync(outcomes);
    return outcomes;
  } catch {
    return [];
  }
}

/** Queues a report (replacing one with the same key) and tries to send it at once. */
export async function queueAndSend(
  report: Omit<NewReport, "userId">,
): Promise<{ outcome: SyncOutcome; item?: QueuedReport }> {
  const { userId } = snapshot;
  if (!userId || cleared) throw new Error("offline queue not configured");
  const q = getQueue();
  await q.enqueue({ ...report, userId });
  const outcome = await q.syncOne(report.key);
  await afterSync([outcome]);
  return { outcome, item: await idbStore.get(report.key) };
}

async function afterSync(outcomes: SyncOutcome[]) {
  if (!outcomes.includes("sent")) return;
  // Sent reports: their drafts are obsolete, and the cached pages should show them as done.
  for (const item of await getQueue().list(snapshot.userId ?? "")) {
    if (item.status === "SENT") removeDraft(item.householdId, item.periodKey);
  }
  void refreshCachedPages();
}

export async function queuedReportFor(householdId: string, periodKey: string): Promise<QueuedReport | null> {
  await Promise.race([ready, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  const { userId } = snapshot;
  if (!userId) return null;
  try {
    const items = await getQueue().list(userId);
    return items.find((i) => i.householdId === householdId && i.periodKey === periodKey) ?? null;
  } catch {
    return null;
  }
}

export async function removeQueued(key: string): Promise<void> {
  await getQueue().remove(key);
}

/** Asks the service worker to (re)cache these ASN pages and the scripts and styles they use. */
export async function warmUpPages(urls: string[], complete = false): Promise<boolean> {
  if (!("serviceWorker" in navigator) || !navigator.onLine || cleared) return false;
  const registration = await navigator.serviceWorker.getRegistration(SW_SCOPE);
  const worker = registration?.active;
  worker?.postMessage({ type: SW_WARM_UP, urls, complete });
  return !!worker;
}

/** The warm-up's throttle stamp (warm-up.tsx): cleared with the caches so the next sign-in re-caches. */
export const WARM_UP_STAMP = "asn-berbagi:warm-up";
export function forgetWarmUp(): void {
  try {
    window.localStorage.removeItem(WARM_UP_STAMP);
  } catch {
    // storage unavailable
  }
}

let lastWarmUp: string[] = [];
export function rememberWarmUp(urls: string[]) {
  lastWarmUp = urls;
}
async function refreshCachedPages() {
  await warmUpPages(lastWarmUp.length > 0 ? lastWarmUp : [SW_SCOPE], lastWarmUp.length > 0);
}

/** Unsent reports on this device, of every account (sign-out warns before deleting them). */
export async function countUnsentOnDevice(): Promise<number> {
  try {
    return (await idbStore.all()).filter(isUnsent).length;
  } catch {
    return 0;
  }
}

/** Removes everything the offline mode kept on this device: queue, drafts, cached pages. */
export async function clearOfflineData(): Promise<void> {
  cleared = true;
  removeAllDrafts();
  forgetWarmUp();
  await deleteQueueDatabase().catch(() => {});
  if ("caches" in window) {
    const names = await caches.keys();
    await Promise.all(names.map((name) => caches.delete(name)));
  }
  channel?.postMessage("changed");
  emit({ items: [] });
}
