"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { SIGN_IN_FAILED_MESSAGE, signInErrorMessage, signInSchema } from "@/schemas/auth";

export function LoginForm({ returnTo }: { returnTo: string | null }) {
  const router = useRouter();
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const parsed = signInSchema.safeParse({ login, password });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? SIGN_IN_FAILED_MESSAGE);
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (!result || result.error || !result.ok) {
        // Wrong credentials, a throttled attempt (docs/decisions/012) or a server fault.
        setError(signInErrorMessage(result?.error));
        setPassword("");
        return;
      }
      router.replace(returnTo ?? "/");
      router.refresh();
    } catch {
      setError("Tidak dapat terhubung ke server. Periksa koneksi Anda lalu coba lagi.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-4 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200"
    >
      <div>
        <label htmlFor="login" className="block text-sm font-medium">
          NIP / Nama pengguna
        </label>
        <input
          id="login"
          name="login"
          autoComplete="username"
          inputMode="text"
          autoCapitalize="none"
          value={login}
          onChange={(e) => setLogin(e.target.value)}
          className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2.5 text-base"
          required
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Kata sandi
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2.5 text-base"
          required
        />
      </div>
      {error ? (
        <p
          data-testid="form-error"
          aria-live="polite"
          className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-brand-600 px-4 py-2.5 text-base font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Memeriksa…" : "Masuk"}
      </button>
    </form>
  );
}
