import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { randomUUID } from "node:crypto";
import { submitVisitAction } from "@/features/visits/actions";
import { previewFollowUps } from "@/features/visits/follow-up-preview";
import { clientFormOf, initialState, visitChoices } from "@/features/visits/form-conversion";
import { memberAgeSteps } from "@/features/visits/member-ages";
import { VisitForm } from "@/features/visits/visit-form";
import { orNotFound } from "@/server/errors";
import { requireActor } from "@/server/session";
import { getVisitForm } from "@/server/visits";

export const metadata: Metadata = { title: "Laporan kunjungan" };

export default async function VisitReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ householdId: string }>;
  searchParams: Promise<{ periode?: string | string[] }>;
}) {
  const actor = await requireActor();
  const { householdId } = await params;
  const { periode } = await searchParams;
  const form = await orNotFound(
    getVisitForm(actor, householdId, typeof periode === "string" ? periode : null),
  );
  // The form's starting state and what it shows first are computed here, on the server.
  const initial = initialState(form, randomUUID());
  return (
    <div className="mx-auto max-w-xl">
      <Link href={`/asn/keluarga/${householdId}`} className="text-sm font-medium text-brand-700">
        ← {form.household.headName}
      </Link>
      <h1 className="mt-1 text-2xl font-bold">Laporan kunjungan</h1>
      <p className="text-slate-600">
        {form.household.headName} · {form.household.desaName} · {form.period.label}
        {form.period.isLate ? (
          <span className="ml-1 font-semibold text-amber-700">(laporan terlambat)</span>
        ) : null}
      </p>
      {form.existing && form.period.isLate ? (
        // Reports of past periods are read-only once filed; the history shows them.
        <p className="mt-4 rounded-lg bg-slate-100 px-3 py-3 text-sm" data-testid="report-closed">
          Laporan untuk periode ini sudah dikirim dan tidak dapat diubah lagi. Lihat{" "}
          <Link href="/asn/riwayat" className="font-medium text-brand-700">
            riwayat laporan
          </Link>
          .
        </p>
      ) : (
        <>
          {form.existing ? (
            <p className="mt-2 rounded-lg bg-slate-100 px-3 py-2 text-sm">
              Laporan periode ini sudah dikirim. Perubahan yang Anda simpan akan tercatat.
            </p>
          ) : null}
          <div className="mt-4">
            <VisitForm
              form={clientFormOf(form)}
              initial={initial}
              initialPreview={previewFollowUps(initial, form)}
              memberAges={memberAgeSteps(form)}
              choices={visitChoices(form.localAidProgrammes)}
              submit={submitVisitAction}
            />
          </div>
        </>
      )}
    </div>
  );
}
