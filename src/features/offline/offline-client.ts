// Browser side of the offline mode: a small external store for React (online state + this ASN's
// queue, read straight from IndexedDB), the sending queue (IndexedDB + the server action as
// `send`), and what signing out needs (device-cleanup.ts). The queue's sending logic
// (sync-queue.ts) is loaded on demand: when reports wait to be sent or pruned, or the ASN files
// one. A page load with an empty queue only reads IndexedDB, so that logic stays out of every ASN
// page's first load (docs/performance.md).

import { removeDraft } from "./drafts";
import { idbStore } from "./idb-store";
import type { NewReport, QueuedReport, Send, SyncOutcome, SyncQueue } from "./sync-queue";

export type OfflineSnapshot = { online: boolean; userId: string | null; items: QueuedReport[] };

const CHANNEL = "asn-berbagi-queue";
const SENT_KEPT_MS = 3 * 24 * 3600_000;
/** Message types understood by src/app/sw.ts. */
export const SW_WARM_UP = "ASN_WARM_UP";
export const SW_URL = "/serwist/sw.js";
export const SW_SCOPE = "/asn";

let send: Send | null = null;
let queue: Promise<SyncQueue> | null = null;
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
  // An empty queue read again is no change: subscribers would re-render for nothing.
  if (next.items?.length === 0 && snapshot.items.length === 0) next = { ...next, items: snapshot.items };
  if (Object.entries(next).every(([k, v]) => snapshot[k as keyof OfflineSnapshot] === v)) return;
  snapshot = { ...snapshot, ...next };
  for (const listener of listeners) listener();
}

export function subscribeOffline(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export const getOfflineSnapshot = () => snapshot;
export const getServerOfflineSnapshot = () => SERVER_SNAPSHOT;

/** Every queued report on this device (all accounts); [] when IndexedDB is unavailable. */
export async function readAll(): Promise<QueuedReport[]> {
  try {
    return await idbStore.all();
  } catch {
    return []; // IndexedDB unavailable (private mode on some browsers): the form sends directly instead.
  }
}

/** One account's reports, newest first (as SyncQueue.list). */
function mine(items: QueuedReport[], userId: string | null): QueuedReport[] {
  return items.filter((i) => i.userId === userId).sort((a, b) => b.createdAt - a.createdAt);
}

async function refresh(): Promise<QueuedReport[]> {
  const { userId } = snapshot;
  if (!userId || cleared) return [];
  const all = await readAll();
  emit({ items: mine(all, userId) });
  return all;
}

function changed() {
  void refresh();
  channel?.postMessage("changed");
}

/** The queue's sending logic, loaded the first time it is needed; one queue per tab. */
function getQueue(): Promise<SyncQueue> {
  queue ??= import("./sync-queue").then(({ createSyncQueue }) =>
    createSyncQueue({
      store: idbStore,
      send: (item) => {
        if (!send) return Promise.reject(new Error("not ready"));
        return send(item);
      },
      onChange: changed,
    }),
  );
  // Not loadable (offline before the service worker cached it): try again next time.
  queue.catch(() => (queue = null));
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
  void refresh().then((all) => {
    const limit = Date.now() - SENT_KEPT_MS;
    if (all.some((i) => i.status === "SENT" && (i.sentAt ?? 0) < limit))
      void getQueue()
        .then((q) => q.pruneSent(SENT_KEPT_MS))
        .catch(() => {});
  });
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
    if (!(await readAll()).some((i) => i.userId === userId && i.status === "PENDING")) return [];
    const outcomes = await (await getQueue()).syncAll(userId);
    await afterSync(outcomes);
    return outcomes;
  } catch {
    return [];
  }
}

/** What queueAndSend did: the sync outcome, or "refused" (photo limits of the phone) with the reason. */
export type QueueAndSendResult =
  { outcome: SyncOutcome; item?: QueuedReport } | { outcome: "refused"; message: string };

/** Queues a report (replacing one with the same key) and tries to send it at once. */
export async function queueAndSend(report: Omit<NewReport, "userId">): Promise<QueueAndSendResult> {
  const { userId } = snapshot;
  if (!userId || cleared) throw new Error("offline queue not configured");
  const [q, { QueueLimitError }] = await Promise.all([getQueue(), import("./sync-queue")]);
  try {
    await q.enqueue({ ...report, userId });
  } catch (error) {
    if (error instanceof QueueLimitError) return { outcome: "refused", message: error.message };
    throw error;
  }
  const outcome = await q.syncOne(report.key);
  await afterSync([outcome]);
  return { outcome, item: await idbStore.get(report.key) };
}

async function afterSync(outcomes: SyncOutcome[]) {
  if (!outcomes.includes("sent")) return;
  // Sent reports: their drafts are obsolete, and the cached pages should show them as done.
  for (const item of mine(await readAll(), snapshot.userId)) {
    if (item.status === "SENT") removeDraft(item.householdId, item.periodKey);
  }
  void refreshCachedPages();
}

export async function queuedReportFor(householdId: string, periodKey: string): Promise<QueuedReport | null> {
  await Promise.race([ready, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  const { userId } = snapshot;
  if (!userId) return null;
  return (
    mine(await readAll(), userId).find((i) => i.householdId === householdId && i.periodKey === periodKey) ??
    null
  );
}

export async function removeQueued(key: string): Promise<void> {
  await (await getQueue()).remove(key);
}

/**
 * Runs `task` once the page has loaded and the main thread is idle. The service worker's install
 * and the warm-up's downloads are background work: started at hydration they competed with the
 * page's own scripts for the phone's CPU and connection (docs/performance.md). Returns a cancel.
 */
export function whenPageIdle(task: () => void): () => void {
  let cancel = () => {};
  const schedule = () => {
    if (typeof window.requestIdleCallback === "function") {
      const handle = window.requestIdleCallback(task, { timeout: 2_000 });
      cancel = () => window.cancelIdleCallback(handle);
    } else {
      const handle = window.setTimeout(task, 500); // Safari before 18: no idle callback
      cancel = () => window.clearTimeout(handle);
    }
  };
  if (document.readyState === "complete") schedule();
  else {
    window.addEventListener("load", schedule, { once: true });
    cancel = () => window.removeEventListener("load", schedule);
  }
  return () => cancel();
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

/**
 * Signing out (device-cleanup.ts): from now on nothing on this page recreates the queue or the
 * caches. Returns what to call once the device is clear, so this page and the other tabs forget
 * the queue.
 */
export function stopOffline(): () => void {
  cleared = true;
  return () => {
    channel?.postMessage("changed");
    emit({ items: [] });
  };
}
