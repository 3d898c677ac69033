"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { FormField, SelectInput, TextInput } from "@/components/ui/form-field";
import { useRemountKey } from "@/components/ui/use-remount-key";
import { IDLE, type ActionResult } from "@/lib/action-result";
import { PASSWORD_MIN_LENGTH } from "@/schemas/account";

export type AsnFormValues = {
  nip: string;
  name: string;
  opdId: string;
  position: string;
  phone: string;
  quota: string;
  workKecamatanCode: string;
  homeKecamatanCode: string;
};

type Options = {
  opds: { id: number; name: string }[];
  kecamatan: { code: string; name: string }[];
  defaultQuota: number;
};

/** Create (with a temporary password) or edit an ASN. */
export function AsnForm({
  action,
  initial,
  options,
  mode,
}: {
  action: (previous: ActionResult, formData: FormData) => Promise<ActionResult>;
  initial: AsnFormValues;
  options: Options;
  mode: "create" | "edit";
}) {
  const [state, formAction] = useActionState<ActionResult, FormData>(action, IDLE);
  const formKey = useRemountKey(state);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const values = state.status === "error" && state.values ? { ...initial, ...state.values } : initial;
  const field = (name: keyof AsnFormValues) => ({
    id: name,
    name,
    defaultValue: values[name],
    invalid: Boolean(errors?.[name]),
  });
  return (
    <form key={formKey} action={formAction} className="grid gap-4 md:grid-cols-2" noValidate>
      <FormField label="NIP / NI PPPK" htmlFor="nip" errors={errors?.nip} hint="18 digit; spasi boleh.">
        <TextInput {...field("nip")} inputMode="numeric" autoComplete="off" required />
      </FormField>
      <FormField label="Nama lengkap" htmlFor="name" errors={errors?.name}>
        <TextInput {...field("name")} autoComplete="off" required />
      </FormField>
      <FormField label="OPD" htmlFor="opdId" errors={errors?.opdId}>
        <SelectInput {...field("opdId")} required>
          <option value="">— pilih OPD —</option>
          {options.opds.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectInput>
      </FormField>
      <FormField label="Jabatan" htmlFor="position" errors={errors?.position}>
        <TextInput {...field("position")} />
      </FormField>
      <FormField
        label="Nomor HP"
        htmlFor="phone"
        errors={errors?.phone}
        hint="Nomor seluler, mis. 0812 3456 7890."
      >
        <TextInput {...field("phone")} type="tel" inputMode="tel" />
      </FormField>
      <FormField
        label="Kuota keluarga"
        htmlFor="quota"
        errors={errors?.quota}
        hint={`Kosongkan untuk kuota bawaan (${options.defaultQuota}).`}
      >
        <TextInput {...field("quota")} type="number" min={0} inputMode="numeric" />
      </FormField>
      {(["workKecamatanCode", "homeKecamatanCode"] as const).map((name) => (
        <FormField
          key={name}
          label={name === "workKecamatanCode" ? "Kecamatan tempat kerja" : "Kecamatan tempat tinggal"}
          htmlFor={name}
          errors={errors?.[name]}
        >
          <SelectInput {...field(name)}>
            <option value="">— tidak diisi —</option>
            {options.kecamatan.map((k) => (
              <option key={k.code} value={k.code}>
                {k.name}
              </option>
            ))}
          </SelectInput>
        </FormField>
      ))}
      {mode === "create" ? (
        <FormField
          label="Kata sandi sementara"
          htmlFor="temporaryPassword"
          errors={errors?.temporaryPassword}
          hint={`Minimal ${PASSWORD_MIN_LENGTH} karakter, bukan hanya angka, tidak memuat NIP. Serahkan kepada ASN; ia wajib menggantinya saat pertama masuk.`}
        >
          <TextInput
            id="temporaryPassword"
            name="temporaryPassword"
            type="text"
            autoComplete="new-password"
            invalid={Boolean(errors?.temporaryPassword)}
            required
          />
        </FormField>
      ) : null}
      <div className="space-y-3 md:col-span-2">
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
        <SubmitButton>{mode === "create" ? "Simpan ASN baru" : "Simpan perubahan"}</SubmitButton>
      </div>
    </form>
  );
}
