"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { IDLE } from "@/lib/action-result";
import { searchIdentityAction } from "./actions";
import { errorsOf, FieldError, valueOf } from "./form-fields";

/** NIK / No KK search: POSTed to a server action, never put in the URL. */
export function IdentitySearchForm() {
  const [state, action] = useActionState(searchIdentityAction, IDLE);
  const errors = errorsOf(state, "nomor");
  return (
    <form
      action={action}
      method="post"
      className="flex flex-wrap items-end gap-2"
      data-testid="identity-search"
    >
      <div className="min-w-64 flex-1">
        <label className="block">
          <span className="text-sm font-medium">Cari NIK atau No KK (16 digit)</span>
          <input
            name="nomor"
            inputMode="numeric"
            autoComplete="off"
            defaultValue={valueOf(state, "nomor", "")}
            aria-invalid={errors?.length ? true : undefined}
            className={`mt-1 block w-full rounded-lg border bg-white px-3 py-2 text-sm ${errors?.length ? "border-red-500" : "border-slate-300"}`}
          />
        </label>
        <FieldError messages={errors} />
      </div>
      <SubmitButton pendingText="Mencari…" variant="secondary">
        Cari nomor
      </SubmitButton>
    </form>
  );
}
