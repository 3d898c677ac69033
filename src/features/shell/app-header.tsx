import { Link } from "@/components/ui/link";
import { SignOutButton } from "@/features/auth/sign-out-button";
import { ConnectionStatus } from "@/features/offline/connection-status";
import { ROLE_LABEL, type Actor, type Role } from "@/lib/permissions";

const NAVIGATION: Record<Role, { href: string; label: string }[]> = {
  ASN: [
    { href: "/asn", label: "Keluarga saya" },
    { href: "/asn/riwayat", label: "Riwayat" },
  ],
  ADMIN: [
    { href: "/admin", label: "Ringkasan" },
    { href: "/admin/keluarga", label: "Keluarga" },
    { href: "/admin/impor", label: "Impor" },
    { href: "/admin/asn", label: "ASN" },
    { href: "/admin/penugasan", label: "Penugasan" },
    { href: "/admin/kepatuhan", label: "Kepatuhan" },
    { href: "/admin/tindak-lanjut", label: "Tindak lanjut" },
    { href: "/admin/pengaturan", label: "Pengaturan" },
    { href: "/pimpinan", label: "Dasbor" },
  ],
  SUPERVISOR: [
    { href: "/pengawas", label: "Staf OPD" },
    { href: "/pengawas/tindak-lanjut", label: "Tindak lanjut" },
  ],
  LEADER: [{ href: "/pimpinan", label: "Dasbor" }],
};

export function AppHeader({ actor }: { actor: Actor }) {
  return (
    <header className="no-print bg-brand-700 text-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3">
        <div className="min-w-0">
          <Link href="/" className="text-lg font-bold">
            ASN Berbagi
          </Link>
          <p className="truncate text-xs text-white/80">
            {actor.name} · {ROLE_LABEL[actor.role]}
          </p>
        </div>
        <div className="flex items-center gap-2">
          {actor.role === "ASN" ? <ConnectionStatus /> : null}
          <SignOutButton />
        </div>
      </div>
      <nav aria-label="Navigasi utama" className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-2 pb-2">
        {NAVIGATION[actor.role].map((item) => (
          <Link
            key={item.href}
            href={item.href}
            className="rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap text-white/90 hover:bg-white/10"
          >
            {item.label}
          </Link>
        ))}
      </nav>
    </header>
  );
}
