import { fieldErrorsOf } from "@/lib/action-result";
import { visitReportSchema } from "@/schemas/visit";
import { isAppError, type AppErrorCode } from "@/server/errors";
import { getActor } from "@/server/session";
import { submitVisit } from "@/server/visits";

// POST /api/visits: a visit report as JSON, for clients that are not the form (the offline sync of
// issue 8, the load benchmark). Same rules as submitVisitAction: the signed-in ASN, the same zod
// schema (src/schemas/visit.ts) and the same DAL function (submitVisit), so a retried report with
// the same idempotency key is stored once. No photo here: a photo goes with the form.
//
//   201 { visitId, created: true }                          stored now
//   200 { visitId, created: false, updated }                 the same key again (a retry, or an edit)
//   400 { error, fieldErrors }    401 { error }    403 { error }    404 { error }    409 { error }
//   413 { error }                 415 { error }
// Messages are Indonesian and never echo NIK/KK.

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 256 * 1024;
const noStore = { "Cache-Control": "private, no-store" };

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_INPUT: 400,
  TOO_MANY_ATTEMPTS: 429,
};

function reply(body: unknown, status: number): Response {
  return Response.json(body, { status, headers: noStore });
}

/** A cross-site request carries another Origin; same-origin fetches and non-browser clients pass. */
function isCrossSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export async function POST(request: Request) {
  if (isCrossSite(request)) return reply({ error: "Permintaan dari situs lain ditolak." }, 403);
  const actor = await getActor();
  if (!actor || actor.mustChangePassword) return reply({ error: "Silakan masuk terlebih dahulu." }, 401);
  // JSON only: a cross-site HTML form cannot send it without a CORS preflight, which is refused.
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json"))
    return reply({ error: "Kirim laporan dalam format JSON (Content-Type: application/json)." }, 415);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES)
    return reply({ error: "Data laporan terlalu besar." }, 413);

  let json: unknown;
  try {
    const text = await request.text();
    if (text.length > MAX_BODY_BYTES) return reply({ error: "Data laporan terlalu besar." }, 413);
    json = JSON.parse(text);
  } catch {
    return reply({ error: "Data laporan tidak terbaca. Kirim ulang laporan dalam format JSON." }, 400);
  }
  const parsed = visitReportSchema.safeParse(json);
  if (!parsed.success)
    return reply(
      {
        error: "Ada isian yang belum benar. Periksa bagian yang ditandai.",
        fieldErrors: fieldErrorsOf(parsed.error),
      },
      400,
    );

  try {
    // No revalidatePath here: every /asn page is rendered per request (nothing cached on the
    // server), and a route handler's revalidation does not reach a browser's router cache anyway.
    const result = await submitVisit(actor, parsed.data, null);
    return result.created
      ? reply({ visitId: result.visitId, created: true }, 201)
      : reply({ visitId: result.visitId, created: false, updated: result.updated }, 200);
  } catch (error) {
    if (!isAppError(error)) throw error;
    const body = error.fieldErrors
      ? { error: error.message, fieldErrors: error.fieldErrors }
      : { error: error.message };
    return reply(body, STATUS[error.code]);
  }
}
