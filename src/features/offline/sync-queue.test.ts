import { describe, expect, it } from "vitest";
import {
  createSyncQueue,
  memoryStore,
  OFFLINE_MESSAGE,
  PHOTO_BUDGET_BYTES,
  QueueLimitError,
  type NewReport,
  type QueuedReport,
  type SendResult,
} from "./sync-queue";

const CONFLICT =
  "Laporan kunjungan keluarga ini untuk periode ini sudah dikirim sebelumnya. Buka laporan tersebut untuk mengubahnya.";

function report(key: string, overrides: Partial<NewReport> = {}): NewReport {
  return {
    key,
    userId: "asn-1",
    householdId: "h-1",
    householdName: "Keluarga Uji",
    periodKey: "2026-W48",
    periodLabel: "Minggu 48",
    payload: JSON.stringify({ idempotencyKey: key }),
    form: { notes: "ditulis tanpa sinyal" },
    photo: null,
    ...overrides,
  };
}

/** A scripted server: each call takes the next answer; "network" throws like a failed fetch. */
function scriptedSend(answers: (SendResult | "network")[]) {
  const sentKeys: string[] = [];
  const send = async (item: QueuedReport): Promise<SendResult> => {
    sentKeys.push(JSON.parse(item.payload).idempotencyKey as string);
    const answer = answers.shift() ?? "network";
    if (answer === "network") throw new TypeError("Failed to fetch");
    return answer;
  };
  return { send, sentKeys };
}

function clock() {
  let t = 1_000;
  return () => (t += 1_000);
}

