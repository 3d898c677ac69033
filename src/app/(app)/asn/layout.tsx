import { OfflineSync } from "@/features/offline/offline-sync";
import { submitVisitAction } from "@/features/visits/actions";
import { requireRole } from "@/server/session";

export default async function AreaLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireRole("ASN");
  return (
    <>
      {/* Service worker, offline queue sync (docs/decisions/007). */}
      <OfflineSync userId={actor.id} submit={submitVisitAction} />
      {children}
    </>
  );
}
