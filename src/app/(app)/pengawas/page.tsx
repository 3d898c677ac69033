import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { formatCount } from "@/lib/format";
import { periodLabel } from "@/lib/period";
import { listStaff } from "@/server/overview";
import { orNotFound } from "@/server/errors";
import { requireActor } from "@/server/session";

export const metadata: Metadata = { title: "Staf OPD" };

export default async function SupervisorHomePage() {
  const actor = await requireActor();
  const { periodKey, staff } = await orNotFound(listStaff(actor));
  const reported = staff.filter(
    (s) => s.activeFamilies > 0 && s.reportedThisPeriod >= s.activeFamilies,
  ).length;
  return (
    <>
      <PageHeader
        title="Staf OPD saya"
        description={`${periodLabel(periodKey)} · ${formatCount(reported)} dari ${formatCount(staff.length)} ASN sudah melapor lengkap`}
      />
      <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200">
        <table className="w-full text-left text-sm" data-testid="staff-table">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th className="px-3 py-2 font-medium">Nama</th>
              <th className="px-3 py-2 font-medium">Jabatan</th>
              <th className="px-3 py-2 text-right font-medium">Keluarga asuhan</th>
              <th className="px-3 py-2 text-right font-medium">Laporan periode ini</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {staff.map((s) => (
              <tr key={s.id}>
                <td className="px-3 py-2 font-medium">{s.name}</td>
                <td className="px-3 py-2 text-slate-600">{s.position ?? "–"}</td>
                <td className="px-3 py-2 text-right tabular-nums">{s.activeFamilies}</td>
                <td className="px-3 py-2 text-right tabular-nums">{s.reportedThisPeriod}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
