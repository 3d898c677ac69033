import { complianceExportResponse } from "@/features/compliance/export-response";

// XLSX of the compliance views for one period (?periode=), limited to the supervisor's staff.

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return complianceExportResponse(request, "SUPERVISOR");
}
