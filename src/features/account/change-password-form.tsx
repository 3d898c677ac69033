"use client";

import { signOut } from "next-auth/react";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, SubmitButton } from "@/components/ui/button";
import { FormField, TextInput } from "@/components/ui/form-field";
import { IDLE, type ActionResult } from "@/lib/action-result";
import { PASSWORD_MIN_LENGTH } from "@/schemas/account";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm({ forced }: { forced: boolean }) {
  const [state, action] = useActionState<ActionResult, FormData>(changePasswordAction, IDLE);
  if (state.status === "success") {
    return (
      <div className="space-y-4">
        <Alert tone="success" testId="form-success">
          {state.message}
        </Alert>
        <Button onClick={() => signOut({ callbackUrl: "/login" })}>Masuk kembali</Button>
      </div>
    );
  }
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      {forced ? (
        <Alert tone="warning">
          Anda masuk dengan kata sandi sementara. Buat kata sandi baru sebelum melanjutkan.
        </Alert>
      ) : null}
      <FormField label="Kata sandi saat ini" htmlFor="currentPassword" errors={errors?.currentPassword}>
        <TextInput
          id="currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          invalid={Boolean(errors?.currentPassword)}
          required
        />
      </FormField>
      <FormField
        label="Kata sandi baru"
        htmlFor="newPassword"
        errors={errors?.newPassword}
        hint={`Minimal ${PASSWORD_MIN_LENGTH} karakter, bukan hanya angka, tidak memuat NIP atau nama pengguna Anda.`}
      >
        <TextInput
          id="newPassword"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          invalid={Boolean(errors?.newPassword)}
          required
        />
      </FormField>
      <FormField label="Ulangi kata sandi baru" htmlFor="confirmPassword" errors={errors?.confirmPassword}>
        <TextInput
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          invalid={Boolean(errors?.confirmPassword)}
          required
        />
      </FormField>
      {state.status === "error" ? (
        <Alert tone="error" testId="form-error">
          {state.message}
        </Alert>
      ) : null}
      <SubmitButton>Simpan kata sandi baru</SubmitButton>
    </form>
  );
}