describe("sync queue", () => {
  it("keeps a report pending on network errors and retries it with the same key until it is sent", async () => {
    const store = memoryStore();
    const { send, sentKeys } = scriptedSend([
      "network",
      "network",
      { status: "success", message: "Terkirim" },
    ]);
    const queue = createSyncQueue({ store, send, now: clock() });
    await queue.enqueue(report("k-1"));

    expect(await queue.syncOne("k-1")).toBe("offline");
    expect(await store.get("k-1")).toMatchObject({
      status: "PENDING",
      attempts: 1,
      message: OFFLINE_MESSAGE,
    });
    expect(await queue.syncAll("asn-1")).toEqual(["offline"]);
    expect(await queue.syncAll("asn-1")).toEqual(["sent"]);

    expect(sentKeys).toEqual(["k-1", "k-1", "k-1"]);
    expect(await store.get("k-1")).toMatchObject({ status: "SENT", attempts: 3, message: "Terkirim" });
    // Sent is final: nothing is sent again.
    expect(await queue.syncAll("asn-1")).toEqual([]);
    expect(await queue.syncOne("k-1")).toBe("sent");
    expect(sentKeys).toHaveLength(3);
  });

  it("stops on a conflict or a reassigned family and keeps the server's reason", async () => {
    const store = memoryStore();
    const { send, sentKeys } = scriptedSend([
      { status: "error", message: CONFLICT },
      { status: "error", message: "Keluarga ini tidak lagi menjadi keluarga asuhan Anda." },
    ]);
    const queue = createSyncQueue({ store, send, now: clock() });
    await queue.enqueue(report("k-1"));
    await queue.enqueue(report("k-2", { householdId: "h-2" }));

    expect(await queue.syncAll("asn-1")).toEqual(["failed", "failed"]);
    expect(await store.get("k-1")).toMatchObject({ status: "FAILED", message: CONFLICT, fieldErrors: null });
    expect(await store.get("k-2")).toMatchObject({
      status: "FAILED",
      message: "Keluarga ini tidak lagi menjadi keluarga asuhan Anda.",
    });
    expect(await queue.syncAll("asn-1")).toEqual([]);
    expect(sentKeys).toEqual(["k-1", "k-2"]);
  });

  it("returns a report with validation errors to the ASN with the messages and the input kept", async () => {
    const store = memoryStore();
    const { send } = scriptedSend([
      {
        status: "error",
        message: "Ada isian yang belum benar.",
        fieldErrors: { "items.0.quantity": ["Jumlah harus lebih dari 0."] },
      },
      { status: "success" },
    ]);
    const queue = createSyncQueue({ store, send, now: clock() });
    await queue.enqueue(report("k-1", { form: { quantity: "0" } }));

    expect(await queue.syncOne("k-1")).toBe("invalid");
    const returned = await store.get("k-1");
    expect(returned).toMatchObject({
      status: "INVALID",
      message: "Ada isian yang belum benar.",
      fieldErrors: { "items.0.quantity": ["Jumlah harus lebih dari 0."] },
      form: { quantity: "0" },
    });
    expect(await queue.syncAll("asn-1")).toEqual([]); // not resent as it is

    // The ASN corrects it: same key, pending again, then sent.
    await queue.enqueue(report("k-1", { form: { quantity: "1" } }));
    expect(await store.get("k-1")).toMatchObject({ status: "PENDING", fieldErrors: null, message: null });
    expect(await queue.syncOne("k-1")).toBe("sent");
  });

  it("never has two sends in flight for one key", async () => {
    const store = memoryStore();
    let release: (r: SendResult) => void = () => {};
    let calls = 0;
    const queue = createSyncQueue({
      store,
      now: clock(),
      send: () => {
        calls++;
        return new Promise<SendResult>((resolve) => (release = resolve));
      },
    });
    await queue.enqueue(report("k-1"));
    const first = queue.syncOne("k-1");
    const second = queue.syncOne("k-1");
    const pass = queue.syncAll("asn-1");
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toBe(1);
    expect(queue.isSending("k-1")).toBe(true);
    release({ status: "success" });
    expect(await first).toBe("sent");
    expect(await second).toBe("sent");
    expect(await pass).toEqual(["sent"]);
    expect(calls).toBe(1);
    expect(queue.isSending("k-1")).toBe(false);
  });

  it("does not let an answer for an older version overwrite a corrected one", async () => {
    const store = memoryStore();
    let release: (r: SendResult) => void = () => {};
    const queue = createSyncQueue({
      store,
      now: clock(),
      send: () => new Promise<SendResult>((resolve) => (release = resolve)),
    });
    await queue.enqueue(report("k-1", { form: { v: 1 } }));
    const sending = queue.syncOne("k-1");
    await new Promise((r) => setTimeout(r, 10));
    await queue.enqueue(report("k-1", { form: { v: 2 } }));
    release({ status: "success" });
    expect(await sending).toBe("superseded");
    expect(await store.get("k-1")).toMatchObject({ status: "PENDING", form: { v: 2 }, revision: 2 });
  });

  it("sends only the signed-in ASN's reports, oldest first, and stops at the first network failure", async () => {
    const store = memoryStore();
    const { send, sentKeys } = scriptedSend([{ status: "success" }, "network"]);
    const queue = createSyncQueue({ store, send, now: clock() });
    await queue.enqueue(report("old"));
    await queue.enqueue(report("other-asn", { userId: "asn-2" }));
    await queue.enqueue(report("mid"));
    await queue.enqueue(report("new"));
    expect(await queue.syncAll("asn-1")).toEqual(["sent", "offline"]);
    expect(sentKeys).toEqual(["old", "mid"]);
    expect((await queue.list("asn-1")).map((i) => i.key)).toEqual(["new", "mid", "old"]);
    expect((await store.get("other-asn"))?.status).toBe("PENDING");
  });

  it("keeps photos within the size budget with a clear message", async () => {
    const store = memoryStore();
    const queue = createSyncQueue({ store, send: async () => ({ status: "success" }), now: clock() });
    const mb = (n: number) => new Blob([new Uint8Array(Math.round(n * 1_048_576))]);
    await expect(queue.enqueue(report("big", { photo: mb(1.5) }))).rejects.toThrow(QueueLimitError);
    await expect(queue.enqueue(report("big", { photo: mb(1.5) }))).rejects.toThrow(/maksimal 1 MB/);
    for (let i = 0; i < 20; i++) await queue.enqueue(report(`p-${i}`, { photo: mb(1) }));
    await expect(queue.enqueue(report("p-20", { photo: mb(0.5) }))).rejects.toThrow(/maksimal 20 MB/);
    // Replacing a queued report's photo does not count its old photo twice.
    await queue.enqueue(report("p-3", { photo: mb(1) }));
    // A sent report's photo is released.
    await queue.syncOne("p-0");
    expect((await store.get("p-0"))?.photo).toBeNull();
    expect(PHOTO_BUDGET_BYTES).toBe(20 * 1_048_576);
    await queue.enqueue(report("p-20", { photo: mb(0.5) }));
  });

  it("prunes sent reports after a while and leaves unsent ones", async () => {
    const store = memoryStore();
    let t = 0;
    const queue = createSyncQueue({ store, send: async () => ({ status: "success" }), now: () => t });
    await queue.enqueue(report("sent"));
    await queue.enqueue(report("waiting"));
    await queue.syncOne("sent");
    t = 3 * 24 * 3600_000;
    await queue.pruneSent(24 * 3600_000);
    expect((await store.all()).map((i) => i.key)).toEqual(["waiting"]);
  });
});
