"use client";

import { useSyncExternalStore } from "react";
import { getOfflineSnapshot, getServerOfflineSnapshot, subscribeOffline } from "./offline-client";

/** Online state and the signed-in ASN's queued reports, shared by every offline component. */
export function useOffline() {
  return useSyncExternalStore(subscribeOffline, getOfflineSnapshot, getServerOfflineSnapshot);
}
