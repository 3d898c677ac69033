import type { NextApiRequest, NextApiResponse } from "next";
import { fieldErrorsOf } from "@/lib/action-result";
import { visitReportSchema } from "@/schemas/visit";
import { isAppError, type AppErrorCode } from "@/server/errors";
import { log } from "@/server/log";
import { actorFromCookies } from "@/server/session";
import { cookieReaderOf } from "@/server/session-token";
import { submitVisit } from "@/server/visits";

// POST /api/visits: a visit report as JSON, for clients that are not the form (API clients, the
// load benchmark; the phone's offline queue sends the form's server action). Same rules as
// submitVisitAction: the signed-in ASN, the same zod schema (src/schemas/visit.ts) and the same
// DAL function (submitVisit), so a retried report with the same idempotency key is stored once.
// No photo here: a photo goes with the form.
//
// The one Pages API route (docs/decisions/017): it is the hot write path, and an App Router route
// handler costs ~2.5 ms more server CPU per request in Next 16.4.
//
//   201 { visitId, created: true }                          stored now
//   200 { visitId, created: false, updated }                 the same key again (a retry, or an edit)
//   400 { error, fieldErrors }    401 { error }    403 { error }    404 { error }    405 { error }
//   409 { error }                 413 { error }    415 { error }    500 { error } (logged)
// Messages are Indonesian and never echo NIK/KK.

// The body is read here, with our own size limit and Indonesian messages.
export const config = { api: { bodyParser: false } };

const MAX_BODY_BYTES = 256 * 1024;

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_INPUT: 400,
  TOO_MANY_ATTEMPTS: 429,
};

function reply(res: NextApiResponse, body: unknown, status: number): void {
  res.setHeader("Cache-Control", "private, no-store");
  res.status(status).json(body);
}

/** A cross-site request carries another Origin; same-origin fetches and non-browser clients pass. */
function isCrossSite(req: NextApiRequest): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  const forwardedHost = req.headers["x-forwarded-host"];
  const host = (Array.isArray(forwardedHost) ? forwardedHost[0] : forwardedHost) ?? req.headers.host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** The body as text, or null when it is larger than the limit (the rest is not read). */
async function bodyText(req: NextApiRequest): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export default async function handler(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  try {
    await handleReport(req, res);
  } catch (error) {
    // Logged as instrumentation's onRequestError logs a thrown error (redacted, path only);
    // rethrowing would answer an API client with Next's English HTML error page.
    log.error("request failed", { method: req.method, path: "/api/visits", route: "/api/visits", error });
    if (!res.headersSent)
      reply(res, { error: "Terjadi kesalahan di server. Laporan belum tersimpan; kirim ulang nanti." }, 500);
  }
}

async function handleReport(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  if (req.method !== "POST") {
    res.setHeader("Allow", "POST");
    return reply(res, { error: "Gunakan metode POST untuk mengirim laporan." }, 405);
  }
  if (isCrossSite(req)) return reply(res, { error: "Permintaan dari situs lain ditolak." }, 403);
  const actor = await actorFromCookies(cookieReaderOf(req.cookies));
  if (!actor || actor.mustChangePassword) return reply(res, { error: "Silakan masuk terlebih dahulu." }, 401);
  // JSON only: a cross-site HTML form cannot send it without a CORS preflight, which is refused.
  if (!(req.headers["content-type"] ?? "").toLowerCase().startsWith("application/json"))
    return reply(res, { error: "Kirim laporan dalam format JSON (Content-Type: application/json)." }, 415);
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES)
    return reply(res, { error: "Data laporan terlalu besar." }, 413);

  let json: unknown;
  try {
    const text = await bodyText(req);
    if (text === null) return reply(res, { error: "Data laporan terlalu besar." }, 413);
    json = JSON.parse(text);
  } catch {
    return reply(res, { error: "Data laporan tidak terbaca. Kirim ulang laporan dalam format JSON." }, 400);
  }
  const parsed = visitReportSchema.safeParse(json);
  if (!parsed.success)
    return reply(
      res,
      {
        error: "Ada isian yang belum benar. Periksa bagian yang ditandai.",
        fieldErrors: fieldErrorsOf(parsed.error),
      },
      400,
    );

  try {
    // No revalidation: every /asn page is rendered per request (nothing cached on the server).
    const result = await submitVisit(actor, parsed.data, null);
    return result.created
      ? reply(res, { visitId: result.visitId, created: true }, 201)
      : reply(res, { visitId: result.visitId, created: false, updated: result.updated }, 200);
  } catch (error) {
    if (!isAppError(error)) throw error;
    const body = error.fieldErrors
      ? { error: error.message, fieldErrors: error.fieldErrors }
      : { error: error.message };
    return reply(res, body, STATUS[error.code]);
  }
}
