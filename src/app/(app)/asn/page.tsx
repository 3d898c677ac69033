import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { FamilyList } from "@/features/families/family-list";
import { QueuePanel } from "@/features/offline/queue-panel";
import { WarmUp } from "@/features/offline/warm-up";
import { menuItemFor, menuSlotOf } from "@/lib/menu";
import { periodLabel } from "@/lib/period";
import { listMyFamilies } from "@/server/households";
import { orNotFound } from "@/server/errors";
import { requireActor } from "@/server/session";
import { getMenuRotation } from "@/server/settings";

export const metadata: Metadata = { title: "Keluarga asuhan saya" };

export default async function AsnHomePage({
  searchParams,
}: {
  searchParams: Promise<{ terkirim?: string; tindakLanjut?: string }>;
}) {
  const actor = await requireActor();
  const [{ periodKey, families }, rotation, query] = await Promise.all([
    orNotFound(listMyFamilies(actor)),
    getMenuRotation(),
    searchParams,
  ]);
  const menuItem = menuItemFor(periodKey, rotation);
  const done = families.filter((f) => f.visitedThisPeriod);
  const overdue = families.filter((f) => !f.visitedThisPeriod && f.overdue);
  const due = families.filter((f) => !f.visitedThisPeriod && !f.overdue);
  const raised = Number(query.tindakLanjut ?? 0);
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title="Keluarga asuhan saya" description={periodLabel(periodKey)} />
      {query.terkirim ? (
        <p
          className="mb-4 rounded-lg bg-brand-50 px-3 py-2 text-sm font-medium text-brand-800"
          data-testid="sent-banner"
        >
          Laporan kunjungan terkirim.
          {raised > 0 ? ` ${raised} tindak lanjut dibuat dan diteruskan ke OPD terkait.` : ""}
        </p>
      ) : null}
      <QueuePanel />
      <WarmUp familyIds={families.map((f) => f.id)} />
      <div className="mb-5 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <p className="text-sm text-slate-600">Menu periode ini</p>
        <p className="text-lg font-semibold" data-testid="menu-item">
          {menuSlotOf(periodKey).label}: {menuItem ? menuItem.name.toLowerCase() : "belum diatur"}
        </p>
        <p className="mt-2 text-sm" data-testid="progress">
          {done.length} dari {families.length} keluarga sudah dikunjungi
        </p>
        <div className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100" aria-hidden>
          <div
            className="h-full bg-brand-600"
            style={{ width: `${families.length ? Math.round((done.length / families.length) * 100) : 0}%` }}
          />
        </div>
      </div>
      {families.length === 0 ? <FamilyList families={[]} /> : null}
      {overdue.length > 0 ? (
        <section className="mb-5" data-testid="overdue-families">
          <h2 className="mb-2 font-semibold text-red-800">Terlambat (2 periode tanpa laporan)</h2>
          <FamilyList families={overdue} />
        </section>
      ) : null}
      {due.length > 0 ? (
        <section className="mb-5" data-testid="due-families">
          <h2 className="mb-2 font-semibold">Belum dikunjungi periode ini</h2>
          <FamilyList families={due} />
        </section>
      ) : null}
      {done.length > 0 ? (
        <section className="mb-5" data-testid="done-families">
          <h2 className="mb-2 font-semibold text-brand-800">Sudah dikunjungi</h2>
          <FamilyList families={done} />
        </section>
      ) : null}
    </div>
  );
}
