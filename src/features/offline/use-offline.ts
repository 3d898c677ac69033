"use client";

import { useSyncExternalStore } from "react";
import type { QueuedReport } from "./sync-queue";
import { getOfflineSnapshot, getServerOfflineSnapshot, subscribeOffline } from "./offline-client";

/** Online state and the signed-in ASN's queued reports, shared by every offline component. */
export function useOffline() {
  return useSyncExternalStore(subscribeOffline, getOfflineSnapshot, getServerOfflineSnapshot);
}

/**
 * One queued report, followed live; null while `key` is null or not queued. The visit form uses
 * this rather than useOffline(): a store update re-renders its subscribers synchronously, and the
 * whole form re-rendered twice after hydration (sign-in state, then the empty queue read from
 * IndexedDB), the longest task of its load (docs/decisions/018).
 */
export function useQueuedReport(key: string | null): QueuedReport | null {
  const select = () => (key ? (getOfflineSnapshot().items.find((i) => i.key === key) ?? null) : null);
  return useSyncExternalStore(subscribeOffline, select, () => null);
}
