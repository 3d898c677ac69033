const TONES = {
  success: "bg-brand-50 text-brand-800",
  error: "bg-red-50 text-red-800",
  info: "bg-sky-50 text-sky-900",
  warning: "bg-amber-50 text-amber-900",
} as const;

/** A status message. Use `testId="form-error"` for action errors (Next injects its own role="alert"). */
export function Alert({
  tone,
  children,
  testId,
}: {
  tone: keyof typeof TONES;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <div className={`rounded-lg px-3 py-2 text-sm ${TONES[tone]}`} data-testid={testId} aria-live="polite">
      {children}
    </div>
  );
}
