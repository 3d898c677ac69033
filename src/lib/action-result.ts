/** The one result type of every server action (CONVENTIONS.md). Messages are in Bahasa Indonesia. */
export type ActionResult<T = undefined> =
  | { status: "idle" }
  | { status: "success"; message?: string; data?: T }
  | { status: "error"; message: string; fieldErrors?: Record<string, string[]> };

export const IDLE: ActionResult<never> = { status: "idle" };
