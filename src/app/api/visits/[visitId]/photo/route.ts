import { PHOTO_EXTENSIONS } from "@/lib/image-signature";
import { isAppError } from "@/server/errors";
import { getVisitPhoto } from "@/server/photos";
import { getActor } from "@/server/session";

// A visit's photo evidence, served only through the DAL (scope in the query, 404 outside it).
// Same-origin <img src="/api/visits/{id}/photo"> sends the session cookie.

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "private, no-store" };

export async function GET(_request: Request, { params }: { params: Promise<{ visitId: string }> }) {
  const actor = await getActor();
  if (!actor || actor.mustChangePassword)
    return Response.json({ error: "Silakan masuk terlebih dahulu." }, { status: 401, headers: noStore });
  const { visitId } = await params;
  try {
    const photo = await getVisitPhoto(actor, visitId);
    return new Response(photo.data, {
      status: 200,
      headers: {
        ...noStore,
        "Content-Type": photo.mimeType,
        "Content-Length": String(photo.data.byteLength),
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": `inline; filename="kunjungan.${PHOTO_EXTENSIONS[photo.mimeType]}"`,
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND")
      return Response.json({ error: "Foto tidak ditemukan." }, { status: 404, headers: noStore });
    throw error;
  }
}
