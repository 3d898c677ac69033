import { complianceExportResponse } from "@/features/compliance/export-response";

// XLSX of the compliance views for one period (?periode=): every ASN (NIP, no NIK/KK).

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return complianceExportResponse(request, "ADMIN");
}
