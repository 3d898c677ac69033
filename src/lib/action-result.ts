/** The one result type of every server action (CONVENTIONS.md). Messages are in Bahasa Indonesia. */
export type ActionResult<T = undefined> =
  | { status: "idle" }
  | { status: "success"; message?: string; data?: T }
  | {
      status: "error";
      message: string;
      fieldErrors?: Record<string, string[]>;
      /** What the user submitted, so a form re-renders with it (React resets forms after an action). */
      values?: Record<string, string>;
    };

export const IDLE: ActionResult<never> = { status: "idle" };

/** The text fields of a submitted form, to hand back on error. Passwords and files are never echoed. */
export function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$") || /password|sandi/i.test(key)) continue;
    values[key] = key in values ? `${values[key]},${value}` : value;
  }
  return values;
}
