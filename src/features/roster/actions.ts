"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formFields, invalidResult, submittedValues, type ActionResult } from "@/lib/action-result";
import {
  asnCreateSchema,
  asnUpdateSchema,
  deactivateSchema,
  resetPasswordSchema,
  transferSchema,
} from "@/schemas/roster";
import { actionErrorFrom } from "@/server/errors";
import {
  createAsn,
  deactivateAsn,
  reactivateAsn,
  resetAsnPassword,
  transferAsn,
  updateAsn,
} from "@/server/roster";
import { requireActor } from "@/server/session";

function failed(formData: FormData, error: unknown): ActionResult {
  return { ...actionErrorFrom(error), values: submittedValues(formData) };
}

export async function createAsnAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = await requireActor();
  const parsed = asnCreateSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidResult(parsed.error, formData);
  let id: string;
  try {
    ({ id } = await createAsn(actor, parsed.data));
  } catch (error) {
    return failed(formData, error);
  }
  revalidatePath("/admin/asn");
  redirect(`/admin/asn/${id}?dibuat=1`);
}

export async function updateAsnAction(
  asnId: string,
  _previous: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const actor = await requireActor();
  const parsed = asnUpdateSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidResult(parsed.error, formData);
  try {
    const result = await updateAsn(actor, asnId, parsed.data);
    revalidatePath("/admin/asn", "layout");
    const message =
      result.opdChanged && result.activeFamilies > 0
        ? `Perubahan tersimpan (mutasi OPD). ASN ini masih mengasuh ${result.activeFamilies} keluarga; pindahkan bila perlu.`
        : "Perubahan tersimpan.";
    return { status: "success", message };
  } catch (error) {
    return failed(formData, error);
  }
}

export async function resetPasswordAction(
  asnId: string,
  _previous: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const actor = await requireActor();
  const parsed = resetPasswordSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidResult(parsed.error, formData);
  try {
    await resetAsnPassword(actor, asnId, parsed.data.temporaryPassword);
  } catch (error) {
    return failed(formData, error);
  }
  revalidatePath(`/admin/asn/${asnId}`);
  return {
    status: "success",
    message: "Kata sandi sementara tersimpan. Sesi ASN ini diakhiri; ia wajib menggantinya saat masuk.",
  };
}

export async function deactivateAsnAction(
  asnId: string,
  _previous: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const actor = await requireActor();
  const parsed = deactivateSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidResult(parsed.error, formData);
  let moved = 0;
  try {
    moved = (await deactivateAsn(actor, asnId, parsed.data)).moved?.moved ?? 0;
  } catch (error) {
    return failed(formData, error);
  }
  revalidatePath("/admin", "layout");
  // The page swaps the deactivation form for "Aktifkan kembali": the outcome travels in the URL.
  redirect(`/admin/asn/${asnId}?dinonaktifkan=${moved}`);
}

export async function reactivateAsnAction(asnId: string): Promise<void> {
  const actor = await requireActor();
  // Expected refusals are "already active" (a double click: the wished state holds) and an unknown
  // id (nothing changes), so the page simply re-renders; anything unexpected is rethrown.
  await reactivateAsn(actor, asnId).catch((error: unknown) => {
    actionErrorFrom(error);
  });
  revalidatePath("/admin", "layout");
}

export async function transferAsnAction(
  asnId: string,
  _previous: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const actor = await requireActor();
  const parsed = transferSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidResult(parsed.error, formData);
  try {
    const result = await transferAsn(actor, asnId, parsed.data);
    revalidatePath("/admin", "layout");
    return {
      status: "success",
      message: result.moved
        ? `Mutasi tersimpan; ${result.moved.moved} keluarga dipindahkan ke ${result.moved.toAsnName}.`
        : "Mutasi tersimpan.",
    };
  } catch (error) {
    return failed(formData, error);
  }
}
