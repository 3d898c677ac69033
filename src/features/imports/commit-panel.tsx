"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { IDLE } from "@/lib/action-result";
import { cancelImportAction, commitImportAction } from "./actions";

/** Commit or discard a preview. The commit is one transaction: everything or nothing. */
export function CommitPanel({ batchId, canCommit }: { batchId: string; canCommit: boolean }) {
  const [commitState, commit] = useActionState(commitImportAction, IDLE);
  const [cancelState, cancel] = useActionState(cancelImportAction, IDLE);
  const error =
    commitState.status === "error"
      ? commitState.message
      : cancelState.status === "error"
        ? cancelState.message
        : null;
  return (
    <div className="space-y-3" data-testid="commit-panel">
      {error ? (
        <Alert tone="error" testId="form-error">
          {error}
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {canCommit ? (
          <form action={commit}>
            <input type="hidden" name="batchId" value={batchId} />
            <SubmitButton pendingText="Menyimpan… jangan tutup halaman ini">
              Simpan ke basis data
            </SubmitButton>
          </form>
        ) : null}
        <form action={cancel}>
          <input type="hidden" name="batchId" value={batchId} />
          <SubmitButton variant="secondary" pendingText="Membatalkan…">
            Batalkan impor
          </SubmitButton>
        </form>
      </div>
    </div>
  );
}
