// The offline report queue: pure logic, no browser APIs. Storage and the network are injected
// (`QueueStore`, `Send`), so the retry and idempotency rules are unit-tested with an in-memory
// store (sync-queue.test.ts); the app uses IndexedDB (idb-store.ts) and submitVisitAction.
//
// Exactly once: a report keeps the idempotency key it was created with (the form's key) for every
// attempt; the server stores one report per key (and one per family per period). The queue only
// decides *when* to send: a network failure keeps the report pending for the next attempt; an
// answer from the server is final (sent, failed with the reason, or returned for correction).

export type QueueStatus = "PENDING" | "SENT" | "FAILED" | "INVALID";

export type QueuedReport = {
  /** The report's idempotency key: the queue's primary key and the key sent on every attempt. */
  key: string;
  /** The signed-in ASN who filed it: only their session sends it, only they see it. */
  userId: string;
  householdId: string;
  householdName: string;
  periodKey: string;
  periodLabel: string;
  /** The report as the action's `payload` (JSON text). */
  payload: string;
  /** The form's own state (as typed), so a returned report reopens with everything kept. */
  form: unknown;
  photo: Blob | null;
  status: QueueStatus;
  /** Indonesian: why it failed / what to fix / the server's confirmation. */
  message: string | null;
  fieldErrors: Record<string, string[]> | null;
  /** Follow-ups the server opened from this report (once sent). */
  followUpsRaised: number | null;
  attempts: number;
  /** Bumped by every change of content; an answer for an older revision does not overwrite a newer one. */
  revision: number;
  createdAt: number;
  updatedAt: number;
  lastAttemptAt: number | null;
  sentAt: number | null;
};

export type QueueStore = {
  all(): Promise<QueuedReport[]>;
  get(key: string): Promise<QueuedReport | undefined>;
  put(item: QueuedReport): Promise<void>;
  delete(key: string): Promise<void>;
};

/** The server's answer (ActionResult of submitVisitAction). A thrown error means "no answer": retry. */
export type SendResult =
  | { status: "success"; message?: string; followUpsRaised?: number }
  | { status: "error"; message: string; fieldErrors?: Record<string, string[]> };
export type Send = (item: QueuedReport) => Promise<SendResult>;

export type SyncOutcome = "sent" | "failed" | "invalid" | "offline" | "missing" | "superseded";

export type NewReport = Pick<
  QueuedReport,
  | "key"
  | "userId"
  | "householdId"
  | "householdName"
  | "periodKey"
  | "periodLabel"
  | "payload"
  | "form"
  | "photo"
>;

/** One photo (the server's limit, MAX_PHOTO_BYTES) and all queued photos together. */
export const PHOTO_MAX_BYTES = 1_048_576;
export const PHOTO_BUDGET_BYTES = 20 * 1_048_576;

export const OFFLINE_MESSAGE =
  "Belum terkirim: tidak ada koneksi. Akan dikirim otomatis saat sinyal kembali.";

export class QueueLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QueueLimitError";
  }
}

export function queuedPhotoBytes(items: QueuedReport[], exceptKey?: string): number {
  return items
    .filter((i) => i.key !== exceptKey && i.status !== "SENT")
    .reduce((sum, i) => sum + (i.photo?.size ?? 0), 0);
}

export function isUnsent(item: QueuedReport): boolean {
  return item.status !== "SENT";
}

