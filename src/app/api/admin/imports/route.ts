import { after } from "next/server";
import { importKindFromSlug, MAX_IMPORT_BYTES } from "@/schemas/imports";
import { isAppError } from "@/server/errors";
import { analyseImport, prepareImport } from "@/server/imports/batches";
import { receiveUpload, TOO_LARGE_MESSAGE } from "@/server/imports/files";
import { getActor } from "@/server/session";
import { log } from "@/server/log";

// Upload of an import file: the raw body (not multipart; the browser sends the File itself with
// XMLHttpRequest so it can show upload progress) is streamed to a temp file, checked (format by
// content, header row), and analysed after the response; the page polls /api/admin/imports/{id}.
// Server actions are capped at 1 MB, hence a route handler. ?kind=keluarga|asn&name=<file name>.

export const dynamic = "force-dynamic";
export const maxDuration = 300;

const noStore = { "Cache-Control": "private, no-store" };

export async function POST(request: Request) {
  const actor = await getActor();
  if (!actor)
    return Response.json({ error: "Silakan masuk terlebih dahulu." }, { status: 401, headers: noStore });
  if (actor.role !== "ADMIN")
    return Response.json({ error: "Tidak ditemukan." }, { status: 404, headers: noStore });
  const url = new URL(request.url);
  const kind = importKindFromSlug(url.searchParams.get("kind"));
  if (!kind) return Response.json({ error: "Jenis impor tidak dikenal." }, { status: 400, headers: noStore });
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_IMPORT_BYTES)
    return Response.json({ error: TOO_LARGE_MESSAGE }, { status: 413, headers: noStore });
  try {
    const upload = await receiveUpload(request.body);
    const { batchId } = await prepareImport(actor, {
      kind,
      fileName: url.searchParams.get("name") ?? "berkas",
      uploadPath: upload.path,
    });
    after(async () => {
      // analyseImport records its own failures on the batch (status FAILED with a message).
      await analyseImport(actor, batchId).catch((error: unknown) =>
        log.error("import analysis not started", {
          batchId,
          errorName: error instanceof Error ? error.name : typeof error,
        }),
      );
    });
    return Response.json({ batchId }, { status: 202, headers: noStore });
  } catch (error) {
    if (isAppError(error)) {
      const status = error.message === TOO_LARGE_MESSAGE ? 413 : error.code === "NOT_FOUND" ? 404 : 400;
      return Response.json({ error: error.message }, { status, headers: noStore });
    }
    throw error;
  }
}
