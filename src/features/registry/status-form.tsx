"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { IDLE } from "@/lib/action-result";
import { HOUSEHOLD_STATUSES, HOUSEHOLD_STATUS_LABEL, type HouseholdStatus } from "@/schemas/household";
import { changeStatusAction } from "./actions";
import { errorsOf, FieldError, FormMessage, SelectField, valueOf } from "./form-fields";

export function StatusForm({
  householdId,
  status,
  activeAsnName,
}: {
  householdId: string;
  status: HouseholdStatus;
  activeAsnName: string | null;
}) {
  const [state, action] = useActionState(changeStatusAction, IDLE);
  const options = HOUSEHOLD_STATUSES.filter((s) => s !== status).map(
    (s) => [s, HOUSEHOLD_STATUS_LABEL[s]] as const,
  );
  const reasonErrors = errorsOf(state, "reason");
  return (
    <form action={action} className="space-y-3" data-testid="status-form" noValidate>
      <input type="hidden" name="householdId" value={householdId} />
      <p className="text-sm text-slate-700">
        Status sekarang: <strong>{HOUSEHOLD_STATUS_LABEL[status]}</strong>.
        {status === "ACTIVE" && activeAsnName
          ? ` Jika diubah, penugasan ${activeAsnName} diakhiri dan keluarga hilang dari daftar ASN tersebut.`
          : null}
        {status !== "ACTIVE" ? " Keluarga yang tidak aktif tidak dapat ditugaskan ke ASN." : null}
      </p>
      <SelectField
        label="Status baru"
        name="status"
        state={state}
        initial={null}
        options={options}
        placeholder="— Pilih status —"
      />
      <div>
        <label className="block">
          <span className="text-sm font-medium">Alasan</span>
          <textarea
            name="reason"
            rows={2}
            maxLength={300}
            defaultValue={valueOf(state, "reason", "")}
            aria-invalid={reasonErrors?.length ? true : undefined}
            className={`mt-1 block w-full rounded-lg border bg-white px-3 py-2 text-sm ${reasonErrors?.length ? "border-red-500" : "border-slate-300"}`}
          />
        </label>
        <FieldError messages={reasonErrors} />
      </div>
      <FormMessage state={state} />
      <SubmitButton variant="danger">Ubah status</SubmitButton>
    </form>
  );
}
