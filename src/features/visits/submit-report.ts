// Sending a visit report from the form: through the offline queue (kept in IndexedDB first, sent at
// once when there is a connection, otherwise later with the same idempotency key, so it is stored
// once however often it is retried), or straight to the server action where IndexedDB is missing.
// Loaded when the ASN sends the report, not with the form (docs/performance.md); the service worker
// caches it with the form's scripts, so it loads offline too (src/app/sw.ts).

import { queueAndSend, removeQueued, type QueueAndSendResult } from "@/features/offline/offline-client";
import type { submitVisitAction } from "./actions";
import { toPayload } from "./form-conversion";
import type { ClientVisitForm, FormState } from "./form-state";

export type SubmitOutcome =
  /** Stored on the server. */
  | { kind: "sent"; followUpsRaised: number }
  /** Not queued: the phone's photo limits (one photo, all queued photos together). */
  | { kind: "refused"; message: string }
  /** The server returned it: its messages, per field where it named one. */
  | { kind: "returned"; message: string; fieldErrors: Record<string, string[]> }
  /** No connection (or superseded by a newer copy): it waits in the queue on this phone. */
  | { kind: "queued" };

/**
 * Sends the report in `state`. `onQueued` runs once it is in the phone's queue (the form then
 * follows its sync state). The draft under `draftKey` is removed once the queue or the server has
 * the report. Throws when neither took it (no IndexedDB and no connection): the draft stays.
 */
export async function submitReport({
  submit,
  state,
  form,
  photo,
  draftKey,
  onQueued,
}: {
  /** submitVisitAction, handed down by the page. */
  submit: typeof submitVisitAction;
  state: FormState;
  form: ClientVisitForm;
  photo: Blob | null;
  draftKey: string;
  onQueued: () => void;
}): Promise<SubmitOutcome> {
  const payload = JSON.stringify(toPayload(state, form));
  let queued: QueueAndSendResult | null = null;
  try {
    queued = await queueAndSend({
      key: state.idempotencyKey,
      householdId: form.household.id,
      householdName: form.household.headName,
      periodKey: form.period.periodKey,
      periodLabel: form.period.label,
      payload,
      form: state,
      photo,
    });
  } catch {
    queued = null; // no IndexedDB on this browser: send directly below
  }
  if (queued?.outcome === "refused") return { kind: "refused", message: queued.message };
  if (queued) {
    const { outcome, item } = queued;
    onQueued();
    if (outcome === "sent") {
      window.localStorage.removeItem(draftKey);
      await removeQueued(state.idempotencyKey);
      return { kind: "sent", followUpsRaised: item?.followUpsRaised ?? 0 };
    }
    if (outcome === "invalid" || outcome === "failed")
      return {
        kind: "returned",
        message: item?.message ?? "Laporan ditolak server.",
        fieldErrors: item?.fieldErrors ?? {},
      };
    window.localStorage.removeItem(draftKey); // it waits in the queue: the draft is no longer needed
    return { kind: "queued" };
  }
  const body = new FormData();
  body.set("payload", payload);
  if (photo) body.set("photo", photo, "foto.jpg");
  const result = await submit(body);
  if (result.status === "success") {
    window.localStorage.removeItem(draftKey);
    return { kind: "sent", followUpsRaised: result.data?.followUpsRaised ?? 0 };
  }
  if (result.status === "error")
    return { kind: "returned", message: result.message, fieldErrors: result.fieldErrors ?? {} };
  throw new Error("no answer");
}
