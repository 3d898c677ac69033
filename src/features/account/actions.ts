"use server";

import { fieldErrorsOf, type ActionResult } from "@/lib/action-result";
import { changePasswordSchema } from "@/schemas/account";
import { changeOwnPassword, getOwnSignInName } from "@/server/account";
import { actionErrorFrom } from "@/server/errors";
import { requireSignedIn } from "@/server/session";

/**
 * /ganti-sandi. The one action an account with a temporary password may run (requireSignedIn, not
 * requireActor). On success every session of the account has ended: the form signs the user out
 * and they sign in with the new password.
 */
export async function changePasswordAction(
  _previous: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const actor = await requireSignedIn();
  const owner = await getOwnSignInName(actor);
  const parsed = changePasswordSchema(owner).safeParse({
    currentPassword: String(formData.get("currentPassword") ?? ""),
    newPassword: String(formData.get("newPassword") ?? ""),
    confirmPassword: String(formData.get("confirmPassword") ?? ""),
  });
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return { status: "error", message: Object.values(fieldErrors)[0]?.[0] ?? "Periksa isian.", fieldErrors };
  }
  try {
    await changeOwnPassword(actor, parsed.data);
  } catch (error) {
    return actionErrorFrom(error);
  }
  return {
    status: "success",
    message: "Kata sandi berhasil diganti. Silakan masuk kembali dengan kata sandi baru.",
  };
}
