"use server";

import { revalidatePath } from "next/cache";
import {
  fieldErrorsOf,
  INVALID_INPUT_MESSAGE,
  submittedValues,
  type ActionResult,
} from "@/lib/action-result";
import { bulkAssignSchema, confirmProposalSchema, moveAllSchema } from "@/schemas/assignment";
import { assignHouseholds, confirmProposal, moveAllFamilies, type ConfirmResult } from "@/server/assignments";
import { actionErrorFrom } from "@/server/errors";
import { requireActor } from "@/server/session";

/** Assign the ticked families (`householdIds`) to the ASN with `asnNip`. All or nothing. */
export async function bulkAssignAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = await requireActor();
  const parsed = bulkAssignSchema.safeParse({
    asnNip: String(formData.get("asnNip") ?? ""),
    householdIds: formData.getAll("householdIds").map(String),
    reason: String(formData.get("reason") ?? ""),
    allowOverQuota: formData.get("allowOverQuota") ? "on" : undefined,
  });
  const values = submittedValues(formData);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return {
      status: "error",
      message: fieldErrors.householdIds?.[0] ?? INVALID_INPUT_MESSAGE,
      fieldErrors,
      values,
    };
  }
  try {
    const result = await assignHouseholds(actor, parsed.data);
    revalidatePath("/admin", "layout");
    return { status: "success", message: `${result.assigned} keluarga ditugaskan kepada ${result.asnName}.` };
  } catch (error) {
    return { ...actionErrorFrom(error), values };
  }
}

/**
 * Confirms the proposal preview. FormData: `include` (ticked household ids) and `nip:<householdId>`
 * (the proposed or edited ASN of each row).
 */
export async function confirmProposalAction(
  _previous: ActionResult<ConfirmResult>,
  formData: FormData,
): Promise<ActionResult<ConfirmResult>> {
  const actor = await requireActor();
  const rows = formData
    .getAll("include")
    .map(String)
    .map((householdId) => ({ householdId, asnNip: String(formData.get(`nip:${householdId}`) ?? "") }));
  const parsed = confirmProposalSchema.safeParse({ rows });
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return {
      status: "error",
      message: parsed.error.issues[0]?.message ?? INVALID_INPUT_MESSAGE,
      fieldErrors,
    };
  }
  try {
    const result = await confirmProposal(actor, parsed.data);
    revalidatePath("/admin", "layout");
    const skipped = result.skipped.length > 0 ? `; ${result.skipped.length} baris dilewati` : "";
    return { status: "success", message: `${result.assigned} keluarga ditugaskan${skipped}.`, data: result };
  } catch (error) {
    return actionErrorFrom(error);
  }
}

/** Moves every active family of `fromAsnId` to the ASN with `toNip`, in one transaction. */
export async function moveAllAction(
  fromAsnId: string,
  _previous: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const actor = await requireActor();
  const values = submittedValues(formData);
  const parsed = moveAllSchema.safeParse({
    toNip: String(formData.get("toNip") ?? ""),
    reason: String(formData.get("reason") ?? ""),
    allowOverQuota: formData.get("allowOverQuota") ? "on" : undefined,
  });
  if (!parsed.success)
    return {
      status: "error",
      message: INVALID_INPUT_MESSAGE,
      fieldErrors: fieldErrorsOf(parsed.error),
      values,
    };
  try {
    const result = await moveAllFamilies(actor, fromAsnId, parsed.data);
    revalidatePath("/admin", "layout");
    return { status: "success", message: `${result.moved} keluarga dipindahkan ke ${result.toAsnName}.` };
  } catch (error) {
    return { ...actionErrorFrom(error), values };
  }
}