export function createSyncQueue({
  store,
  send,
  now = Date.now,
  onChange = () => {},
}: {
  store: QueueStore;
  send: Send;
  now?: () => number;
  onChange?: () => void;
}) {
  /** One send per key at a time: a second request for the same key joins the first. */
  const inFlight = new Map<string, Promise<SyncOutcome>>();
  let passRunning: Promise<SyncOutcome[]> | null = null;

  /** Adds a report or replaces the queued one with the same key (the ASN corrected or edited it). */
  async function enqueue(input: NewReport): Promise<QueuedReport> {
    const photoBytes = input.photo?.size ?? 0;
    if (photoBytes > PHOTO_MAX_BYTES)
      throw new QueueLimitError("Foto terlalu besar untuk disimpan (maksimal 1 MB). Ambil ulang fotonya.");
    const all = await store.all();
    if (photoBytes > 0 && queuedPhotoBytes(all, input.key) + photoBytes > PHOTO_BUDGET_BYTES)
      throw new QueueLimitError(
        "Penyimpanan foto di ponsel penuh (maksimal 20 MB untuk laporan yang belum terkirim). " +
          "Kirim laporan yang tertunda saat ada sinyal, atau kirim laporan ini tanpa foto.",
      );
    const existing = all.find((i) => i.key === input.key);
    const time = now();
    const item: QueuedReport = {
      ...input,
      status: "PENDING",
      message: null,
      fieldErrors: null,
      followUpsRaised: null,
      attempts: existing?.attempts ?? 0,
      revision: (existing?.revision ?? 0) + 1,
      createdAt: existing?.createdAt ?? time,
      updatedAt: time,
      lastAttemptAt: existing?.lastAttemptAt ?? null,
      sentAt: null,
    };
    await store.put(item);
    onChange();
    return item;
  }

  /** Applies `patch` unless the item changed meanwhile (a newer revision is left for its own send). */
  async function settle(key: string, revision: number, patch: Partial<QueuedReport>): Promise<boolean> {
    const current = await store.get(key);
    if (!current || current.revision !== revision) return false;
    await store.put({ ...current, ...patch, updatedAt: now() });
    onChange();
    return true;
  }

  async function attempt(key: string): Promise<SyncOutcome> {
    const item = await store.get(key);
    if (!item) return "missing";
    if (item.status === "SENT") return "sent";
    if (item.status === "FAILED") return "failed";
    if (item.status === "INVALID") return "invalid";
    const attempts = item.attempts + 1;
    const attemptAt = now();
    let result: SendResult;
    try {
      result = await send(item);
    } catch {
      const kept = await settle(key, item.revision, {
        attempts,
        lastAttemptAt: attemptAt,
        message: OFFLINE_MESSAGE,
      });
      return kept ? "offline" : "superseded";
    }
    if (result.status === "success") {
      const kept = await settle(key, item.revision, {
        status: "SENT",
        attempts,
        lastAttemptAt: attemptAt,
        sentAt: now(),
        message: result.message ?? null,
        fieldErrors: null,
        followUpsRaised: result.followUpsRaised ?? null,
        photo: null, // stored on the server now; frees the phone's photo budget
      });
      return kept ? "sent" : "superseded";
    }
    const fieldErrors =
      result.fieldErrors && Object.keys(result.fieldErrors).length > 0 ? result.fieldErrors : null;
    const kept = await settle(key, item.revision, {
      status: fieldErrors ? "INVALID" : "FAILED",
      attempts,
      lastAttemptAt: attemptAt,
      message: result.message,
      fieldErrors,
    });
    if (!kept) return "superseded";
    return fieldErrors ? "invalid" : "failed";
  }

  /** Sends one queued report if it is pending. Never two sends in flight for one key. */
  function syncOne(key: string): Promise<SyncOutcome> {
    const running = inFlight.get(key);
    if (running) return running;
    const promise = attempt(key).finally(() => inFlight.delete(key));
    inFlight.set(key, promise);
    return promise;
  }

  /** Sends the user's pending reports, oldest first; stops at the first network failure. */
  function syncAll(userId: string): Promise<SyncOutcome[]> {
    if (passRunning) return passRunning;
    passRunning = (async () => {
      const outcomes: SyncOutcome[] = [];
      const pending = (await store.all())
        .filter((i) => i.userId === userId && i.status === "PENDING")
        .sort((a, b) => a.createdAt - b.createdAt);
      for (const item of pending) {
        const outcome = await syncOne(item.key);
        outcomes.push(outcome);
        if (outcome === "offline") break;
      }
      return outcomes;
    })().finally(() => {
      passRunning = null;
    });
    return passRunning;
  }

  async function list(userId: string): Promise<QueuedReport[]> {
    return (await store.all()).filter((i) => i.userId === userId).sort((a, b) => b.createdAt - a.createdAt);
  }

  async function remove(key: string): Promise<void> {
    await store.delete(key);
    onChange();
  }

  /** Forgets reports confirmed as sent more than `maxAgeMs` ago (they are on the server). */
  async function pruneSent(maxAgeMs: number): Promise<void> {
    const limit = now() - maxAgeMs;
    const old = (await store.all()).filter((i) => i.status === "SENT" && (i.sentAt ?? 0) < limit);
    for (const item of old) await store.delete(item.key);
    if (old.length > 0) onChange();
  }

  return {
    enqueue,
    syncOne,
    syncAll,
    list,
    remove,
    pruneSent,
    isSending: (key: string) => inFlight.has(key),
  };
}

export type SyncQueue = ReturnType<typeof createSyncQueue>;

/** A store in memory (tests, and the fallback where IndexedDB is unavailable). */
export function memoryStore(): QueueStore {
  const items = new Map<string, QueuedReport>();
  return {
    all: async () => [...items.values()].map((i) => ({ ...i })),
    get: async (key) => {
      const item = items.get(key);
      return item ? { ...item } : undefined;
    },
    put: async (item) => {
      items.set(item.key, { ...item });
    },
    delete: async (key) => {
      items.delete(key);
    },
  };
}
