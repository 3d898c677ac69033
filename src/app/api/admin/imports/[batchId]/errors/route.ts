import { isAppError } from "@/server/errors";
import { importErrorReport } from "@/server/imports/batches";
import { getActor } from "@/server/session";
import { xlsxResponse } from "@/server/spreadsheet";

// The error report of an import: every rejected row with its reasons, NIK/KK masked (XLSX).

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "private, no-store" };

export async function GET(_request: Request, { params }: { params: Promise<{ batchId: string }> }) {
  const actor = await getActor();
  if (!actor)
    return Response.json({ error: "Silakan masuk terlebih dahulu." }, { status: 401, headers: noStore });
  const { batchId } = await params;
  try {
    const report = await importErrorReport(actor, batchId);
    return xlsxResponse(report.body, report.fileName);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND")
      return Response.json({ error: error.message }, { status: 404, headers: noStore });
    throw error;
  }
}
