"use client";

import { useId } from "react";
import type { ActionResult } from "@/lib/action-result";

// Uncontrolled inputs for the registry forms (desktop). Default values come from the record, or,
// after a failed action, from what was submitted (`values`), so typed input survives an error.

export type FormState = ActionResult;

export function valueOf(
  state: FormState,
  name: string,
  fallback: string | number | null | undefined,
): string {
  if (state.status === "error" && state.values && name in state.values) return state.values[name] ?? "";
  return fallback === null || fallback === undefined ? "" : String(fallback);
}

export function errorsOf(state: FormState, name: string): string[] | undefined {
  return state.status === "error" ? state.fieldErrors?.[name] : undefined;
}

/** Outside the <label>, linked by aria-describedby, so the field's accessible name stays its label. */
export function FieldError({ messages, id }: { messages?: string[]; id?: string }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700" data-testid="field-error">
      {messages[0]}
    </p>
  );
}

const inputClass = (invalid: boolean) =>
  `mt-1 block w-full rounded-lg border bg-white px-3 py-2 text-sm ${invalid ? "border-red-500" : "border-slate-300"}`;

export function TextField({
  label,
  name,
  state,
  initial,
  ...rest
}: {
  label: string;
  name: string;
  state: FormState;
  initial: string | number | null | undefined;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "defaultValue">) {
  const errors = errorsOf(state, name);
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        {...rest}
        id={id}
        name={name}
        defaultValue={valueOf(state, name, initial)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        className={inputClass(Boolean(errors?.length))}
      />
      <FieldError messages={errors} id={`${id}-error`} />
    </div>
  );
}

export function SelectField({
  label,
  name,
  state,
  initial,
  options,
  placeholder,
}: {
  label: string;
  name: string;
  state: FormState;
  initial: string | number | null | undefined;
  options: readonly (readonly [string, string])[];
  /** Shown as the empty choice; omit for a required select without an empty choice. */
  placeholder?: string;
}) {
  const errors = errorsOf(state, name);
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={valueOf(state, name, initial)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        className={inputClass(Boolean(errors?.length))}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <FieldError messages={errors} id={`${id}-error`} />
    </div>
  );
}

export function FormMessage({ state }: { state: FormState }) {
  if (state.status === "error")
    return (
      <p
        className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800"
        data-testid="form-error"
        aria-live="polite"
      >
        {state.message}
      </p>
    );
  if (state.status === "success" && state.message)
    return (
      <p
        className="rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-800"
        data-testid="form-success"
        aria-live="polite"
      >
        {state.message}
      </p>
    );
  return null;
}
