// Drafts of the visit form live in localStorage (small JSON, synchronous on every keystroke);
// queued reports and their photos live in IndexedDB (idb-store.ts).

const DRAFT_PREFIX = "asn-berbagi:draft:";
const DRAFT_VERSION = 1;

export function draftStorageKey(householdId: string, periodKey: string): string {
  return `${DRAFT_PREFIX}v${DRAFT_VERSION}:${householdId}:${periodKey}`;
}

export function removeDraft(householdId: string, periodKey: string): void {
  try {
    window.localStorage.removeItem(draftStorageKey(householdId, periodKey));
  } catch {
    // storage unavailable: nothing to remove
  }
}

/** Removes every draft on this device (sign-out on a shared phone). */
export function removeAllDrafts(): void {
  try {
    const keys: string[] = [];
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (key?.startsWith(DRAFT_PREFIX)) keys.push(key);
    }
    for (const key of keys) window.localStorage.removeItem(key);
  } catch {
    // storage unavailable
  }
}
