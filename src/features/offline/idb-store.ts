import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { QueuedReport, QueueStore } from "./sync-queue";

// The queue in IndexedDB (photos as Blobs). One object store keyed by the idempotency key.

const DB_NAME = "asn-berbagi-offline";

type OfflineDb = DBSchema & { reports: { key: string; value: QueuedReport } };

let dbPromise: Promise<IDBPDatabase<OfflineDb>> | null = null;

/** Set on the window (not in this module) so every copy of the offline code on the page sees it. */
type ClearedFlag = { asnBerbagiOfflineCleared?: boolean };

function database(): Promise<IDBPDatabase<OfflineDb>> {
  // After sign-out cleared the device, nothing on this page may create the database again.
  if ((window as ClearedFlag).asnBerbagiOfflineCleared) return Promise.reject(new Error("cleared"));
  dbPromise ??= openDB<OfflineDb>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore("reports", { keyPath: "key" });
    },
    blocking() {
      // Another tab deletes the database (sign-out): let it.
      void dbPromise?.then((db) => db.close());
      dbPromise = null;
    },
  });
  return dbPromise;
}

export const idbStore: QueueStore = {
  all: async () => (await database()).getAll("reports"),
  get: async (key) => (await database()).get("reports", key),
  put: async (item) => {
    await (await database()).put("reports", item);
  },
  delete: async (key) => {
    await (await database()).delete("reports", key);
  },
};

/** Deletes the whole queue database (sign-out on a shared phone). */
export async function deleteQueueDatabase(): Promise<void> {
  (window as ClearedFlag).asnBerbagiOfflineCleared = true;
  const open = dbPromise;
  dbPromise = null;
  if (open) (await open.catch(() => null))?.close();
  await deleteDB(DB_NAME);
}
