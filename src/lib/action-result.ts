import type { z } from "zod";

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

/** The message above a form whose fields have errors. */
export const INVALID_INPUT_MESSAGE = "Ada isian yang belum benar. Periksa bagian yang ditandai merah.";

/** zod issues → `{ "items.0.quantity": ["…"] }` for the form (`_form` for whole-form issues). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** The text fields of a submitted form as a plain object, for `schema.safeParse`. */
export function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData.entries())
    if (typeof value === "string" && !key.startsWith("$")) fields[key] = value;
  return fields;
}

/** The error state for a form that failed validation, with what was typed. */
export function invalidResult(error: z.ZodError, formData: FormData): ActionResult<never> {
  return {
    status: "error",
    message: INVALID_INPUT_MESSAGE,
    fieldErrors: fieldErrorsOf(error),
    values: submittedValues(formData),
  };
}
