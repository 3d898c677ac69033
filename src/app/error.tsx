"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Terjadi kesalahan</h1>
      <p className="mt-2 text-slate-600">
        Maaf, permintaan Anda belum dapat diproses. Tidak ada data yang hilang; silakan coba lagi.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-lg bg-brand-600 px-4 py-2 font-medium text-white"
      >
        Coba lagi
      </button>
    </main>
  );
}
