import { importKindFromSlug } from "@/schemas/imports";
import { isAppError } from "@/server/errors";
import { importTemplate } from "@/server/imports/batches";
import { getActor } from "@/server/session";
import { xlsxResponse } from "@/server/spreadsheet";

// Import templates: ?kind=keluarga|asn&format=csv|xlsx (headers + two synthetic example rows).

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "private, no-store" };

export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor)
    return Response.json({ error: "Silakan masuk terlebih dahulu." }, { status: 401, headers: noStore });
  const url = new URL(request.url);
  const kind = importKindFromSlug(url.searchParams.get("kind"));
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  if (!kind) return Response.json({ error: "Jenis impor tidak dikenal." }, { status: 404, headers: noStore });
  try {
    const template = await importTemplate(actor, kind, format);
    if (format === "xlsx") return xlsxResponse(template.body, template.fileName);
    return new Response(template.body as BodyInit, {
      headers: {
        ...noStore,
        "Content-Type": template.contentType,
        "Content-Disposition": `attachment; filename="${template.fileName}"`,
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND")
      return Response.json({ error: "Tidak ditemukan." }, { status: 404, headers: noStore });
    throw error;
  }
}
