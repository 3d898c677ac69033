import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { FamilyList } from "@/features/families/family-list";
import { periodLabel } from "@/lib/period";
import { listMyFamilies } from "@/server/households";
import { requireActor } from "@/server/session";

export const metadata: Metadata = { title: "Keluarga asuhan saya" };

export default async function AsnHomePage() {
  const actor = await requireActor();
  const { periodKey, families } = await listMyFamilies(actor);
  const done = families.filter((f) => f.visitedThisPeriod).length;
  return (
    <>
      <PageHeader
        title="Keluarga asuhan saya"
        description={
          <>
            {periodLabel(periodKey)} ·{" "}
            <span data-testid="progress">
              {done} dari {families.length} keluarga sudah dikunjungi
            </span>
          </>
        }
      />
      <FamilyList families={families} />
    </>
  );
}
