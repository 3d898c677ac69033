"use server";

import { revalidatePath } from "next/cache";
import { fieldErrorsOf, INVALID_INPUT_MESSAGE, type ActionResult } from "@/lib/action-result";
import { MAX_PHOTO_BYTES, visitReportSchema } from "@/schemas/visit";
import { actionErrorFrom, isAppError } from "@/server/errors";
import { requireActor } from "@/server/session";
import { submitVisit, type SubmitVisitResult } from "@/server/visits";

/** NOT_FOUND on submit: the family was reassigned (or deactivated) since the form was opened. */
const NOT_ASSIGNED_MESSAGE =
  "Keluarga ini tidak lagi menjadi keluarga asuhan Anda (sudah dialihkan atau dinonaktifkan). Laporan tidak disimpan.";

async function readPhoto(value: FormDataEntryValue | null): Promise<Uint8Array | null | string> {
  if (!(value instanceof File) || value.size === 0) return null;
  if (value.size > MAX_PHOTO_BYTES) return "Foto terlalu besar (maksimal 1 MB).";
  return new Uint8Array(await value.arrayBuffer());
}

/**
 * Stores a visit report. FormData: `payload` (the report as JSON) and optionally `photo`.
 * Safe to retry: the report's idempotency key makes a repeated submission store one report.
 */
export async function submitVisitAction(formData: FormData): Promise<ActionResult<SubmitVisitResult>> {
  const actor = await requireActor();
  let json: unknown;
  try {
    json = JSON.parse(String(formData.get("payload") ?? ""));
  } catch {
    return { status: "error", message: "Data laporan tidak terbaca. Muat ulang halaman lalu coba lagi." };
  }
  const parsed = visitReportSchema.safeParse(json);
  if (!parsed.success)
    return { status: "error", message: INVALID_INPUT_MESSAGE, fieldErrors: fieldErrorsOf(parsed.error) };
  const photo = await readPhoto(formData.get("photo"));
  if (typeof photo === "string") return { status: "error", message: photo, fieldErrors: { photo: [photo] } };
  try {
    const result = await submitVisit(actor, parsed.data, photo);
    revalidatePath("/asn", "layout");
    const message = result.updated
      ? "Perubahan laporan tersimpan."
      : result.created
        ? "Laporan kunjungan terkirim."
        : "Laporan ini sudah tersimpan sebelumnya.";
    return { status: "success", message, data: result };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND")
      return { status: "error", message: NOT_ASSIGNED_MESSAGE };
    const state = actionErrorFrom(error);
    if (state.fieldErrors) return { ...state, message: state.message || INVALID_INPUT_MESSAGE };
    return state;
  }
}
