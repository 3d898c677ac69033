import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/features/auth/login-form";
import { homePathFor, safeCallbackPath } from "@/lib/permissions";
import { getActor } from "@/server/session";

export const metadata: Metadata = { title: "Masuk" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const actor = await getActor();
  if (actor) redirect(homePathFor(actor.role));
  const { callbackUrl } = await searchParams;
  const returnTo = safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : null);
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center px-4 py-10">
      <div className="mb-8 text-center">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">
          Pemerintah Kabupaten Banyuwangi
        </p>
        <h1 className="mt-1 text-3xl font-bold">ASN Berbagi</h1>
        <p className="mt-2 text-slate-600">Masuk untuk melaporkan kunjungan dan memantau program.</p>
      </div>
      <LoginForm returnTo={returnTo} />
    </main>
  );
}
