"use client";

import { startTransition, useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { IDLE, type ActionResult } from "@/lib/action-result";
import { FOLLOW_UP_STATUS_LABEL, type FollowUpStatus } from "@/schemas/follow-up";
import { changeFollowUpStatusAction, changeFollowUpTargetAction } from "./actions";

const CONTROL = "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm";

/**
 * Submits through the action without React's automatic form reset: React 19 resets even
 * controlled <select> elements after a form action, which would silently change a choice the
 * user made before a failed save.
 */
function submitWithoutReset(action: (formData: FormData) => void) {
  return (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  };
}

function FieldError({ state, name }: { state: ActionResult; name: string }) {
  const message = state.status === "error" ? state.fieldErrors?.[name]?.[0] : undefined;
  return message ? (
    <p className="mt-1 text-sm text-red-700" data-testid="field-error">
      {message}
    </p>
  ) : null;
}

function Result({ state }: { state: ActionResult }) {
  if (state.status === "error")
    return (
      <Alert tone="error" testId="form-error">
        {state.message}
      </Alert>
    );
  if (state.status === "success")
    return (
      <Alert tone="success" testId="form-success">
        {state.message}
      </Alert>
    );
  return null;
}

/** Status change with a required note. The form keeps what was typed when the action fails. */
export function FollowUpStatusForm({
  followUpId,
  allowed,
}: {
  followUpId: string;
  allowed: FollowUpStatus[];
}) {
  const [state, action, pending] = useActionState(changeFollowUpStatusAction, IDLE);
  const submit = submitWithoutReset(action);
  // Controlled, so what was chosen and typed survives a failed save (React resets forms after actions).
  const [toStatus, setToStatus] = useState<string>(allowed[0] ?? "");
  const [note, setNote] = useState("");
  const [handled, setHandled] = useState(state);
  if (handled !== state) {
    setHandled(state);
    if (state.status === "success") setNote("");
  }
  if (allowed.length === 0) return null;
  return (
    <form onSubmit={submit} className="space-y-3" data-testid="status-form">
      <input type="hidden" name="followUpId" value={followUpId} />
      <div>
        <label htmlFor="toStatus" className="block text-sm font-medium">
          Status baru
        </label>
        <select
          id="toStatus"
          name="toStatus"
          value={allowed.includes(toStatus as FollowUpStatus) ? toStatus : allowed[0]}
          onChange={(e) => setToStatus(e.target.value)}
          className={CONTROL}
        >
          {allowed.map((s) => (
            <option key={s} value={s}>
              {s === "OPEN" ? "Buka kembali" : FOLLOW_UP_STATUS_LABEL[s]}
            </option>
          ))}
        </select>
        <FieldError state={state} name="toStatus" />
      </div>
      <div>
        <label htmlFor="status-note" className="block text-sm font-medium">
          Catatan (wajib)
        </label>
        <textarea
          id="status-note"
          name="note"
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          className={CONTROL}
        />
        <FieldError state={state} name="note" />
      </div>
      <Result state={state} />
      <Button type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? "Menyimpan…" : "Simpan status"}
      </Button>
    </form>
  );
}

/** ADMIN only: route the follow-up to another OPD, with a required note. */
export function FollowUpTargetForm({
  followUpId,
  currentOpdId,
  opds,
}: {
  followUpId: string;
  currentOpdId: number;
  opds: { id: number; name: string }[];
}) {
  const [state, action, pending] = useActionState(changeFollowUpTargetAction, IDLE);
  const submit = submitWithoutReset(action);
  const [targetOpdId, setTargetOpdId] = useState(String(currentOpdId));
  const [note, setNote] = useState("");
  const [handled, setHandled] = useState(state);
  if (handled !== state) {
    setHandled(state);
    if (state.status === "success") setNote("");
  }
  return (
    <form onSubmit={submit} className="space-y-3" data-testid="target-form">
      <input type="hidden" name="followUpId" value={followUpId} />
      <div>
        <label htmlFor="targetOpdId" className="block text-sm font-medium">
          OPD tujuan
        </label>
        <select
          id="targetOpdId"
          name="targetOpdId"
          value={targetOpdId}
          onChange={(e) => setTargetOpdId(e.target.value)}
          className={CONTROL}
        >
          {opds.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <FieldError state={state} name="targetOpdId" />
      </div>
      <div>
        <label htmlFor="target-note" className="block text-sm font-medium">
          Catatan pengalihan (wajib)
        </label>
        <textarea
          id="target-note"
          name="note"
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          className={CONTROL}
        />
        <FieldError state={state} name="note" />
      </div>
      <Result state={state} />
      <Button type="submit" variant="secondary" disabled={pending} aria-disabled={pending}>
        {pending ? "Menyimpan…" : "Alihkan ke OPD ini"}
      </Button>
    </form>
  );
}
