import { Link } from "@/components/ui/link";
import { connection } from "next/server";

// Rendered per request (not prerendered) so its scripts carry the CSP nonce.
export default async function NotFound() {
  await connection();
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-bold">Halaman tidak ditemukan</h1>
      <p className="mt-2 text-slate-600">
        Halaman atau data yang Anda cari tidak ada, atau bukan bagian dari akses Anda.
      </p>
      <Link href="/" className="mt-6 inline-block rounded-lg bg-brand-600 px-4 py-2 font-medium text-white">
        Kembali ke beranda
      </Link>
    </main>
  );
}
