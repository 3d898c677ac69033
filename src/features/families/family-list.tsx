import { Link } from "@/components/ui/link";
import { formatDate } from "@/lib/dates";
import type { MyFamilyRow } from "@/server/households";

/** Desa first: on a narrow phone the end of the line is what gets cut off. */
function addressLine(family: MyFamilyRow): string {
  const rtRw = family.rt && family.rw ? `RT ${family.rt}/RW ${family.rw}` : null;
  return [family.desaName, rtRw, family.dusun].filter(Boolean).join(" · ");
}

export function FamilyList({ families }: { families: MyFamilyRow[] }) {
  if (families.length === 0) {
    return (
      <p className="rounded-xl bg-white p-6 text-center text-slate-600 ring-1 ring-slate-200">
        Belum ada keluarga yang ditugaskan kepada Anda. Hubungi admin Bappeda.
      </p>
    );
  }
  return (
    <ul
      className="divide-y divide-slate-200 overflow-hidden rounded-xl bg-white ring-1 ring-slate-200"
      data-testid="family-list"
    >
      {families.map((family) => (
        <li key={family.id}>
          <Link
            href={`/asn/keluarga/${family.id}`}
            className="flex items-center justify-between gap-3 px-4 py-3 hover:bg-slate-50"
          >
            <div className="min-w-0">
              <p className="truncate font-semibold">{family.headName}</p>
              <p className="truncate text-sm text-slate-600">{addressLine(family)}</p>
              <p className="text-xs text-slate-500">
                {family.lastVisitDate
                  ? `Kunjungan terakhir ${formatDate(family.lastVisitDate)}`
                  : "Belum pernah dikunjungi"}
              </p>
            </div>
            <span
              className={`shrink-0 rounded-full px-2.5 py-1 text-xs font-semibold ${
                family.visitedThisPeriod
                  ? "bg-brand-100 text-brand-800"
                  : family.overdue
                    ? "bg-red-100 text-red-800"
                    : "bg-amber-100 text-amber-800"
              }`}
            >
              {family.visitedThisPeriod ? "Sudah" : family.overdue ? "Terlambat" : "Belum"}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
