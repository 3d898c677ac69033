"use server";

import { revalidatePath } from "next/cache";
import { INVALID_INPUT_MESSAGE, submittedValues, type ActionResult } from "@/lib/action-result";
import {
  menuRotationSchema,
  povertyFigureSchema,
  programmeSettingsSchema,
  settingsFieldErrors,
} from "@/schemas/settings";
import { actionErrorFrom } from "@/server/errors";
import { requireActor } from "@/server/session";
import { replaceMenuRotation, updateProgrammeSettings, upsertPovertyFigure } from "@/server/settings";

function revalidateAll() {
  // Settings, menu and poverty figures show up in every area.
  revalidatePath("/", "layout");
}

export async function updateSettingsAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = await requireActor();
  const values = submittedValues(formData);
  const parsed = programmeSettingsSchema.safeParse({
    ...values,
    localAidProgrammes: values.localAidProgrammes ?? "",
  });
  if (!parsed.success)
    return {
      status: "error",
      message: INVALID_INPUT_MESSAGE,
      fieldErrors: settingsFieldErrors(parsed.error),
      values,
    };
  try {
    const changed = await updateProgrammeSettings(actor, parsed.data);
    revalidateAll();
    return { status: "success", message: changed ? "Pengaturan program tersimpan." : "Tidak ada perubahan." };
  } catch (error) {
    return { ...actionErrorFrom(error), values };
  }
}

/** FormData: `payload` = JSON array of rows in order (the menu editor builds it). */
export async function replaceMenuAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = await requireActor();
  let rows: unknown;
  try {
    rows = JSON.parse(String(formData.get("payload") ?? ""));
  } catch {
    return { status: "error", message: "Data menu tidak terbaca. Muat ulang halaman lalu coba lagi." };
  }
  const parsed = menuRotationSchema.safeParse(rows);
  if (!parsed.success)
    return {
      status: "error",
      message: INVALID_INPUT_MESSAGE,
      fieldErrors: settingsFieldErrors(parsed.error),
    };
  try {
    const changed = await replaceMenuRotation(actor, parsed.data);
    revalidateAll();
    return { status: "success", message: changed ? "Menu bergilir tersimpan." : "Tidak ada perubahan." };
  } catch (error) {
    return actionErrorFrom(error);
  }
}

export async function upsertPovertyFigureAction(
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const actor = await requireActor();
  const values = submittedValues(formData);
  const parsed = povertyFigureSchema.safeParse(values);
  if (!parsed.success)
    return {
      status: "error",
      message: INVALID_INPUT_MESSAGE,
      fieldErrors: settingsFieldErrors(parsed.error),
      values,
    };
  try {
    const result = await upsertPovertyFigure(actor, parsed.data);
    revalidateAll();
    const message = !result.changed
      ? "Tidak ada perubahan."
      : result.created
        ? `Angka kemiskinan ${parsed.data.year} ditambahkan.`
        : `Angka kemiskinan ${parsed.data.year} dikoreksi.`;
    return { status: "success", message };
  } catch (error) {
    return { ...actionErrorFrom(error), values };
  }
}
