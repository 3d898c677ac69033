import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import {
  MenuRotationEditor,
  PovertyFigureForm,
  ProgrammeSettingsForm,
} from "@/features/settings/settings-forms";
import { formatDateTime } from "@/lib/dates";
import { orNotFound } from "@/server/errors";
import { requireActor } from "@/server/session";
import { getSettingsPage } from "@/server/settings";

export const metadata: Metadata = { title: "Pengaturan program" };

export default async function SettingsPage() {
  const actor = await requireActor();
  const { settings, menu, povertyFigures } = await orNotFound(getSettingsPage(actor));
  return (
    <>
      <PageHeader
        title="Pengaturan program"
        description={
          settings.updatedAt
            ? `Terakhir diubah ${formatDateTime(settings.updatedAt)}${settings.updatedByName ? ` oleh ${settings.updatedByName}` : ""}`
            : undefined
        }
      />
      <div className="grid gap-4">
        <Card title="Program">
          <ProgrammeSettingsForm
            initial={{
              cadence: settings.cadence,
              lateReportLimitDays: settings.lateReportLimitDays,
              defaultQuota: settings.defaultQuota,
              gpsFlagDistanceMeters: settings.gpsFlagDistanceMeters,
              povertyTargetPercent: settings.povertyTargetPercent,
              localAidProgrammes: settings.localAidProgrammes,
            }}
          />
        </Card>
        <Card title="Menu bergilir">
          <p className="mb-2 text-sm text-slate-600">
            Periode ke-n mendapat item ke-n (mingguan: minggu ke-n dalam bulan; bulanan: bulan ke-n), berputar
            bila item habis.
          </p>
          <MenuRotationEditor initial={menu} />
        </Card>
        <Card title="Angka kemiskinan resmi">
          <PovertyFigureForm figures={povertyFigures} />
        </Card>
      </div>
    </>
  );
}
