"use server";

import { revalidatePath } from "next/cache";
import { invalidResult, submittedValues, type ActionResult } from "@/lib/action-result";
import { followUpStatusChangeSchema, followUpTargetChangeSchema } from "@/schemas/follow-up";
import { actionErrorFrom } from "@/server/errors";
import { changeFollowUpStatus, changeFollowUpTargetOpd } from "@/server/follow-ups";
import { requireActor } from "@/server/session";

function revalidateBoards() {
  revalidatePath("/admin/tindak-lanjut", "layout");
  revalidatePath("/pengawas/tindak-lanjut", "layout");
}

/** Changes a follow-up's status with a required note (ADMIN, or the SUPERVISOR it is addressed to). */
export async function changeFollowUpStatusAction(
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const actor = await requireActor();
  const values = submittedValues(formData);
  const parsed = followUpStatusChangeSchema.safeParse(values);
  if (!parsed.success) return invalidResult(parsed.error, formData);
  try {
    await changeFollowUpStatus(actor, parsed.data);
  } catch (error) {
    return { ...actionErrorFrom(error), values };
  }
  revalidateBoards();
  return { status: "success", message: "Status tindak lanjut diperbarui." };
}

/** Routes a follow-up to another OPD with a required note (ADMIN only). */
export async function changeFollowUpTargetAction(
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const actor = await requireActor();
  const values = submittedValues(formData);
  const parsed = followUpTargetChangeSchema.safeParse(values);
  if (!parsed.success) return invalidResult(parsed.error, formData);
  try {
    await changeFollowUpTargetOpd(actor, parsed.data);
  } catch (error) {
    return { ...actionErrorFrom(error), values };
  }
  revalidateBoards();
  return { status: "success", message: "OPD tujuan diperbarui." };
}
