import type { QueuedReport, QueueStore } from "./sync-queue";

// The queue in IndexedDB (photos as Blobs). One object store keyed by the idempotency key.
// Plain IndexedDB rather than the `idb` wrapper: this file is in the first load of every ASN page
// (the header's queue count), where the wrapper cost more than these few lines (docs/performance.md).

const DB_NAME = "asn-berbagi-offline";
const STORE = "reports";

let dbPromise: Promise<IDBDatabase> | null = null;

/** Set on the window (not in this module) so every copy of the offline code on the page sees it. */
type ClearedFlag = { asnBerbagiOfflineCleared?: boolean };

function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function database(): Promise<IDBDatabase> {
  // After sign-out cleared the device, nothing on this page may create the database again.
  if ((window as ClearedFlag).asnBerbagiOfflineCleared) return Promise.reject(new Error("cleared"));
  dbPromise ??= new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: "key" });
    open.onsuccess = () => {
      const db = open.result;
      // Another tab deletes the database (sign-out): let it.
      db.onversionchange = () => {
        db.close();
        dbPromise = null;
      };
      resolve(db);
    };
    open.onerror = () => reject(open.error);
  });
  return dbPromise;
}

/** Runs one request in its own transaction; a write resolves once the transaction committed. */
async function inStore<T>(
  mode: IDBTransactionMode,
  makeRequest: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const transaction = (await database()).transaction(STORE, mode);
  const committed = new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = transaction.onabort = () => reject(transaction.error);
  });
  const result = await settled(makeRequest(transaction.objectStore(STORE)));
  if (mode === "readwrite") await committed;
  else committed.catch(() => {}); // a read's outcome is its request's
  return result;
}

export const idbStore: QueueStore = {
  all: () => inStore("readonly", (store) => store.getAll() as IDBRequest<QueuedReport[]>),
  get: (key) => inStore("readonly", (store) => store.get(key) as IDBRequest<QueuedReport | undefined>),
  put: async (item) => {
    await inStore("readwrite", (store) => store.put(item));
  },
  delete: async (key) => {
    await inStore("readwrite", (store) => store.delete(key));
  },
};

/** Deletes the whole queue database (sign-out on a shared phone). */
export async function deleteQueueDatabase(): Promise<void> {
  (window as ClearedFlag).asnBerbagiOfflineCleared = true;
  const open = dbPromise;
  dbPromise = null;
  if (open) (await open.catch(() => null))?.close();
  await settled(indexedDB.deleteDatabase(DB_NAME));
}
