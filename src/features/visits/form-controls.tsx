"use client";

// Small accessible form primitives for the visit report, sized for a 360 px phone screen.

export function FieldError({ messages, id }: { messages?: string[]; id?: string }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700" data-testid="field-error">
      {messages[0]}
    </p>
  );
}

export function Section({
  title,
  children,
  hint,
}: {
  title: string;
  children: React.ReactNode;
  hint?: string;
}) {
  return (
    <fieldset className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <legend className="sr-only">{title}</legend>
      <h2 className="text-base font-semibold" aria-hidden>
        {title}
      </h2>
      {hint ? <p className="mt-0.5 text-sm text-slate-600">{hint}</p> : null}
      <div className="mt-3 space-y-3">{children}</div>
    </fieldset>
  );
}

export function YesNo({
  name,
  label,
  value,
  onChange,
  error,
}: {
  name: string;
  label: string;
  value: boolean | null;
  onChange: (value: boolean) => void;
  error?: string[];
}) {
  return (
    <div role="radiogroup" aria-label={label}>
      <p className="text-sm font-medium">{label}</p>
      <div className="mt-1 flex gap-2">
        {[true, false].map((option) => (
          <label
            key={String(option)}
            className={`flex flex-1 cursor-pointer items-center justify-center gap-2 rounded-lg border px-3 py-2 text-sm font-medium ${
              value === option ? "border-brand-600 bg-brand-50 text-brand-800" : "border-slate-300"
            }`}
          >
            <input
              type="radio"
              name={name}
              className="sr-only"
              checked={value === option}
              onChange={() => onChange(option)}
            />
            {option ? "Ya" : "Tidak"}
          </label>
        ))}
      </div>
      <FieldError messages={error} />
    </div>
  );
}

export function Select<T extends string | number>({
  label,
  value,
  options,
  onChange,
  error,
  placeholder = "— Pilih —",
}: {
  label: string;
  value: T | null;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
  error?: string[];
  placeholder?: string;
}) {
  return (
    <label className="block">
      <span className="text-sm font-medium">{label}</span>
      <select
        className={`mt-1 block w-full rounded-lg border bg-white px-3 py-2 text-base ${error?.length ? "border-red-500" : "border-slate-300"}`}
        value={value === null ? "" : String(value)}
        aria-invalid={error?.length ? true : undefined}
        onChange={(e) => {
          const chosen = options.find(([v]) => String(v) === e.target.value);
          if (chosen) onChange(chosen[0]);
        }}
      >
        <option value="" disabled>
          {placeholder}
        </option>
        {options.map(([v, text]) => (
          <option key={String(v)} value={String(v)}>
            {text}
          </option>
        ))}
      </select>
      <FieldError messages={error} />
    </label>
  );
}

export function TextInput({
  label,
  value,
  onChange,
  error,
  ...rest
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string[];
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "value" | "onChange">) {
  return (
    <label className="block">
      <span className="text-sm font-medium">{label}</span>
      <input
        {...rest}
        value={value}
        aria-invalid={error?.length ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
        className={`mt-1 block w-full rounded-lg border px-3 py-2 text-base ${error?.length ? "border-red-500" : "border-slate-300"}`}
      />
      <FieldError messages={error} />
    </label>
  );
}
