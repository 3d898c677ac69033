"use client";

import { lazy, Suspense } from "react";
import { useOffline } from "./use-offline";

// The list loads only when this phone holds reports to show. The queue is empty on most visits, so
// its code stays out of the ASN pages' first load (docs/performance.md); the service worker caches
// it with the pages' scripts for offline use (src/app/sw.ts).
const QueueList = lazy(() => import("./queue-list"));

/**
 * Reports kept on this phone and their sync state: on the ASN home (all) and on a family page
 * (`householdId`). Nothing is shown when the queue is empty.
 */
export function QueuePanel({ householdId }: { householdId?: string }) {
  const { online, items } = useOffline();
  const shown = householdId ? items.filter((i) => i.householdId === householdId) : items;
  if (shown.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <QueueList shown={shown} online={online} />
    </Suspense>
  );
}
