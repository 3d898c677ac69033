// Labelled form controls for admin forms: label, control, hint and the first error message.
// Server-compatible (no hooks); the error has data-testid="field-error" like the visit form's.

const CONTROL =
  "mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-500";

export function FormField({
  label,
  htmlFor,
  hint,
  errors,
  children,
}: {
  label: string;
  htmlFor: string;
  hint?: React.ReactNode;
  errors?: string[];
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={htmlFor} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      {errors?.length ? (
        <p id={`${htmlFor}-error`} className="mt-1 text-sm text-red-700" data-testid="field-error">
          {errors[0]}
        </p>
      ) : null}
    </div>
  );
}

export function TextInput({
  invalid,
  className = "",
  ...rest
}: React.InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean }) {
  return (
    <input
      {...rest}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid && rest.id ? `${rest.id}-error` : undefined}
      className={`${CONTROL} ${className}`}
    />
  );
}

export function SelectInput({
  invalid,
  className = "",
  children,
  ...rest
}: React.SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean }) {
  return (
    <select
      {...rest}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid && rest.id ? `${rest.id}-error` : undefined}
      className={`${CONTROL} bg-white ${className}`}
    >
      {children}
    </select>
  );
}
