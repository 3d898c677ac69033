import { exportComplianceWorkbook, resolveCompliancePeriod } from "@/server/compliance";
import { isAppError } from "@/server/errors";
import { getActor } from "@/server/session";
import { xlsxResponse } from "@/server/spreadsheet";

// The compliance XLSX download for one period (?periode=), in the actor's scope. Used by the route
// handlers /api/admin/kepatuhan/ekspor (ADMIN) and /api/pengawas/kepatuhan/ekspor (SUPERVISOR).

const noStore = { "Cache-Control": "private, no-store" };

export async function complianceExportResponse(
  request: Request,
  role: "ADMIN" | "SUPERVISOR",
): Promise<Response> {
  const actor = await getActor();
  if (!actor)
    return Response.json({ error: "Silakan masuk terlebih dahulu." }, { status: 401, headers: noStore });
  if (actor.role !== role)
    return Response.json({ error: "Halaman tidak ditemukan." }, { status: 404, headers: noStore });
  const { period } = await resolveCompliancePeriod(new URL(request.url).searchParams.get("periode"));
  try {
    const body = await exportComplianceWorkbook(actor, period);
    return xlsxResponse(body, `kepatuhan-${period.key}.xlsx`);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND")
      return Response.json({ error: "Halaman tidak ditemukan." }, { status: 404, headers: noStore });
    throw error;
  }
}
