"use client";

import { useState } from "react";

/**
 * A key that changes with every new action state. Put it on a <form> whose defaults come from
 * the echoed values: React resets a form after its action, and a <select> only takes a new
 * defaultValue when it mounts, so the form is remounted with what the user had submitted.
 */
export function useRemountKey(state: unknown): number {
  const [seen, setSeen] = useState(state);
  const [key, setKey] = useState(0);
  if (seen !== state) {
    setSeen(state);
    setKey((k) => k + 1);
  }
  return key;
}
