"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className="rounded-lg px-3 py-1.5 text-sm font-medium text-white/90 ring-1 ring-white/40 hover:bg-white/10"
    >
      Keluar
    </button>
  );
}
