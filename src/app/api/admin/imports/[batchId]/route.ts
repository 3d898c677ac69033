import { isAppError } from "@/server/errors";
import { getImportStatus } from "@/server/imports/batches";
import { getActor } from "@/server/session";

// Progress of an import's analysis, polled by the upload form: { status, progressPercent, rowsRead }.

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "private, no-store" };

export async function GET(_request: Request, { params }: { params: Promise<{ batchId: string }> }) {
  const actor = await getActor();
  if (!actor)
    return Response.json({ error: "Silakan masuk terlebih dahulu." }, { status: 401, headers: noStore });
  const { batchId } = await params;
  try {
    return Response.json(await getImportStatus(actor, batchId), { headers: noStore });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND")
      return Response.json({ error: "Impor tidak ditemukan." }, { status: 404, headers: noStore });
    throw error;
  }
}
