"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { AsnDatalist } from "@/components/ui/asn-datalist";
import { SubmitButton } from "@/components/ui/button";
import { FormField, TextInput } from "@/components/ui/form-field";
import { IDLE, type ActionResult } from "@/lib/action-result";
import type { AsnCapacityOption } from "@/server/assignments";

/** Moves all of an ASN's families to another ASN (reassignment without a status change). */
export function MoveAllForm({
  action,
  activeFamilies,
  asnOptions,
}: {
  action: (previous: ActionResult, formData: FormData) => Promise<ActionResult>;
  activeFamilies: number;
  asnOptions: AsnCapacityOption[];
}) {
  const [state, formAction] = useActionState<ActionResult, FormData>(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormField label="NIP ASN tujuan" htmlFor="move-toNip" errors={errors?.toNip}>
        <TextInput
          id="move-toNip"
          name="toNip"
          list="move-all-options"
          inputMode="numeric"
          autoComplete="off"
          defaultValue={values?.toNip ?? ""}
          invalid={Boolean(errors?.toNip)}
        />
      </FormField>
      <AsnDatalist id="move-all-options" options={asnOptions} />
      <FormField label="Alasan" htmlFor="move-reason" errors={errors?.reason}>
        <TextInput
          id="move-reason"
          name="reason"
          defaultValue={values?.reason ?? ""}
          invalid={Boolean(errors?.reason)}
        />
      </FormField>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="allowOverQuota" className="mt-1" />
        <span>
          Izinkan melebihi kuota ASN tujuan
          {errors?.allowOverQuota ? (
            <span className="block text-red-700" data-testid="field-error">
              {errors.allowOverQuota[0]}
            </span>
          ) : null}
        </span>
      </label>
      {state.status === "error" ? (
        <Alert tone="error" testId="form-error">
          {state.message}
        </Alert>
      ) : null}
      {state.status === "success" ? (
        <Alert tone="success" testId="form-success">
          {state.message}
        </Alert>
      ) : null}
      <SubmitButton variant="secondary">Pindahkan {activeFamilies} keluarga</SubmitButton>
    </form>
  );
}
