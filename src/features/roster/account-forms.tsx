"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { AsnDatalist } from "@/components/ui/asn-datalist";
import { SubmitButton } from "@/components/ui/button";
import { FormField, SelectInput, TextInput } from "@/components/ui/form-field";
import { useRemountKey } from "@/components/ui/use-remount-key";
import { IDLE, type ActionResult } from "@/lib/action-result";
import type { AsnCapacityOption } from "@/server/assignments";

type Action = (previous: ActionResult, formData: FormData) => Promise<ActionResult>;

function Status({ state }: { state: ActionResult }) {
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

/** Sets a new temporary password (the ASN must change it at the next sign-in). */
export function ResetPasswordForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState<ActionResult, FormData>(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormField
        label="Kata sandi sementara baru"
        htmlFor="resetTemporaryPassword"
        errors={errors?.temporaryPassword}
      >
        <TextInput
          id="resetTemporaryPassword"
          name="temporaryPassword"
          autoComplete="new-password"
          invalid={Boolean(errors?.temporaryPassword)}
        />
      </FormField>
      <Status state={state} />
      <SubmitButton variant="secondary">Atur ulang kata sandi</SubmitButton>
    </form>
  );
}

function MoveFields({
  activeFamilies,
  asnOptions,
  errors,
  values,
  required,
  prefix,
}: {
  prefix: string;
  activeFamilies: number;
  asnOptions: AsnCapacityOption[];
  errors?: Record<string, string[]>;
  values?: Record<string, string>;
  required: boolean;
}) {
  if (activeFamilies === 0) return null;
  return (
    <>
      <Alert tone="warning" testId="families-warning">
        ASN ini masih mengasuh {activeFamilies} keluarga.
        {required ? " Pindahkan semuanya ke ASN lain:" : " Bila perlu, pindahkan semuanya ke ASN lain:"}
      </Alert>
      <FormField
        label="NIP ASN tujuan"
        htmlFor={`${prefix}-moveToNip`}
        errors={errors?.moveToNip}
        hint="Ketik NIP atau pilih dari saran (angka terakhir: mengasuh/kuota)."
      >
        <TextInput
          id={`${prefix}-moveToNip`}
          name="moveToNip"
          list={`${prefix}-move-to-options`}
          inputMode="numeric"
          autoComplete="off"
          defaultValue={values?.moveToNip ?? ""}
          invalid={Boolean(errors?.moveToNip)}
        />
      </FormField>
      <AsnDatalist id={`${prefix}-move-to-options`} options={asnOptions} />
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
    </>
  );
}

/** Deactivation: a reason, and (when the ASN still fosters families) the ASN who takes them over. */
export function DeactivateForm({
  action,
  activeFamilies,
  asnOptions,
}: {
  action: Action;
  activeFamilies: number;
  asnOptions: AsnCapacityOption[];
}) {
  const [state, formAction] = useActionState<ActionResult, FormData>(action, IDLE);
  const formKey = useRemountKey(state);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form key={formKey} action={formAction} className="space-y-3" noValidate>
      <FormField label="Alasan penonaktifan" htmlFor="deactivateReason" errors={errors?.reason}>
        <TextInput
          id="deactivateReason"
          name="reason"
          defaultValue={values?.reason ?? ""}
          invalid={Boolean(errors?.reason)}
        />
      </FormField>
      <MoveFields
        prefix="deactivate"
        activeFamilies={activeFamilies}
        asnOptions={asnOptions}
        errors={errors}
        values={values}
        required
      />
      <Status state={state} />
      <SubmitButton variant="danger">
        {activeFamilies > 0 ? `Nonaktifkan dan pindahkan ${activeFamilies} keluarga` : "Nonaktifkan ASN"}
      </SubmitButton>
    </form>
  );
}

/** Mutasi: a new OPD; the families may stay or move to another ASN in the same step. */
export function TransferForm({
  action,
  activeFamilies,
  asnOptions,
  opds,
  currentOpdId,
}: {
  action: Action;
  activeFamilies: number;
  asnOptions: AsnCapacityOption[];
  opds: { id: number; name: string }[];
  currentOpdId: number | null;
}) {
  const [state, formAction] = useActionState<ActionResult, FormData>(action, IDLE);
  const formKey = useRemountKey(state);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form key={formKey} action={formAction} className="space-y-3" noValidate>
      <FormField label="OPD baru" htmlFor="transferOpdId" errors={errors?.opdId}>
        <SelectInput
          id="transferOpdId"
          name="opdId"
          defaultValue={values?.opdId ?? ""}
          invalid={Boolean(errors?.opdId)}
        >
          <option value="">— pilih OPD —</option>
          {opds
            .filter((o) => o.id !== currentOpdId)
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
        </SelectInput>
      </FormField>
      <MoveFields
        prefix="transfer"
        activeFamilies={activeFamilies}
        asnOptions={asnOptions}
        errors={errors}
        values={values}
        required={false}
      />
      <Status state={state} />
      <SubmitButton variant="secondary">Simpan mutasi</SubmitButton>
    </form>
  );
}
