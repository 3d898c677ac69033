"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import {
  fieldErrorsOf,
  formFields,
  INVALID_INPUT_MESSAGE,
  invalidResult,
  submittedValues,
  type ActionResult,
} from "@/lib/action-result";
import { serverEnv } from "@/lib/env";
import {
  householdUpdateSchema,
  identitySearchSchema,
  memberSchema,
  statusChangeSchema,
} from "@/schemas/household";
import { actionErrorFrom } from "@/server/errors";
import {
  IDENTITY_SEARCH_COOKIE,
  IDENTITY_SEARCH_TTL_SECONDS,
  changeHouseholdStatus,
  saveMember,
  sealIdentitySearch,
  updateHousehold,
} from "@/server/registry";
import { requireActor } from "@/server/session";

const LIST_PATH = "/admin/keluarga";

function failure(error: unknown, formData: FormData): ActionResult {
  const state = actionErrorFrom(error);
  return {
    ...state,
    message: state.fieldErrors ? state.message || INVALID_INPUT_MESSAGE : state.message,
    values: submittedValues(formData),
  };
}

/**
 * NIK / No KK search. POST only: the number is sealed into a short-lived httpOnly cookie and the
 * list is opened with an opaque token (`?nomor=…`), so the number never appears in a URL.
 */
export async function searchIdentityAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = await requireActor();
  const parsed = identitySearchSchema.safeParse(formFields(formData));
  if (!parsed.success)
    return {
      status: "error",
      message: parsed.error.issues[0]?.message ?? INVALID_INPUT_MESSAGE,
      fieldErrors: fieldErrorsOf(parsed.error),
      values: submittedValues(formData),
    };
  let token: string;
  try {
    const sealed = sealIdentitySearch(actor, parsed.data.nomor);
    token = sealed.token;
    (await cookies()).set(IDENTITY_SEARCH_COOKIE, sealed.sealed, {
      httpOnly: true,
      sameSite: "strict",
      secure: serverEnv().NEXTAUTH_URL?.startsWith("https://") ?? false,
      path: LIST_PATH,
      maxAge: IDENTITY_SEARCH_TTL_SECONDS,
    });
  } catch (error) {
    return failure(error, formData);
  }
  redirect(`${LIST_PATH}?nomor=${token}`);
}

export async function updateHouseholdAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = await requireActor();
  const parsed = householdUpdateSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidResult(parsed.error, formData);
  try {
    const result = await updateHousehold(actor, parsed.data);
    revalidatePath(LIST_PATH, "layout");
    return {
      status: "success",
      message: result.changed ? "Data keluarga tersimpan." : "Tidak ada perubahan.",
    };
  } catch (error) {
    return failure(error, formData);
  }
}

export async function saveMemberAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = await requireActor();
  const parsed = memberSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidResult(parsed.error, formData);
  try {
    const result = await saveMember(actor, parsed.data);
    revalidatePath(LIST_PATH, "layout");
    const message = !result.changed
      ? "Tidak ada perubahan."
      : parsed.data.memberId
        ? "Data anggota tersimpan."
        : "Anggota keluarga ditambahkan.";
    return { status: "success", message };
  } catch (error) {
    return failure(error, formData);
  }
}

export async function changeStatusAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = await requireActor();
  const parsed = statusChangeSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalidResult(parsed.error, formData);
  try {
    const result = await changeHouseholdStatus(actor, parsed.data);
    revalidatePath(LIST_PATH, "layout");
    return {
      status: "success",
      message: result.endedAssignmentId
        ? "Status keluarga diubah. Penugasan ASN untuk keluarga ini telah diakhiri."
        : "Status keluarga diubah.",
    };
  } catch (error) {
    return failure(error, formData);
  }
}
