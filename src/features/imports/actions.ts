"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import { importBatchIdSchema } from "@/schemas/imports";
import { actionErrorFrom } from "@/server/errors";
import { cancelImport, commitImport } from "@/server/imports/batches";
import { requireActor } from "@/server/session";

function batchIdOf(formData: FormData): string | null {
  const parsed = importBatchIdSchema.safeParse(formData.get("batchId"));
  return parsed.success ? parsed.data : null;
}

/** Writes a previewed import to the database (one transaction), then shows its result. */
export async function commitImportAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = await requireActor();
  const batchId = batchIdOf(formData);
  if (!batchId) return { status: "error", message: "Impor tidak ditemukan." };
  try {
    await commitImport(actor, batchId);
  } catch (error) {
    return actionErrorFrom(error);
  }
  revalidatePath("/admin", "layout");
  redirect(`/admin/impor/${batchId}`);
}

/** Discards a preview: nothing was written; its temp files are removed. */
export async function cancelImportAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = await requireActor();
  const batchId = batchIdOf(formData);
  if (!batchId) return { status: "error", message: "Impor tidak ditemukan." };
  try {
    await cancelImport(actor, batchId);
  } catch (error) {
    return actionErrorFrom(error);
  }
  revalidatePath("/admin/impor");
  redirect(`/admin/impor/${batchId}`);
}
